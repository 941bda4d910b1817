import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { Database } from '../db/client.ts';
import { createMailer } from '../mail/mailer.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { createJobRunner, type JobRunner } from './job-runner.ts';
import { defineJob } from './jobs.ts';

let database: Database;
let close: () => Promise<void>;
let runner: JobRunner;
const config = loadConfig({ LOG_LEVEL: 'silent', MOSAICO_DATA_DIR: '/nonexistent', JOBS_POLL_SECONDS: '0.5' });
const mailer = createMailer({ from: config.MAIL_FROM });

const seen: number[] = [];
const echo = defineJob<{ n: number }>({
  name: 'test.echo',
  async handle(ctx, data) {
    if (data.n < 0) throw new Error('Numero negativo');
    seen.push(data.n);
    return { doubled: data.n * 2, actor: ctx.actor?.email, requestId: ctx.requestId };
  },
});
let flakyFailures = 1;
const flaky = defineJob({
  name: 'test.flaky',
  retryLimit: 1,
  retryDelaySeconds: 0,
  async handle() {
    if (flakyFailures-- > 0) throw new Error('Server SMTP non raggiungibile');
    return { ok: true };
  },
});
const broken = defineJob({
  name: 'test.broken',
  retryLimit: 1,
  retryDelaySeconds: 0,
  async handle() {
    throw new Error('Sempre rotto');
  },
});
const patient = defineJob({
  name: 'test.patient',
  retryLimit: 2,
  retryDelaySeconds: 3600,
  async handle() {
    throw new Error('Riprova più tardi');
  },
});

beforeAll(async () => {
  ({ database, close } = await openTestDatabase());
  runner = createJobRunner({ database, config, mailer, definitions: [echo, flaky, broken, patient], worker: false });
  await runner.start();
});
afterAll(async () => {
  await runner.stop();
  await close();
});

const jobOf = async (name: string, id: string | null) => (await runner.boss.findJobs(name, { id: id as string }))[0];

describe('job runner, drained by the test', () => {
  it('runs a queued job with its data, as the system, and keeps its output', async () => {
    const id = await runner.enqueue(echo, { n: 21 });
    expect(seen).toEqual([]);
    expect(await runner.drain()).toEqual([{ name: 'test.echo', id, ok: true }]);
    expect(seen).toEqual([21]);
    const job = await jobOf('test.echo', id);
    expect(job.state).toBe('completed');
    expect(job.output).toEqual({ doubled: 42, actor: 'cli', requestId: `job:${id}` });
    expect(await runner.drain()).toEqual([]);
  });

  it('retries a job that failed and completes it on the next attempt', async () => {
    const id = await runner.enqueue(flaky, {});
    const runs = await runner.drain();
    expect(runs).toEqual([
      { name: 'test.flaky', id, ok: false, error: 'Server SMTP non raggiungibile' },
      { name: 'test.flaky', id, ok: true },
    ]);
    const job = await jobOf('test.flaky', id);
    expect(job).toMatchObject({ state: 'completed', retryCount: 1, output: { ok: true } });
  });

  it('records a job that fails every attempt as failed, with the error', async () => {
    const id = await runner.enqueue(broken, {});
    const runs = await runner.drain();
    expect(runs.map((r) => r.ok)).toEqual([false, false]);
    const job = await jobOf('test.broken', id);
    expect(job).toMatchObject({ state: 'failed', retryCount: 1, output: { message: 'Sempre rotto' } });
  });

  it('waits the retry delay before trying again', async () => {
    const id = await runner.enqueue(patient, {});
    expect((await runner.drain()).map((r) => r.ok)).toEqual([false]);
    const job = await jobOf('test.patient', id);
    expect(job.state).toBe('retry');
    expect(job.startAfter.getTime()).toBeGreaterThan(Date.now() + 3500 * 1000);
  });

  it('refuses to queue before it has started', async () => {
    const idle = createJobRunner({ database, config, mailer, definitions: [echo], worker: false });
    await expect(idle.enqueue(echo, { n: 1 })).rejects.toThrow('job queue not started');
  });
});

describe('job runner with its worker', () => {
  it('handles a queued job within the polling interval, and stops gracefully', async () => {
    const working = createJobRunner({ database, config, mailer, definitions: [echo], worker: true });
    await working.start();
    try {
      const t0 = performance.now();
      const id = await working.enqueue(echo, { n: 7 });
      while (!seen.includes(7) && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 20));
      expect(seen).toContain(7);
      expect(performance.now() - t0).toBeLessThan(5_000);
      for (let i = 0; i < 50 && (await jobOf('test.echo', id)).state !== 'completed'; i++) await new Promise((r) => setTimeout(r, 50));
      expect((await jobOf('test.echo', id)).output).toMatchObject({ doubled: 14 });
    } finally {
      await working.stop();
    }
    // Stopped, it no longer takes jobs: this one waits for a worker.
    const id = await runner.enqueue(echo, { n: 8 });
    await new Promise((r) => setTimeout(r, 1200));
    expect(seen).not.toContain(8);
    expect((await jobOf('test.echo', id)).state).toBe('created');
    await runner.drain();
    expect(seen).toContain(8);
  });

  it('works through a backlog without waiting a polling interval per job; a failing job is retried alone', async () => {
    const slowPolling = { ...config, JOBS_POLL_SECONDS: 2 };
    const working = createJobRunner({ database, config: slowPolling, mailer, definitions: [echo], worker: true });
    const ids: (string | null)[] = [];
    for (let n = 100; n < 120; n++) ids.push(await runner.enqueue(echo, { n: n === 110 ? -1 : n }));
    const t0 = performance.now();
    await working.start();
    try {
      while (seen.filter((n) => n >= 100).length < 19 && performance.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 20));
      // 19 jobs at one per poll would take 38 s.
      expect(performance.now() - t0).toBeLessThan(8_000);
    } finally {
      await working.stop();
    }
    const states = await Promise.all(ids.map(async (id) => (await jobOf('test.echo', id)).state));
    expect(states.filter((s) => s === 'completed')).toHaveLength(19);
    expect(states[10]).toBe('retry');
    expect((await jobOf('test.echo', ids[10])).output).toMatchObject({ message: 'Numero negativo' });
  });
});
