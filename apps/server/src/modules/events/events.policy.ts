import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { canKeepPlace, canReadPlace, type PlaceReadReach } from '../auth/place-policy.ts';
import { requireActor } from '../auth/scope.ts';

/** What the policy needs of an event: its scope and places (see events.schema). */
export interface EventPlace {
  scopeType: 'council' | 'region' | 'regions' | 'nation';
  regionId: number | null;
  councilId: number | null;
  regionIds: number[];
  status: 'draft' | 'published' | 'cancelled';
}

/**
 * Organisers keep an event, its sessions, registrations and attendance: national admins every event, regional
 * coordinators their region's and its councils' (an interregional event belongs to its first, organising region),
 * council referents and tutors their council's. Only organisers record attendance and see participants' data.
 */
export function canOrganizeEvent(actor: Actor, e: EventPlace): boolean {
  return canKeepPlace(actor, { regionId: e.scopeType === 'nation' ? null : e.regionId, councilId: e.councilId });
}

export function assertCanOrganize(actor: Actor | null, e: EventPlace): Actor {
  const a = requireActor(actor);
  if (!canOrganizeEvent(a, e)) throw new AppError('forbidden', 'forbidden');
  return a;
}

/**
 * A published (or cancelled) event is read by everyone whose roles sit at its place — any of its regions for an
 * interregional one; a draft by its organisers only.
 */
export function canReadEvent(actor: Actor, reach: PlaceReadReach, e: EventPlace): boolean {
  if (canOrganizeEvent(actor, e)) return true;
  if (e.status === 'draft') return false;
  if (e.scopeType === 'regions') return e.regionIds.some((regionId) => canReadPlace(reach, { regionId, councilId: null }));
  return canReadPlace(reach, { regionId: e.scopeType === 'nation' ? null : e.regionId, councilId: e.councilId });
}
