import { defineJob } from '../../platform/jobs/jobs.ts';
import { sendDeadlineReminders } from './reminders.service.ts';

/**
 * The daily deadline reminders (REMINDERS_CRON, 07:00 Italian time by default; REMINDER_OFFSETS_DAYS). `stately`
 * keeps two runs from overlapping; the reminders table makes a repeated or late run send each reminder once.
 */
export const deadlineReminders = defineJob({
  name: 'campaigns.deadline-reminders',
  policy: 'stately',
  retryLimit: 3,
  retryDelaySeconds: 300,
  schedule: (config) => (config.REMINDERS_CRON === 'off' ? null : config.REMINDERS_CRON),
  handle: (ctx) => sendDeadlineReminders(ctx, { now: ctx.now(), offsets: ctx.config.REMINDER_OFFSETS_DAYS }),
});
