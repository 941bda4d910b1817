import { defineJob } from '../jobs/jobs.ts';

/**
 * Delivers the outbox by SMTP: queued right after a transaction that wrote mail commits, and on a sweep
 * (MAIL_SWEEP_CRON) that retries what failed and catches mail whose queueing was lost (a crash between the
 * commit and the queueing). `stately`: requests arriving while one delivery waits collapse into it, and two
 * deliveries never run at once, so no message is sent twice. A failed message keeps its error in the outbox
 * and waits for the next sweep; the job itself fails only when the database does.
 */
export const deliverMail = defineJob({
  name: 'mail.deliver',
  policy: 'stately',
  retryLimit: 3,
  retryDelaySeconds: 30,
  schedule: (config) => (config.SMTP_URL ? config.MAIL_SWEEP_CRON : null),
  async handle(ctx) {
    const total = { sent: 0, failed: 0 };
    for (;;) {
      const batch = await ctx.mailer.sendPending(ctx.db);
      total.sent += batch.sent;
      total.failed += batch.failed;
      // A batch with no success is only failing messages: they wait for the next sweep.
      if (!batch.more || batch.sent === 0) return total;
    }
  },
});
