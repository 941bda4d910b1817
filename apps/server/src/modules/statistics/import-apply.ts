import type { ImportMapping } from '@mosaico/contracts/imports';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { translate } from '../../platform/http/messages.ts';
import { compareImportStage, createImportStage, restoreImportedValues, stageImportedValues, upsertImportedElements, writeImportStage } from '../data-values/imported-values.ts';
import { type ResolvedPoints, mapRows, readFileShape, resolvePoints } from './import-analysis.ts';
import { readImportFile } from './import-files.ts';
import { importChanges, imports } from './imports.schema.ts';

/** Rows staged per statement. */
const BATCH = 100_000;
/** Applies and rollbacks of imports run one at a time (they may touch the same points). */
const IMPORT_LOCK = 72_310_001;

/** The categories each element of a mapping is broken down by. */
export function categoriesOf(mapping: ImportMapping): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (mapping.kind === 'sdmx') {
    const cats = mapping.breakdowns.map((b) => b.category).sort();
    for (const e of mapping.elements) if (e.element) out.set(e.element.code, cats);
    if (mapping.element) out.set(mapping.element.code, cats);
  } else {
    for (const c of mapping.columns) {
      const cats = new Set([...(out.get(c.element.code) ?? []), ...Object.keys(mapping.constantDimensions), ...Object.keys(c.dimensions)]);
      out.set(c.element.code, [...cats].sort());
    }
  }
  return out;
}

/**
 * Stages resolved points (in the caller's transaction) with the given element ids and returns how they
 * compare with the stored imported values.
 */
export async function stagePoints(tx: DbOrTx, points: ResolvedPoints, elementIds: number[]) {
  const { mapped, keep, territoryIds } = points;
  await createImportStage(tx);
  const n = keep.length;
  const e = new Int32Array(n);
  const d = new Int32Array(n);
  const p = new Int32Array(n);
  const t = new Int32Array(n);
  const v = new Float64Array(n);
  const prov = new Array<boolean>(n);
  for (let k = 0; k < n; k++) {
    const i = keep[k];
    e[k] = elementIds[mapped.e[i]];
    d[k] = mapped.d[i];
    p[k] = mapped.p[i];
    t[k] = territoryIds[i];
    v[k] = mapped.v[i];
    prov[k] = mapped.prov[i];
  }
  const disaggs = mapped.disaggs.map((x) => x.key);
  for (let from = 0; from < n; from += BATCH) {
    await stageImportedValues(tx, { elementIds: e, disaggIdx: d, periodIdx: p, territoryIds: t, values: v, provisional: prov, from, to: Math.min(n, from + BATCH) }, disaggs, mapped.periods);
  }
  return compareImportStage(tx);
}

/**
 * The apply job's work: reads the stored file again with the import's mapping (progress = rows read), then
 * in ONE transaction creates/updates the data elements, stages the points, keeps what they replace and
 * writes them. A failure leaves nothing written and the import `failed` with the reason.
 */
export async function runImportApply(ctx: Ctx, importId: number): Promise<{ status: string }> {
  const [imp] = await ctx.db.select().from(imports).where(eq(imports.id, importId));
  if (imp?.status !== 'queued') return { status: imp?.status ?? 'missing' };
  const setProgress = (done: number) => ctx.db.update(imports).set({ progressDone: done }).where(eq(imports.id, importId));
  await ctx.db.update(imports).set({ status: 'running', progressDone: 0 }).where(eq(imports.id, importId));
  try {
    const content = await readImportFile(ctx.db, importId);
    const mapping = imp.mapping as ImportMapping;
    const shape = await readFileShape(content, imp.fileName);
    let pending: Promise<unknown> = Promise.resolve();
    const mapped = mapRows(shape, mapping, ctx.lang, (rows) => {
      pending = pending.then(() => setProgress(rows));
    });
    await pending;
    const points = await resolvePoints(ctx.db, mapped, mapping.territoryCodeKind);
    const categories = categoriesOf(mapping);
    const counts = await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
      const ids = await upsertImportedElements(
        tx,
        mapped.elements.map((e) => ({ ...e, categories: categories.get(e.code) ?? [] })),
      );
      const compared = await stagePoints(
        tx,
        points,
        mapped.elements.map((e) => ids.get(e.code) as number),
      );
      const dims = Object.fromEntries(mapped.disaggs.map((x) => [x.key, x.dims]));
      await writeImportStage(tx, importId, dims, async (select) => {
        await tx.execute(sql`insert into import_changes (import_id, data_element_id, disaggregation, period, territory_id, prior_value, prior_source_id, prior_provisional)
          select ${importId}, x.* from (${select}) x`);
      });
      const counts = {
        rows: mapped.rows,
        ...compared,
        errors: mapped.errorRows,
        unresolved: points.unresolvedRows,
        skipped: mapped.skipped,
      };
      await tx
        .update(imports)
        .set({ status: 'applied', appliedAt: new Date(), counts, progressDone: mapped.rows, progressTotal: mapped.rows, failure: null })
        .where(eq(imports.id, importId));
      return counts;
    });
    return { status: 'applied', ...counts };
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'import_apply_failed';
    const message = err instanceof AppError ? translate(err.code, ctx.lang, err.params) : translate('import_apply_failed', ctx.lang, { reason: String((err as { cause?: Error }).cause?.message ?? (err as Error).message).slice(0, 300) });
    await ctx.db.update(imports).set({ status: 'failed', failure: { code, message } }).where(eq(imports.id, importId));
    return { status: 'failed' };
  }
}

/**
 * Restores what an applied import replaced, exactly (value, import, provisional flag), and deletes the points
 * it added. Refused while a later applied import replaced some of its values: that one is rolled back first.
 */
export async function rollbackImportValues(ctx: Ctx, importId: number) {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
    const [imp] = await tx.select().from(imports).where(eq(imports.id, importId)).for('update');
    if (imp?.status !== 'applied') throw new AppError('conflict', 'import_not_applied', { status: imp?.status ?? '' });
    const later = await tx
      .selectDistinct({ id: importChanges.importId })
      .from(importChanges)
      .innerJoin(imports, eq(imports.id, importChanges.importId))
      .where(and(eq(importChanges.priorSourceId, importId), eq(imports.status, 'applied')));
    if (later.length) throw new AppError('conflict', 'import_rollback_superseded', { ids: later.map((l) => l.id).join(', ') }, { importIds: later.map((l) => l.id) });
    await restoreImportedValues(
      tx,
      importId,
      sql`select data_element_id, disaggregation, period, territory_id, prior_value, prior_source_id, prior_provisional from import_changes where import_id = ${importId}`,
    );
    await tx.update(imports).set({ status: 'rolled_back', rolledBackAt: new Date() }).where(eq(imports.id, importId));
  });
}
