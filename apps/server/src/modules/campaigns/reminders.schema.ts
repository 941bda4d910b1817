import { SUBMISSION_STATUSES } from '@mosaico/contracts/campaigns';
import { date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { campaigns, submissions } from './campaigns.schema.ts';

/**
 * The deadline reminders sent for submissions: at most one per submission and offset, ever (the unique index
 * is what makes a second or late run of the job harmless). Written in the transaction that queues the mail.
 */
export const campaignReminders = pgTable(
  'campaign_reminders',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    /** Days before the deadline the reminder is for; -1 is the day after it (overdue). */
    offsetDays: integer('offset_days').notNull(),
    /** The deadline at the time, and the days left to it when the reminder went out (fewer than the offset when the run was late). */
    deadline: date('deadline').notNull(),
    daysLeft: integer('days_left').notNull(),
    /** The submission as it stood: status and completeness. */
    status: text('status', { enum: SUBMISSION_STATUSES }).notNull(),
    filled: integer('filled').notNull(),
    expected: integer('expected').notNull(),
    /** Addresses written to the outbox; empty when the council had nobody to remind. */
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('campaign_reminders_submission_offset_uq').on(t.submissionId, t.offsetDays), index('campaign_reminders_campaign_idx').on(t.campaignId)],
);
