import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.ts';
import { dataElements, dataValues } from '../data-values/data-values.schema.ts';
import { disaggregationKey } from '../data-values/form-data-values.ts';
import { territories } from '../territories/territories.schema.ts';

/** The data elements of the shipped statistics mappings (codes fixed in data/statistics/README.md) and one form item. */
const ELEMENTS = [
  { code: 'istat.stranieri_residenti', categories: ['sesso'] },
  { code: 'istat.popolazione_residente', categories: [] },
  { code: 'ministero.migranti_accoglienza', categories: ['tipo_accoglienza'] },
  { code: 'scheda-cti.acc_domande_asilo', categories: ['sesso'] },
];

/** Registers the elements (as the importer and a campaign would) and returns their ids by code. */
export async function registerTestElements(t: TestApp): Promise<Record<string, number>> {
  const rows = await t.database.db
    .insert(dataElements)
    .values(ELEMENTS.map((e) => ({ code: e.code, name: { it: e.code }, valueType: 'number' as const, categories: e.categories })))
    .onConflictDoNothing()
    .returning({ id: dataElements.id, code: dataElements.code });
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

/** A territory version in force on a date, by level and name. */
export async function territoryAt(t: TestApp, level: 'province' | 'region' | 'comune' | 'nation', name: string, at = '2023-01-01') {
  const [row] = await t.database.db
    .select()
    .from(territories)
    .where(and(eq(territories.level, level), eq(territories.name, name), lte(territories.validFrom, at), or(isNull(territories.validTo), gte(territories.validTo, at))));
  if (!row) throw new Error(`fixture: no ${level} ${name} at ${at}`);
  return row;
}

export interface TestValue {
  element: number;
  territoryId: number;
  period: string;
  value: number;
  dims?: Record<string, string>;
  source?: { type: 'import' | 'submission'; id: number; councilId?: number; provisional?: boolean };
}

/** Writes values straight into the store, as an import or a submission would. */
export async function putValues(t: TestApp, values: TestValue[]) {
  await t.database.db
    .insert(dataValues)
    .values(
      values.map((v) => ({
        dataElementId: v.element,
        disaggregation: disaggregationKey(v.dims ?? {}),
        dimensions: v.dims ?? {},
        period: v.period,
        territoryId: v.territoryId,
        councilId: v.source?.councilId ?? null,
        value: v.value,
        sourceType: v.source?.type ?? 'import',
        sourceId: v.source?.id ?? 1,
        provisional: v.source?.provisional ?? false,
      })),
    )
    .onConflictDoUpdate({
      target: [dataValues.sourceType, dataValues.sourceId, dataValues.dataElementId, dataValues.disaggregation, dataValues.period, dataValues.territoryId],
      set: { value: sql`excluded.value`, provisional: sql`excluded.provisional`, updatedAt: new Date() },
    });
}
