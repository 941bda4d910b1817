import type { TargetMetric } from '@mosaico/contracts/targets';
import type { EventKind } from '@mosaico/contracts/participation';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { italianYearOf, sessionHeld, sessionHoursOf } from '../events/held-sql.ts';

export interface TargetCounting {
  metric: TargetMetric;
  eventKind: EventKind;
  yearFrom: number;
  yearTo: number;
  /** Only this region's events (a regional target); null for all. */
  regionId: number | null;
}

/** What the events held add up to per region (null: national events, which belong to no region). */
export interface ProgressByRegion {
  regionId: number | null;
  value: number;
}

/**
 * Held means published, not cancelled, and over: a session counts once it has ended, an event once its last
 * session has. Years are Italy's calendar years. An event counts for its organising region (events.region_id),
 * so an interregional workshop is counted once; a national event counts for the nation only.
 */
export async function selectTargetProgress(db: DbOrTx, t: TargetCounting): Promise<ProgressByRegion[]> {
  const inRegion = t.regionId == null ? sql`true` : sql`e.region_id = ${t.regionId}`;
  const held = sql`e.status = 'published' and e.kind = ${t.eventKind} and ${inRegion}`;
  const query =
    t.metric === 'hours_delivered'
      ? sql`select e.region_id as "regionId", sum(${sessionHoursOf('s')})::float8 as value
          from events e join event_sessions s on s.event_id = e.id
          where ${held} and ${sessionHeld('s')} and ${italianYearOf(sql`s.starts_at`)} between ${t.yearFrom} and ${t.yearTo}
          group by e.region_id`
      : t.metric === 'event_count'
        ? sql`select x.region_id as "regionId", count(*)::float8 as value from (
            select e.id, e.region_id, max(s.ends_at) as last_end
            from events e join event_sessions s on s.event_id = e.id
            where ${held} group by e.id, e.region_id) x
          where x.last_end <= now() and ${italianYearOf(sql`x.last_end`)} between ${t.yearFrom} and ${t.yearTo}
          group by x.region_id`
        : // A council-year: an active council that held at least one such event in that year.
          sql`select c.region_id as "regionId", count(distinct (c.id, ${italianYearOf(sql`s.starts_at`)}))::float8 as value
          from events e join event_sessions s on s.event_id = e.id join councils c on c.id = e.council_id and c.active
          where ${held} and ${sessionHeld('s')} and ${italianYearOf(sql`s.starts_at`)} between ${t.yearFrom} and ${t.yearTo}
          group by c.region_id`;
  const result = await db.execute(query);
  return (result as unknown as { rows: ProgressByRegion[] }).rows.map((r) => ({ regionId: r.regionId == null ? null : Number(r.regionId), value: Math.round(Number(r.value) * 100) / 100 }));
}

/** The regions (current ones) with their active councils, for the per-region rows and the councils-per-year goal. */
export async function selectRegionsWithCouncils(db: DbOrTx) {
  const result = await db.execute(sql`
    select t.id, t.code, t.name, count(c.id)::int as councils
    from territories t left join councils c on c.region_id = t.id and c.active
    where t.level = 'region' and t.valid_to is null
    group by t.id, t.code, t.name order by t.code`);
  return (result as unknown as { rows: { id: number; code: string; name: string; councils: number }[] }).rows;
}
