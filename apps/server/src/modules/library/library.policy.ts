import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type Reach, reaches, requireActor } from '../auth/scope.ts';

/** Where a document lives: the nation (both null), a region, or a council (with its region). */
export interface LibraryPlace {
  regionId: number | null;
  councilId: number | null;
}

/**
 * Who keeps documents: national admins everywhere, regional coordinators their region's (its councils'
 * included, as with the data-source inventory), council referents and tutors their council's.
 */
export function keepReachOf(actor: Actor): Reach {
  const reach: Reach = { all: false, regionIds: [], councilIds: [], organizationIds: [] };
  for (const g of actor.roles) {
    if (g.role === 'national_admin' && g.scopeType === 'nation') reach.all = true;
    else if (g.role === 'regional_coordinator' && g.scopeType === 'region' && g.scopeId != null) reach.regionIds.push(g.scopeId);
    else if ((g.role === 'council_referent' || g.role === 'tutor') && g.scopeType === 'council' && g.scopeId != null) reach.councilIds.push(g.scopeId);
  }
  return reach;
}

/** What a signed-in user reads besides the nation's documents. */
export interface LibraryReadReach {
  all: boolean;
  /** Regions whose documents, region and council scope alike, the user reads (a role held in the region). */
  regionIds: number[];
  /** Councils whose documents the user reads. */
  councilIds: number[];
  /** Regions whose region-scope documents the user reads (the region of their council or organisation). */
  regionDocIds: number[];
}

/** Where the caller's council and organisation roles sit: each council's region, each organisation's council and region. */
export interface RolePlaces {
  councilRegion: Map<number, number>;
  organization: Map<number, { councilId: number | null; regionId: number | null }>;
}

/**
 * Every signed-in user reads the nation's documents; a role in the nation reads all; in a region that region's
 * and its councils'; in a council that council's and its region's own; in an organisation the documents of the
 * organisation's council and its region's own.
 */
export function readReachOf(actor: Actor, places: RolePlaces): LibraryReadReach {
  const reach: LibraryReadReach = { all: false, regionIds: [], councilIds: [], regionDocIds: [] };
  const addCouncil = (councilId: number | null | undefined, regionId: number | null | undefined) => {
    if (councilId != null) reach.councilIds.push(councilId);
    if (regionId != null) reach.regionDocIds.push(regionId);
  };
  for (const g of actor.roles) {
    if (g.scopeType === 'nation') reach.all = true;
    else if (g.scopeId == null) continue;
    else if (g.scopeType === 'region') reach.regionIds.push(g.scopeId);
    else if (g.scopeType === 'council') addCouncil(g.scopeId, places.councilRegion.get(g.scopeId));
    else if (g.scopeType === 'organization') {
      const o = places.organization.get(g.scopeId);
      addCouncil(o?.councilId, o?.regionId);
    }
  }
  return reach;
}

export function canReadPlace(reach: LibraryReadReach, p: LibraryPlace): boolean {
  if (reach.all || (p.regionId == null && p.councilId == null)) return true;
  if (p.regionId != null && reach.regionIds.includes(p.regionId)) return true;
  if (p.councilId != null) return reach.councilIds.includes(p.councilId);
  return p.regionId != null && reach.regionDocIds.includes(p.regionId);
}

export function canKeepPlace(actor: Actor, p: LibraryPlace): boolean {
  return reaches(keepReachOf(actor), { regionId: p.regionId, councilId: p.councilId });
}

/** 401 without an actor, 403 for one who keeps no documents anywhere (before any upload is read). */
export function requireKeeper(actor: Actor | null): Actor {
  const a = requireActor(actor);
  const r = keepReachOf(a);
  if (!r.all && !r.regionIds.length && !r.councilIds.length) throw new AppError('forbidden', 'forbidden');
  return a;
}

export function assertCanKeep(actor: Actor | null, p: LibraryPlace): Actor {
  const a = requireActor(actor);
  if (!canKeepPlace(a, p)) throw new AppError('forbidden', 'forbidden');
  return a;
}
