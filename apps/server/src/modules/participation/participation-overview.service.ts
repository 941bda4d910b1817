import type { overviewQuery } from '@mosaico/contracts/participation-overview';
import { EVENT_KINDS } from '@mosaico/contracts/participation';
import { asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import type { PlaceReadReach } from '../auth/place-policy.ts';
import { loadPlaceReadReach } from '../auth/place-reach.ts';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { assertSeesCouncil, assertSeesRegion } from './participation-overview.policy.ts';
import { num, queryRows, roundHours } from './query-rows.ts';
import { italianYearOf, sessionHeld, sessionHoursOf } from '../events/held-sql.ts';
import { italianYear } from '../../platform/italian-time.ts';

type Scope = { type: 'nation' | 'region' | 'council'; id: number | null; name: string };

/** The place asked for (or the caller's first), once the policy lets the caller see it. */
async function resolveScope(ctx: Ctx, reach: PlaceReadReach, q: z.infer<typeof overviewQuery>): Promise<Scope> {
  if (q.councilId) {
    const [c] = await ctx.db.select({ id: councils.id, name: councils.name, regionId: councils.regionId }).from(councils).where(eq(councils.id, q.councilId));
    if (!c) throw fieldError(ctx.lang, 'participation_council_not_found', 'querystring.councilId', { id: q.councilId });
    assertSeesCouncil(reach, c);
    return { type: 'council', id: c.id, name: c.name };
  }
  if (q.regionId) {
    const [r] = await ctx.db.select({ id: territories.id, name: territories.name, level: territories.level }).from(territories).where(eq(territories.id, q.regionId));
    if (r?.level !== 'region') throw fieldError(ctx.lang, 'participation_region_not_found', 'querystring.regionId', { id: q.regionId });
    assertSeesRegion(reach, r.id);
    return { type: 'region', id: r.id, name: r.name };
  }
  const scopes = await listScopeRows(ctx, reach);
  if (!scopes.length) throw new AppError('forbidden', 'forbidden');
  return scopes[0];
}

/** The places the caller may see an overview of: the nation for national roles, then regions, then councils. */
async function listScopeRows(ctx: Ctx, reach: PlaceReadReach): Promise<Scope[]> {
  const out: Scope[] = reach.all ? [{ type: 'nation', id: null, name: ctx.lang === 'en' ? 'Italy' : 'Italia' }] : [];
  const regionRows = reach.all
    ? await ctx.db.select({ id: territories.id, name: territories.name }).from(territories).where(sql`${territories.level} = 'region' and ${territories.validTo} is null`).orderBy(asc(territories.name))
    : reach.regionIds.length
      ? await ctx.db.select({ id: territories.id, name: territories.name }).from(territories).where(inArray(territories.id, reach.regionIds)).orderBy(asc(territories.name))
      : [];
  for (const r of regionRows) out.push({ type: 'region', id: r.id, name: r.name });
  const councilWhere = reach.all
    ? undefined
    : or(reach.regionIds.length ? inArray(councils.regionId, reach.regionIds) : undefined, reach.councilIds.length ? inArray(councils.id, reach.councilIds) : undefined);
  if (reach.all || councilWhere) {
    const rows = await ctx.db.select({ id: councils.id, name: councils.name }).from(councils).where(councilWhere).orderBy(asc(councils.name));
    for (const c of rows) out.push({ type: 'council', id: c.id, name: c.name });
  }
  return out;
}

export async function listOverviewScopes(ctx: Ctx) {
  return { items: await listScopeRows(ctx, await loadPlaceReadReach(ctx, false)) };
}

/** The SQL conditions placing each kind of record in the scope. */
function placeConditions(s: Scope) {
  const t = sql.raw('true');
  if (s.type === 'nation') return { org: t, event: t, questionnaire: t, group: t };
  if (s.type === 'council') {
    return { org: sql`o.council_id = ${s.id}`, event: sql`e.council_id = ${s.id}`, questionnaire: sql`q.council_id = ${s.id}`, group: sql`g.council_id = ${s.id}` };
  }
  return {
    org: sql`o.region_id = ${s.id}`,
    event: sql`${s.id}::int = any(e.region_ids)`,
    questionnaire: sql`(q.region_id = ${s.id} or q.council_id in (select id from councils where region_id = ${s.id}))`,
    group: sql`g.region_id = ${s.id}`,
  };
}

/**
 * The associations of the place engaged in each year: taking part (moved to it that year, or earlier and still
 * so), or present at an event session that year, or answering a questionnaire that year.
 */
function engagedByYear(orgPlace: SQL, from: number, to: number) {
  return sql`
    select y.year, count(distinct o.id) as engaged
    from generate_series(${from}::int, ${to}::int) as y(year)
    cross join organizations o
    left join association_profiles p on p.organization_id = o.id
    where o.kind = 'association' and ${orgPlace} and (
      (p.engagement_status = 'taking_part' and extract(year from p.status_changed_on) <= y.year)
      or exists (select 1 from association_log l where l.organization_id = o.id and l.to_status = 'taking_part' and extract(year from l.date) = y.year)
      or exists (select 1 from event_registrations r join events e on e.id = r.event_id and e.status <> 'draft'
                 join event_attendance a on a.registration_id = r.id and a.present join event_sessions s on s.id = a.session_id
                 where r.organization_id = o.id and ${italianYearOf(sql`s.starts_at`)} = y.year)
      or exists (select 1 from questionnaire_invitations i where i.organization_id = o.id and ${italianYearOf(sql`i.answered_at`)} = y.year)
      or exists (select 1 from questionnaire_responses qr where qr.organization_id = o.id and ${italianYearOf(sql`qr.submitted_at`)} = y.year)
    )
    group by y.year`;
}

/** The participation overview of a council, a region or the nation for a year, computed in SQL. */
export async function getParticipationOverview(ctx: Ctx, q: z.infer<typeof overviewQuery>) {
  const reach = await loadPlaceReadReach(ctx, false);
  const scope = await resolveScope(ctx, reach, q);
  const year = q.year ?? italianYear();
  const p = placeConditions(scope);
  const byYear = await queryRows(ctx.db, engagedByYear(p.org, year - 4, year));
  const engagedOf = new Map(byYear.map((r) => [num(r.year), num(r.engaged)]));
  const [assoc] = await queryRows(
    ctx.db,
    sql`select count(*) as registered, count(*) filter (where p.engagement_status = 'taking_part') as taking_part
        from organizations o left join association_profiles p on p.organization_id = o.id where o.kind = 'association' and ${p.org}`,
  );
  const kinds = await queryRows(
    ctx.db,
    sql`select e.kind, count(distinct e.id) as n from events e
        where e.status = 'published' and ${p.event} and exists (select 1 from event_sessions s where s.event_id = e.id and ${italianYearOf(sql`s.starts_at`)} = ${year} and ${sessionHeld('s')})
        group by e.kind`,
  );
  const countOf = new Map(kinds.map((k) => [String(k.kind), num(k.n)]));
  // Only sessions already held count as training delivered; person-hours from the attendance recorded at them.
  const [training] = await queryRows(
    ctx.db,
    sql`select coalesce(sum(${sessionHoursOf('s')}), 0) as delivered,
               coalesce(sum(${sessionHoursOf('s')} * (select count(*) from event_attendance a where a.session_id = s.id and a.present)), 0) as attended
        from event_sessions s join events e on e.id = s.event_id
        where e.status = 'published' and e.kind in ('course', 'training_day') and ${p.event}
          and ${italianYearOf(sql`s.starts_at`)} = ${year} and ${sessionHeld('s')}`,
  );
  const [inv] = await queryRows(
    ctx.db,
    sql`select count(*) as sent, count(i.answered_at) as answered from questionnaire_invitations i join questionnaires q on q.id = i.questionnaire_id
        where i.sent_at is not null and ${italianYearOf(sql`i.sent_at`)} = ${year} and ${p.questionnaire}`,
  );
  const [groups] = await queryRows(
    ctx.db,
    sql`select count(*) as n from working_groups g where g.active and (g.formed_on is null or extract(year from g.formed_on) <= ${year}) and ${p.group}`,
  );
  const meetingsByKind = EVENT_KINDS.map((kind) => ({ kind, count: countOf.get(kind) ?? 0 }));
  const sent = num(inv.sent);
  const answered = num(inv.answered);
  return {
    scope,
    year,
    associationsEngaged: engagedOf.get(year) ?? 0,
    associationsTakingPart: num(assoc.taking_part),
    associationsRegistered: num(assoc.registered),
    associationsByYear: Array.from({ length: 5 }, (_, i) => year - 4 + i).map((y) => ({ year: y, engaged: engagedOf.get(y) ?? 0 })),
    meetingsByKind,
    meetingsHeld: meetingsByKind.reduce((s, k) => s + k.count, 0),
    trainingHoursDelivered: roundHours(training.delivered),
    personHoursAttended: roundHours(training.attended),
    questionnaires: { sent, answered, rate: sent ? Math.round((answered / sent) * 1000) / 1000 : null },
    workingGroupsActive: num(groups.n),
  };
}
