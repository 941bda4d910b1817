import { type SQL, sql } from 'drizzle-orm';
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
  const reads = opts.series.flatMap((s) => {
    const exact = sql`select ${s.key}::text as k, dv.territory_id, dv.period, dv.disaggregation, dv.value, dv.provisional, dv.source_type, dv.updated_at, true as exact
      from data_values dv where dv.data_element_id = ${s.elementId} and dv.disaggregation = ${s.filterKey} ${scopeFilter} ${periodFilter}`;
    if (s.categoryCount === 0) return [exact];
    const cells = sql`select ${s.key}::text as k, dv.territory_id, dv.period, dv.disaggregation, dv.value, dv.provisional, dv.source_type, dv.updated_at, false as exact
      from data_values dv where dv.data_element_id = ${s.elementId} and dv.disaggregation > '' and dv.dimensions @> ${JSON.stringify(s.filter)}::jsonb
        and length(dv.disaggregation) - length(replace(dv.disaggregation, ';', '')) = ${s.categoryCount - 1}
        and not exists (select 1 from data_values x where x.data_element_id = ${s.elementId} and x.disaggregation = ${s.filterKey})
        ${scopeFilter} ${periodFilter}`;
    return [exact, cells];
  });
  const yearly: SQL =
    opts.timeRule === 'stock'
      ? sql`select distinct on (k, territory_id, left(period, 4)) k, territory_id, left(period, 4) as year, value, provisional, imported, collected
          from per_period order by k, territory_id, left(period, 4), period desc`
      : sql`select k, territory_id, left(period, 4) as year, sum(value) as value, bool_or(provisional) as provisional,
          bool_or(imported) as imported, bool_or(collected) as collected from per_period group by 1, 2, 3`;
  const branch = (level: RollupLevel, column: string) =>
    sql`select ${level}::text as level, ${LEVEL_DEPTH[level]}::int as ld, ${sql.raw(column)} as anc, k, year, depth, kept, value, provisional, imported, collected
      from kept where ${sql.raw(column)} is not null`;
  const branches = opts.levels.map((l) => branch(l, l === 'province' ? 'prov_id' : l === 'region' ? 'reg_id' : 'nat_id'));
  const result = await db.execute(sql`
    with raw as (${sql.join(reads, sql` union all `)}),
    pt as (
      select distinct on (k, territory_id, period, disaggregation) * from raw
      order by k, territory_id, period, disaggregation, updated_at desc
    ),
    per_period as (
      select k, territory_id, period,
        case when bool_or(exact) then sum(value) filter (where exact) else sum(value) end as value,
        bool_or(provisional) as provisional, bool_or(source_type = 'import') as imported, bool_or(source_type = 'submission') as collected
      from pt group by k, territory_id, period
    ),
    yearly as (${yearly}),
    anc as (
      select t0.id,
        case t0.level when 'comune' then 3 when 'province' then 2 when 'region' then 1 else 0 end as depth,
        case when t0.level = 'province' then t0.id when t1.level = 'province' then t1.id end as prov_id,
        case when t0.level = 'region' then t0.id when t1.level = 'region' then t1.id when t2.level = 'region' then t2.id end as reg_id,
        case when t0.level = 'nation' then t0.id when t1.level = 'nation' then t1.id when t2.level = 'nation' then t2.id
          when t3.level = 'nation' then t3.id end as nat_id
      from territories t0
      left join territories t1 on t1.id = t0.parent_id
      left join territories t2 on t2.id = t1.parent_id
      left join territories t3 on t3.id = t2.parent_id
      where t0.id in (select distinct territory_id from yearly)
    ),
    placed as (select y.*, a.depth, a.prov_id, a.reg_id, a.nat_id from yearly y join anc a on a.id = y.territory_id),
    finer as (
      select distinct k, year, prov_id as id, 2 as depth from placed where depth > 2
      union all select distinct k, year, reg_id, 1 from placed where depth > 1
      union all select distinct k, year, nat_id, 0 from placed where depth > 0
    ),
    kept as (
      select p.*, not exists (select 1 from finer f where f.k = p.k and f.year = p.year and f.depth = p.depth and f.id = p.territory_id) as kept
      from placed p
    ),
    lv as (${sql.join(branches, sql` union all `)})
    select level, anc, k, year, sum(value) filter (where kept) as value, max(depth) filter (where kept) as finest,
      sum(value) filter (where depth = ld) as own, bool_or(provisional) filter (where kept) as provisional,
      bool_or(imported) filter (where kept) as imported, bool_or(collected) filter (where kept) as collected
    from lv
    group by level, anc, k, year`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
    series: String(r.k),
    level: r.level as RollupLevel,
    territoryId: Number(r.anc),
    year: String(r.year),
    value: Number(r.value),
    finest: Number(r.finest),
    own: r.own == null ? null : Number(r.own),
    provisional: r.provisional === true,
    imported: r.imported === true,
    collected: r.collected === true,
  }));
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
