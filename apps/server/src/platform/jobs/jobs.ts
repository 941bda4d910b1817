import type { Config } from '../../config.ts';
import type { Ctx } from '../context.ts';

/** Cron schedules are read in Italian time: a reminder "at 7" is at 7 in Rome, summer or winter. */
export const SCHEDULE_TIMEZONE = 'Europe/Rome';

/** What a job handler works with: a service context acting as the system, and the job's clock. */
export interface JobContext extends Ctx {
  /** The time the job runs at (a test clock in tests). */
  now(): Date;
  jobId: string;
  log(msg: string): void;
}

/**
 * A background job of a module (`<module>.jobs.ts`): its queue, how failures are retried, an optional
 * schedule, and the handler, which calls the module's services like a route does. Data must be JSON.
 */
export interface JobDefinition<T extends object = object> {
  /** The queue's name, `<module>.<what>`. */
  name: string;
  /**
   * `standard`: every job queued runs. `stately`: at most one waiting and one running, so repeated
   * requests for the same work (deliver the outbox, run the daily sweep) collapse into one.
   */
  policy?: 'standard' | 'stately';
  /** Attempts after the first failure, and seconds between them (doubling with `retryBackoff`). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A running job not finished after this long counts as failed (and is retried). */
  expireInSeconds?: number;
  /** A cron expression (Italian time) on which the job is queued, or null for none; read from the config. */
  schedule?(config: Config): string | null;
  /** What it returns, when an object, is kept as the job's output. */
  handle(ctx: JobContext, data: T): Promise<unknown>;
}

/** Declares a job; the identity function gives the handler's data its type. */
export function defineJob<T extends object = Record<string, never>>(def: JobDefinition<T>): JobDefinition<T> {
  return def;
}
