import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { translate } from '../../platform/http/messages.ts';
import { loadReport, loadVersion } from './report-loader.ts';
import { renderConcurrency, renditionOf } from './report-files.service.ts';
import { reportBatches, reportBatchItems, reports } from './reports.schema.ts';
import { createReport, regenerateReport } from './reports.service.ts';
import { SnapshotSession } from './snapshot/snapshot-session.ts';

/** How long a runner holds a batch without showing progress before another may take it over. */
const LEASE_SECONDS = 300;

/** Takes the batch for a runner until the lease ends, unless another live runner holds it. */
async function claimBatch(db: DbOrTx, id: number, runner: string) {
  const rows = await db
    .update(reportBatches)
    .set({ runner, leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})`, status: 'running' })
    .where(
      and(
        eq(reportBatches.id, id),
        or(eq(reportBatches.status, 'queued'), eq(reportBatches.status, 'running')),
        or(isNull(reportBatches.leaseUntil), lt(reportBatches.leaseUntil, sql`now()`), eq(reportBatches.runner, runner)),
      ),
    )
    .returning({ id: reportBatches.id, year: reportBatches.year, templateId: reportBatches.templateId });
  return rows[0] ?? null;
}

const messageOf = (err: unknown) => (err instanceof AppError ? translate(err.code, 'it', err.params) : (err as Error).message || String(err));

/**
 * Generates (or, for a draft, regenerates) one council's report and renders its PDF. A report already past
 * draft is not regenerated — its reviewed content is not overwritten — and its current version is rendered.
 */
async function generateOne(ctx: Ctx, councilId: number, year: number, templateId: number | null, session: SnapshotSession) {
  const [existing] = await ctx.db.select({ id: reports.id, status: reports.status }).from(reports).where(and(eq(reports.councilId, councilId), eq(reports.year, year)));
  let note: string | null = null;
  let id: number;
  if (!existing) id = (await createReport(ctx, { councilId, year, templateId: templateId ?? undefined }, { session })).id;
  else if (existing.status === 'draft') id = (await regenerateReport(ctx, existing.id, templateId ?? undefined, undefined, { session })).id;
  else {
    id = existing.id;
    note = translate('report_batch_kept', 'it', { status: translate(`report_status_${existing.status}`, 'it') });
  }
  const row = await loadReport(ctx.db, id);
  const v = await loadVersion(ctx.db, id, row.r.currentVersion);
  return { id, v, note, render: () => renditionOf(ctx.db, row.r, v, 'pdf') };
}

/**
 * The batch job's work: every pending council in turn — the data part here, one at a time (it is the
 * database's), the PDFs on the render pool, as many at once as there are cores. A council that fails is
 * recorded with its message and the others go on; a stopped run resumes at the first pending council.
 */
export async function runReportBatch(ctx: Ctx, batchId: number, runner: string): Promise<{ status: string }> {
  const batch = await claimBatch(ctx.db, batchId, runner);
  if (!batch) return { status: 'skipped' };
  const pending = await ctx.db
    .select({ councilId: reportBatchItems.councilId })
    .from(reportBatchItems)
    .where(and(eq(reportBatchItems.batchId, batchId), eq(reportBatchItems.status, 'pending')))
    .orderBy(asc(reportBatchItems.councilId));
  const finish = (councilId: number, set: Partial<typeof reportBatchItems.$inferInsert>) =>
    ctx.db
      .update(reportBatchItems)
      .set({ ...set, finishedAt: new Date() })
      .where(and(eq(reportBatchItems.batchId, batchId), eq(reportBatchItems.councilId, councilId)));
  // One run reads the figures common to councils once; a resumed run reads them afresh.
  const session = new SnapshotSession(ctx.db);
  const inFlight = new Set<Promise<void>>();
  // Generation (this thread) runs ahead of the renders (the pool's threads), so neither side waits for the
  // other and both cores stay busy; the bound only caps the documents held in memory.
  const limit = 2 * renderConcurrency();
  for (const { councilId } of pending) {
    try {
      const g = await generateOne(ctx, councilId, batch.year, batch.templateId, session);
      const job = g
        .render()
        .then(() => finish(councilId, { status: 'done', reportId: g.id, versionId: g.v.id, error: g.note }))
        .catch((err) => finish(councilId, { status: 'failed', reportId: g.id, error: messageOf(err) }))
        .then(
          () => undefined,
          // Not even the failure could be written: the council stays pending and a resumed run retries it.
          () => undefined,
        );
      inFlight.add(job);
      job.finally(() => inFlight.delete(job));
    } catch (err) {
      await finish(councilId, { status: 'failed', error: messageOf(err) });
    }
    // Progress renews the lease, so a live runner is never taken over.
    await claimBatch(ctx.db, batchId, runner);
    while (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const outcome = await ctx.db.select({ status: reportBatchItems.status }).from(reportBatchItems).where(eq(reportBatchItems.batchId, batchId));
  const status = outcome.length && outcome.every((o) => o.status === 'failed') ? 'failed' : 'done';
  await ctx.db.update(reportBatches).set({ status, finishedAt: new Date(), leaseUntil: null }).where(eq(reportBatches.id, batchId));
  return { status };
}
