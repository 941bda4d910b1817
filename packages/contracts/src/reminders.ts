import { z } from 'zod';
import { SUBMISSION_STATUSES } from './campaigns.ts';

/** A deadline reminder sent for one council's submission (GET /campaigns/:id/reminders). */
export const campaignReminder = z.object({
  id: z.number().int(),
  submissionId: z.number().int(),
  council: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  region: z.object({ id: z.number().int(), name: z.string() }),
  /** Days before the deadline the reminder is for; -1 (with `overdue`) is the day after it. */
  offsetDays: z.number().int(),
  overdue: z.boolean(),
  deadline: z.string(),
  /** Days left to the deadline when it went out: below `offsetDays` when the daily job ran late. */
  daysLeft: z.number().int(),
  /** The submission's status and completeness at the time. */
  status: z.enum(SUBMISSION_STATUSES),
  completeness: z.object({ filled: z.number().int(), expected: z.number().int() }),
  /** The addresses e-mailed: the council's referents and the data providers with a section still incomplete. */
  recipients: z.array(z.string()),
  sentAt: z.string(),
});
export type CampaignReminder = z.infer<typeof campaignReminder>;
