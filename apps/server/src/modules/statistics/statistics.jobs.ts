import { defineJob } from '../../platform/jobs/jobs.ts';
import { runImportApply } from './import-apply.ts';

/**
 * Applies a queued import (POST /imports/:id/apply). No retry: an apply that failed wrote nothing and says
 * why on the import; the administrator fixes the mapping and applies again.
 */
export const applyImportJob = defineJob<{ importId: number }>({
  name: 'statistics.apply-import',
  retryLimit: 0,
  expireInSeconds: 3600,
  handle: (ctx, data) => runImportApply(ctx, data.importId),
});

let queue: ((importId: number) => Promise<unknown>) | null = null;

/**
 * How applies reach the job queue: main.ts sets it once the job runner is up. Without one (the command line,
 * the demo seed, tests that do not drain) the apply runs inline through the same function the job calls.
 */
export function useImportQueue(enqueue: ((importId: number) => Promise<unknown>) | null) {
  queue = enqueue;
}
export const importQueue = () => queue;
