import { z } from 'zod';
import { REVIEW_LEVELS, SUBMISSION_STATUSES } from './campaigns.ts';

/** The statuses in which a submission is still awaited: past the deadline, these are overdue. */
export const AWAITED_STATUSES = ['draft', 'returned'] as const;

/** Filters of the campaign overview, its rows and its exports. They narrow what the caller reaches, never widen it. */
export const overviewQuery = z.object({
  /** ISTAT code of a region (two digits, e.g. 03 for Lombardia). */
  region: z
    .string()
    .trim()
    .regex(/^\d{2}$/, 'Indica il codice ISTAT della regione: due cifre, per esempio 03.|Give the ISTAT code of the region: two digits, e.g. 03.')
    .optional(),
  status: z.enum(SUBMISSION_STATUSES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

const completeness = z.object({ filled: z.number().int(), expected: z.number().int() });
const ref = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const overviewRow = z.object({
  submissionId: z.number().int(),
  council: ref,
  region: ref,
  /** ISTAT codes of the council's provinces in the 2017–2025 layout, the areas that stand for it on the map. */
  provinceCodes: z.array(z.string()),
  status: z.enum(SUBMISSION_STATUSES),
  /** While submitted: the approval level awaited. */
  reviewLevel: z.enum(REVIEW_LEVELS).nullable(),
  completeness,
  errorCount: z.number().int(),
  /** Past the deadline (at the request's date, Italian time) and still a draft or returned. */
  overdue: z.boolean(),
  lastActivityAt: z.string().nullable(),
});

export const overviewSummary = z.object({
  total: z.number().int(),
  /** Every status, zero included. */
  byStatus: z.record(z.enum(SUBMISSION_STATUSES), z.number().int()),
  overdue: z.number().int(),
  /** Items filled over items expected, summed over the submissions counted. */
  completeness,
});

export const campaignOverview = z.object({
  campaign: z.object({ id: z.number().int(), name: z.string(), year: z.number().int(), deadline: z.string() }),
  /** The date overdue is judged at (Italian time). */
  asOf: z.string(),
  /** The region filter applied, if any. */
  region: ref.nullable(),
  /** Counts over the caller's reach within the region filter; status and overdue filters narrow only `rows`. */
  summary: overviewSummary,
  /** The regions the caller reaches in this campaign, with their number of submissions, to choose a filter from. */
  regions: z.array(ref.extend({ count: z.number().int() })),
  rows: z.array(overviewRow),
});

/** A submission the caller's organisation contributes to, with the sections assigned to it. */
export const contribution = z.object({
  submissionId: z.number().int(),
  council: ref,
  status: z.enum(SUBMISSION_STATUSES),
  /** In the form's order, titled in the request's language. */
  sections: z.array(z.object({ code: z.string(), title: z.string() })),
});
