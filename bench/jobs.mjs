#!/usr/bin/env node
// bench/jobs: the job queue (pg-boss) on the embedded PGlite, where it shares the application's one connection,
// and on PostgreSQL when BENCH_DATABASE_URL is set (a scratch database is created and dropped). Prints start-up,
// enqueue latency, enqueue→handled latency, how long an enqueue waits behind an open application transaction,
// and small application transactions with no job queue (the baseline), with the worker idle and with it busy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = (p) => path.join(root, 'apps/server/src', p);
const { openDatabase } = await import(src('platform/db/client.ts'));
const { createScratchDatabase } = await import(src('platform/testing/scratch-database.ts'));
const { loadConfig } = await import(src('config.ts'));
const { createMailer } = await import(src('platform/mail/mailer.ts'));
const { createJobRunner } = await import(src('platform/jobs/job-runner.ts'));
const { defineJob } = await import(src('platform/jobs/jobs.ts'));
const { outbox } = await import(src('platform/mail/mail.schema.ts'));
const { count } = await import('drizzle-orm');

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const ms = (x) => `${x.toFixed(1).padStart(7)} ms`;
const line = (label, xs) => console.log(`  ${label.padEnd(52)} p50 ${ms(pct(xs, 0.5))}   p95 ${ms(pct(xs, 0.95))}   (n=${xs.length})`);

/** Small application transactions (an insert and a count, as a service writes and reads) for `seconds`. */
async function appTransactions(db) {
  const lat = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const t = performance.now();
    await db.transaction(async (tx) => {
      await tx.insert(outbox).values({ to: 'bench@example.test', subject: 'bench', body: 'bench' });
      await tx.select({ n: count() }).from(outbox);
    });
    lat.push(performance.now() - t);
    await sleep(2);
  }
  return lat;
}

async function bench(label, database) {
  console.log(`\n${label}`);
  await database.migrate();
  const config = loadConfig({ LOG_LEVEL: 'silent', MOSAICO_DATA_DIR: '/nonexistent', JOBS_POLL_SECONDS: '0.5' });
  const mailer = createMailer({ from: config.MAIL_FROM });
  let handled = 0;
  const echo = defineJob({
    name: 'bench.echo',
    async handle(ctx) {
      await ctx.db.select({ n: count() }).from(outbox);
      handled += 1;
    },
  });
  await appTransactions(database.db);
  line('app transaction, no job queue (baseline)', await appTransactions(database.db));

  let t = performance.now();
  const first = createJobRunner({ database, config, mailer, definitions: [echo], worker: false });
  await first.start();
  console.log(`  ${'start, installing pg-boss’s schema'.padEnd(52)} ${ms(performance.now() - t)}`);
  await first.stop();
  t = performance.now();
  const runner = createJobRunner({ database, config, mailer, definitions: [echo], worker: true });
  await runner.start();
  console.log(`  ${'start, schema already there (with the worker)'.padEnd(52)} ${ms(performance.now() - t)}`);

  line('app transaction, worker idle (polling every 0.5 s)', await appTransactions(database.db));

  const sends = [];
  const latencies = [];
  for (let i = 0; i < 20; i++) {
    const before = handled;
    const t0 = performance.now();
    await runner.enqueue(echo, {});
    sends.push(performance.now() - t0);
    while (handled === before) await sleep(2);
    latencies.push(performance.now() - t0);
  }
  line('enqueue', sends);
  line('enqueue → handled (polling every 0.5 s)', latencies);

  const waits = [];
  for (let i = 0; i < 10; i++) {
    const app = database.db.transaction(async (tx) => {
      await tx.insert(outbox).values({ to: 'bench@example.test', subject: 'bench', body: 'open' });
      await sleep(200);
    });
    await sleep(10);
    const t0 = performance.now();
    await runner.enqueue(echo, {});
    waits.push(performance.now() - t0);
    await app;
  }
  line('enqueue while an app transaction holds 200 ms', waits);

  const burst = 300;
  const target = handled + burst;
  t = performance.now();
  for (let i = 0; i < burst; i++) await runner.enqueue(echo, {});
  let drainedIn = null;
  const drained = (async () => {
    while (handled < target) await sleep(5);
    drainedIn = performance.now() - t;
  })();
  line(`app transaction, worker busy (${burst} jobs queued)`, await appTransactions(database.db));
  await drained;
  console.log(`  ${`${burst} jobs queued until all handled (app running)`.padEnd(52)} ${ms(drainedIn)}   (${((burst * 1000) / drainedIn).toFixed(0)} jobs/s)`);
  await runner.stop();
}

console.log(`bench/jobs: pg-boss through the job runner; app transactions measured for ${seconds} s each`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaico-bench-jobs-'));
const pglite = await openDatabase({ dataDir: dir });
try {
  await bench(`PGlite (data directory on disk, ${os.cpus().length} CPUs)`, pglite);
} finally {
  await pglite.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
if (process.env.BENCH_DATABASE_URL) {
  const scratch = await createScratchDatabase(process.env.BENCH_DATABASE_URL, 'bench');
  const pg = await openDatabase({ url: scratch.url });
  try {
    await bench('PostgreSQL (BENCH_DATABASE_URL)', pg);
  } finally {
    await pg.close();
    await scratch.drop();
  }
} else {
  console.log('\n(set BENCH_DATABASE_URL=postgres://… to measure PostgreSQL too)');
}
