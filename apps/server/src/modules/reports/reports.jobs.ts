import { defineJob } from '../../platform/jobs/jobs.ts';
import { runReportBatch } from './report-batch-run.ts';

/**
 * Generates a batch of reports (POST /reports/batches). Retried after a crash: the run resumes at the first
 * pending council, and the batch's lease keeps a retried and a resumed job from running it twice.
 */
export const generateReportBatchJob = defineJob<{ batchId: number }>({
  name: 'reports.generate-batch',
  retryLimit: 2,
  retryDelaySeconds: 30,
  expireInSeconds: 2 * 3600,
  handle: (ctx, data) => runReportBatch(ctx, data.batchId, `job:${ctx.jobId}`),
});
