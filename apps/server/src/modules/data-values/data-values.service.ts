import type { dataElementQuery, dataValueQuery } from '@mosaico/contracts/data-values';
import type { CompiledForm } from '@mosaico/form-engine/compile-form';
import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/http/errors.ts';
import { reachOf, requireActor } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { dataElements, dataValues } from './data-values.schema.ts';
import { dataElementsOf, disaggregationKey, type FormDataValue } from './form-data-values.ts';

/** Roles that read a council's collected figures (as they read its submission). */
export const COLLECTED_READERS = ['national_admin', 'regional_coordinator', 'council_referent', 'tutor'] as const;

/** Registers (or refreshes the names of) the data elements of a form version; called when a campaign opens. */
export async function registerFormDataElements(db: DbOrTx, form: CompiledForm) {
  const elements = dataElementsOf(form);
  if (!elements.length) return;
  const now = new Date();
  await db
    .insert(dataElements)
    .values(elements.map((e) => ({ ...e, formCode: form.definition.code, updatedAt: now })))
    .onConflictDoUpdate({
      target: dataElements.code,
      set: {
        name: sql`excluded.name`,
        valueType: sql`excluded.value_type`,
        unit: sql`excluded.unit`,
        categories: sql`excluded.categories`,
        updatedAt: now,
      },
    });
}

/** Where a submission's figures go: its period, territory and council, and whether they are provisional. */
export interface SubmissionSource {
  submissionId: number;
  councilId: number;
  territoryId: number;
  period: string;
  provisional: boolean;
}

/**
 * Replaces a submission's figures with `figures`, writing only what changed (one insert, one delete), inside
 * the caller's transaction so a saved value is in every aggregate as soon as the save commits.
 */
export async function syncSubmissionDataValues(tx: DbOrTx, source: SubmissionSource, figures: FormDataValue[]) {
  const codes = [...new Set(figures.map((f) => f.elementCode))];
  const ids = new Map(
    codes.length
      ? (await tx.select({ id: dataElements.id, code: dataElements.code }).from(dataElements).where(inArray(dataElements.code, codes))).map((r) => [r.code, r.id])
      : [],
  );
  const wanted = new Map<string, { dataElementId: number; disaggregation: string; dimensions: Record<string, string>; value: number }>();
  for (const f of figures) {
    const dataElementId = ids.get(f.elementCode);
    // Elements are registered when the campaign opens; a figure without one is a programming error, not user input.
    if (dataElementId === undefined) throw new Error(`data element ${f.elementCode} is not registered`);
    const disaggregation = disaggregationKey(f.dimensions);
    wanted.set(`${dataElementId}|${disaggregation}`, { dataElementId, disaggregation, dimensions: f.dimensions, value: f.value });
  }
  const where = and(eq(dataValues.sourceType, 'submission'), eq(dataValues.sourceId, source.submissionId));
  const existing = await tx
    .select({ id: dataValues.id, dataElementId: dataValues.dataElementId, disaggregation: dataValues.disaggregation, value: dataValues.value, territoryId: dataValues.territoryId })
    .from(dataValues)
    .where(where);
  const stale: number[] = [];
  const kept = new Set<string>();
  for (const row of existing) {
    const key = `${row.dataElementId}|${row.disaggregation}`;
    const next = wanted.get(key);
    if (!next || row.territoryId !== source.territoryId) stale.push(row.id);
    else if (next.value === row.value) kept.add(key);
  }
  if (stale.length) await tx.delete(dataValues).where(inArray(dataValues.id, stale));
  const now = new Date();
  const rows = [...wanted.entries()].filter(([key]) => !kept.has(key)).map(([, w]) => w);
  if (rows.length) {
    // One statement with the rows as one JSON parameter, rather than a dozen parameters per row.
    const json = JSON.stringify(rows.map((r) => ({ e: r.dataElementId, d: r.disaggregation, m: r.dimensions, v: r.value })));
    await tx.execute(sql`
      insert into ${dataValues} (data_element_id, disaggregation, dimensions, period, territory_id, council_id, value, source_type, source_id, provisional, updated_at)
      select e, d, m, ${source.period}, ${source.territoryId}, ${source.councilId}, v, 'submission', ${source.submissionId}, ${source.provisional}, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${json}::jsonb) as t(e int, d text, m jsonb, v float8)
      on conflict (source_type, source_id, data_element_id, disaggregation, period, territory_id)
      do update set value = excluded.value, provisional = excluded.provisional, updated_at = excluded.updated_at`);
  }
  return { written: rows.length, removed: stale.length };
}

/** Marks a submission's figures provisional (not yet approved) or final. */
export async function setSubmissionDataProvisional(tx: DbOrTx, submissionId: number, provisional: boolean) {
  await tx
    .update(dataValues)
    .set({ provisional })
    .where(and(eq(dataValues.sourceType, 'submission'), eq(dataValues.sourceId, submissionId)));
}

/** The catalogue of data elements; any signed-in user may read it. */
export async function listDataElements(ctx: Ctx, q: z.infer<typeof dataElementQuery>) {
  requireActor(ctx.actor);
  const filters: SQL[] = [];
  if (q.formCode) filters.push(eq(dataElements.formCode, q.formCode));
  if (q.q) {
    const like = `%${q.q}%`;
    filters.push(or(ilike(dataElements.code, like), sql`${dataElements.name}->>'it' ilike ${like}`) as SQL);
  }
  const rows = await ctx.db
    .select()
    .from(dataElements)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(asc(dataElements.code))
    .limit(2000);
  return rows.map(({ updatedAt: _, ...r }) => r);
}

/**
 * Values of one data element: imported statistics to every signed-in user; collected figures only to the
 * council's side (its referent and tutors, its region's coordinators, national admins), as its submission.
 */
export async function listDataValues(ctx: Ctx, q: z.infer<typeof dataValueQuery>) {
  const actor = requireActor(ctx.actor);
  const [element] = await ctx.db.select().from(dataElements).where(eq(dataElements.code, q.element));
  if (!element) throw notFound(`dato ${q.element}`);
  const reach = reachOf(actor, COLLECTED_READERS);
  const collected: SQL[] = [eq(dataValues.sourceType, 'submission')];
  if (!reach.all) {
    const inReach = [
      reach.councilIds.length ? inArray(dataValues.councilId, reach.councilIds) : undefined,
      reach.regionIds.length ? inArray(councils.regionId, reach.regionIds) : undefined,
    ].filter((c): c is SQL => !!c);
    collected.push(inReach.length ? (or(...inReach) as SQL) : sql`false`);
  }
  const filters: SQL[] = [eq(dataValues.dataElementId, element.id), or(eq(dataValues.sourceType, 'import'), and(...collected)) as SQL];
  if (q.period) filters.push(eq(dataValues.period, q.period));
  if (q.councilId) filters.push(eq(dataValues.councilId, q.councilId));
  if (q.breakdown === 'total') filters.push(eq(dataValues.disaggregation, ''));
  const rows = await ctx.db
    .select({ v: dataValues, t: { id: territories.id, code: territories.code, name: territories.name }, c: { id: councils.id, name: councils.name } })
    .from(dataValues)
    .innerJoin(territories, eq(territories.id, dataValues.territoryId))
    .leftJoin(councils, eq(councils.id, dataValues.councilId))
    .where(and(...filters))
    .orderBy(asc(dataValues.period), asc(territories.code), asc(dataValues.disaggregation))
    .limit(20000);
  return rows.map(({ v, t, c }) => ({
    element: element.code,
    dimensions: v.dimensions,
    period: v.period,
    territory: t,
    council: c?.id ? { id: c.id, name: c.name } : null,
    value: v.value,
    source: { type: v.sourceType, id: v.sourceId },
    provisional: v.provisional,
    updatedAt: v.updatedAt.toISOString(),
  }));
}
