import type { JobDefinition } from '../platform/jobs/jobs.ts';
import { deliverMail } from '../platform/mail/mail.jobs.ts';
import { deadlineReminders } from './campaigns/campaigns.jobs.ts';
import { generateReportBatchJob } from './reports/reports.jobs.ts';
import { applyImportJob } from './statistics/statistics.jobs.ts';

/** Every background job, as the worker registers them. */
export const jobDefinitions: readonly JobDefinition<object>[] = [deliverMail, deadlineReminders, applyImportJob as JobDefinition<object>, generateReportBatchJob as JobDefinition<object>];
