import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type Placement, type Reach, reachOf, requireActor } from '../auth/scope.ts';
import type { Role } from './users.schema.ts';

/** The roles that manage people; everyone else gets 403 on the users API. */
export const MANAGER_ROLES: readonly Role[] = ['national_admin', 'regional_coordinator', 'council_referent'];

// A coordinator staffs the councils and local actors of the region; a referent the local actors of the council.
const REGIONAL_GRANTS: readonly Role[] = ['council_referent', 'tutor', 'data_provider', 'association_member'];
const COUNCIL_GRANTS: readonly Role[] = ['data_provider', 'association_member'];

/** A grant (or a candidate grant) with where its scope lies. */
export interface PlacedRole {
  role: Role;
  scopeType: string;
  placement: Placement;
}

/** 401 without an actor, 403 unless they hold a role that manages people. */
export function requireManager(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (!a.roles.some((g) => MANAGER_ROLES.includes(g.role))) throw new AppError('forbidden', 'forbidden');
  return a;
}

/**
 * Whom an actor sees: national admins everyone; a coordinator the holders of any role within the region;
 * a referent the holders of a role in the council or in one of its organisations.
 */
export function seeingReach(actor: Actor): Reach {
  const r = reachOf(actor, MANAGER_ROLES);
  return { ...r, organizationIds: [] };
}

/** Whether a role held at that placement lies within what the actor sees. */
export function seesGrant(reach: Reach, p: Placement): boolean {
  if (reach.all) return true;
  if (p.regionId != null && reach.regionIds.includes(p.regionId)) return true;
  return p.councilId != null && reach.councilIds.includes(p.councilId);
}

/** Whether the actor may grant (or revoke) this role at this placement: never wider than their own reach. */
export function canGrant(actor: Actor, g: PlacedRole): boolean {
  return actor.roles.some((own) => {
    if (own.role === 'national_admin' && own.scopeType === 'nation') return true;
    if (own.role === 'regional_coordinator' && own.scopeId != null) {
      return REGIONAL_GRANTS.includes(g.role) && g.scopeType !== 'nation' && g.placement.regionId === own.scopeId;
    }
    if (own.role === 'council_referent' && own.scopeId != null) {
      return COUNCIL_GRANTS.includes(g.role) && g.scopeType === 'organization' && g.placement.councilId === own.scopeId;
    }
    return false;
  });
}

export function assertCanGrant(actor: Actor, g: PlacedRole) {
  if (!canGrant(actor, g)) throw new AppError('forbidden', 'forbidden');
}

/**
 * Editing or deactivating a person touches every role they hold, so outside national admins it needs the
 * power to grant each of them: a referent cannot lock out someone who also works elsewhere.
 */
export function canManageUser(actor: Actor, roles: PlacedRole[]): boolean {
  if (reachOf(actor, ['national_admin']).all) return true;
  return roles.length > 0 && roles.every((g) => canGrant(actor, g));
}

export function isNationalAdmin(actor: Actor): boolean {
  return reachOf(actor, ['national_admin']).all;
}
