import type { ReviewLevel } from '@mosaico/contracts/campaigns';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { authorize, type Reach, reachOf, reaches, requireActor } from '../auth/scope.ts';
import type { Role } from '../users/users.schema.ts';

/** The council side of a submission: they read all of it. */
export const COUNCIL_READ_ROLES: readonly Role[] = ['national_admin', 'regional_coordinator', 'council_referent', 'tutor'];
/** The level above a council: approves or returns what it submits. */
export const REVIEW_ROLES: readonly Role[] = ['national_admin', 'regional_coordinator'];

/** Where a submission lives, and which organisations fill which of its sections. */
export interface SubmissionPlace {
  councilId: number;
  regionId: number;
  /** section code → organisation id */
  assignments: Map<string, number>;
}

/** What a caller may do with one submission's values. `sections: 'all'` for the council side. */
export interface SubmissionAccess {
  actor: Actor;
  read: 'all' | Set<string>;
  write: 'all' | Set<string>;
}

const forbidden = () => new AppError('forbidden', 'forbidden');

/** Campaigns are opened by national admins only. */
export function assertCanCreateCampaign(actor: Actor | null): Actor {
  return authorize(actor, ['national_admin'], {});
}

/** The organisations whose data providers act for the caller. */
export function providerOrganizations(actor: Actor): number[] {
  return reachOf(actor, ['data_provider']).organizationIds;
}

/**
 * Reading and writing rights on a submission, or 403: the council's people (referent, tutor), its region's
 * coordinator and national admins read it all; the referent writes every section; data providers read and
 * write the sections assigned to their organisation.
 */
export function accessOf(actor: Actor | null, s: SubmissionPlace): SubmissionAccess {
  const a = requireActor(actor);
  const place = { councilId: s.councilId, regionId: s.regionId };
  const writesAll = reaches(reachOf(a, ['council_referent']), { councilId: s.councilId });
  if (reaches(reachOf(a, COUNCIL_READ_ROLES), place)) return { actor: a, read: 'all', write: writesAll ? 'all' : new Set() };
  const orgs = new Set(providerOrganizations(a));
  const sections = new Set([...s.assignments].filter(([, org]) => orgs.has(org)).map(([section]) => section));
  if (!sections.size) throw forbidden();
  return { actor: a, read: sections, write: sections };
}

export const canReadSection = (access: SubmissionAccess, section: string) => access.read === 'all' || access.read.has(section);
export const canWriteSection = (access: SubmissionAccess, section: string) => access.write === 'all' || access.write.has(section);

/** Assigning sections: the council's referent, or a national admin. */
export function assertCanAssign(actor: Actor | null, s: SubmissionPlace): Actor {
  const a = requireActor(actor);
  accessOf(a, s);
  if (!reaches(reachOf(a, ['council_referent']), { councilId: s.councilId }) && !reaches(reachOf(a, ['national_admin']), {})) throw forbidden();
  return a;
}

/** The reviewers of an approval level: the region's coordinator (or a national admin standing in), or a national admin. */
export function reviewsAtLevel(actor: Actor, s: SubmissionPlace, level: ReviewLevel | null): boolean {
  if (reaches(reachOf(actor, ['national_admin']), {})) return true;
  return level === 'region' && reaches(reachOf(actor, ['regional_coordinator']), { regionId: s.regionId });
}

/**
 * Who moves a submission from one status to another (the transition itself is checked by the workflow): the
 * referent submits; the reviewers of the awaited level return or approve; a national admin locks and reopens.
 */
export function assertCanTransition(actor: Actor | null, s: SubmissionPlace & { reviewLevel: ReviewLevel | null }, to: string): Actor {
  const a = requireActor(actor);
  // Anyone outside the submission's reach learns nothing about its status: 403 before the workflow answers.
  accessOf(a, s);
  let allowed: boolean;
  if (to === 'submitted') allowed = reaches(reachOf(a, ['council_referent']), { councilId: s.councilId });
  else if (to === 'returned' || to === 'approved') allowed = s.reviewLevel === null ? reaches(reachOf(a, REVIEW_ROLES), { regionId: s.regionId }) : reviewsAtLevel(a, s, s.reviewLevel);
  else allowed = reaches(reachOf(a, ['national_admin']), {});
  if (!allowed) throw forbidden();
  return a;
}

/**
 * The reach of the council side (national admins, regional coordinators, referents, tutors), or 403: records
 * about a whole campaign, such as the reminders sent, are not for data providers.
 */
export function councilSideReach(actor: Actor | null): Reach {
  const reach = reachOf(requireActor(actor), COUNCIL_READ_ROLES);
  if (!reach.all && !reach.regionIds.length && !reach.councilIds.length) throw forbidden();
  return reach;
}
