import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type Reach, reaches, requireActor } from '../auth/scope.ts';

/** Where an entry lives: the nation (both null), a region, or a council (with its region). */
export interface DataSourcePlace {
  regionId: number | null;
  councilId: number | null;
}

/**
 * Who keeps entries: national admins everywhere, regional coordinators their region's (councils' included),
 * council referents and tutors their council's. A tutor held in a region does not keep the region's entries:
 * the ricognizione of a region is the coordinators' work.
 */
export function editReachOf(actor: Actor): Reach {
  const reach: Reach = { all: false, regionIds: [], councilIds: [], organizationIds: [] };
  for (const g of actor.roles) {
    if (g.role === 'national_admin' && g.scopeType === 'nation') reach.all = true;
    else if (g.role === 'regional_coordinator' && g.scopeType === 'region' && g.scopeId != null) reach.regionIds.push(g.scopeId);
    else if ((g.role === 'council_referent' || g.role === 'tutor') && g.scopeType === 'council' && g.scopeId != null) reach.councilIds.push(g.scopeId);
  }
  return reach;
}

export interface ReadReach {
  all: boolean;
  /** Regions whose entries (region and council scope) the actor reads. */
  regionIds: number[];
  /** Councils whose entries the actor reads. */
  councilIds: number[];
  /** Regions whose region-scope entries the actor reads (the region of a council they hold a role in). */
  regionEntryIds: number[];
}

/**
 * Every signed-in user reads the nation's entries and those of their scope: a role in the nation reads all,
 * in a region that region's and its councils', in a council that council's and its region's own entries.
 * `councilRegion` gives the region of a council.
 */
export function readReachOf(actor: Actor, councilRegion: Map<number, number>): ReadReach {
  const reach: ReadReach = { all: false, regionIds: [], councilIds: [], regionEntryIds: [] };
  for (const g of actor.roles) {
    if (g.scopeType === 'nation') reach.all = true;
    else if (g.scopeType === 'region' && g.scopeId != null) reach.regionIds.push(g.scopeId);
    else if (g.scopeType === 'council' && g.scopeId != null) {
      reach.councilIds.push(g.scopeId);
      const region = councilRegion.get(g.scopeId);
      if (region != null) reach.regionEntryIds.push(region);
    }
  }
  return reach;
}

export function canReadPlace(reach: ReadReach, p: DataSourcePlace): boolean {
  if (reach.all || (p.regionId == null && p.councilId == null)) return true;
  if (p.regionId != null && reach.regionIds.includes(p.regionId)) return true;
  if (p.councilId != null) return reach.councilIds.includes(p.councilId);
  return p.regionId != null && reach.regionEntryIds.includes(p.regionId);
}

export function canEditPlace(actor: Actor, p: DataSourcePlace): boolean {
  return reaches(editReachOf(actor), { regionId: p.regionId, councilId: p.councilId });
}

/** 401 without an actor, 403 for one who keeps no entries anywhere (before any input is looked at). */
export function requireEditor(actor: Actor | null): Actor {
  const a = requireActor(actor);
  const r = editReachOf(a);
  if (!r.all && !r.regionIds.length && !r.councilIds.length) throw new AppError('forbidden', 'forbidden');
  return a;
}

export function assertCanEdit(actor: Actor | null, p: DataSourcePlace): Actor {
  const a = requireActor(actor);
  if (!canEditPlace(a, p)) throw new AppError('forbidden', 'forbidden');
  return a;
}
