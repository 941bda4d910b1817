import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type Reach, reaches, requireActor } from './scope.ts';

/**
 * Records shared at a place — the nation (both null), a region, or a council (with its region) — such as the
 * data-source inventory and the document library: kept by the people responsible for that place, read by
 * everyone whose roles sit there or below.
 */
export interface SharedPlace {
  regionId: number | null;
  councilId: number | null;
}

/**
 * Who keeps shared records: national admins everywhere, regional coordinators their region's (its councils'
 * included), council referents and tutors their council's. A tutor held in a region keeps nothing there: a
 * region's shared records are the coordinators' work.
 */
export function keeperReachOf(actor: Actor): Reach {
  const reach: Reach = { all: false, regionIds: [], councilIds: [], organizationIds: [] };
  for (const g of actor.roles) {
    if (g.role === 'national_admin' && g.scopeType === 'nation') reach.all = true;
    else if (g.role === 'regional_coordinator' && g.scopeType === 'region' && g.scopeId != null) reach.regionIds.push(g.scopeId);
    else if ((g.role === 'council_referent' || g.role === 'tutor') && g.scopeType === 'council' && g.scopeId != null) reach.councilIds.push(g.scopeId);
  }
  return reach;
}

export interface PlaceReadReach {
  all: boolean;
  /** Regions whose records, region and council scope alike, the actor reads (a role held in the region). */
  regionIds: number[];
  /** Councils whose records the actor reads. */
  councilIds: number[];
  /** Regions whose region-scope records the actor reads (the region of their council or organisation). */
  regionRecordIds: number[];
}

/** Where the actor's council and organisation roles sit: each council's region, each organisation's council and region. */
export interface RolePlaces {
  councilRegion: Map<number, number>;
  /** Omitted where organisation roles read only the nation's records. */
  organization?: Map<number, { councilId: number | null; regionId: number | null }>;
}

/**
 * Every signed-in user reads the nation's records; a role in the nation reads all; in a region that region's and
 * its councils'; in a council that council's and its region's own; in an organisation (when `places.organization`
 * is given) those of the organisation's council and its region's own.
 */
export function placeReadReachOf(actor: Actor, places: RolePlaces): PlaceReadReach {
  const reach: PlaceReadReach = { all: false, regionIds: [], councilIds: [], regionRecordIds: [] };
  const addCouncil = (councilId: number | null | undefined, regionId: number | null | undefined) => {
    if (councilId != null) reach.councilIds.push(councilId);
    if (regionId != null) reach.regionRecordIds.push(regionId);
  };
  for (const g of actor.roles) {
    if (g.scopeType === 'nation') reach.all = true;
    else if (g.scopeId == null) continue;
    else if (g.scopeType === 'region') reach.regionIds.push(g.scopeId);
    else if (g.scopeType === 'council') addCouncil(g.scopeId, places.councilRegion.get(g.scopeId));
    else if (g.scopeType === 'organization' && places.organization) {
      const o = places.organization.get(g.scopeId);
      addCouncil(o?.councilId, o?.regionId);
    }
  }
  return reach;
}

export function canReadPlace(reach: PlaceReadReach, p: SharedPlace): boolean {
  if (reach.all || (p.regionId == null && p.councilId == null)) return true;
  if (p.regionId != null && reach.regionIds.includes(p.regionId)) return true;
  if (p.councilId != null) return reach.councilIds.includes(p.councilId);
  return p.regionId != null && reach.regionRecordIds.includes(p.regionId);
}

export function canKeepPlace(actor: Actor, p: SharedPlace): boolean {
  return reaches(keeperReachOf(actor), { regionId: p.regionId, councilId: p.councilId });
}

/** 401 without an actor, 403 for one who keeps nothing anywhere (before any input is looked at). */
export function requireKeeper(actor: Actor | null): Actor {
  const a = requireActor(actor);
  const r = keeperReachOf(a);
  if (!r.all && !r.regionIds.length && !r.councilIds.length) throw new AppError('forbidden', 'forbidden');
  return a;
}

export function assertCanKeep(actor: Actor | null, p: SharedPlace): Actor {
  const a = requireActor(actor);
  if (!canKeepPlace(a, p)) throw new AppError('forbidden', 'forbidden');
  return a;
}
