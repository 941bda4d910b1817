import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { sessionHoursOf } from './held-sql.ts';

/**
 * Hours per person for many events in one pass: each session's length, each registration's attended sessions
 * and hours, and each event's total hours. Set-based so the whole national programme is one query (see
 * bench/participation.mjs). Listed: every registration holding a seat, and any other with attendance recorded
 * as present (someone cancelled after attending keeps the hours they attended).
 */
export interface HoursSqlRow {
  eventId: number;
  registrationId: number;
  fullName: string | null;
  organizationName: string | null;
  erased: boolean;
  userId: number | null;
  sessionsAttended: number;
  hoursAttended: number;
  totalHours: number;
}

export async function selectHours(db: DbOrTx, eventIds: number[] | 'all'): Promise<HoursSqlRow[]> {
  // An int array literal of checked integers: one plan whatever the number of events.
  const ids = eventIds === 'all' ? null : sql.raw(`'{${eventIds.map((id) => Math.trunc(Number(id))).join(',')}}'::int[]`);
  const sessionsOf = ids ? sql`event_id = any(${ids})` : sql`true`;
  const registrationsOf = ids ? sql`r.event_id = any(${ids})` : sql`true`;
  const result = await db.execute(sql`
    with s as (
      select s.id, s.event_id, ${sessionHoursOf('s')} as hours from event_sessions s where ${sessionsOf}),
    totals as (select event_id, sum(hours) as total from s group by event_id),
    attended as (
      select a.registration_id, count(*)::int as n, sum(s.hours) as hours
      from event_attendance a join s on s.id = a.session_id
      where a.present group by a.registration_id)
    select r.event_id as "eventId", r.id as "registrationId", coalesce(r.full_name, u.name) as "fullName", r.organization_name as "organizationName",
      r.erased_at is not null as erased, r.user_id as "userId",
      coalesce(at.n, 0) as "sessionsAttended", round(coalesce(at.hours, 0)::numeric, 2)::float8 as "hoursAttended",
      round(coalesce(t.total, 0)::numeric, 2)::float8 as "totalHours"
    from event_registrations r
    left join users u on u.id = r.user_id
    left join attended at on at.registration_id = r.id
    left join totals t on t.event_id = r.event_id
    where ${registrationsOf} and (r.status = 'registered' or at.n > 0)
    order by r.event_id, r.erased_at is not null, lower(coalesce(r.full_name, u.name, '')), r.id`);
  return (result as unknown as { rows: HoursSqlRow[] }).rows;
}
