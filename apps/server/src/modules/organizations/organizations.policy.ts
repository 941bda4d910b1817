import { ORGANIZATION_CONTACT_FIELDS } from '@mosaico/contracts/organizations';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { isEmptyReach, type Placement, type Reach, reachOf, reaches, requireActor } from '../auth/scope.ts';
import type { Role } from '../users/users.schema.ts';

/** Who reads an organisation: the council side in its scope, and its own members. */
export const READ_ROLES: readonly Role[] = [
  'national_admin',
  'regional_coordinator',
  'council_referent',
  'tutor',
  'data_provider',
  'association_member',
];
/** Who creates, edits, deletes and imports organisations (and keeps their contact log), in their scope. */
export const EDIT_ROLES: readonly Role[] = ['national_admin', 'regional_coordinator', 'council_referent'];
/** Members of an organisation: they may keep its contact details only. */
export const MEMBER_ROLES: readonly Role[] = ['data_provider', 'association_member'];
/**
 * The contact log records the council's work to bring an actor into the collection: the council side
 * reads it (tutors included, they support councils); the actor's own members do not.
 */
export const LOG_READ_ROLES: readonly Role[] = ['national_admin', 'regional_coordinator', 'council_referent', 'tutor'];

export interface OrganizationPlace {
  id?: number;
  regionId: number | null;
  councilId: number | null;
}

export function placementOf(o: OrganizationPlace): Placement {
  return { regionId: o.regionId, councilId: o.councilId, organizationId: o.id ?? null };
}

/** The organisations an actor may list: 403 for an actor holding no role that reads any. */
export function readReachOf(actor: Actor | null): Reach {
  const reach = reachOf(requireActor(actor), READ_ROLES);
  if (isEmptyReach(reach)) throw new AppError('forbidden', 'forbidden');
  return reach;
}

/** Edit reach of an actor, refusing at once one who cannot edit anywhere (before any input is looked at). */
export function editReachOf(actor: Actor | null): Reach {
  const reach = reachOf(requireActor(actor), EDIT_ROLES);
  if (isEmptyReach(reach)) throw new AppError('forbidden', 'forbidden');
  return reach;
}

export function canRead(actor: Actor, o: OrganizationPlace): boolean {
  return reaches(reachOf(actor, READ_ROLES), placementOf(o));
}

/**
 * Editors reach a place by region or council. A regional body (no council) is thus reached only by national
 * admins and that region's coordinators, and a national body (no region) by national admins alone.
 */
export function canEdit(actor: Actor, o: OrganizationPlace): boolean {
  return reaches(reachOf(actor, EDIT_ROLES), placementOf(o));
}

export function canEditOwnContacts(actor: Actor, o: OrganizationPlace & { id: number }): boolean {
  return reaches(reachOf(actor, MEMBER_ROLES), { organizationId: o.id });
}

export function assertCanRead(actor: Actor | null, o: OrganizationPlace): Actor {
  const a = requireActor(actor);
  if (!canRead(a, o)) throw new AppError('forbidden', 'forbidden');
  return a;
}

export function assertCanReadLog(actor: Actor | null, o: OrganizationPlace): Actor {
  const a = requireActor(actor);
  if (!reaches(reachOf(a, LOG_READ_ROLES), placementOf(o))) throw new AppError('forbidden', 'forbidden');
  return a;
}

export function assertCanEdit(actor: Actor | null, o: OrganizationPlace): Actor {
  const a = requireActor(actor);
  if (!canEdit(a, o)) throw new AppError('forbidden', 'forbidden');
  return a;
}

/**
 * A change to an existing organisation: editors must reach it where it is and where it goes; its members
 * may change only its contact details. `changed` names the fields whose value actually changes.
 */
export function assertCanChange(actor: Actor | null, before: OrganizationPlace & { id: number }, after: OrganizationPlace, changed: string[]) {
  const a = requireActor(actor);
  if (canEdit(a, before)) {
    if (!canEdit(a, after)) throw new AppError('forbidden', 'forbidden');
    return;
  }
  if (!canEditOwnContacts(a, before)) throw new AppError('forbidden', 'forbidden');
  const others = changed.filter((f) => !(ORGANIZATION_CONTACT_FIELDS as readonly string[]).includes(f));
  if (others.length) throw new AppError('forbidden', 'organization_contact_fields_only', { fields: others.join(', ') }, { fields: others });
}
