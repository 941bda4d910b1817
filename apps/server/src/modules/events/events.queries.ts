import { sessionHours } from './event-hours.ts';
import type { EVENT_TOPICS, TARGET_GROUPS } from '@mosaico/contracts/participation';
import { and, asc, count, eq, exists, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { keeperReachOf, type PlaceReadReach } from '../auth/place-policy.ts';
import { councils } from '../councils/councils.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { workingGroups } from '../working-groups/working-groups.schema.ts';
import type { EventRow } from './event-access.ts';
import { canOrganizeEvent } from './events.policy.ts';
import { eventRegistrations, eventSessions, events } from './events.schema.ts';

// How events are found in SQL by who may read them, and shaped for the API.

export type SessionRow = typeof eventSessions.$inferSelect;
type EventTopic = (typeof EVENT_TOPICS)[number];
type TargetGroup = (typeof TARGET_GROUPS)[number];

const intArray = (ids: number[]) => sql`ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::integer[]`;

/** SQL twin of canReadEvent: the events the caller organises, and the published or cancelled ones at their places. */
export function readableCondition(actor: Actor, reach: PlaceReadReach): SQL | undefined {
  const keeper = keeperReachOf(actor);
  if (reach.all || keeper.all) return undefined;
  const e = events;
  const organised = or(
    keeper.regionIds.length ? inArray(e.regionId, keeper.regionIds) : undefined,
    keeper.councilIds.length ? inArray(e.councilId, keeper.councilIds) : undefined,
  );
  const regionReaders = [...new Set([...reach.regionIds, ...reach.regionRecordIds])];
  const visible = or(
    eq(e.scopeType, 'nation'),
    regionReaders.length ? and(eq(e.scopeType, 'regions'), sql`${e.regionIds} && ${intArray(regionReaders)}`) : undefined,
    regionReaders.length ? and(eq(e.scopeType, 'region'), inArray(e.regionId, regionReaders)) : undefined,
    reach.regionIds.length ? and(eq(e.scopeType, 'council'), inArray(e.regionId, reach.regionIds)) : undefined,
    reach.councilIds.length ? and(eq(e.scopeType, 'council'), inArray(e.councilId, reach.councilIds)) : undefined,
  );
  return or(organised, and(ne(e.status, 'draft'), visible));
}

/** Events belonging to a region: its own, its councils' and the interregional ones including it. */
export const inRegion = (regionId: number) => sql`${events.regionIds} && ${intArray([regionId])}`;

/** Events with a session whose Rome-time day satisfies the condition. */
export const withSessionDay = (cond: (day: SQL) => SQL) =>
  exists(
    sql`(select 1 from ${eventSessions} where ${eventSessions.eventId} = ${events.id} and ${cond(sql`(${eventSessions.startsAt} at time zone 'Europe/Rome')::date`)})`,
  );


export function presentSession(s: SessionRow) {
  return {
    id: s.id,
    eventId: s.eventId,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    hours: sessionHours(s.startsAt, s.endsAt),
    place: s.place,
    onlineUrl: s.onlineUrl,
    capacity: s.capacity,
    agenda: s.agenda,
    minutes: s.minutes,
    version: s.version,
  };
}

export async function sessionsOf(db: DbOrTx, eventIds: number[]): Promise<SessionRow[]> {
  if (!eventIds.length) return [];
  return db.select().from(eventSessions).where(inArray(eventSessions.eventId, eventIds)).orderBy(asc(eventSessions.startsAt), asc(eventSessions.id));
}

/** Seats taken and people waiting per event (cancelled registrations count for nothing). */
export async function registrationCounts(db: DbOrTx, eventIds: number[]) {
  const out = new Map<number, { registered: number; waiting: number }>();
  if (!eventIds.length) return out;
  const rows = await db
    .select({ eventId: eventRegistrations.eventId, status: eventRegistrations.status, n: count() })
    .from(eventRegistrations)
    .where(and(inArray(eventRegistrations.eventId, eventIds), ne(eventRegistrations.status, 'cancelled')))
    .groupBy(eventRegistrations.eventId, eventRegistrations.status);
  for (const r of rows) {
    const c = out.get(r.eventId) ?? { registered: 0, waiting: 0 };
    if (r.status === 'registered') c.registered = r.n;
    else c.waiting = r.n;
    out.set(r.eventId, c);
  }
  return out;
}

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/** Events as lists show them: places by name, session times, hours, seats taken, whether the caller organises. */
export async function presentSummaries(db: DbOrTx, actor: Actor, rows: EventRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const regionIds = [...new Set(rows.flatMap((r) => r.regionIds))];
  const councilIds = [...new Set(rows.map((r) => r.councilId).filter((id): id is number => id != null))];
  const groupIds = [...new Set(rows.map((r) => r.workingGroupId).filter((id): id is number => id != null))];
  const regions = byId(regionIds.length ? await db.select({ id: territories.id, code: territories.code, name: territories.name }).from(territories).where(inArray(territories.id, regionIds)) : []);
  const councilRefs = byId(councilIds.length ? await db.select({ id: councils.id, code: councils.code, name: councils.name }).from(councils).where(inArray(councils.id, councilIds)) : []);
  const groups = byId(groupIds.length ? await db.select({ id: workingGroups.id, name: workingGroups.name }).from(workingGroups).where(inArray(workingGroups.id, groupIds)) : []);
  const sessions = await sessionsOf(db, ids);
  const counts = await registrationCounts(db, ids);
  return rows.map((r) => {
    const own = sessions.filter((s) => s.eventId === r.id);
    const c = counts.get(r.id) ?? { registered: 0, waiting: 0 };
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      status: r.status,
      scopeType: r.scopeType,
      council: r.councilId != null ? (councilRefs.get(r.councilId) ?? null) : null,
      region: r.regionId != null ? (regions.get(r.regionId) ?? null) : null,
      regions: r.regionIds.map((id) => regions.get(id)).filter((x) => x != null),
      organizerName: r.organizerName,
      // Stored as JSON; written only through the contract's enums.
      topics: r.topics as EventTopic[],
      targetGroups: r.targetGroups as TargetGroup[],
      workingGroup: r.workingGroupId != null ? (groups.get(r.workingGroupId) ?? null) : null,
      capacity: r.capacity,
      registrationOpen: r.registrationOpen,
      startsAt: own.length ? own[0].startsAt.toISOString() : null,
      endsAt: own.length ? new Date(Math.max(...own.map((s) => s.endsAt.getTime()))).toISOString() : null,
      sessionTimes: own.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
      hours: Math.round(own.reduce((h, s) => h + sessionHours(s.startsAt, s.endsAt), 0) * 100) / 100,
      registeredCount: c.registered,
      waitingCount: c.waiting,
      canEdit: canOrganizeEvent(actor, r),
    };
  });
}

/** One event in full: its summary, description, organisation, threshold and sessions, and the caller's registration. */
export async function presentDetail(db: DbOrTx, actor: Actor, row: EventRow) {
  const [summary] = await presentSummaries(db, actor, [row]);
  const [org] = row.organizerOrganizationId != null ? await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, row.organizerOrganizationId)) : [];
  const mine =
    actor.id != null
      ? (await db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, row.id), eq(eventRegistrations.userId, actor.id), ne(eventRegistrations.status, 'cancelled'))))[0]
      : undefined;
  const position = mine?.status === 'waiting' ? await waitingPosition(db, mine) : null;
  const ended = summary.endsAt != null && Date.parse(summary.endsAt) < Date.now();
  return {
    ...summary,
    description: row.description,
    organizerOrganization: org ?? null,
    certificateThreshold: row.certificateThreshold,
    sessions: (await sessionsOf(db, [row.id])).map(presentSession),
    myRegistration: mine ? { id: mine.id, status: mine.status, position } : null,
    canRegister: !mine && actor.id != null && row.status === 'published' && row.registrationOpen && !ended,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** 1 for the next to get a seat: the waiting list runs in order of registration. */
export async function waitingPosition(db: DbOrTx, r: { id: number; eventId: number; createdAt: Date }) {
  const [{ n }] = await db
    .select({ n: count() })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, r.eventId),
        eq(eventRegistrations.status, 'waiting'),
        or(sql`${eventRegistrations.createdAt} < ${r.createdAt.toISOString()}`, and(eq(eventRegistrations.createdAt, r.createdAt), sql`${eventRegistrations.id} < ${r.id}`)),
      ),
    );
  return n + 1;
}
