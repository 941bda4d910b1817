import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { type CollectedScope, type RollupLevel, readSeriesTotals, type SeriesSpec } from './indicators.queries.ts';

/**
 * A data element's yearly totals at one level, and by the options of one of its categories when asked: the same
 * roll-up and reader scope as indicators (stock rule: a year's last observation).
 */
export async function readElementBreakdown(
  db: DbOrTx,
  opts: { element: { id: number; categories: string[] }; breakdown: string | null; level: RollupLevel; years: string[] | null; scope: CollectedScope },
) {
  let options: string[] = [];
  if (opts.breakdown) {
    const result = await db.execute(sql`
      select distinct dimensions->>${opts.breakdown} as o from data_values
      where data_element_id = ${opts.element.id} and dimensions ? ${opts.breakdown} order by 1`);
    options = (result as unknown as { rows: { o: string }[] }).rows.map((r) => r.o);
  }
  const n = opts.element.categories.length;
  const series: SeriesSpec[] = [
    { key: '', elementId: opts.element.id, filterKey: '', filter: {}, categoryCount: n },
    ...options.map((o) => ({ key: o, elementId: opts.element.id, filterKey: `${opts.breakdown}=${o}`, filter: { [opts.breakdown as string]: o }, categoryCount: n })),
  ];
  const totals = await readSeriesTotals(db, { series, levels: [opts.level], years: opts.years, timeRule: 'stock', scope: opts.scope });
  return {
    options,
    rows: totals.map((t) => ({ territoryId: t.territoryId, year: t.year, option: t.series === '' ? null : t.series, value: t.value, provisional: t.provisional })),
  };
}
