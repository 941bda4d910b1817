import { z } from 'zod';
import { isoDate } from './common.ts';

/** The life of a submission: draft → submitted → returned | approved → locked; a national admin reopens to draft. */
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'locked'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** The levels above a council that approve its submission, in order. */
export const REVIEW_LEVELS = ['region', 'nation'] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];

/** Statuses in which values may still change. */
export const EDITABLE_STATUSES: readonly SubmissionStatus[] = ['draft', 'returned'];

export const campaignCreateBody = z.object({
  formId: z.number().int().positive(),
  version: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  deadline: isoDate,
  councilIds: z.array(z.number().int().positive()).min(1).max(500).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  /** Approval chain: region then nation (default), or one of them alone. */
  approvalLevels: z
    .array(z.enum(REVIEW_LEVELS))
    .min(1)
    .max(2)
    .refine((l) => new Set(l).size === l.length && (l.length === 1 || l[0] === 'region'), {
      message: 'Livelli di approvazione: «region», «nation» o «region» poi «nation».|Approval levels: "region", "nation" or "region" then "nation".',
    })
    .default(['region', 'nation']),
});

export const campaign = z.object({
  id: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  deadline: z.string(),
  approvalLevels: z.array(z.enum(REVIEW_LEVELS)),
  form: z.object({ id: z.number().int(), code: z.string(), version: z.number().int(), versionId: z.number().int() }),
  /** Submissions of the councils in the caller's reach. */
  submissionCount: z.number().int(),
  createdAt: z.string(),
});

const completeness = z.object({ filled: z.number().int(), expected: z.number().int() });
const ref = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

/** The engine's verdict, messages in the request's language. */
export const evaluationSummary = z.object({
  completeness: z.object({ bySection: z.record(z.string(), completeness), overall: completeness }),
  issues: z.array(z.object({ item: z.string(), code: z.string(), severity: z.literal('error'), message: z.string() })),
  rules: z.array(
    z.object({
      rule: z.string(),
      severity: z.enum(['error', 'warning']),
      status: z.enum(['passed', 'failed', 'skipped']),
      left: z.unknown(),
      right: z.unknown(),
      message: z.string(),
    }),
  ),
});

export const sectionAssignment = z.object({
  sectionCode: z.string(),
  organization: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});

export const submission = z.object({
  id: z.number().int(),
  status: z.enum(SUBMISSION_STATUSES),
  reviewLevel: z.enum(REVIEW_LEVELS).nullable(),
  revision: z.number().int(),
  campaign: z.object({ id: z.number().int(), name: z.string(), year: z.number().int(), deadline: z.string(), approvalLevels: z.array(z.enum(REVIEW_LEVELS)) }),
  council: ref,
  region: z.object({ id: z.number().int(), name: z.string() }),
  formVersion: z.object({ id: z.number().int(), formId: z.number().int(), code: z.string(), version: z.number().int() }),
  /** Sections whose values the caller may read (all, or a data provider's assigned ones) and write now. */
  readableSections: z.array(z.string()),
  writableSections: z.array(z.string()),
  values: z.record(z.string(), z.unknown()),
  evaluation: evaluationSummary,
  assignments: z.array(sectionAssignment),
  lastActivityAt: z.string().nullable(),
});

export const assignmentParams = z.object({ id: z.coerce.number().int().positive(), sectionCode: z.string().min(1).max(64) });
export const assignmentBody = z.object({ organizationId: z.number().int().positive().nullable() });

export const valuesBody = z.object({
  values: z.record(z.string().min(1).max(200), z.unknown()),
  expectedRevision: z.number().int().min(0).optional(),
});
export const valuesResult = evaluationSummary.extend({ revision: z.number().int(), changed: z.array(z.string()) });

export const historyQuery = z.object({
  key: z.string().min(1).max(200).optional(),
  /** An item code: the changes of the item and of all its cells (a disaggregation's or a table's). */
  item: z.string().min(1).max(64).optional(),
});
export const historyEntry = z.object({
  key: z.string(),
  at: z.string(),
  by: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const TRANSITION_TARGETS = ['submitted', 'returned', 'approved', 'locked', 'draft'] as const;
export const transitionBody = z.object({
  to: z.enum(TRANSITION_TARGETS),
  reason: z.string().trim().max(4000).optional(),
  justifications: z.record(z.string(), z.string().max(4000)).optional(),
});
export const transitionResult = z.object({
  id: z.number().int(),
  status: z.enum(SUBMISSION_STATUSES),
  reviewLevel: z.enum(REVIEW_LEVELS).nullable(),
  revision: z.number().int(),
});
