import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { loadDemoStatistics } from '../statistics/statistics-demo.seed.ts';
import { type People, seedPeople, signInAs, systemCtx } from '../users/users.fixtures.ts';
import { closeRenderPool } from './report-files.service.ts';
import { createReportAs, seedTemplate } from './reports.fixtures.ts';

const DATA = path.resolve(import.meta.dirname, '../../../../../data');

/** Milano's foreign residents on 1 January 2023 (ITTER107 ITC45, both sexes), from the shipped Istat file. */
function milanoResidents2023(): number {
  const lines = fs.readFileSync(path.join(DATA, 'statistics/istat_bilancio_stranieri_province_2019_2023_POPSTRBIL1.csv'), 'utf8').split('\n');
  const row = lines.map((l) => l.split(',')).find((c) => c[2] === 'ITC45' && c[3] === 'FJAN' && c[4] === '9' && c[5] === '2023');
  if (!row) throw new Error('no Istat figure for Milano 2023');
  return Number(row[6]);
}

let t: TestApp;
let p: People;
let milano: Client;

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  await seedTemplate(t);
  milano = await signInAs(t, p.milano);
});
afterAll(async () => {
  await closeRenderPool();
  await t.close();
});

describe('comparing versions made before and after the statistics arrived', () => {
  it('lists the figures that changed, by chapter and block, with the values of each side', async () => {
    const report = await createReportAs(milano, p.ids.councilMilano, 2023);
    await loadDemoStatistics(systemCtx(t));
    expect((await milano.post(`/api/v1/reports/${report.id}/regenerate`, {})).statusCode).toBe(200);
    const cmp = (await milano.get(`/api/v1/reports/${report.id}/compare?from=1&to=2`)).json();
    const residents = cmp.figures.find((f: { label: string; block: string }) => f.label.startsWith('Stranieri residenti') && f.label.includes('2023'));
    expect(residents, JSON.stringify(cmp.figures.slice(0, 5))).toMatchObject({ before: null, after: milanoResidents2023() });
    expect(residents.chapter).toBeTruthy();
    expect(cmp.figures.length).toBeGreaterThan(10);
    expect(cmp).toMatchObject({ blocksAdded: [], blocksRemoved: [], narratives: [] });
  });
});
