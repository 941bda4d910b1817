import type { ReportStatus, ReportTransition } from '@mosaico/contracts/reports';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { hasNationRole, type Placement, reachOf, reaches, requireActor } from '../auth/scope.ts';
import type { Role } from '../users/users.schema.ts';

/** Who reads a council's report: national admins, the region's coordinator, the council's referent and tutors. */
export const REPORT_READ_ROLES: readonly Role[] = ['national_admin', 'regional_coordinator', 'council_referent', 'tutor'];
/** Who writes it (generate, regenerate, narrative, restore): the council's referent and tutors, national admins. */
export const REPORT_EDIT_ROLES: readonly Role[] = ['national_admin', 'council_referent', 'tutor'];

export interface ReportPlace {
  councilId: number;
  regionId: number;
}

const placement = (p: ReportPlace): Placement => ({ councilId: p.councilId, regionId: p.regionId });
const holds = (a: Actor, roles: readonly Role[], p: ReportPlace) => reaches(reachOf(a, roles), placement(p));

/** 401 without an actor, 403 unless the caller reads this council's reports. */
export function assertCanRead(actor: Actor | null, p: ReportPlace): Actor {
  const a = requireActor(actor);
  if (!holds(a, REPORT_READ_ROLES, p)) throw new AppError('forbidden', 'forbidden');
  return a;
}

export const canEditReport = (a: Actor, p: ReportPlace) => holds(a, REPORT_EDIT_ROLES, p);

/** 403 unless the caller writes this council's reports (reading is checked first, so outsiders learn nothing). */
export function assertCanEdit(actor: Actor | null, p: ReportPlace): Actor {
  const a = assertCanRead(actor, p);
  if (!canEditReport(a, p)) throw new AppError('forbidden', 'forbidden');
  return a;
}

/** The workflow: from which statuses each transition leaves and where it leads. */
export const TRANSITION_RULES: Record<ReportTransition, { from: readonly ReportStatus[]; to: ReportStatus; noteRequired: boolean }> = {
  submit: { from: ['draft'], to: 'in_review', noteRequired: false },
  return: { from: ['in_review'], to: 'draft', noteRequired: true },
  approve: { from: ['in_review'], to: 'approved', noteRequired: false },
  publish: { from: ['approved'], to: 'published', noteRequired: false },
  withdraw: { from: ['published'], to: 'withdrawn', noteRequired: true },
  reopen: { from: ['approved', 'withdrawn'], to: 'draft', noteRequired: false },
};

/** Whether the caller's roles allow a transition on this council's report (the status is checked apart). */
export function mayTransition(a: Actor, p: ReportPlace, t: ReportTransition): boolean {
  const admin = hasNationRole(a, 'national_admin');
  switch (t) {
    case 'submit':
      return holds(a, ['council_referent', 'tutor'], p);
    case 'return':
      return holds(a, ['national_admin', 'regional_coordinator', 'tutor'], p);
    case 'approve':
      return admin || hasNationRole(a, 'tutor');
    case 'publish':
    case 'withdraw':
    case 'reopen':
      return admin || holds(a, ['council_referent'], p);
  }
}

/** The transitions the caller may take now. */
export function allowedTransitions(a: Actor, p: ReportPlace, status: ReportStatus): ReportTransition[] {
  return (Object.keys(TRANSITION_RULES) as ReportTransition[]).filter((t) => TRANSITION_RULES[t].from.includes(status) && mayTransition(a, p, t));
}

/** Templates: national admins create and edit them; whoever works on reports reads them. */
export function assertCanManageTemplates(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (!hasNationRole(a, 'national_admin')) throw new AppError('forbidden', 'forbidden');
  return a;
}

export function assertCanReadTemplates(actor: Actor | null): Actor {
  const a = requireActor(actor);
  const reach = reachOf(a, REPORT_READ_ROLES);
  if (!reach.all && !reach.regionIds.length && !reach.councilIds.length) throw new AppError('forbidden', 'forbidden');
  return a;
}

/** Batches: national admins for any council; regional coordinators for their regions' councils. */
export function batchRegions(actor: Actor | null): { all: boolean; regionIds: number[] } {
  const a = requireActor(actor);
  if (hasNationRole(a, 'national_admin')) return { all: true, regionIds: [] };
  const reach = reachOf(a, ['regional_coordinator']);
  if (!reach.all && !reach.regionIds.length) throw new AppError('forbidden', 'forbidden');
  return { all: reach.all, regionIds: reach.regionIds };
}
