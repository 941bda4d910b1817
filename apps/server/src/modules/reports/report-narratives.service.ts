import { NARRATIVE_MAX_CHARS, type commentCreate, type narrativeSave } from '@mosaico/contracts/reports';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { users } from '../users/users.schema.ts';
import { sanitizeNarrative } from './narrative-html.ts';
import { assertDraft, loadReport, loadVersion, statusLabel } from './report-loader.ts';
import { assertCanEdit, assertCanRead } from './reports.policy.ts';
import { reportComments, reportNarratives, reports, reportVersions } from './reports.schema.ts';

async function narrativeOf(ctx: Ctx, reportId: number, blockKey: string) {
  const [x] = await ctx.db
    .select({ n: reportNarratives, by: users.name })
    .from(reportNarratives)
    .leftJoin(users, eq(users.id, reportNarratives.updatedBy))
    .where(and(eq(reportNarratives.reportId, reportId), eq(reportNarratives.blockKey, blockKey)));
  return { blockKey, html: x?.n.html ?? '', version: x?.n.version ?? 0, updatedAt: x?.n.updatedAt.toISOString() ?? null, updatedBy: x?.by ?? null };
}

/**
 * Saves a narrative block of a draft report, sanitised, if `version` is the one stored (0 for a block never
 * written); otherwise 409 with the current text. The current version's copy follows. Council referent, tutors,
 * national admins.
 */
export async function saveNarrative(ctx: Ctx, reportId: number, blockKey: string, body: z.infer<typeof narrativeSave>) {
  const row = await loadReport(ctx.db, reportId);
  const place = { councilId: row.r.councilId, regionId: row.regionId };
  const actor = assertCanEdit(ctx.actor, place);
  const current = await loadVersion(ctx.db, reportId, row.r.currentVersion);
  const isNarrative = current.snapshot.chapters.some((c) => c.blocks.some((b) => b.kind === 'narrative' && b.key === blockKey));
  if (!isNarrative) throw fieldError(ctx.lang, 'report_narrative_unknown', 'blockKey', { key: blockKey });
  const html = sanitizeNarrative(body.html);
  if (html.length > NARRATIVE_MAX_CHARS) throw fieldError(ctx.lang, 'report_narrative_too_long', 'html', { max: NARRATIVE_MAX_CHARS });
  const conflict = await ctx.db.transaction(async (tx) => {
    const { r } = await loadReport(tx, reportId, { lock: true });
    assertDraft(r, ctx.lang);
    const [before] = await tx
      .select()
      .from(reportNarratives)
      .where(and(eq(reportNarratives.reportId, reportId), eq(reportNarratives.blockKey, blockKey)));
    if ((before?.version ?? 0) !== body.version) return true;
    if (before) {
      await tx
        .update(reportNarratives)
        .set({ html, version: before.version + 1, updatedBy: actor.id, updatedAt: new Date() })
        .where(and(eq(reportNarratives.reportId, reportId), eq(reportNarratives.blockKey, blockKey)));
    } else {
      await tx.insert(reportNarratives).values({ reportId, blockKey, html, version: 1, updatedBy: actor.id });
    }
    // The current version's copy is what its document prints.
    await tx
      .update(reportVersions)
      .set({ narratives: sql`${reportVersions.narratives} || ${JSON.stringify({ [blockKey]: html })}::jsonb` })
      .where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.n, r.currentVersion)));
    await tx.update(reports).set({ updatedAt: new Date(), version: r.version + 1 }).where(eq(reports.id, reportId));
    await recordAudit(tx, ctx, {
      action: 'edit_narrative',
      entityType: 'report',
      entityId: reportId,
      before: { status: r.status, blockKey, version: before?.version ?? 0, html: before?.html ?? '' },
      after: { status: r.status, blockKey, version: (before?.version ?? 0) + 1, html },
      ...place,
    });
    return false;
  });
  const saved = await narrativeOf(ctx, reportId, blockKey);
  if (conflict) throw new AppError('conflict', 'version_conflict', { current: saved.version }, { currentVersion: saved.version, current: saved });
  return saved;
}

const COMMENT_STATUSES = new Set(['draft', 'in_review']);

/** Comments on a report, oldest first. Readers of the council. */
export async function listComments(ctx: Ctx, reportId: number) {
  const row = await loadReport(ctx.db, reportId);
  assertCanRead(ctx.actor, { councilId: row.r.councilId, regionId: row.regionId });
  const rows = await ctx.db
    .select({ c: reportComments, author: users.name })
    .from(reportComments)
    .leftJoin(users, eq(users.id, reportComments.authorId))
    .where(eq(reportComments.reportId, reportId))
    .orderBy(reportComments.id);
  return rows.map(({ c, author }) => ({ id: c.id, blockKey: c.blockKey, body: c.body, author: author ?? 'Sistema', createdAt: c.createdAt.toISOString() }));
}

/**
 * Adds a comment (on the whole report or one block) while the report is a draft or in review: anyone who reads
 * it — reviewers comment in review, where nothing else changes.
 */
export async function addComment(ctx: Ctx, reportId: number, body: z.infer<typeof commentCreate>) {
  const row = await loadReport(ctx.db, reportId);
  const place = { councilId: row.r.councilId, regionId: row.regionId };
  const actor = assertCanRead(ctx.actor, place);
  if (!COMMENT_STATUSES.has(row.r.status)) throw new AppError('conflict', 'report_comments_closed', { status: statusLabel(row.r.status, ctx.lang) }, { status: row.r.status });
  const blockKey = body.blockKey || null;
  if (blockKey) {
    const v = await loadVersion(ctx.db, reportId, row.r.currentVersion);
    if (!v.snapshot.chapters.some((c) => c.key === blockKey || c.blocks.some((b) => b.key === blockKey))) throw fieldError(ctx.lang, 'report_block_unknown', 'blockKey', { key: blockKey });
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [c] = await tx.insert(reportComments).values({ reportId, blockKey, body: body.body, authorId: actor.id }).returning({ id: reportComments.id });
    await recordAudit(tx, ctx, { action: 'comment', entityType: 'report', entityId: reportId, after: { status: row.r.status, commentId: c.id, blockKey }, ...place });
    return c.id;
  });
  const list = await listComments(ctx, reportId);
  return list.find((c) => c.id === id) as (typeof list)[number];
}
