import type { ElementSpec } from '@mosaico/contracts/imports';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { dataElements } from './data-values.schema.ts';

/**
 * Imported statistics in the store. An imported point (element, breakdown, period, territory) has one
 * current value among imports (the partial unique index data_values_import_point_uq): a later import of the
 * point replaces it. Values are staged in a temporary table in large batches (arrays unnested in one
 * statement), compared with what is stored, and written in one INSERT … ON CONFLICT.
 */

/** Ids of existing data elements by code. */
export async function findDataElementIds(db: DbOrTx, codes: string[]): Promise<Map<string, number>> {
  if (!codes.length) return new Map();
  const rows = await db.select({ id: dataElements.id, code: dataElements.code }).from(dataElements).where(inArray(dataElements.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Creates or updates the data elements an import mapping names (name, type, unit, breakdown categories). */
export async function upsertImportedElements(tx: DbOrTx, elements: (ElementSpec & { categories: string[] })[]): Promise<Map<string, number>> {
  if (!elements.length) return new Map();
  const now = new Date();
  const rows = await tx
    .insert(dataElements)
    .values(elements.map((e) => ({ code: e.code, name: e.name, valueType: e.valueType, unit: e.unit, categories: e.categories, updatedAt: now })))
    .onConflictDoUpdate({
      target: dataElements.code,
      set: { name: sql`excluded.name`, valueType: sql`excluded.value_type`, unit: sql`excluded.unit`, categories: sql`excluded.categories`, updatedAt: now },
    })
    .returning({ id: dataElements.id, code: dataElements.code });
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** A batch of imported points, column-wise; disaggregation and period are indexes into the given key lists. */
export interface ImportedBatch {
  elementIds: ArrayLike<number>;
  disaggIdx: ArrayLike<number>;
  periodIdx: ArrayLike<number>;
  territoryIds: ArrayLike<number>;
  values: ArrayLike<number>;
  provisional: ArrayLike<boolean>;
  from: number;
  to: number;
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const textArray = (list: string[]) => `{${list.map(quote).join(',')}}`;
function numArray(a: ArrayLike<number>, from: number, to: number, plusOne = false) {
  const parts = new Array<string>(to - from);
  for (let i = from; i < to; i++) parts[i - from] = String(plusOne ? a[i] + 1 : a[i]);
  return `{${parts.join(',')}}`;
}
function boolArray(a: ArrayLike<boolean>, from: number, to: number) {
  let s = '';
  for (let i = from; i < to; i++) s += i > from ? (a[i] ? ',t' : ',f') : a[i] ? 't' : 'f';
  return `{${s}}`;
}

/** The staging table of this transaction's import (dropped at commit). */
export async function createImportStage(tx: DbOrTx) {
  await tx.execute(sql`drop table if exists import_stage`);
  await tx.execute(sql`create temp table import_stage (
    data_element_id int not null, disaggregation text not null, period text not null, territory_id int not null,
    value float8 not null, provisional bool not null) on commit drop`);
}

/** Appends a batch to the staging table in one statement. */
export async function stageImportedValues(tx: DbOrTx, b: ImportedBatch, disaggs: string[], periods: string[]) {
  await tx.execute(sql`
    insert into import_stage
    select s.e, (${textArray(disaggs)}::text[])[s.d], (${textArray(periods)}::text[])[s.p], s.t, s.v, s.prov
    from unnest(${numArray(b.elementIds, b.from, b.to)}::int[], ${numArray(b.disaggIdx, b.from, b.to, true)}::int[],
      ${numArray(b.periodIdx, b.from, b.to, true)}::int[], ${numArray(b.territoryIds, b.from, b.to)}::int[],
      ${numArray(b.values, b.from, b.to)}::float8[], ${boolArray(b.provisional, b.from, b.to)}::bool[]) as s(e, d, p, t, v, prov)`);
}

const MATCH = sql`d.source_type = 'import' and d.data_element_id = s.data_element_id
  and d.disaggregation = s.disaggregation and d.period = s.period and d.territory_id = s.territory_id`;
const CURRENT = sql`data_values d on ${MATCH}`;
const DIFFERS = sql`(d.value <> s.value or d.provisional <> s.provisional)`;

/** How the staged points compare with the current imported values. */
export async function compareImportStage(tx: DbOrTx): Promise<{ new: number; changed: number; unchanged: number }> {
  await tx.execute(sql`analyze import_stage`);
  const r = await tx.execute<{ n: number; c: number; u: number }>(sql`
    select count(*) filter (where d.id is null)::int as n,
           count(*) filter (where d.id is not null and ${DIFFERS})::int as c,
           count(*) filter (where d.id is not null and not ${DIFFERS})::int as u
    from import_stage s left join ${CURRENT}`);
  const row = (r as unknown as { rows: { n: number; c: number; u: number }[] }).rows[0];
  return { new: row.n, changed: row.c, unchanged: row.u };
}

/**
 * Calls `keepPrior` with the SQL selecting what the staged points will replace (element, breakdown, period,
 * territory, prior value, import and provisional flag) so the caller can keep it, then writes the new and
 * changed points under `importId`. Unchanged points are not written.
 */
export async function writeImportStage(tx: DbOrTx, importId: number, dims: Record<string, Record<string, string>>, keepPrior: (select: ReturnType<typeof sql>) => Promise<void>) {
  await keepPrior(sql`select s.data_element_id, s.disaggregation, s.period, s.territory_id, d.value, d.source_id, d.provisional
    from import_stage s join ${CURRENT} where ${DIFFERS}`);
  // Changed points are updated in place; new ones are inserted in index order (faster than ON CONFLICT, and
  // safe: applies run one at a time under the caller's lock).
  await tx.execute(sql`
    update data_values d set value = s.value, source_id = ${importId}, provisional = s.provisional, updated_at = now()
    from import_stage s
    where ${MATCH} and ${DIFFERS}`);
  await tx.execute(sql`
    insert into data_values (data_element_id, disaggregation, dimensions, period, territory_id, value, source_type, source_id, provisional, updated_at)
    select s.data_element_id, s.disaggregation, coalesce(m.value, '{}'::jsonb), s.period, s.territory_id, s.value, 'import', ${importId}, s.provisional, now()
    from import_stage s
    left join jsonb_each(${JSON.stringify(dims)}::jsonb) m on m.key = s.disaggregation
    where not exists (select 1 from data_values d where ${MATCH})
    order by s.data_element_id, s.disaggregation, s.period, s.territory_id`);
}

/**
 * Undoes an import's writes: its points that replaced nothing are deleted, the others get back the value,
 * import and provisional flag that `priors` (element, breakdown, period, territory, value, source, provisional) lists.
 */
export async function restoreImportedValues(tx: DbOrTx, importId: number, priors: ReturnType<typeof sql>) {
  await tx.execute(sql`create temp table import_priors on commit drop as ${priors}`);
  await tx.execute(sql`
    update data_values d set value = c.prior_value, source_id = c.prior_source_id, provisional = c.prior_provisional, updated_at = now()
    from import_priors c
    where d.source_type = 'import' and d.source_id = ${importId} and d.data_element_id = c.data_element_id
      and d.disaggregation = c.disaggregation and d.period = c.period and d.territory_id = c.territory_id`);
  await tx.execute(sql`delete from data_values d where d.source_type = 'import' and d.source_id = ${importId}`);
  await tx.execute(sql`drop table import_priors`);
}
