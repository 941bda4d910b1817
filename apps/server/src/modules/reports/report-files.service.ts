import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { ReportDocument } from '@mosaico/contracts/reports';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/http/errors.ts';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { documentOf, fileBaseName, type LoadedReport, type LoadedVersion, loadReport, loadVersion } from './report-loader.ts';
import { assertCanRead } from './reports.policy.ts';
import { reportRenditions, reports, reportVersions } from './reports.schema.ts';
import { createRenderPool } from './render/render-pool.ts';

export type ReportFormat = 'pdf' | 'docx';
export type Renderer = (format: ReportFormat, doc: ReportDocument) => Promise<Uint8Array>;
/** A renderer put in front of the pool (tests that need one render to fail); `next` is the pool. */
export type RendererOverride = (format: ReportFormat, doc: ReportDocument, next: Renderer) => Promise<Uint8Array>;

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

let pool: ReturnType<typeof createRenderPool> | null = null;
let override: RendererOverride | null = null;

/**
 * Renders through a pool of worker threads (one per core), created on first use: a PDF takes a second or more
 * of CPU, which must neither block requests nor leave the second core idle in a batch.
 */
export function renderReport(format: ReportFormat, doc: ReportDocument): Promise<Uint8Array> {
  return override ? override(format, doc, renderOnPool) : renderOnPool(format, doc);
}

function renderOnPool(format: ReportFormat, doc: ReportDocument): Promise<Uint8Array> {
  pool ??= createRenderPool(renderConcurrency());
  return Promise.resolve(pool.render(format, doc)) as Promise<Uint8Array>;
}

/** How many renders may usefully run at once. */
export const renderConcurrency = () => Math.max(1, availableParallelism());

/** Puts a renderer in front of the pool (tests that need a render to fail); null removes it. */
export function useRenderer(r: RendererOverride | null) {
  override = r;
}

/** Stops the pool's workers (server shutdown, end of tests). */
export async function closeRenderPool() {
  const p = pool;
  pool = null;
  await p?.close();
}

const hashOf = (doc: ReportDocument) => createHash('sha256').update(JSON.stringify(doc)).digest('hex');

/**
 * A version's file from the renditions cache, rendered and stored when missing or made from another state of
 * the document (a narrative saved since, another status line).
 */
export async function renditionOf(db: DbOrTx, r: LoadedReport['r'], v: LoadedVersion, format: ReportFormat) {
  const doc = documentOf(r, v);
  const docHash = hashOf(doc);
  const [cached] = await db
    .select({ content: reportRenditions.content, docHash: reportRenditions.docHash })
    .from(reportRenditions)
    .where(and(eq(reportRenditions.versionId, v.id), eq(reportRenditions.format, format)));
  let content = cached?.docHash === docHash ? cached.content : null;
  if (!content) {
    content = Buffer.from(await renderReport(format, doc));
    await db
      .insert(reportRenditions)
      .values({ versionId: v.id, format, docHash, content })
      .onConflictDoUpdate({ target: [reportRenditions.versionId, reportRenditions.format], set: { docHash, content, createdAt: new Date() } });
  }
  return { content, filename: `${fileBaseName(v.snapshot.council.provinceName, r.year)}.${format}`, contentType: CONTENT_TYPES[format] };
}

/** The PDF or DOCX of a report's current version (or version n). Readers of the council. */
export async function getReportFile(ctx: Ctx, id: number, format: ReportFormat, n?: number) {
  const row = await loadReport(ctx.db, id);
  assertCanRead(ctx.actor, { councilId: row.r.councilId, regionId: row.regionId });
  const v = await loadVersion(ctx.db, id, n ?? row.r.currentVersion);
  return renditionOf(ctx.db, row.r, v, format);
}

// ---- Public: published versions only ----

const region = alias(territories, 'public_region');

async function publishedOf(db: DbOrTx, id: number) {
  const row = await loadReport(db, id).catch(() => null);
  if (row?.r.status !== 'published' || row.r.publishedVersion == null) throw notFound(`monografia pubblicata ${id}`);
  return { row, v: await loadVersion(db, id, row.r.publishedVersion) };
}

/** Published reports, newest first, optionally of one region (ISTAT code) and year. Anyone. */
export async function listPublicReports(db: DbOrTx, q: { region?: string; year?: number }) {
  const where: SQL[] = [eq(reports.status, 'published')];
  if (q.region) where.push(eq(region.code, q.region));
  if (q.year) where.push(eq(reports.year, q.year));
  const rows = await db
    .select({ id: reports.id, councilName: councils.name, regionName: region.name, year: reports.year, snapshot: reportVersions.snapshot, publishedAt: reports.publishedAt })
    .from(reports)
    .innerJoin(councils, eq(councils.id, reports.councilId))
    .innerJoin(region, eq(region.id, councils.regionId))
    .innerJoin(reportVersions, and(eq(reportVersions.reportId, reports.id), eq(reportVersions.n, reports.publishedVersion)))
    .where(and(...where))
    .orderBy(desc(reports.year), councils.name);
  return rows.map((x) => ({ id: x.id, councilName: x.councilName, regionName: x.regionName, year: x.year, title: x.snapshot.title, publishedAt: (x.publishedAt as Date).toISOString() }));
}

/** The document of a published report's published version; 404 for anything else (drafts, withdrawn). Anyone. */
export async function getPublicReport(db: DbOrTx, id: number) {
  const { row, v } = await publishedOf(db, id);
  return documentOf(row.r, v);
}

/** The published version's file, from the renditions cache. Anyone. */
export async function getPublicReportFile(db: DbOrTx, id: number, format: ReportFormat) {
  const { row, v } = await publishedOf(db, id);
  return renditionOf(db, row.r, v, format);
}
