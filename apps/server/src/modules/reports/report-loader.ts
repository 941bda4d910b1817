import type { ReportDocument } from '@mosaico/contracts/reports';
import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { type Lang, translate } from '../../platform/http/messages.ts';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { reports, reportVersions } from './reports.schema.ts';

const region = alias(territories, 'report_region');

export const reportSelection = { r: reports, councilName: councils.name, regionId: councils.regionId, regionName: region.name };

/** A report with its council and region, or 404. */
export async function loadReport(db: DbOrTx, id: number, opts: { lock?: boolean } = {}) {
  const q = db
    .select(reportSelection)
    .from(reports)
    .innerJoin(councils, eq(councils.id, reports.councilId))
    .innerJoin(region, eq(region.id, councils.regionId))
    .where(eq(reports.id, id));
  const [row] = opts.lock ? await q.for('update', { of: reports }) : await q;
  if (!row) throw notFound(`monografia ${id}`);
  return row;
}
export type LoadedReport = Awaited<ReturnType<typeof loadReport>>;

export async function loadVersion(db: DbOrTx, reportId: number, n: number) {
  const [v] = await db
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.n, n)));
  if (!v) throw notFound(`versione ${n} della monografia ${reportId}`);
  return v;
}
export type LoadedVersion = Awaited<ReturnType<typeof loadVersion>>;

/** What renderers read for a version: its snapshot and narrative, the status line of the report. */
export function documentOf(r: LoadedReport['r'], v: LoadedVersion): ReportDocument {
  const published = r.publishedVersion === v.n && r.publishedAt ? r.publishedAt.toISOString() : null;
  return { reportId: r.id, version: v.n, status: r.status, publishedAt: published, lang: 'it', snapshot: v.snapshot, narratives: v.narratives };
}

/** 409 unless the report is a draft: generated content and narrative change only there. */
export function assertDraft(r: LoadedReport['r'], lang: Lang) {
  if (r.status !== 'draft') throw new AppError('conflict', 'report_not_editable', { status: statusLabel(r.status, lang) }, { status: r.status });
}

/** A status as the user reads it. */
export const statusLabel = (status: string, lang: Lang) => translate(`report_status_${status}`, lang);

/** 409 when the caller's If-Match names another version of the report row. */
export function assertRowVersion(r: LoadedReport['r'], expected: number | undefined) {
  if (expected != null && expected !== r.version) throw new AppError('conflict', 'version_conflict', { current: r.version }, { currentVersion: r.version });
}

/** `monografia-milano-2023`: ASCII, lower case, for file names. */
export function fileBaseName(provinceName: string, year: number) {
  const slug = provinceName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `monografia-${slug || 'provincia'}-${year}`;
}
