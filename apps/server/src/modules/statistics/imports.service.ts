import { createHash } from 'node:crypto';
import { type ImportMapping, type ImportResult, importMapping, type importApplyBody, type importQuery } from '@mosaico/contracts/imports';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError, fieldError, type FieldIssue, invalidFields, notFound } from '../../platform/http/errors.ts';
import { users } from '../users/users.schema.ts';
import { dataSources } from './data-sources.schema.ts';
import { type Analysis, checkMapping, chooseMapping, describeColumns, elementIdsFor, type FileShape, mapRows, readFileShape, resolvePoints } from './import-analysis.ts';
import { storeImportFile } from './import-files.ts';
import { rollbackImportValues, runImportApply, stagePoints } from './import-apply.ts';
import { findSavedMapping, saveMapping } from './import-mappings.service.ts';
import { requireImporter } from './imports.policy.ts';
import { imports } from './imports.schema.ts';
import { importQueue } from './statistics.jobs.ts';

function parseMappingField(ctx: Ctx, raw: string | undefined): ImportMapping | null {
  if (!raw?.trim()) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw fieldError(ctx.lang, 'import_mapping_json', 'mapping');
  }
  const parsed = importMapping.safeParse(json);
  if (!parsed.success) {
    throw invalidFields(parsed.error.issues.map((i) => ({ field: ['mapping', ...i.path].join('.'), code: i.code, message: i.message })));
  }
  return parsed.data;
}

/** Dry run of a file with a mapping: counts against the store, row errors, unresolved territories. Writes nothing. */
async function dryRun(ctx: Ctx, shape: FileShape, mapping: ImportMapping | null) {
  const analysis: Analysis = { dimensions: null, columns: null, mappingIssues: [], errors: [], errorsTotal: 0, unresolved: [] };
  const counts = { rows: shape.rows, new: 0, changed: 0, unchanged: 0, errors: 0, unresolved: 0, skipped: 0 };
  if (shape.kind === 'table') {
    const d = describeColumns(shape.table);
    analysis.columns = d.columns;
    counts.rows = d.rows;
    if (!d.rows) throw new AppError('invalid', 'import_no_rows');
  }
  const { issues, roles } = checkMapping(shape, mapping, ctx.lang);
  analysis.mappingIssues = issues;
  if (shape.kind === 'sdmx') {
    analysis.dimensions = shape.dims.map((d) => ({
      id: d.id,
      codes: [...d.codes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, rows]) => ({ code, rows })),
      codesTotal: d.codes.size,
      role: roles.get(d.id) ?? (d.codes.size > 1 ? 'unmapped' : 'ignored'),
    }));
  }
  if (mapping && !issues.length) {
    const mapped = mapRows(shape, mapping, ctx.lang);
    const points = await resolvePoints(ctx.db, mapped, mapping.territoryCodeKind);
    const ids = await elementIdsFor(ctx.db, mapped);
    const compared = await ctx.db.transaction((tx) => stagePoints(tx, points, ids));
    Object.assign(counts, { rows: mapped.rows, ...compared, errors: mapped.errorRows, unresolved: points.unresolvedRows, skipped: mapped.skipped });
    analysis.errors = mapped.errors;
    analysis.errorsTotal = mapped.errorsTotal;
    analysis.unresolved = points.unresolved;
  }
  return { analysis, counts };
}

/** The dimensions as Maps again, from a stored analysis (to check an edited mapping without reading the file). */
const dimsOf = (a: Analysis) => (a.dimensions ?? []).map((d) => ({ id: d.id, codes: new Map(d.codes.map((c) => [c.code, c.rows])) }));

/**
 * Stores an uploaded file and dry-runs it (national admins): counts, dimensions or columns, the proposed
 * mapping, row errors, unresolved territories. With dryRun false and a mapping without issues, applies it.
 */
export async function createImport(ctx: Ctx, file: { name: string; content: Buffer } | null, fields: { dryRun: boolean; mapping?: string; dataSourceId?: number }) {
  const actor = requireImporter(ctx);
  if (!file) throw fieldError(ctx.lang, 'import_file_required', 'file');
  const requested = parseMappingField(ctx, fields.mapping);
  if (fields.dataSourceId) {
    const [src] = await ctx.db.select({ id: dataSources.id }).from(dataSources).where(eq(dataSources.id, fields.dataSourceId));
    if (!src) throw fieldError(ctx.lang, 'import_data_source_unknown', 'dataSourceId', { id: fields.dataSourceId });
  }
  const shape = await readFileShape(file.content, file.name);
  const key = shape.kind === 'sdmx' ? (shape.dataflow as string) : (shape.signature as string);
  const saved = await findSavedMapping(ctx.db, shape.kind, key);
  const { mapping, source } = chooseMapping(shape, requested, saved);
  const { analysis, counts } = await dryRun(ctx, shape, mapping);
  if (!fields.dryRun && analysis.mappingIssues.length) throw new AppError('invalid', 'import_mapping_invalid', { count: analysis.mappingIssues.length }, { issues: analysis.mappingIssues });
  const [row] = await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(imports)
      .values({
        kind: shape.kind,
        fileName: file.name.slice(0, 300),
        fileSha256: createHash('sha256').update(file.content).digest('hex'),
        fileSize: file.content.length,
        dataflow: shape.dataflow,
        signature: shape.signature,
        dataSourceId: fields.dataSourceId ?? null,
        status: 'dry_run',
        counts,
        createdBy: actor.id,
        mapping,
        mappingSource: source,
        analysis: analysis as unknown as Record<string, unknown>,
        progressTotal: counts.rows,
      })
      .returning({ id: imports.id });
    await storeImportFile(tx, inserted[0].id, file.content);
    return inserted;
  });
  if (!fields.dryRun) return applyImport(ctx, row.id, {});
  return getImport(ctx, row.id);
}

/**
 * Queues the apply of a dry-run (or failed) import, with its mapping or an edited one, which is checked
 * against the file and saved as the dataflow's / table's mapping. National admins only.
 */
export async function applyImport(ctx: Ctx, id: number, body: z.infer<typeof importApplyBody>) {
  const actor = requireImporter(ctx);
  const [imp] = await ctx.db.select().from(imports).where(eq(imports.id, id));
  if (!imp) throw notFound(`importazione ${id}`);
  if (imp.status !== 'dry_run' && imp.status !== 'failed') throw new AppError('conflict', 'import_not_applicable', { status: imp.status });
  let mapping = (body.mapping ?? imp.mapping) as ImportMapping | null;
  const analysis = imp.analysis as unknown as Analysis;
  let issues: FieldIssue[] = analysis.mappingIssues ?? [];
  if (body.mapping || !mapping) {
    const header = (analysis.columns ?? []).map((c) => c.name);
    const shape = { kind: imp.kind, dataflow: imp.dataflow, signature: imp.signature, dims: dimsOf(analysis), table: { header } } as unknown as FileShape;
    issues = checkMapping(shape, mapping, ctx.lang).issues;
  }
  if (issues.length) throw new AppError('invalid', 'import_mapping_invalid', { count: issues.length }, { issues });
  mapping = mapping as ImportMapping;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(imports)
      .set({ status: 'queued', mapping, mappingSource: body.mapping ? 'request' : imp.mappingSource, progressDone: 0, failure: null })
      .where(eq(imports.id, id));
    await saveMapping(tx, mapping, actor.id);
  });
  const enqueue = importQueue();
  if (enqueue) await enqueue(id);
  else await runImportApply(ctx, id);
  return getImport(ctx, id);
}

/** Rolls back an applied import, restoring the values it replaced. National admins only. */
export async function rollbackImport(ctx: Ctx, id: number) {
  requireImporter(ctx);
  const [imp] = await ctx.db.select({ id: imports.id }).from(imports).where(eq(imports.id, id));
  if (!imp) throw notFound(`importazione ${id}`);
  await rollbackImportValues(ctx, id);
  return getImport(ctx, id);
}

const selection = { i: imports, u: { id: users.id, name: users.name } };

function present(i: typeof imports.$inferSelect, u: { id: number; name: string } | null): ImportResult {
  const a = i.analysis as unknown as Partial<Analysis>;
  const c = i.counts;
  return {
    id: i.id,
    kind: i.kind,
    fileName: i.fileName,
    fileSha256: i.fileSha256,
    fileSize: i.fileSize,
    dataflow: i.dataflow,
    signature: i.signature,
    dataSourceId: i.dataSourceId,
    status: i.status,
    progress: { done: i.progressDone, total: i.progressTotal },
    counts: { rows: c.rows ?? 0, new: c.new ?? 0, changed: c.changed ?? 0, unchanged: c.unchanged ?? 0, errors: c.errors ?? 0, unresolved: c.unresolved ?? 0, skipped: c.skipped ?? 0 },
    dimensions: a.dimensions ? a.dimensions.map((d) => ({ ...d, codes: d.codes.slice(0, 2000) })) : null,
    columns: a.columns ?? null,
    mapping: (i.mapping as ImportMapping | null) ?? null,
    mappingSource: i.mappingSource as ImportResult['mappingSource'],
    mappingIssues: a.mappingIssues ?? [],
    errors: a.errors ?? [],
    errorsTotal: a.errorsTotal ?? 0,
    unresolved: a.unresolved ?? [],
    failure: i.failure ?? null,
    createdBy: u?.id ? u : null,
    createdAt: i.createdAt.toISOString(),
    appliedAt: i.appliedAt?.toISOString() ?? null,
    rolledBackAt: i.rolledBackAt?.toISOString() ?? null,
  };
}

/** One import with its status, progress, counts and findings. National admins only. */
export async function getImport(ctx: Ctx, id: number): Promise<ImportResult> {
  requireImporter(ctx);
  const [row] = await ctx.db.select(selection).from(imports).leftJoin(users, eq(users.id, imports.createdBy)).where(eq(imports.id, id));
  if (!row) throw notFound(`importazione ${id}`);
  return present(row.i, row.u);
}

/** The history of imports, newest first, optionally of one data source. National admins only. */
export async function listImports(ctx: Ctx, q: z.infer<typeof importQuery>) {
  requireImporter(ctx);
  const where: SQL[] = [];
  if (q.dataSourceId) where.push(eq(imports.dataSourceId, q.dataSourceId));
  if (q.status) where.push(eq(imports.status, q.status));
  const filter = where.length ? and(...where) : undefined;
  const [{ total }] = await ctx.db.select({ total: count() }).from(imports).where(filter);
  const rows = await ctx.db
    .select(selection)
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(filter)
    .orderBy(desc(imports.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const items = rows.map((r) => {
    const p = present(r.i, r.u);
    const { id, kind, fileName, dataflow, signature, dataSourceId, status, progress, counts, createdBy, createdAt, appliedAt, rolledBackAt } = p;
    return { id, kind, fileName, dataflow, signature, dataSourceId, status, progress, counts, createdBy, createdAt, appliedAt, rolledBackAt };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}
