import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { num, queryRows, roundHours as hours } from '../participation/query-rows.ts';
import { assertCanRead } from '../organizations/organizations.policy.ts';
import { loadAssociation } from './associations.service.ts';
import { italianDay } from '../../platform/italian-time.ts';
import { italianYearOf, sessionHoursOf } from '../events/held-sql.ts';


/**
 * What an association did, computed from the shared records, never typed in: the events (not drafts) where
 * someone registered for it was present at a session, with the person-hours attended; the questionnaires it
 * answered (invitations to it answered, and named responses for it, each questionnaire counted once); by year.
 * Rooms do not exist yet, so they are reported as not available rather than as zero.
 */
export async function getParticipation(ctx: Ctx, id: number) {
  const row = await loadAssociation(ctx.db, id);
  assertCanRead(ctx.actor, row);
  const events = await queryRows(ctx.db, sql`
    select e.id, e.title, e.kind, min(s.starts_at) as first_at, count(distinct r.id) as people,
           sum(${sessionHoursOf('s')}) as hours
    from event_registrations r
    join events e on e.id = r.event_id and e.status <> 'draft'
    join event_attendance a on a.registration_id = r.id and a.present
    join event_sessions s on s.id = a.session_id
    where r.organization_id = ${id}
    group by e.id, e.title, e.kind
    order by min(s.starts_at) desc, e.id desc`);
  const eventYears = await queryRows(ctx.db, sql`
    select ${italianYearOf(sql`s.starts_at`)} as year, count(distinct e.id) as events,
           sum(${sessionHoursOf('s')}) as hours
    from event_registrations r
    join events e on e.id = r.event_id and e.status <> 'draft'
    join event_attendance a on a.registration_id = r.id and a.present
    join event_sessions s on s.id = a.session_id
    where r.organization_id = ${id}
    group by 1`);
  const answered = await queryRows(ctx.db, sql`
    select ${italianYearOf(sql`min(at)`)} as year, questionnaire_id
    from (
      select i.questionnaire_id, i.answered_at as at from questionnaire_invitations i
      where i.organization_id = ${id} and i.answered_at is not null
      union all
      select q.questionnaire_id, q.submitted_at from questionnaire_responses q where q.organization_id = ${id}
    ) x
    group by questionnaire_id`);
  const years = new Map<number, { year: number; events: number; hours: number; questionnaires: number }>();
  const yearOf = (y: number) => {
    const v = years.get(y) ?? { year: y, events: 0, hours: 0, questionnaires: 0 };
    years.set(y, v);
    return v;
  };
  for (const r of eventYears) Object.assign(yearOf(num(r.year)), { events: num(r.events), hours: hours(r.hours) });
  for (const r of answered) yearOf(num(r.year)).questionnaires += 1;
  const list = events.map((r) => ({
    id: num(r.id),
    title: String(r.title),
    kind: String(r.kind),
    firstDate: italianDay(new Date(r.first_at as string)),
    people: num(r.people),
    hours: hours(r.hours),
  }));
  return {
    events: list,
    byYear: [...years.values()].sort((a, b) => b.year - a.year),
    eventsAttended: list.length,
    hoursAttended: hours(list.reduce((s, e) => s + e.hours, 0)),
    questionnairesAnswered: answered.length,
    roomsJoined: null,
    roomsAvailable: false as const,
  };
}
