import type { Actor } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/http/errors.ts';
import { reachOf, reaches } from '../auth/scope.ts';
import type { Role } from '../users/users.schema.ts';
import { accessOf, canReadSection, type SubmissionAccess, type SubmissionPlace } from './campaigns.policy.ts';

/**
 * Questions and answers follow the reading rights of the item's section: whoever reads the section (the
 * council side, the region's coordinator, national admins, the data providers it is assigned to) reads
 * and writes its threads. Anyone else gets 403, whether or not the item has threads.
 */
export function assertCanDiscussSection(actor: Actor | null, s: SubmissionPlace, sectionCode: string): SubmissionAccess {
  const access = accessOf(actor, s);
  if (!canReadSection(access, sectionCode)) throw forbidden();
  return access;
}

/**
 * A locked submission is the record that was approved: its threads stay readable, but nothing is added or
 * changed until a national admin reopens it. Submitted and approved ones still take questions, since
 * reviewers and tutors may need to discuss a value before it is locked.
 */
export function assertThreadsOpenForPosting(s: { status: string }) {
  if (s.status === 'locked') throw new AppError('conflict', 'submission_comments_closed');
}

export const canPostOn = (s: { status: string }) => s.status !== 'locked';

/** A tutor of the council (held in the council, its region or the nation). */
export function isTutorOf(actor: Actor, s: SubmissionPlace): boolean {
  return reaches(reachOf(actor, ['tutor']), { councilId: s.councilId, regionId: s.regionId });
}

/** Marking a thread resolved or reopening it: the council's tutors, its referent, or whoever asked. */
export function canResolveThread(actor: Actor, s: SubmissionPlace, askedBy: number | null): boolean {
  if (isTutorOf(actor, s)) return true;
  if (reaches(reachOf(actor, ['council_referent']), { councilId: s.councilId })) return true;
  return actor.id !== null && actor.id === askedBy;
}

/** The role shown beside an author's name: the most specific one they hold towards this submission's section. */
export function authorRoleOf(actor: Actor, s: SubmissionPlace, sectionCode: string): Role | null {
  if (isTutorOf(actor, s)) return 'tutor';
  if (reaches(reachOf(actor, ['council_referent']), { councilId: s.councilId })) return 'council_referent';
  const org = s.assignments.get(sectionCode);
  if (org !== undefined && reachOf(actor, ['data_provider']).organizationIds.includes(org)) return 'data_provider';
  if (reaches(reachOf(actor, ['regional_coordinator']), { regionId: s.regionId })) return 'regional_coordinator';
  if (reaches(reachOf(actor, ['national_admin']), {})) return 'national_admin';
  return null;
}

/** Whether someone (an actor built from stored grants) may still read a section: used to choose whom to e-mail. */
export function mayReadSection(actor: Actor, s: SubmissionPlace, sectionCode: string): boolean {
  try {
    return canReadSection(accessOf(actor, s), sectionCode);
  } catch {
    return false;
  }
}
