import { type Clock, type Job, type JobResult, PgBoss, systemClock } from 'pg-boss';
import type { Config } from '../../config.ts';
import { systemActor } from '../context.ts';
import type { Database } from '../db/client.ts';
import type { Mailer } from '../mail/mailer.ts';
import { type JobContext, type JobDefinition, SCHEDULE_TIMEZONE } from './jobs.ts';
import { pgliteJobsDb } from './pglite-jobs-db.ts';

export interface JobRunnerOptions {
  database: Database;
  config: Config;
  mailer: Mailer;
  definitions: readonly JobDefinition<object>[];
  /**
   * Handle jobs as they arrive and queue scheduled ones on their cron (the server with JOBS_WORKER=on).
   * Off, jobs are only queued; `drain` runs them, which is how tests work them deterministically.
   */
  worker: boolean;
  /** pg-boss's clock (a TestClock in tests); handlers read `now()` from it too. */
  clock?: Clock;
  log?: (msg: string) => void;
}

/** One job run by `drain`. */
export interface DrainedJob {
  name: string;
  id: string;
  ok: boolean;
  error?: string;
}

export interface JobRunner {
  /** Installs or migrates pg-boss's schema, creates the queues, registers the schedules, starts the worker. */
  start(): Promise<void>;
  /** Stops taking jobs and waits (up to 20 s) for running handlers; their jobs are failed and retried later otherwise. */
  stop(): Promise<void>;
  /** Queues a job. Call it after the transaction that made the job necessary has committed (see pglite-jobs-db.ts). */
  enqueue<T extends object>(job: JobDefinition<T>, data: T, opts?: { startAfterSeconds?: number }): Promise<string | null>;
  /** Runs every job that is ready, one at a time, until no queue has one: the worker, made deterministic for tests. */
  drain(): Promise<DrainedJob[]>;
  readonly boss: PgBoss;
}

const STOP_GRACE_MS = 20_000;
const BATCH = 5;
const errorOutput = (err: unknown) => ({ name: (err as Error).name, message: (err as Error).message });

export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  const { database, config, mailer, definitions, worker } = opts;
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? (() => {});
  const connection = database.connection;
  const boss =
    connection.kind === 'pglite'
      ? new PgBoss({ db: pgliteJobsDb(connection.client), backend: 'pglite', schedule: worker, clock })
      : // A pool of its own, small: the worker runs one job per queue at a time.
        new PgBoss({ connectionString: connection.url, max: 4, application_name: 'mosaico-jobs', schedule: worker, clock });
  boss.on('error', (err) => log(`job queue error: ${err.message}`));
  boss.on('warning', (w) => log(`job queue warning: ${w.message}`));
  let started = false;

  async function run(def: JobDefinition<object>, job: Job<object>) {
    const ctx: JobContext = {
      db: database.db,
      actor: systemActor,
      requestId: `job:${job.id}`,
      lang: 'it',
      config,
      mailer,
      now: () => new Date(clock.now()),
      jobId: job.id,
      log,
    };
    try {
      const output = await def.handle(ctx, job.data ?? {});
      return output !== null && typeof output === 'object' ? output : null;
    } catch (err) {
      log(`job ${def.name} ${job.id} failed (attempt ${job.retryCount + 1}): ${(err as Error).message}`);
      throw err;
    }
  }

  return {
    boss,
    async start() {
      if (started) return;
      await boss.start();
      for (const def of definitions) {
        const options = {
          retryLimit: def.retryLimit ?? 2,
          retryDelay: def.retryDelaySeconds ?? 60,
          retryBackoff: def.retryBackoff ?? false,
          expireInSeconds: def.expireInSeconds ?? 15 * 60,
        };
        if (await boss.getQueue(def.name)) await boss.updateQueue(def.name, options);
        else await boss.createQueue(def.name, { ...options, policy: def.policy ?? 'standard' });
        const cron = def.schedule?.(config) ?? null;
        // A run missed while the server was down is made up once when it is back.
        if (cron) await boss.schedule(def.name, cron, {}, { tz: SCHEDULE_TIMEZONE, missed: 'once' });
        else await boss.unschedule(def.name);
        if (worker) {
          // Up to BATCH jobs per fetch, run one after another, fetching again at once while batches come back
          // full: a backlog is worked through without waiting a polling interval per job.
          const polling = { pollingIntervalSeconds: config.JOBS_POLL_SECONDS, batchSize: BATCH, burstWhenBatchFull: true, perJobResults: true } as const;
          await boss.work<object>(def.name, polling, async (batch) => {
            const results: JobResult[] = [];
            for (const job of batch) {
              try {
                results.push({ id: job.id, status: 'completed', output: await run(def, job) });
              } catch (err) {
                results.push({ id: job.id, status: 'failed', output: errorOutput(err) });
              }
            }
            return results;
          });
        }
      }
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, timeout: STOP_GRACE_MS });
    },
    async enqueue(job, data, o = {}) {
      if (!started) throw new Error(`job queue not started: cannot queue ${job.name}`);
      return boss.send(job.name, data, o.startAfterSeconds ? { startAfter: o.startAfterSeconds } : {});
    },
    async drain() {
      const done: DrainedJob[] = [];
      for (let found = true; found; ) {
        found = false;
        for (const def of definitions) {
          const [job] = await boss.fetch<object>(def.name, { batchSize: 1 });
          if (!job) continue;
          found = true;
          try {
            const output = await run(def, job);
            await boss.complete(def.name, job.id, output);
            done.push({ name: def.name, id: job.id, ok: true });
          } catch (err) {
            await boss.fail(def.name, job.id, errorOutput(err));
            done.push({ name: def.name, id: job.id, ok: false, error: (err as Error).message });
          }
        }
      }
      return done;
    },
  };
}
