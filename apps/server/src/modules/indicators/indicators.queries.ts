import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';

/** One series an indicator reads: a data element, filtered by category options ({} = its total). */
export interface SeriesSpec {
  key: string;
  elementId: number;
  /** Canonical breakdown of the filter ('' for the total), as `data_values.disaggregation`. */
  filterKey: string;
  filter: Record<string, string>;
  /** How many categories the element has: a full cell of its breakdown names that many. */
  categoryCount: number;
}

/**
 * Which collected values a reader sees: every imported value; collected ones of the councils in `councilIds`
 * (or all when `all`) even while provisional, others only once approved.
 */
export interface CollectedScope {
  all: boolean;
  councilIds: number[];
}

export type RollupLevel = 'province' | 'region' | 'nation';

/** A series' yearly total for one territory of one level. */
export interface SeriesTotal {
  series: string;
  level: RollupLevel;
  territoryId: number;
  year: string;
  value: number;
  /** The finest level of the figures added (3 comune … 0 nation): the level's own depth means stored right there. */
  finest: number;
  /** The figure stored for this very territory, even where finer ones replace it in `value` (the `none` rule). */
  own: number | null;
  provisional: boolean;
  imported: boolean;
  collected: boolean;
}

export const LEVEL_DEPTH: Record<RollupLevel | 'comune', number> = { nation: 0, region: 1, province: 2, comune: 3 };

/**
 * Yearly totals of series at the asked levels, read from `data_values` at query time:
 * 1. the reader's values (imported; collected in scope or approved), one per point (the latest of duplicate sources);
 *    a series takes the stored total or margin (`sesso=F`) when the element has any, else the sum of its full cells;
 * 2. a year from finer periods: stock → the year's last observation of each territory, flow → their sum;
 * 3. each territory's figure placed on its ancestors (through the versions it was stored on) and added up; a figure
 *    stored for a territory counts only where nothing finer is stored below it, so a stored regional figure and its
 *    provinces are never both added, and a region with some provinces by comune and others by province adds both.
 */
export async function readSeriesTotals(
  db: DbOrTx,
  opts: { series: SeriesSpec[]; levels: RollupLevel[]; years: string[] | null; timeRule: 'stock' | 'flow'; scope: CollectedScope },
): Promise<SeriesTotal[]> {
  if (!opts.series.length || !opts.levels.length) return [];
  const periodFilter = opts.years?.length
    ? sql`and (${sql.join(
        opts.years.map((y) => sql`(dv.period >= ${y} and dv.period < ${String(Number(y) + 1)})`),
        sql` or `,
      )})`
    : sql``;
  const scopeFilter = opts.scope.all
    ? sql``
    : sql`and (dv.source_type = 'import' or not dv.provisional or dv.council_id = any(${`{${opts.scope.councilIds.join(',')}}`}::int[]))`;
  // One select per series with its own constants, so each reads through the (element, breakdown, period) index.
  // A series of a broken-down element with no stored total (or margin) reads its full cells instead (a form's
  // sesso × area item, the Ministry's reception figures by type).
  // Each series by its index in opts.series, periods and breakdowns in the C collation: the sorts below compare
  // integers and bytes, not locale-aware text.
  const reads = opts.series.flatMap((s, n) => {
    const exact = sql`select ${n}::int as k, dv.territory_id, dv.period collate "C" as period, dv.disaggregation collate "C" as disaggregation, dv.value, dv.provisional, dv.source_type, dv.updated_at as u, true as exact
      from data_values dv where dv.data_element_id = ${s.elementId} and dv.disaggregation = ${s.filterKey} ${scopeFilter} ${periodFilter}`;
    if (s.categoryCount === 0) return [exact];
    const cells = sql`select ${n}::int as k, dv.territory_id, dv.period collate "C" as period, dv.disaggregation collate "C" as disaggregation, dv.value, dv.provisional, dv.source_type, dv.updated_at as u, false as exact
      from data_values dv where dv.data_element_id = ${s.elementId} and dv.disaggregation > '' and dv.dimensions @> ${JSON.stringify(s.filter)}::jsonb
        and length(dv.disaggregation) - length(replace(dv.disaggregation, ';', '')) = ${s.categoryCount - 1}
        and not exists (select 1 from data_values x where x.data_element_id = ${s.elementId} and x.disaggregation = ${s.filterKey})
        ${scopeFilter} ${periodFilter}`;
    return [exact, cells];
  });
  // In SQL, so that few rows cross the wire: the latest source of each point; per period a stored total or margin,
  // else the sum of the cells; per year stock → the last period, flow → the sum; then the yearly figures of the comuni
  // of each parent added into one row (a comune is never a roll-up level, so only its parent's placement matters).
  const yearly =
    opts.timeRule === 'stock'
      ? sql`select distinct on (k, territory_id, left(period, 4)) k, territory_id, left(period, 4) as year, value, p, i, c
          from periods order by k, territory_id, left(period, 4), period desc`
      : sql`select k, territory_id, left(period, 4) as year, sum(value) as value, bool_or(p) as p, bool_or(i) as i, bool_or(c) as c
          from periods group by k, territory_id, left(period, 4)`;
  const result = await db.execute(sql`
    with raw as (${sql.join(reads, sql` union all `)}),
    latest as (
      select distinct on (k, territory_id, period, disaggregation) k, territory_id, period, value, provisional, source_type, exact
      from raw order by k, territory_id, period, disaggregation, u desc, exact desc),
    -- A series reads either its stored total (one row a point) or its cells (never both: see the reads), so only
    -- the cells are added up per period.
    periods as (
      select k, territory_id, period, value, provisional as p, source_type = 'import' as i, source_type = 'submission' as c
      from latest where exact
      union all
      select k, territory_id, period, sum(value), bool_or(provisional), bool_or(source_type = 'import'), bool_or(source_type = 'submission')
      from latest where not exact group by k, territory_id, period),
    yearly as (${yearly}),
    -- A hash join on all territories, not one index probe per yearly figure.
    t as materialized (select id, parent_id, level from territories)
    select y.k, case when t.level = 'comune' then t.parent_id else y.territory_id end as territory_id, t.level = 'comune' as below,
      y.year, sum(y.value)::float8 as value, bool_or(y.p) as provisional, bool_or(y.i) as imported, bool_or(y.c) as collected
    from yearly y join t on t.id = y.territory_id
    group by 1, 2, 3, 4`);
  const rows = (result as unknown as { rows: YearlyRow[] }).rows;
  return rollUp(
    rows,
    opts.series.map((s) => s.key),
    await ancestry(db),
    opts.levels,
  );
}

/** A series' (by index) yearly figure for a territory, or (`below`) the sum of those of the comuni under `territory_id`. */
interface YearlyRow {
  k: number;
  territory_id: number;
  below: boolean;
  year: string;
  value: number;
  provisional: boolean;
  imported: boolean;
  collected: boolean;
}

interface Placement {
  depth: number;
  province: number | null;
  region: number | null;
  nation: number | null;
}

const ancestryCache = new WeakMap<object, Promise<Map<number, Placement>>>();

/**
 * Every territory version's depth and its province, region and nation (through the versions it hangs from). The
 * territories are reference data loaded before the server starts, so this is read once per database handle.
 */
function ancestry(db: DbOrTx): Promise<Map<number, Placement>> {
  let cached = ancestryCache.get(db);
  if (!cached) {
    cached = db.execute(sql`select id, level, parent_id from territories`).then((r) => {
      const rows = (r as unknown as { rows: { id: number; level: RollupLevel | 'comune'; parent_id: number | null }[] }).rows;
      const byId = new Map(rows.map((t) => [Number(t.id), t]));
      const out = new Map<number, Placement>();
      for (const t of rows) {
        const p: Placement = { depth: LEVEL_DEPTH[t.level], province: null, region: null, nation: null };
        for (let cur: (typeof rows)[number] | undefined = t; cur; cur = cur.parent_id == null ? undefined : byId.get(Number(cur.parent_id))) {
          if (cur.level !== 'comune') p[cur.level] = Number(cur.id);
        }
        out.set(Number(t.id), p);
      }
      return out;
    });
    ancestryCache.set(db, cached);
    // A failed read is not kept: the next query tries again.
    cached.catch(() => ancestryCache.delete(db));
  }
  return cached;
}

/** Adds the yearly figures up on their ancestors; a figure counts only where nothing finer is stored below it. */
function rollUp(rows: YearlyRow[], keys: string[], places: Map<number, Placement>, levels: RollupLevel[]): SeriesTotal[] {
  // Numeric keys (series, year, depth, territory) rather than strings: this runs on every yearly figure read.
  const yearIndex = new Map<string, number>();
  const at = (k: number, year: number, depth: number, id: number) => ((k * 4096 + year) * 4 + depth) * 2 ** 24 + id;
  const finer = new Set<number>();
  const placed = rows.map((r) => {
    const p = places.get(Number(r.territory_id));
    let y = yearIndex.get(r.year);
    if (y === undefined) {
      y = yearIndex.size;
      yearIndex.set(r.year, y);
    }
    return { r, y, p: p && r.below ? { ...p, depth: LEVEL_DEPTH.comune } : p };
  });
  for (const { r, y, p } of placed) {
    if (!p) continue;
    if (p.depth > 2 && p.province !== null) finer.add(at(r.k, y, 2, p.province));
    if (p.depth > 1 && p.region !== null) finer.add(at(r.k, y, 1, p.region));
    if (p.depth > 0 && p.nation !== null) finer.add(at(r.k, y, 0, p.nation));
  }
  const out = new Map<number, SeriesTotal>();
  for (const { r, y, p } of placed) {
    if (!p) continue;
    const kept = !finer.has(at(r.k, y, p.depth, Number(r.territory_id)));
    const value = Number(r.value);
    for (const level of levels) {
      const anc = p[level];
      if (anc === null) continue;
      const key = at(r.k, y, LEVEL_DEPTH[level], anc);
      let t = out.get(key);
      if (!t) {
        t = { series: keys[r.k], level, territoryId: anc, year: String(r.year), value: 0, finest: -1, own: null, provisional: false, imported: false, collected: false };
        out.set(key, t);
      }
      if (p.depth === LEVEL_DEPTH[level]) t.own = (t.own ?? 0) + value;
      if (!kept) continue;
      t.value += value;
      t.finest = Math.max(t.finest, p.depth);
      t.provisional ||= r.provisional;
      t.imported ||= r.imported;
      t.collected ||= r.collected;
    }
  }
  return [...out.values()].filter((t) => t.finest >= 0);
}

/** The provinces, regions and nation valid at some time in the years, with parents and validity. */
export async function readTerritoryTree(db: DbOrTx) {
  const result = await db.execute(sql`
    select id, code, name, level, parent_id, valid_from::text as valid_from, valid_to::text as valid_to
    from territories where level in ('nation', 'region', 'province') order by code`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    level: r.level as RollupLevel,
    parentId: r.parent_id == null ? null : Number(r.parent_id),
    validFrom: String(r.valid_from),
    validTo: r.valid_to == null ? null : String(r.valid_to),
  }));
}
