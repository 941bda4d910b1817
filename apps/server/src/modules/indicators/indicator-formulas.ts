import type { FormulaIssue } from '@mosaico/contracts/indicators';
import type { Node } from '@mosaico/form-engine/ast';
import { checkIndicatorFormula, type FormulaCatalog, type FormulaFault, formulaReferences, parseIndicatorFormula } from '@mosaico/form-engine/indicator-formula';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Lang } from '../../platform/http/messages.ts';
import { dataElements } from '../data-values/data-values.schema.ts';
import { indicators } from './indicators.schema.ts';

export interface FormulaFields {
  code?: string;
  numerator: string;
  denominator?: string | null;
  weight?: string | null;
}

export interface FormulaCheck {
  issues: FormulaIssue[];
  elements: string[];
  indicators: string[];
}

const CYCLE = {
  it: (path: string) => `Riferimento circolare: ${path}. Un indicatore non può dipendere da sé stesso.`,
  en: (path: string) => `Circular reference: ${path}. An indicator cannot depend on itself.`,
};

/**
 * Checks an indicator's formulas against the data elements and indicators in the database: syntax, unknown data
 * elements, categories and options (options as seen in the stored values), unknown indicators and cycles through
 * `fields.code`. Every fault of every field at once, with its span, in the caller's language.
 */
export async function checkFormulas(db: DbOrTx, fields: FormulaFields, lang: Lang): Promise<FormulaCheck> {
  const parsed = (['numerator', 'denominator', 'weight'] as const)
    .filter((f) => fields[f] != null && fields[f] !== '')
    .map((field) => ({ field, src: fields[field] as string, result: parseIndicatorFormula(fields[field] as string) }));
  const faults: { field: string; fault: FormulaFault }[] = [];
  const nodes: { field: string; node: Node }[] = [];
  for (const p of parsed) {
    if (p.result.ok) nodes.push({ field: p.field, node: p.result.node });
    else faults.push({ field: p.field, fault: p.result.fault });
  }

  const refs = nodes.map((n) => ({ field: n.field, node: n.node, ...formulaReferences(n.node) }));
  const elementCodes = [...new Set(refs.flatMap((r) => r.elements.map((e) => e.ref)))];
  const rows = elementCodes.length
    ? await db.select({ id: dataElements.id, code: dataElements.code, categories: dataElements.categories }).from(dataElements).where(inArray(dataElements.code, elementCodes))
    : [];
  const filtered = new Set(refs.flatMap((r) => r.elements.filter((e) => e.filter?.length).map((e) => e.ref)));
  const options = await optionsOf(
    db,
    rows.filter((r) => filtered.has(r.code)).map((r) => r.id),
  );
  const allIndicators = await db.select({ code: indicators.code, uses: indicators.uses }).from(indicators);
  const catalog: FormulaCatalog = {
    elements: new Map(rows.map((r) => [r.code, { categories: r.categories, options: options.get(r.id) }])),
    indicators: new Set(allIndicators.map((i) => i.code).filter((c) => c !== fields.code)),
  };
  for (const n of nodes) for (const fault of checkIndicatorFormula(n.node, catalog)) faults.push({ field: n.field, fault });

  // Cycles: an indicator used here that (through others) uses the one being defined.
  if (fields.code) {
    const uses = new Map(allIndicators.map((i) => [i.code, i.uses]));
    for (const r of refs) {
      for (const ref of r.indicators) {
        if (ref.ref === fields.code) {
          faults.push({ field: r.field, fault: { code: 'indicator_cycle', message: { it: CYCLE.it(`${fields.code} → ${fields.code}`), en: CYCLE.en(`${fields.code} → ${fields.code}`) }, start: ref.start, end: ref.end } });
          continue;
        }
        const path = pathTo(ref.ref, fields.code, uses);
        if (path) {
          const text = [fields.code, ...path].join(' → ');
          faults.push({ field: r.field, fault: { code: 'indicator_cycle', message: { it: CYCLE.it(text), en: CYCLE.en(text) }, start: ref.start, end: ref.end } });
        }
      }
    }
  }
  const order = ['numerator', 'denominator', 'weight'];
  faults.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field) || a.fault.start - b.fault.start);
  return {
    issues: faults.map(({ field, fault }) => ({
      field,
      code: fault.code,
      message: fault.message[lang],
      start: fault.start,
      end: fault.end,
      position: fault.start,
      length: fault.end - fault.start,
    })),
    elements: elementCodes,
    indicators: [...new Set(refs.flatMap((r) => r.indicators.map((i) => i.ref)))],
  };
}

/** The path of indicator codes from `from` to `to` through their formulas, or null. */
function pathTo(from: string, to: string, uses: Map<string, string[]>): string[] | null {
  const seen = new Set<string>();
  const walk = (code: string): string[] | null => {
    if (code === to) return [code];
    if (seen.has(code)) return null;
    seen.add(code);
    for (const next of uses.get(code) ?? []) {
      const rest = walk(next);
      if (rest) return [code, ...rest];
    }
    return null;
  };
  return walk(from);
}

/** The category options seen in the stored values of these elements. */
async function optionsOf(db: DbOrTx, elementIds: number[]) {
  const out = new Map<number, Map<string, Set<string>>>();
  if (!elementIds.length) return out;
  const result = await db.execute(sql`
    select distinct dv.data_element_id as e, d.key as k, d.value as v
    from data_values dv, jsonb_each_text(dv.dimensions) d
    where dv.data_element_id = any(${`{${elementIds.join(',')}}`}::int[])`);
  for (const r of (result as unknown as { rows: { e: number; k: string; v: string }[] }).rows) {
    const byCat = out.get(Number(r.e)) ?? new Map<string, Set<string>>();
    const set = byCat.get(r.k) ?? new Set<string>();
    set.add(r.v);
    byCat.set(r.k, set);
    out.set(Number(r.e), byCat);
  }
  return out;
}
