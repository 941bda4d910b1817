import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { dataElements, dataValues } from '../data-values/data-values.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { systemCtx } from '../users/users.fixtures.ts';
import { dataSources } from './data-sources.schema.ts';
import { imports } from './imports.schema.ts';
import { loadDemoStatistics } from './statistics-demo.seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo statistics', () => {
  it('imports the three shipped files through the services, linked to their data sources when listed', async () => {
    const [source] = await t.database.db
      .insert(dataSources)
      .values({ code: 'istat-popstrbil1', title: { it: 'Istat – bilancio demografico stranieri' } })
      .returning({ id: dataSources.id });
    const started = performance.now();
    const result = await loadDemoStatistics(systemCtx(t));
    console.log(`demo statistics imported in ${Math.round(performance.now() - started)} ms`);
    expect(result.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const rows = await t.database.db.select({ id: imports.id, source: imports.dataSourceId }).from(imports).orderBy(imports.id);
    expect(rows.map((r) => r.source)).toEqual([source.id, null, null]);
    // Milano's resident population at 1 January 2023 (POP_RES of 2022 in the comuni file).
    const [milano] = await t.database.db.select({ id: territories.id }).from(territories).where(and(eq(territories.code, '015146'), eq(territories.level, 'comune')));
    const [pop] = await t.database.db
      .select({ v: dataValues.value })
      .from(dataValues)
      .innerJoin(dataElements, eq(dataElements.id, dataValues.dataElementId))
      .where(and(eq(dataElements.code, 'istat.popolazione_residente'), eq(dataValues.territoryId, milano.id), eq(dataValues.period, '2023')));
    expect(pop.v).toBeGreaterThan(1_300_000);
    expect(result[2].new).toBeGreaterThan(7800);
  });
});
