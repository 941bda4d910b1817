import { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { jobDefinitions } from '../../modules/jobs.ts';
import type { Database } from '../db/client.ts';
import { createMailer } from '../mail/mailer.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { createJobRunner } from './job-runner.ts';
import { defineJob } from './jobs.ts';

// A database of its own: a test clock attached to pg-boss moves the database's time for every instance on it.
let database: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ database, close } = await openTestDatabase());
});
afterAll(() => close());

const configOf = (env: Record<string, string> = {}) => loadConfig({ LOG_LEVEL: 'silent', MOSAICO_DATA_DIR: '/nonexistent', JOBS_POLL_SECONDS: '0.5', ...env });

describe('schedules', () => {
  it('registers each job’s cron in Italian time, mail sweeps only with SMTP, and drops a schedule switched off', async () => {
    const schedules = async (env: Record<string, string>) => {
      const config = configOf(env);
      const runner = createJobRunner({ database, config, mailer: createMailer({ from: config.MAIL_FROM }), definitions: jobDefinitions, worker: false });
      await runner.start();
      const list = await runner.boss.getSchedules();
      await runner.stop();
      return list.map((s) => [s.name, s.cron, s.timezone]).sort();
    };
    expect(await schedules({})).toEqual([['campaigns.deadline-reminders', '0 7 * * *', 'Europe/Rome']]);
    expect(await schedules({ SMTP_URL: 'smtp://127.0.0.1:2525', REMINDERS_CRON: '30 6 * * 1-5' })).toEqual([
      ['campaigns.deadline-reminders', '30 6 * * 1-5', 'Europe/Rome'],
      ['mail.deliver', '*/5 * * * *', 'Europe/Rome'],
    ]);
    expect(await schedules({ REMINDERS_CRON: 'off' })).toEqual([]);
  });

  it('queues a daily job at 07:00 in Rome and runs it with the clock’s time; a morning missed while stopped is made up once', async () => {
    const ran: string[] = [];
    const daily = defineJob({
      name: 'test.daily',
      schedule: () => '0 7 * * *',
      async handle(ctx) {
        ran.push(ctx.now().toISOString());
      },
    });
    const config = configOf();
    // 06:59 in Rome (UTC+1 in January).
    const clock = new TestClock('2026-01-15T05:59:00Z');
    const start = async () => {
      const runner = createJobRunner({ database, config, mailer: createMailer({ from: config.MAIL_FROM }), definitions: [daily], worker: true, clock });
      await runner.start();
      return runner;
    };
    const advance = async (minutes: number) => {
      for (let s = 0; s < minutes * 60; s += 5) await clock.tick(5_000);
      // Handlers are not awaited by tick(): give the last one a moment.
      await new Promise((r) => setTimeout(r, 200));
    };

    let runner = await start();
    await advance(0.5);
    expect(ran).toEqual([]);
    await advance(2);
    expect(ran).toHaveLength(1);
    expect(ran[0] >= '2026-01-15T06:00:00.000Z' && ran[0] < '2026-01-15T06:02:00.000Z').toBe(true);
    await advance(2);
    expect(ran).toHaveLength(1);
    await runner.stop();

    // Down over the next two mornings, back at 09:30 on the 17th: one run, not two.
    await clock.setTime('2026-01-17T08:30:00Z');
    runner = await start();
    await advance(2);
    await runner.stop();
    expect(ran).toHaveLength(2);
    expect(ran[1] >= '2026-01-17T08:30:00.000Z').toBe(true);
  });
});
