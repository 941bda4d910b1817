import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import type { PlaceReadReach } from '../auth/place-policy.ts';
import { loadPlaceReadReach } from '../auth/place-reach.ts';
import { requireActor } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { workingGroups } from '../working-groups/working-groups.schema.ts';
import { assertCanOrganize, canReadEvent, type EventPlace } from './events.policy.ts';
import { eventRegistrations, events } from './events.schema.ts';

// Loading an event for reading or organising, and resolving where a new or changed event sits.

export type EventRow = typeof events.$inferSelect;

export async function loadEventRow(db: DbOrTx, id: number, lock = false): Promise<EventRow> {
  const query = db.select().from(events).where(eq(events.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'event_not_found', { id });
  return row;
}

/** The caller's read reach: council and organisation roles read their council's and region's published events. */
export const loadEventReach = (ctx: Ctx): Promise<PlaceReadReach> => loadPlaceReadReach(ctx, true);

/** An event the caller reads (401 anonymous, 404 none, 403 outside their reach or a draft not theirs). */
export async function loadReadableEvent(ctx: Ctx, id: number) {
  const actor = requireActor(ctx.actor);
  const row = await loadEventRow(ctx.db, id);
  const reach = await loadEventReach(ctx);
  if (!canReadEvent(actor, reach, row)) throw new AppError('forbidden', 'forbidden');
  return { actor, row, reach };
}

/**
 * An event the caller organises (401 anonymous, 404 none, 403 anyone else: participants' data is organisers' only),
 * locked for the rest of the transaction unless `lock` is false.
 */
export async function loadOrganizedEvent(tx: DbOrTx, ctx: Ctx, id: number, lock = true) {
  const actor = requireActor(ctx.actor);
  const row = await loadEventRow(tx, id, lock);
  assertCanOrganize(actor, row);
  return { actor, row };
}

/**
 * A registration's name as lists and certificates print it: the external participant's own, or the platform user's
 * (kept once, in users, so a registration never copies it).
 */
export const registrantName = sql<string | null>`coalesce(${eventRegistrations.fullName}, (select u.name from users u where u.id = ${eventRegistrations.userId}))`;

/** Where audit entries of an event are filed, so its organisers' audit page lists them. */
export const auditPlaceOf = (e: EventRow) => ({ regionId: e.regionId, councilId: e.councilId });

export interface PlaceFields {
  scopeType: EventPlace['scopeType'];
  councilId: number | null;
  regionId: number | null;
  regionIds: number[];
  workingGroupId: number | null;
  organizerOrganizationId: number | null;
}

/**
 * The stored place of an event from its scope fields: a council's event carries its council's region, a region's
 * that region, an interregional one its regions (the first organises it, and is its region_id), the nation none.
 * Field errors name what does not exist; the working group must work where the event is held.
 */
export async function resolveEventPlace(ctx: Ctx, f: PlaceFields): Promise<Pick<EventRow, 'scopeType' | 'councilId' | 'regionId' | 'regionIds'>> {
  let place: Pick<EventRow, 'scopeType' | 'councilId' | 'regionId' | 'regionIds'>;
  if (f.scopeType === 'council') {
    const [c] = await ctx.db.select({ id: councils.id, regionId: councils.regionId }).from(councils).where(eq(councils.id, f.councilId ?? 0));
    if (!c) throw fieldError(ctx.lang, 'event_council_not_found', 'councilId', { id: f.councilId ?? 0 });
    place = { scopeType: 'council', councilId: c.id, regionId: c.regionId, regionIds: [c.regionId] };
  } else if (f.scopeType === 'region' || f.scopeType === 'regions') {
    const wanted = f.scopeType === 'region' ? [f.regionId ?? 0] : f.regionIds;
    const found = await ctx.db
      .select({ id: territories.id })
      .from(territories)
      .where(and(inArray(territories.id, wanted), eq(territories.level, 'region')));
    const missing = wanted.find((id) => !found.some((r) => r.id === id));
    if (missing != null) throw fieldError(ctx.lang, 'event_region_not_found', f.scopeType === 'region' ? 'regionId' : 'regionIds', { id: missing });
    place = { scopeType: f.scopeType, councilId: null, regionId: wanted[0], regionIds: wanted };
  } else {
    place = { scopeType: 'nation', councilId: null, regionId: null, regionIds: [] };
  }
  if (f.workingGroupId != null) await checkWorkingGroup(ctx, f.workingGroupId, place);
  if (f.organizerOrganizationId != null) {
    const [o] = await ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, f.organizerOrganizationId));
    if (!o) throw fieldError(ctx.lang, 'event_organization_not_found', 'organizerOrganizationId', { id: f.organizerOrganizationId });
  }
  return place;
}

/** A working group's meetings and courses are held where it works: in its region, and in its council when it has one. */
async function checkWorkingGroup(ctx: Ctx, groupId: number, place: Pick<EventRow, 'scopeType' | 'councilId' | 'regionIds'>) {
  const [g] = await ctx.db.select({ id: workingGroups.id, name: workingGroups.name, regionId: workingGroups.regionId, councilId: workingGroups.councilId }).from(workingGroups).where(eq(workingGroups.id, groupId));
  if (!g) throw fieldError(ctx.lang, 'event_working_group_not_found', 'workingGroupId', { id: groupId });
  const inRegion = place.regionIds.includes(g.regionId);
  const inCouncil = place.scopeType !== 'council' || g.councilId == null || g.councilId === place.councilId;
  if (!inRegion || !inCouncil) throw fieldError(ctx.lang, 'event_working_group_elsewhere', 'workingGroupId', { name: g.name });
}

/** The caller as an organiser of the given place (401/403). */
export function assertOrganizerOf(actor: Actor | null, place: Pick<EventRow, 'scopeType' | 'councilId' | 'regionId' | 'regionIds'>) {
  return assertCanOrganize(actor, { ...place, status: 'draft' });
}
