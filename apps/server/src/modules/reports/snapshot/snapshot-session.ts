import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { readSeriesTotals, type SeriesSpec, type SeriesTotal } from '../../indicators/indicators.queries.ts';
import { type FigureNeeds, IndicatorFigures } from './snapshot-context.ts';
import { Provenance } from './snapshot-sources.ts';
import type { Lang } from './snapshot-text.ts';

/**
 * Reads shared by the reports of one batch (every council of a campaign, one after the other).
 *
 * A council's figures differ from anyone else's only through its own unapproved collected values (which it sees
 * and others do not). For a council with none, its figures are exactly those of the "approved only" scope, and
 * the indicator roll-ups read every territory anyway: so they are computed once for all places and shared. A
 * council with unapproved figures of its own gets its own computation, as a single report does.
 *
 * The session lives as long as the batch that creates it: the data are those as of its first read. Never keep
 * one across requests, or reports would show stale figures.
 */
export class SnapshotSession {
  private readonly figures = new Map<string, Promise<IndicatorFigures>>();
  private readonly provenance = new Map<string, Promise<Provenance>>();
  private readonly totals = new Map<string, Promise<SeriesTotal[]>>();

  constructor(readonly db: DbOrTx) {}

  /** Indicator figures for every place, with approved collected values only. */
  sharedFigures(needs: FigureNeeds): Promise<IndicatorFigures> {
    const key = JSON.stringify([[...needs.codes].sort(), [...needs.years].sort()]);
    return this.remember(this.figures, key, () => IndicatorFigures.compute(this.db, needs, undefined, { all: false, councilIds: [] }));
  }

  /** Where the figures come from, with approved collected values only. */
  sharedProvenance(opts: { elements: string[]; from: number; to: number; lang: Lang }): Promise<Provenance> {
    const key = JSON.stringify([[...opts.elements].sort(), opts.from, opts.to, opts.lang]);
    return this.remember(this.provenance, key, () => Provenance.load(this.db, { ...opts, councilId: null }));
  }

  /** A data element's cells (an element chart or table) for every place, with approved collected values only. */
  sharedTotals(series: SeriesSpec[], years: string[]): Promise<SeriesTotal[]> {
    const key = JSON.stringify([series.map((s) => [s.elementId, s.filterKey]), years]);
    return this.remember(this.totals, key, () => readSeriesTotals(this.db, { series, levels: ['province', 'region'], years, timeRule: 'stock', scope: { all: false, councilIds: [] } }));
  }

  private remember<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let hit = cache.get(key);
    if (!hit) {
      hit = load();
      cache.set(key, hit);
      // A failed read is not kept: the next report tries again.
      hit.catch(() => cache.delete(key));
    }
    return hit;
  }
}

/** Whether the council has collected figures not yet approved (which only its own report counts). */
export async function hasUnapprovedFigures(db: DbOrTx, councilId: number): Promise<boolean> {
  // Through its submissions, so the data values are found by their (source type, source id) index.
  const result = await db.execute(sql`
    select exists (
      select 1 from submissions s join data_values dv on dv.source_type = 'submission' and dv.source_id = s.id
      where s.council_id = ${councilId} and dv.provisional) as p`);
  return Boolean((result as unknown as { rows: { p: boolean }[] }).rows[0]?.p);
}
