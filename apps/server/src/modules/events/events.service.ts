import { eventCreateBody, type eventListQuery, type eventUpdateBody } from '@mosaico/contracts/events';
import { and, asc, count, desc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError, fieldError, invalidFields, requireVersion, versionConflict } from '../../platform/http/errors.ts';
import { toFieldIssues } from '../../platform/http/validation.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { keeperReachOf } from '../auth/place-policy.ts';
import { requireActor } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { workingGroups } from '../working-groups/working-groups.schema.ts';
import { assertOrganizerOf, auditPlaceOf, type EventRow, loadEventReach, loadOrganizedEvent, loadReadableEvent, resolveEventPlace } from './event-access.ts';
import { promoteWaiting } from './event-registrations.service.ts';
import { eventAttendance, eventRegistrations, eventSessions, events } from './events.schema.ts';
import { inRegion, presentDetail, presentSummaries, readableCondition, withSessionDay } from './events.queries.ts';

type CreateBody = z.infer<typeof eventCreateBody>;
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** Lists the events the caller reads (their own drafts included), filtered and paged, latest first; any signed-in user. */
export async function listEvents(ctx: Ctx, q: z.infer<typeof eventListQuery>) {
  const actor = requireActor(ctx.actor);
  const e = events;
  const where: (SQL | undefined)[] = [readableCondition(actor, await loadEventReach(ctx))];
  if (q.kind) where.push(eq(e.kind, q.kind));
  if (q.status) where.push(eq(e.status, q.status));
  if (q.scopeType) where.push(eq(e.scopeType, q.scopeType));
  if (q.regionId) where.push(inRegion(q.regionId));
  if (q.councilId) where.push(eq(e.councilId, q.councilId));
  if (q.workingGroupId) where.push(eq(e.workingGroupId, q.workingGroupId));
  if (q.topic) where.push(sql`${e.topics} @> ${JSON.stringify([q.topic])}::jsonb`);
  if (q.targetGroup) where.push(sql`${e.targetGroups} @> ${JSON.stringify([q.targetGroup])}::jsonb`);
  if (q.year) where.push(withSessionDay((day) => sql`extract(year from ${day}) = ${q.year}`));
  if (q.from) where.push(withSessionDay((day) => sql`${day} >= ${q.from}::date`));
  if (q.to) where.push(withSessionDay((day) => sql`${day} <= ${q.to}::date`));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(or(ilike(e.title, p), ilike(sql`coalesce(${e.description}, '')`, p), ilike(e.organizerName, p)));
  }
  const cond = and(...where);
  const [{ total }] = await ctx.db.select({ total: count() }).from(e).where(cond);
  const firstStart = sql`(select min(${eventSessions.startsAt}) from ${eventSessions} where ${eventSessions.eventId} = ${e.id})`;
  const rows = await ctx.db
    .select()
    .from(e)
    .where(cond)
    .orderBy(sql`coalesce(${firstStart}, ${e.createdAt}) desc`, desc(e.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await presentSummaries(ctx.db, actor, rows), total, page: q.page, pageSize: q.pageSize };
}

/** One event with its sessions and the caller's registration; whoever reads it (organisers also its drafts). */
export async function getEvent(ctx: Ctx, id: number) {
  const { actor, row } = await loadReadableEvent(ctx, id);
  return presentDetail(ctx.db, actor, row);
}

/** The event's fields as a create body, to check a change merged with what is stored. */
const bodyOf = (r: EventRow) => ({
  kind: r.kind,
  title: r.title,
  description: r.description,
  scopeType: r.scopeType,
  councilId: r.scopeType === 'council' ? r.councilId : null,
  regionId: r.scopeType === 'region' ? r.regionId : null,
  regionIds: r.scopeType === 'regions' ? r.regionIds : [],
  organizerName: r.organizerName,
  organizerOrganizationId: r.organizerOrganizationId,
  topics: r.topics,
  targetGroups: r.targetGroups,
  workingGroupId: r.workingGroupId,
  capacity: r.capacity,
  registrationOpen: r.registrationOpen,
  certificateThreshold: r.certificateThreshold,
  status: r.status,
});

const valuesOf = (b: CreateBody) => ({
  kind: b.kind,
  title: b.title,
  description: b.description,
  organizerName: b.organizerName,
  organizerOrganizationId: b.organizerOrganizationId,
  topics: b.topics,
  targetGroups: b.targetGroups,
  workingGroupId: b.workingGroupId,
  capacity: b.capacity,
  registrationOpen: b.registrationOpen,
  certificateThreshold: b.certificateThreshold,
  status: b.status,
});

/**
 * Creates an event at a place the caller organises: national admins anywhere, regional coordinators in their region
 * (and its councils; an interregional event when theirs is the first region), referents and tutors in their council.
 * It starts as a draft: it is published once it has sessions.
 */
export async function createEvent(ctx: Ctx, body: CreateBody) {
  const actor = requireActor(ctx.actor);
  const place = await resolveEventPlace(ctx, body);
  assertOrganizerOf(actor, place);
  if (body.status !== 'draft') throw fieldError(ctx.lang, 'event_publish_without_sessions', 'status');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(events)
      .values({ ...valuesOf(body), ...place, createdBy: actor.id })
      .returning();
    const after = await presentDetail(tx, actor, row);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'event', entityId: row.id, after, ...auditPlaceOf(row) });
    return after;
  });
}

/**
 * Changes an event at the version read; its organisers (at its old place and, when moved, at its new one). Raising
 * the capacity, or removing it, gives waiting people their seats in order.
 */
export async function updateEvent(ctx: Ctx, id: number, patch: z.infer<typeof eventUpdateBody>, ifMatch?: number) {
  requireActor(ctx.actor);
  const version = requireVersion(ctx.lang, patch.version, ifMatch);
  return ctx.db.transaction(async (tx) => {
    const { actor, row } = await loadOrganizedEvent(tx, ctx, id);
    if (row.version !== version) throw versionConflict(row.version);
    const { version: _v, ...changes } = patch;
    // A new scope starts from an empty place: only the fields sent for it count.
    const base = changes.scopeType && changes.scopeType !== row.scopeType ? { ...bodyOf(row), councilId: null, regionId: null, regionIds: [] } : bodyOf(row);
    const merged = eventCreateBody.safeParse({ ...base, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) }, { reportInput: true });
    if (!merged.success) throw invalidFields(toFieldIssues(merged.error.issues, ctx.lang));
    const body = merged.data;
    const place = await resolveEventPlace({ ...ctx, db: tx }, body);
    assertOrganizerOf(actor, place);
    if (body.status === 'published' && row.status !== 'published') {
      const [{ n }] = await tx.select({ n: count() }).from(eventSessions).where(eq(eventSessions.eventId, id));
      if (!n) throw fieldError(ctx.lang, 'event_publish_without_sessions', 'status');
    }
    const before = await presentDetail(tx, actor, row);
    const [updated] = await tx
      .update(events)
      .set({ ...valuesOf(body), ...place, version: sql`${events.version} + 1`, updatedAt: new Date() })
      .where(eq(events.id, id))
      .returning();
    const promoted = await promoteWaiting(tx, ctx, updated);
    const after = await presentDetail(tx, actor, updated);
    await recordAudit(tx, ctx, { action: 'update', entityType: 'event', entityId: id, before, after: { ...after, promotedRegistrationIds: promoted }, ...auditPlaceOf(updated) });
    return after;
  });
}

/**
 * Deletes an event with its sessions and materials, at the version read; its organisers. An event people registered
 * to, or attended, is cancelled instead, so their registrations, attendance, hours and certificates are kept.
 */
export async function deleteEvent(ctx: Ctx, id: number, version?: number) {
  requireActor(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const { actor, row } = await loadOrganizedEvent(tx, ctx, id);
    if (row.version !== requireVersion(ctx.lang, version)) throw versionConflict(row.version);
    const [{ n }] = await tx.select({ n: count() }).from(eventRegistrations).where(and(eq(eventRegistrations.eventId, id), ne(eventRegistrations.status, 'cancelled')));
    if (n) throw new AppError('conflict', 'event_has_registrations', { n });
    // Those who cancelled after attending keep their hours and certificates, which a deletion would take away.
    const [attended] = await tx.select({ n: count() }).from(eventAttendance).innerJoin(eventSessions, eq(eventSessions.id, eventAttendance.sessionId)).where(and(eq(eventSessions.eventId, id), eq(eventAttendance.present, true)));
    if (attended.n) throw new AppError('conflict', 'event_has_attendance');
    const before = await presentDetail(tx, actor, row);
    await tx.delete(events).where(eq(events.id, id));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'event', entityId: id, before, ...auditPlaceOf(row) });
  });
}

/** The councils, regions and working groups the caller may organise events for, by name, for the event form. */
export async function listEventOptions(ctx: Ctx) {
  const actor = requireActor(ctx.actor);
  const reach = keeperReachOf(actor);
  const none = !reach.all && !reach.regionIds.length && !reach.councilIds.length;
  if (none) return { councils: [], regions: [], nation: false, workingGroups: [] };
  const regionRows = await ctx.db
    .select({ id: territories.id, code: territories.code, name: territories.name })
    .from(territories)
    .where(and(eq(territories.level, 'region'), sql`${territories.validTo} is null`))
    .orderBy(asc(territories.name));
  const councilRows = await ctx.db
    .select({ id: councils.id, code: councils.code, name: councils.name, regionId: councils.regionId })
    .from(councils)
    .where(reach.all ? undefined : or(reach.regionIds.length ? inArray(councils.regionId, reach.regionIds) : undefined, reach.councilIds.length ? inArray(councils.id, reach.councilIds) : undefined))
    .orderBy(asc(councils.name));
  const groupRows = await ctx.db
    .select({ id: workingGroups.id, name: workingGroups.name, regionId: workingGroups.regionId, councilId: workingGroups.councilId })
    .from(workingGroups)
    .where(
      reach.all
        ? eq(workingGroups.active, true)
        : and(eq(workingGroups.active, true), or(reach.regionIds.length ? inArray(workingGroups.regionId, reach.regionIds) : undefined, reach.councilIds.length ? inArray(workingGroups.councilId, reach.councilIds) : undefined)),
    )
    .orderBy(asc(workingGroups.name));
  return {
    councils: councilRows,
    // Every region is offered to a coordinator, as a partner of an interregional event their region organises.
    regions: reach.all || reach.regionIds.length ? regionRows : [],
    nation: reach.all,
    workingGroups: groupRows,
  };
}
