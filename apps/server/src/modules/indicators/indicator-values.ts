import type { IndicatorValue } from '@mosaico/contracts/indicators';
import type { Node, RefNode } from '@mosaico/form-engine/ast';
import { evaluateIndicatorFormula, formulaLookback, formulaReferences, parseIndicatorFormula } from '@mosaico/form-engine/indicator-formula';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { disaggregationKey } from '../data-values/form-data-values.ts';
import { dataElements } from '../data-values/data-values.schema.ts';
import type { indicators } from './indicators.schema.ts';
import { type CollectedScope, type RollupLevel, readSeriesTotals, readTerritoryTree, type SeriesSpec, type SeriesTotal } from './indicators.queries.ts';

export type IndicatorRow = typeof indicators.$inferSelect;
type Tree = Awaited<ReturnType<typeof readTerritoryTree>>;
type TreeNode = Tree[number];

interface Compiled {
  row: IndicatorRow;
  numerator: Node | null;
  denominator: Node | null;
  weight: Node | null;
}

/** What one value was computed from: used for `provisional` and `sources`. */
interface Trace {
  provisional: boolean;
  imported: boolean;
  collected: boolean;
}

export interface Computed {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reason: IndicatorValue['reason'];
  trace: Trace;
}

const treeCache = new WeakMap<object, Promise<Tree>>();
/** The territory tree is reference data: read once per database handle. */
function territoryTree(db: DbOrTx): Promise<Tree> {
  let tree = treeCache.get(db);
  if (!tree) {
    tree = readTerritoryTree(db);
    treeCache.set(db, tree);
  }
  return tree;
}

const parse = (src: string | null) => {
  if (!src) return null;
  const p = parseIndicatorFormula(src);
  return p.ok ? p.node : null;
};

const seriesKeys = new WeakMap<RefNode, string>();
/** A reference's series key (element and canonical filter), worked out once per parsed reference. */
export const seriesKey = (ref: RefNode) => {
  let key = seriesKeys.get(ref);
  if (key === undefined) {
    key = `${ref.ref}|${disaggregationKey(Object.fromEntries((ref.filter ?? []).map((f) => [f.category, f.option])))}`;
    seriesKeys.set(ref, key);
  }
  return key;
};

const validAt = (t: TreeNode, year: string) => t.validFrom <= `${year}-01-01` && (t.validTo === null || t.validTo >= `${year}-01-01`);

/**
 * Computes an indicator for territories of one level over years, from the reader's data values at query time.
 * `all` lists every indicator (for `{code}` references); `only` restricts the output territories.
 */
export async function computeIndicator(
  db: DbOrTx,
  opts: { code: string; all: Map<string, IndicatorRow>; level: RollupLevel; years: string[] | null; only?: Set<number>; scope: CollectedScope },
) {
  const out = await computeIndicators(db, { ...opts, codes: [opts.code], levels: [opts.level] });
  return out.get(opts.code) ?? [];
}

/**
 * Several indicators at several levels from ONE read of their series (per time rule): each indicator's values for
 * the territories of each level (restricted to `only` when given), exactly as `computeIndicator` gives them one at
 * a time. Used by the territory profile (its key indicators for a province, its region and Italy).
 */
export async function computeIndicators(
  db: DbOrTx,
  opts: { codes: string[]; all: Map<string, IndicatorRow>; levels: RollupLevel[]; years: string[] | null; only?: Set<number>; scope: CollectedScope },
): Promise<Map<string, { territory: TreeNode; year: string; computed: Computed }[]>> {
  const compiled = new Map<string, Compiled>();
  const visit = (code: string, closure: Set<string>) => {
    const row = opts.all.get(code);
    if (!row || closure.has(code)) return;
    closure.add(code);
    let c = compiled.get(code);
    if (!c) {
      c = { row, numerator: parse(row.numerator), denominator: parse(row.denominator), weight: parse(row.weight) };
      compiled.set(code, c);
    }
    for (const node of [c.numerator, c.denominator, c.weight]) if (node) for (const r of formulaReferences(node).indicators) visit(r.ref, closure);
  };
  // Each asked indicator with the indicators it references.
  const closures = new Map<string, Set<string>>();
  for (const code of opts.codes) {
    const closure = new Set<string>();
    visit(code, closure);
    if (compiled.has(code)) closures.set(code, closure);
  }
  if (!closures.size) return new Map();

  const refsOf = (c: Compiled) => [c.numerator, c.denominator, c.weight].flatMap((n) => (n ? formulaReferences(n).elements : []));
  const refs = [...compiled.values()].flatMap(refsOf);
  const codes = [...new Set(refs.map((r) => r.ref))];
  const elements = codes.length ? await db.select({ id: dataElements.id, code: dataElements.code, categories: dataElements.categories }).from(dataElements).where(inArray(dataElements.code, codes)) : [];
  const byCode = new Map(elements.map((e) => [e.code, e]));
  const specOf = (r: RefNode): SeriesSpec | null => {
    const e = byCode.get(r.ref);
    if (!e) return null;
    const filter = Object.fromEntries((r.filter ?? []).map((f) => [f.category, f.option]));
    return { key: seriesKey(r), elementId: e.id, filterKey: disaggregationKey(filter), filter, categoryCount: e.categories.length };
  };
  // The series each time rule reads: those of the indicators following it (the only ones looked up under it).
  const seriesByRule = new Map<'stock' | 'flow', Map<string, SeriesSpec>>();
  for (const c of compiled.values()) {
    let series = seriesByRule.get(c.row.timeRule);
    if (!series) {
      series = new Map();
      seriesByRule.set(c.row.timeRule, series);
    }
    for (const r of refsOf(c)) {
      const spec = series.has(seriesKey(r)) ? null : specOf(r);
      if (spec) series.set(spec.key, spec);
    }
  }
  const byChildrenOf = (closure: Set<string>) => [...closure].some((code) => ['sum', 'average', 'weighted_average'].includes(compiled.get(code)?.row.aggregation ?? ''));
  const levels = new Set<RollupLevel>(opts.levels);
  if ([...closures.values()].some(byChildrenOf) && opts.levels.some((l) => l !== 'province')) levels.add('province');
  const lookback = Math.max(0, ...[...compiled.values()].flatMap((c) => [c.numerator, c.denominator, c.weight].map((n) => (n ? formulaLookback(n) : 0))));
  const fetchYears = opts.years ? [...new Set(opts.years.flatMap((y) => Array.from({ length: lookback + 1 }, (_, i) => String(Number(y) - i))))] : null;

  const totals = new Map<string, SeriesTotal>();
  for (const [timeRule, series] of seriesByRule) {
    const rows = await readSeriesTotals(db, { series: [...series.values()], levels: [...levels], years: fetchYears, timeRule, scope: opts.scope });
    for (const t of rows) totals.set(`${timeRule}|${t.series}|${t.level}|${t.territoryId}|${t.year}`, t);
  }

  const tree = await territoryTree(db);
  const byId = new Map(tree.map((t) => [t.id, t]));
  const ancestorAt = (t: TreeNode, level: RollupLevel): number | null => {
    let cur: TreeNode | undefined = t;
    while (cur && cur.level !== level) cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    return cur ? cur.id : null;
  };
  const provincesOf = (level: RollupLevel, id: number, year: string) =>
    tree.filter((t) => t.level === 'province' && validAt(t, year) && ancestorAt(t, level) === id).map((t) => t.id);

  const memo = new Map<string, Computed>();
  const computeAt = (code: string, level: RollupLevel, id: number, year: string): Computed => {
    const key = `${code}|${level}|${id}|${year}`;
    const known = memo.get(key);
    if (known) return known;
    const c = compiled.get(code);
    let out: Computed;
    if (!c) out = { value: null, numerator: null, denominator: null, reason: 'no_data', trace: { provisional: false, imported: false, collected: false } };
    else if (level === 'province' || c.row.aggregation === 'ratio_of_sums' || c.row.aggregation === 'none') out = direct(c, level, id, year);
    else out = fromProvinces(c, level, id, year);
    memo.set(key, out);
    return out;
  };

  const direct = (c: Compiled, level: RollupLevel, id: number, year: string): Computed => {
    const trace: Trace = { provisional: false, imported: false, collected: false };
    const storedOnly = c.row.aggregation === 'none';
    // Why a reference had no value: only a previous period missing, or figures only finer than stored ones.
    const missing = { now: false, before: false, notStored: false };
    const resolve = (ref: RefNode, back: number): number | null => {
      const y = String(Number(year) - back);
      let v: number | null = null;
      if (ref.target === 'indicator') {
        const r = computeAt(ref.ref, level, id, y);
        merge(trace, r.trace);
        v = r.value;
      } else {
        const t = totals.get(`${c.row.timeRule}|${seriesKey(ref)}|${level}|${id}|${y}`);
        if (t && storedOnly && t.own === null) missing.notStored = true;
        else if (t) {
          merge(trace, storedOnly ? { provisional: t.provisional, imported: t.imported, collected: t.collected } : t);
          v = storedOnly ? t.own : t.value;
        }
      }
      if (v === null) missing[back > 0 ? 'before' : 'now'] = true;
      return v;
    };
    const num = c.numerator ? evaluateIndicatorFormula(c.numerator, resolve) : null;
    const den = c.denominator ? evaluateIndicatorFormula(c.denominator, resolve) : 1;
    const out = finish(c, num, c.denominator ? den : null, trace);
    if (out.reason === 'no_data' && missing.notStored) out.reason = 'not_stored';
    else if (out.reason === 'no_data' && missing.before && !missing.now) out.reason = 'no_previous_period';
    return out;
  };

  const fromProvinces = (c: Compiled, level: RollupLevel, id: number, year: string): Computed => {
    const trace: Trace = { provisional: false, imported: false, collected: false };
    const parts = provincesOf(level, id, year)
      .map((p) => {
        const v = computeAt(c.row.code, 'province', p, year);
        if (v.value === null) return null;
        merge(trace, v.trace);
        let w = 1;
        if (c.row.aggregation === 'weighted_average') {
          const resolve = (ref: RefNode, back: number) => {
            const t = totals.get(`${c.row.timeRule}|${seriesKey(ref)}|province|${p}|${String(Number(year) - back)}`);
            return t ? t.value : null;
          };
          const wv = c.weight ? evaluateIndicatorFormula(c.weight, resolve) : null;
          if (wv === null) return null;
          w = wv;
        }
        return { v: v.value, w };
      })
      .filter((x): x is { v: number; w: number } => x !== null);
    if (!parts.length) return { value: null, numerator: null, denominator: null, reason: 'no_data', trace };
    const sum = parts.reduce((s, p) => s + p.v * (c.row.aggregation === 'weighted_average' ? p.w : 1), 0);
    if (c.row.aggregation === 'sum') return { value: round(sum, c.row.decimals), numerator: sum, denominator: null, reason: null, trace };
    const weight = c.row.aggregation === 'weighted_average' ? parts.reduce((s, p) => s + p.w, 0) : parts.length;
    if (weight === 0) return { value: null, numerator: sum, denominator: 0, reason: 'zero_denominator', trace };
    return { value: round(sum / weight, c.row.decimals), numerator: sum, denominator: weight, reason: null, trace };
  };

  // The output: territories of each level valid in each year (restricted when asked); when no years are given, the
  // years with data in the indicator's own series at that level (or at the provinces it is added up from).
  const results = new Map<string, { territory: TreeNode; year: string; computed: Computed }[]>();
  const yearsByLevel = new Map<string, Set<string>>();
  if (!opts.years) {
    for (const t of totals.values()) {
      const key = `${t.series}|${t.level}`;
      let ys = yearsByLevel.get(key);
      if (!ys) {
        ys = new Set();
        yearsByLevel.set(key, ys);
      }
      ys.add(t.year);
    }
  }
  for (const [code, closure] of closures) {
    const rows: { territory: TreeNode; year: string; computed: Computed }[] = [];
    const own = [...new Set([...closure].flatMap((k) => {
      const c = compiled.get(k);
      return c ? refsOf(c).map(seriesKey) : [];
    }))];
    const byChildren = byChildrenOf(closure);
    for (const level of opts.levels) {
      let years = opts.years;
      if (!years) {
        const ys = new Set<string>();
        for (const k of own) for (const l of new Set([byChildren ? 'province' : level, level])) for (const y of yearsByLevel.get(`${k}|${l}`) ?? []) ys.add(y);
        years = [...ys].sort();
      }
      for (const year of years) {
        for (const t of tree) {
          if (t.level !== level || !validAt(t, year) || (opts.only && !opts.only.has(t.id))) continue;
          rows.push({ territory: t, year, computed: computeAt(code, level, t.id, year) });
        }
      }
    }
    results.set(code, rows);
  }
  return results;
}

function merge(into: Trace, from: Trace) {
  into.provisional ||= from.provisional;
  into.imported ||= from.imported;
  into.collected ||= from.collected;
}

function finish(c: Compiled, num: number | null, den: number | null, trace: Trace): Computed {
  const factor = c.row.factor;
  if (num === null) return { value: null, numerator: null, denominator: den, reason: 'no_data', trace };
  if (!c.denominator) return { value: round(num * factor, c.row.decimals), numerator: num, denominator: null, reason: null, trace };
  if (den === null) return { value: null, numerator: num, denominator: null, reason: 'no_denominator', trace };
  if (den === 0) return { value: null, numerator: num, denominator: 0, reason: 'zero_denominator', trace };
  return { value: round((num / den) * factor, c.row.decimals), numerator: num, denominator: den, reason: null, trace };
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/** The response row of the API. */
export function presentValue(r: { territory: TreeNode; year: string; computed: Computed }): IndicatorValue {
  const { territory: t, computed: c } = r;
  const sources: IndicatorValue['sources'] = [];
  if (c.trace.imported) sources.push('import');
  if (c.trace.collected) sources.push('submission');
  return {
    territory: { id: t.id, code: t.code, name: t.name, level: t.level },
    period: r.year,
    value: c.value,
    numerator: c.numerator,
    denominator: c.denominator,
    reason: c.reason,
    provisional: c.trace.provisional,
    sources,
  };
}

/** The tree, for callers that place territories (profile, restriction). */
export { territoryTree };
