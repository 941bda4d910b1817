import type { ReportDetail, reportCreate, reportListQuery, ReportSnapshot } from '@mosaico/contracts/reports';
import { and, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { reachOf, requireActor } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { users } from '../users/users.schema.ts';
import { assertDraft, assertRowVersion, documentOf, type LoadedReport, loadReport, loadVersion } from './report-loader.ts';
import { loadDefaultTemplate, loadTemplate } from './report-templates.service.ts';
import { allowedTransitions, assertCanEdit, assertCanRead, canEditReport, REPORT_READ_ROLES } from './reports.policy.ts';
import { reportComments, reportNarratives, reports, reportTemplates, reportTransitions, reportVersions } from './reports.schema.ts';
import { buildReportSnapshot } from './snapshot/build-snapshot.ts';
import type { SnapshotSession } from './snapshot/snapshot-session.ts';

const region = alias(territories, 'list_region');
const sqlIncrement = () => sql`${reportNarratives.version} + 1`;

/** Where a published report is read by the public (the web portal's page). */
export const publicPathOf = (id: number) => `/portale/monografie/${id}`;

/** The template a generation uses: the one asked for (400 naming templateId when unknown) or the default. */
async function chooseTemplate(ctx: Ctx, templateId: number | undefined) {
  const t = templateId ? await loadTemplate(ctx.db, templateId) : await loadDefaultTemplate(ctx.db);
  if (!t) throw fieldError(ctx.lang, 'report_template_unknown', 'templateId', { id: templateId ?? 0 });
  return t;
}

/** A batch passes one snapshot session to all its generations, so figures common to councils are read once. */
export interface GenerateOptions {
  session?: SnapshotSession;
}

async function snapshotFor(ctx: Ctx, councilId: number, year: number, templateId: number | undefined, opts: GenerateOptions = {}) {
  const t = await chooseTemplate(ctx, templateId);
  const snapshot: ReportSnapshot = await buildReportSnapshot(ctx.db, { councilId, year, template: { id: t.id, version: t.version, name: t.name.it, definition: t.definition } }, 'it', opts.session);
  return { template: t, snapshot };
}

async function councilPlace(ctx: Ctx, councilId: number) {
  const [c] = await ctx.db.select({ id: councils.id, regionId: councils.regionId }).from(councils).where(eq(councils.id, councilId));
  if (!c) throw fieldError(ctx.lang, 'report_council_unknown', 'councilId', { id: councilId });
  return { councilId: c.id, regionId: c.regionId };
}

const isUniqueViolation = (e: unknown) => (e as { code?: string; cause?: { code?: string } }).code === '23505' || (e as { cause?: { code?: string } }).cause?.code === '23505';

/** The current narrative rows of a report, as a version's copy. */
async function narrativeCopy(tx: DbOrTx, reportId: number) {
  const rows = await tx.select({ k: reportNarratives.blockKey, html: reportNarratives.html }).from(reportNarratives).where(eq(reportNarratives.reportId, reportId));
  return Object.fromEntries(rows.map((r) => [r.k, r.html]));
}

/**
 * Generates a council's report for a year (version 1, from the chosen template or the default): its council's
 * referent and tutors, national admins. 409 `report_exists` when one is there (regenerate it instead).
 */
export async function createReport(ctx: Ctx, body: z.infer<typeof reportCreate>, opts: GenerateOptions = {}) {
  const place = await councilPlace(ctx, body.councilId);
  const actor = assertCanEdit(ctx.actor, place);
  const [existing] = await ctx.db.select({ id: reports.id }).from(reports).where(and(eq(reports.councilId, body.councilId), eq(reports.year, body.year)));
  if (existing) throw new AppError('conflict', 'report_exists', { id: existing.id }, { reportId: existing.id });
  const { template, snapshot } = await snapshotFor(ctx, body.councilId, body.year, body.templateId, opts);
  let id: number;
  try {
    id = await ctx.db.transaction(async (tx) => {
      const [r] = await tx
        .insert(reports)
        .values({ councilId: body.councilId, year: body.year, templateId: template.id, createdBy: actor.id })
        .returning({ id: reports.id });
      await tx.insert(reportVersions).values({ reportId: r.id, n: 1, snapshot, narratives: {}, reason: 'generated', templateId: template.id, templateVersion: template.version, createdBy: actor.id });
      await recordAudit(tx, ctx, {
        action: 'create',
        entityType: 'report',
        entityId: r.id,
        after: { status: 'draft', year: body.year, councilId: body.councilId, version: 1, template: { id: template.id, version: template.version } },
        ...place,
      });
      return r.id;
    });
  } catch (e) {
    // Two requests for the same council and year: the second loses on the unique index.
    if (isUniqueViolation(e)) throw new AppError('conflict', 'report_exists', { id: 0 });
    throw e;
  }
  return getReport(ctx, id);
}

/**
 * Appends a version to a draft report: a new snapshot (regenerate) or a copy of an older one (restore). The
 * narrative is the report's: kept on regenerate, set to the older version's text on restore.
 */
async function appendVersion(
  ctx: Ctx,
  actor: Actor,
  row: LoadedReport,
  make: { reason: 'regenerated' | 'restored'; snapshot: ReportSnapshot; templateId: number; templateVersion: number; narratives?: Record<string, string>; from?: number },
  ifMatch?: number,
) {
  await ctx.db.transaction(async (tx) => {
    const { r } = await loadReport(tx, row.r.id, { lock: true });
    assertDraft(r, ctx.lang);
    assertRowVersion(r, ifMatch);
    const n = r.currentVersion + 1;
    if (make.narratives) {
      const current = await narrativeCopy(tx, r.id);
      for (const key of new Set([...Object.keys(current), ...Object.keys(make.narratives)])) {
        const html = make.narratives[key] ?? '';
        if (current[key] === html) continue;
        await tx
          .insert(reportNarratives)
          .values({ reportId: r.id, blockKey: key, html, version: 1, updatedBy: actor.id })
          .onConflictDoUpdate({
            target: [reportNarratives.reportId, reportNarratives.blockKey],
            set: { html, version: sqlIncrement(), updatedBy: actor.id, updatedAt: new Date() },
          });
      }
    }
    const narratives = await narrativeCopy(tx, r.id);
    await tx.insert(reportVersions).values({ reportId: r.id, n, snapshot: make.snapshot, narratives, reason: make.reason, templateId: make.templateId, templateVersion: make.templateVersion, createdBy: actor.id });
    await tx
      .update(reports)
      .set({ currentVersion: n, templateId: make.templateId, version: r.version + 1, updatedAt: new Date() })
      .where(eq(reports.id, r.id));
    await recordAudit(tx, ctx, {
      action: make.reason === 'restored' ? 'restore' : 'regenerate',
      entityType: 'report',
      entityId: r.id,
      before: { status: r.status, version: r.currentVersion },
      after: { status: r.status, version: n, ...(make.from ? { restoredFrom: make.from } : {}), template: { id: make.templateId, version: make.templateVersion } },
      councilId: r.councilId,
      regionId: row.regionId,
    });
  });
}

/** Regenerates a draft report from today's data (a new version; narrative kept). Same people as createReport. */
export async function regenerateReport(ctx: Ctx, id: number, templateId: number | undefined, ifMatch?: number, opts: GenerateOptions = {}) {
  const row = await loadReport(ctx.db, id);
  const actor = assertCanEdit(ctx.actor, { councilId: row.r.councilId, regionId: row.regionId });
  assertDraft(row.r, ctx.lang);
  const { template, snapshot } = await snapshotFor(ctx, row.r.councilId, row.r.year, templateId ?? row.r.templateId, opts);
  await appendVersion(ctx, actor, row, { reason: 'regenerated', snapshot, templateId: template.id, templateVersion: template.version }, ifMatch);
  return getReport(ctx, id);
}

/** A new version copying version n's snapshot and narrative (draft only). Same people as createReport. */
export async function restoreReportVersion(ctx: Ctx, id: number, n: number) {
  const row = await loadReport(ctx.db, id);
  const actor = assertCanEdit(ctx.actor, { councilId: row.r.councilId, regionId: row.regionId });
  assertDraft(row.r, ctx.lang);
  const v = await loadVersion(ctx.db, id, n);
  await appendVersion(ctx, actor, row, { reason: 'restored', snapshot: v.snapshot, templateId: v.templateId, templateVersion: v.templateVersion, narratives: v.narratives, from: n });
  return getReport(ctx, id);
}

/** A report with its current document, narrative, comments count, workflow and history. Readers of the council. */
export async function getReport(ctx: Ctx, id: number): Promise<ReportDetail> {
  const row = await loadReport(ctx.db, id);
  const place = { councilId: row.r.councilId, regionId: row.regionId };
  const actor = assertCanRead(ctx.actor, place);
  const r = row.r;
  const v = await loadVersion(ctx.db, id, r.currentVersion);
  const [tpl] = await ctx.db.select({ name: reportTemplates.name }).from(reportTemplates).where(eq(reportTemplates.id, v.templateId));
  const narrativeRows = await ctx.db
    .select({ n: reportNarratives, by: users.name })
    .from(reportNarratives)
    .leftJoin(users, eq(users.id, reportNarratives.updatedBy))
    .where(eq(reportNarratives.reportId, id));
  const byKey = new Map(narrativeRows.map((x) => [x.n.blockKey, x]));
  const narrativeKeys = v.snapshot.chapters.flatMap((c) => c.blocks.filter((b) => b.kind === 'narrative').map((b) => b.key));
  const [{ n: commentCount }] = await ctx.db.select({ n: count() }).from(reportComments).where(eq(reportComments.reportId, id));
  const history = await ctx.db
    .select({ t: reportTransitions, actor: users.name })
    .from(reportTransitions)
    .leftJoin(users, eq(users.id, reportTransitions.actorId))
    .where(eq(reportTransitions.reportId, id))
    .orderBy(reportTransitions.id);
  return {
    ...summaryOf(row, tpl?.name.it ?? ''),
    document: documentOf(r, v),
    narratives: narrativeKeys.map((k) => {
      const x = byKey.get(k);
      return { blockKey: k, html: x?.n.html ?? '', version: x?.n.version ?? 0, updatedAt: x?.n.updatedAt.toISOString() ?? null, updatedBy: x?.by ?? null };
    }),
    commentCount,
    transitions: allowedTransitions(actor, place, r.status),
    canEdit: r.status === 'draft' && canEditReport(actor, place),
    history: history.map(({ t, actor: who }) => ({ transition: t.transition, fromStatus: t.fromStatus, toStatus: t.toStatus, note: t.note, actor: who ?? 'Sistema', at: t.at.toISOString() })),
    publicPath: r.status === 'published' ? publicPathOf(id) : null,
    withdrawnReason: r.withdrawnReason,
  };
}

function summaryOf(row: { r: typeof reports.$inferSelect; councilName: string; regionName: string }, templateName: string) {
  const r = row.r;
  return {
    id: r.id,
    councilId: r.councilId,
    councilName: row.councilName,
    regionName: row.regionName,
    year: r.year,
    status: r.status,
    version: r.currentVersion,
    templateName,
    updatedAt: r.updatedAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
  };
}

/** The row version of a report (its ETag). */
export async function reportEtag(ctx: Ctx, id: number) {
  return (await loadReport(ctx.db, id)).r.version;
}

/** Reports in the caller's reach, newest year first. */
export async function listReports(ctx: Ctx, q: z.infer<typeof reportListQuery>) {
  const actor = requireActor(ctx.actor);
  const reach = reachOf(actor, REPORT_READ_ROLES);
  const where: (SQL | undefined)[] = [];
  if (!reach.all) {
    if (!reach.regionIds.length && !reach.councilIds.length) throw new AppError('forbidden', 'forbidden');
    where.push(or(reach.regionIds.length ? inArray(councils.regionId, reach.regionIds) : undefined, reach.councilIds.length ? inArray(reports.councilId, reach.councilIds) : undefined));
  }
  if (q.councilId) where.push(eq(reports.councilId, q.councilId));
  if (q.year) where.push(eq(reports.year, q.year));
  if (q.status) where.push(eq(reports.status, q.status));
  const cond = and(...where);
  const base = ctx.db.select({ n: count() }).from(reports).innerJoin(councils, eq(councils.id, reports.councilId));
  const [{ n: total }] = await base.where(cond);
  const rows = await ctx.db
    .select({ r: reports, councilName: councils.name, regionName: region.name, templateName: reportTemplates.name })
    .from(reports)
    .innerJoin(councils, eq(councils.id, reports.councilId))
    .innerJoin(region, eq(region.id, councils.regionId))
    .innerJoin(reportTemplates, eq(reportTemplates.id, reports.templateId))
    .where(cond)
    .orderBy(desc(reports.year), councils.name)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((x) => summaryOf(x, x.templateName.it)), total, page: q.page, pageSize: q.pageSize };
}
