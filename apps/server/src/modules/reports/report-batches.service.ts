import type { batchCreate, reportBatch } from '@mosaico/contracts/reports';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import yazl from 'yazl';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { reachOf, requireActor } from '../auth/scope.ts';
import { campaigns, submissions } from '../campaigns/campaigns.schema.ts';
import { councils } from '../councils/councils.schema.ts';
import { fileBaseName } from './report-loader.ts';
import { loadTemplate } from './report-templates.service.ts';
import { batchRegions } from './reports.policy.ts';
import { reportBatches, reportBatchItems, reportRenditions, reports, reportVersions } from './reports.schema.ts';
import { runReportBatch } from './report-batch-run.ts';

type Batch = z.infer<typeof reportBatch>;

let queue: ((batchId: number) => Promise<unknown>) | null = null;

/** How batches reach the job queue (main.ts sets it); without one the batch runs inline through the same function. */
export function useReportBatchQueue(enqueue: ((batchId: number) => Promise<unknown>) | null) {
  queue = enqueue;
}

/**
 * Queues the generation of every council's report of a campaign, for its year: national admins for all its
 * councils, regional coordinators for those of their regions. Answers at once; the job reports progress.
 */
export async function createBatch(ctx: Ctx, body: z.infer<typeof batchCreate>): Promise<Batch> {
  const scope = batchRegions(ctx.actor);
  const actor = requireActor(ctx.actor);
  const [campaign] = await ctx.db.select({ id: campaigns.id, year: campaigns.year }).from(campaigns).where(eq(campaigns.id, body.campaignId));
  if (!campaign) throw fieldError(ctx.lang, 'report_campaign_unknown', 'campaignId', { id: body.campaignId });
  if (body.templateId && !(await loadTemplate(ctx.db, body.templateId))) throw fieldError(ctx.lang, 'report_template_unknown', 'templateId', { id: body.templateId });
  const rows = await ctx.db
    .select({ councilId: submissions.councilId, regionId: councils.regionId })
    .from(submissions)
    .innerJoin(councils, eq(councils.id, submissions.councilId))
    .where(and(eq(submissions.campaignId, campaign.id), scope.all ? undefined : inArray(councils.regionId, scope.regionIds.length ? scope.regionIds : [-1])))
    .orderBy(asc(councils.name));
  if (!rows.length) throw fieldError(ctx.lang, 'report_batch_no_councils', 'campaignId', { id: campaign.id });
  const id = await ctx.db.transaction(async (tx) => {
    const [b] = await tx
      .insert(reportBatches)
      .values({ campaignId: campaign.id, year: campaign.year, templateId: body.templateId ?? null, createdBy: actor.id })
      .returning({ id: reportBatches.id });
    await tx.insert(reportBatchItems).values(rows.map((r) => ({ batchId: b.id, councilId: r.councilId })));
    const regionId = new Set(rows.map((r) => r.regionId)).size === 1 ? rows[0].regionId : null;
    await recordAudit(tx, ctx, { action: 'create', entityType: 'report_batch', entityId: b.id, after: { status: 'queued', campaignId: campaign.id, year: campaign.year, councils: rows.length }, regionId });
    return b.id;
  });
  if (queue) await queue(id);
  else await runReportBatch(ctx, id, `inline:${ctx.requestId ?? id}`);
  return getBatch(ctx, id);
}

async function loadBatch(db: DbOrTx, id: number): Promise<Batch & { regionIds: number[] }> {
  const [b] = await db.select().from(reportBatches).where(eq(reportBatches.id, id));
  if (!b) throw notFound(`generazione ${id}`);
  const items = await db
    .select({ i: reportBatchItems, councilName: councils.name, regionId: councils.regionId })
    .from(reportBatchItems)
    .innerJoin(councils, eq(councils.id, reportBatchItems.councilId))
    .where(eq(reportBatchItems.batchId, id))
    .orderBy(asc(councils.name));
  return {
    id: b.id,
    campaignId: b.campaignId,
    year: b.year,
    status: b.status,
    total: items.length,
    done: items.filter((x) => x.i.status === 'done').length,
    failed: items.filter((x) => x.i.status === 'failed').length,
    createdAt: b.createdAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
    items: items.map((x) => ({ councilId: x.i.councilId, councilName: x.councilName, status: x.i.status, reportId: x.i.reportId, error: x.i.error })),
    regionIds: [...new Set(items.map((x) => x.regionId))],
  };
}

/** National admins, or a coordinator whose regions hold every council of the batch. */
async function readableBatch(ctx: Ctx, id: number) {
  const actor = requireActor(ctx.actor);
  const b = await loadBatch(ctx.db, id);
  const reach = reachOf(actor, ['national_admin', 'regional_coordinator']);
  if (!reach.all && !b.regionIds.every((r) => reach.regionIds.includes(r))) throw new AppError('forbidden', 'forbidden');
  return b;
}

/** A batch with its progress and each council's outcome. */
export async function getBatch(ctx: Ctx, id: number): Promise<Batch> {
  const { regionIds: _r, ...b } = await readableBatch(ctx, id);
  return b;
}

/** One ZIP of every PDF the batch produced (`monografia-<provincia>-<anno>.pdf`), streamed. */
export async function batchZip(ctx: Ctx, id: number) {
  const b = await readableBatch(ctx, id);
  const files = await ctx.db
    .select({ content: reportRenditions.content, snapshot: reportVersions.snapshot, year: reports.year })
    .from(reportBatchItems)
    .innerJoin(reportVersions, eq(reportVersions.id, reportBatchItems.versionId))
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .innerJoin(reportRenditions, and(eq(reportRenditions.versionId, reportVersions.id), eq(reportRenditions.format, 'pdf')))
    .where(and(eq(reportBatchItems.batchId, id), eq(reportBatchItems.status, 'done')));
  if (!files.length) throw new AppError('conflict', 'report_batch_no_files', { id });
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addBuffer(f.content, `${fileBaseName(f.snapshot.council.provinceName, f.year)}.pdf`, { compress: false });
  zip.end();
  return { stream: zip.outputStream, filename: `monografie-${b.year}-generazione-${id}.zip`, files: files.length };
}

/**
 * Batches left unfinished by a stopped server: their leases are released and a job queued for each, which
 * resumes at the first pending council. Called once the job queue is up.
 */
export async function resumeReportBatches(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .update(reportBatches)
    .set({ leaseUntil: null, runner: null })
    .where(or(eq(reportBatches.status, 'queued'), eq(reportBatches.status, 'running')))
    .returning({ id: reportBatches.id });
  for (const r of rows) await queue?.(r.id);
  return rows.map((r) => r.id);
}
