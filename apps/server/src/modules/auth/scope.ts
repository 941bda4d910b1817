import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Role } from '../users/users.schema.ts';

/** Where a record lives, for scope checks: its region, council and organisation (any may be absent). */
export interface Placement {
  regionId?: number | null;
  councilId?: number | null;
  organizationId?: number | null;
}

/** The ids an actor reaches with the given roles; `all` for a role held in the nation scope. */
export interface Reach {
  all: boolean;
  regionIds: number[];
  councilIds: number[];
  organizationIds: number[];
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  return actor;
}

export function reachOf(actor: Actor, roles: readonly Role[]): Reach {
  const reach: Reach = { all: false, regionIds: [], councilIds: [], organizationIds: [] };
  for (const g of actor.roles) {
    if (!roles.includes(g.role)) continue;
    if (g.scopeType === 'nation') reach.all = true;
    else if (g.scopeType === 'region' && g.scopeId != null) reach.regionIds.push(g.scopeId);
    else if (g.scopeType === 'council' && g.scopeId != null) reach.councilIds.push(g.scopeId);
    else if (g.scopeType === 'organization' && g.scopeId != null) reach.organizationIds.push(g.scopeId);
  }
  return reach;
}

/** A role reaches a record when held in the nation, in its region, in its council or in its organisation. */
export function reaches(reach: Reach, p: Placement): boolean {
  if (reach.all) return true;
  if (p.regionId != null && reach.regionIds.includes(p.regionId)) return true;
  if (p.councilId != null && reach.councilIds.includes(p.councilId)) return true;
  if (p.organizationId != null && reach.organizationIds.includes(p.organizationId)) return true;
  return false;
}

export function isEmptyReach(reach: Reach): boolean {
  return !reach.all && !reach.regionIds.length && !reach.councilIds.length && !reach.organizationIds.length;
}

/** Throws 401 without an actor and 403 unless one of `roles` reaches the placement. */
export function authorize(actor: Actor | null, roles: readonly Role[], p: Placement): Actor {
  const a = requireActor(actor);
  if (!reaches(reachOf(a, roles), p)) throw new AppError('forbidden', 'forbidden');
  return a;
}

export function hasNationRole(actor: Actor | null, role: Role): boolean {
  return !!actor?.roles.some((g) => g.role === role && g.scopeType === 'nation');
}
