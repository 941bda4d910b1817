import fs from 'node:fs';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { dataElements, dataValues } from '../data-values/data-values.schema.ts';
import { territories, territoryCodes } from '../territories/territories.schema.ts';
import { type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { CRUSCOTTO, POPSTRBIL1, permitsFlow, upload } from './imports.fixtures.ts';

let t: TestApp;
let p: People;
let admin: Client;
let coordinator: Client;
const file = fs.readFileSync(POPSTRBIL1, 'utf8');

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  [admin, coordinator] = await Promise.all([p.admin, p.coordinator].map((x) => signInAs(t, x)));
});
afterAll(() => t.close());

/** Stored imported values of an element (total), by ITTER107 code of their territory, for a period. */
async function valuesByItter(element: string, period: string) {
  const rows = await t.database.db
    .select({ code: territoryCodes.code, value: dataValues.value, sourceId: dataValues.sourceId })
    .from(dataValues)
    .innerJoin(dataElements, eq(dataElements.id, dataValues.dataElementId))
    .innerJoin(territoryCodes, and(eq(territoryCodes.territoryId, dataValues.territoryId), eq(territoryCodes.scheme, 'itter107')))
    .where(and(eq(dataElements.code, element), eq(dataValues.period, period), eq(dataValues.disaggregation, ''), eq(dataValues.sourceType, 'import')));
  return new Map(rows.map((r) => [r.code, r]));
}
const importedRows = async (importId: number) =>
  (await t.database.db.select({ n: count() }).from(dataValues).where(and(eq(dataValues.sourceType, 'import'), eq(dataValues.sourceId, importId))))[0].n;

describe('POPSTRBIL1 (SDMX-CSV) end to end', () => {
  let first: number;
  it('dry-runs with the shipped mapping: dimensions, counts, macro-areas listed as unresolved, nothing written', async () => {
    const res = await upload(admin, file, 'POPSTRBIL1.csv');
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    first = r.id;
    expect(r).toMatchObject({ kind: 'sdmx', status: 'dry_run', dataflow: 'IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0)', mappingSource: 'shipped', mappingIssues: [] });
    const dims = new Map(r.dimensions.map((d: { id: string }) => [d.id, d]));
    expect(dims.get('DATA_TYPE')).toMatchObject({ role: 'element', codesTotal: 28 });
    expect(dims.get('SEX')).toMatchObject({ role: 'breakdown', codes: expect.arrayContaining([{ code: '9', rows: expect.any(Number) }]) });
    expect(dims.get('FREQ')).toMatchObject({ role: 'ignored' });
    expect(r.counts.rows).toBe(41808);
    // Macro-areas, and ITTER107's region-level codes of the autonomous provinces (ITD1, ITD2: the provinces
    // themselves come as ITD10, ITD20), are listed, never guessed.
    expect(r.unresolved.map((u: { code: string }) => u.code).sort()).toEqual(['ITC', 'ITD', 'ITD1', 'ITD2', 'ITE', 'ITF', 'ITG']);
    expect(r.unresolved[0].rows).toBeGreaterThan(0);
    expect(r.counts.new).toBeGreaterThan(0);
    expect(r.counts.changed + r.counts.unchanged + r.counts.errors).toBe(0);
    expect(await importedRows(first)).toBe(0);
  });

  it('applies: the nation and every province hold the file’s figures', async () => {
    const res = await admin.post(`/api/v1/imports/${first}/apply`, {});
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'applied', progress: { done: 41808, total: 41808 } });
    const stored = await valuesByItter('istat.stranieri_residenti', '2023');
    expect(stored.get('IT')?.value).toBe(5141341);
    const fromFile = file
      .split('\n')
      .map((l) => l.split(','))
      .filter((c) => c[3] === 'FJAN' && c[4] === '9' && c[5] === '2023' && /^IT([A-Z]\d{2}|\d{3}|[A-Z]\d[A-Z])$/.test(c[2]));
    expect(fromFile.length).toBe(107);
    for (const c of fromFile) expect([c[2], stored.get(c[2])?.value]).toEqual([c[2], Number(c[6])]);
    // Provisional figures (OBS_STATUS p) are marked so.
    const [prov] = await t.database.db.select({ n: count() }).from(dataValues).where(and(eq(dataValues.sourceId, first), eq(dataValues.provisional, true)));
    expect(prov.n).toBeGreaterThan(0);
  });

  let second: number;
  it('re-importing the same file changes nothing', async () => {
    const r = (await upload(admin, file, 'POPSTRBIL1.csv')).json();
    second = r.id;
    expect(r.counts).toMatchObject({ new: 0, changed: 0 });
    expect(r.mappingSource).toBe('saved');
    const applied = (await admin.post(`/api/v1/imports/${second}/apply`, {})).json();
    expect(applied.counts).toMatchObject({ new: 0, changed: 0, unchanged: r.counts.unchanged });
    expect(await importedRows(second)).toBe(0);
  });

  let third: number;
  it('a changed figure is one change; rollback restores it exactly, in order', async () => {
    const changed = file.replace(',IT,FJAN,9,2023,5141341,', ',IT,FJAN,9,2023,5141342,');
    const r = (await upload(admin, changed, 'POPSTRBIL1-v2.csv', { dryRun: 'false' })).json();
    third = r.id;
    expect(r).toMatchObject({ status: 'applied', counts: { new: 0, changed: 1 } });
    expect((await valuesByItter('istat.stranieri_residenti', '2023')).get('IT')).toMatchObject({ value: 5141342, sourceId: third });
    const refused = await admin.post(`/api/v1/imports/${first}/rollback`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('import_rollback_superseded');
    expect((await admin.post(`/api/v1/imports/${third}/rollback`)).json().status).toBe('rolled_back');
    expect((await valuesByItter('istat.stranieri_residenti', '2023')).get('IT')).toMatchObject({ value: 5141341, sourceId: first });
    expect((await admin.post(`/api/v1/imports/${first}/rollback`)).statusCode).toBe(200);
    expect(await importedRows(first)).toBe(0);
    const history = (await admin.get('/api/v1/imports')).json();
    expect(history.items.map((i: { status: string }) => i.status).slice(0, 3)).toEqual(['rolled_back', 'applied', 'rolled_back']);
  });
});

describe('other dataflows and tables', () => {
  it('reads a permits flow with other dimensions: proposes a mapping, applies breakdowns, lists macro-areas', async () => {
    const r = (await upload(admin, permitsFlow(), 'permits.csv')).json();
    expect(r.mappingSource).toBe('none');
    expect(r.mappingIssues).toEqual([]);
    expect(r.mapping).toMatchObject({ territoryDimension: 'REF_AREA', elementDimension: null });
    expect(r.mapping.breakdowns.map((b: { dimension: string; totalCode: string }) => [b.dimension, b.totalCode])).toEqual([
      ['CITIZENSHIP', 'TOTAL'],
      ['REASON', null],
      ['SEX', 'T'],
    ]);
    expect(r.unresolved).toEqual([{ code: 'ITC', rows: 27 }]);
    // Leaving a multi-code dimension without a role is a mapping error naming it.
    const partial = { ...r.mapping, breakdowns: r.mapping.breakdowns.filter((b: { dimension: string }) => b.dimension !== 'REASON') };
    const bad = await admin.post(`/api/v1/imports/${r.id}/apply`, { mapping: partial });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toMatchObject({ code: 'import_mapping_unmapped_dimension', message: expect.stringContaining('REASON') });
    const ok = (await admin.post(`/api/v1/imports/${r.id}/apply`, {})).json();
    expect(ok).toMatchObject({ status: 'applied', counts: { new: 54, unresolved: 27 } });
    const [v] = await t.database.db
      .select({ value: dataValues.value, dims: dataValues.dimensions })
      .from(dataValues)
      .where(and(eq(dataValues.sourceId, r.id), eq(dataValues.disaggregation, 'citizenship=MA;reason=ASYL;sex=F')));
    expect(v).toBeDefined();
    expect(v.dims).toEqual({ citizenship: 'MA', reason: 'ASYL', sex: 'F' });
  });

  it('imports the reception dashboard table: SIPROIMI and SAI columns are one option, empty cells no value', async () => {
    const content = fs.readFileSync(CRUSCOTTO, 'utf8');
    const r = (await upload(admin, content, 'cruscotto.csv', { dryRun: 'false' })).json();
    expect(r).toMatchObject({ kind: 'table', status: 'applied', mappingSource: 'shipped', unresolved: [], counts: { errors: 0 } });
    expect(r.columns.find((c: { name: string }) => c.name === 'Data_Report')).toMatchObject({ samples: expect.arrayContaining(['2019-09-30']) });
    const [abruzzo] = await t.database.db.select({ id: territories.id }).from(territories).where(and(eq(territories.level, 'region'), eq(territories.code, '13')));
    const rows = await t.database.db
      .select({ d: dataValues.disaggregation, v: dataValues.value })
      .from(dataValues)
      .where(and(eq(dataValues.sourceId, r.id), eq(dataValues.territoryId, abruzzo.id), eq(dataValues.period, '2019-09-30')));
    const line = content.split('\n').find((l) => l.startsWith('Abruzzo,2019-09-30,'))?.split(',') as string[];
    expect(Object.fromEntries(rows.map((x) => [x.d, x.v]))).toEqual({
      'tipo_accoglienza=centri_accoglienza': Number(line[3]),
      'tipo_accoglienza=sai': Number(line[4] || line[5]),
    });
  });

  it('reports row errors with their line numbers and imports nothing of those rows', async () => {
    const text = permitsFlow()
      .split('\n')
      .map((l, i) => (i === 3 ? l.replace(/,102,/, ',=cmd|calc,') : i === 5 ? l.replace(',2024,', ',20x4,') : l))
      .join('\n');
    const r = (await upload(admin, text, 'permits-bad.csv')).json();
    expect(r.errors).toEqual([
      expect.objectContaining({ line: 4, column: 'OBS_VALUE', code: 'import_row_invalid_number' }),
      expect.objectContaining({ line: 6, column: 'TIME_PERIOD', code: 'import_row_invalid_period' }),
    ]);
    expect(r.counts.errors).toBe(2);
  });
});

describe('hostile files', () => {
  const refused = async (content: string | Buffer, name: string, code: string) => {
    const before = await t.database.db.select({ n: count() }).from(dataValues);
    const res = await upload(admin, content, name);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).not.toMatch(/undefined|\{/);
    expect(await t.database.db.select({ n: count() }).from(dataValues)).toEqual(before);
  };
  it('refuses what it cannot read, clearly, writing nothing', async () => {
    await refused(Buffer.from('Comune;Valore\nCittà di Castello;1\n', 'latin1'), 'latin1.csv', 'import_encoding');
    await refused(Buffer.from([0x52, 0x65, 0x67, 0x3b, 0xe0, 0x0a]), 'latin1.csv', 'import_encoding');
    await refused('', 'empty.csv', 'import_file_empty');
    await refused('DATAFLOW,REF_AREA,TIME_PERIOD,OBS_VALUE\n', 'header.csv', 'import_no_rows');
    await refused('DATAFLOW,REF_AREA,TIME_PERIOD\nX,IT,2020\n', 'noval.csv', 'import_sdmx_missing_column');
    await refused(Buffer.from('PK\u0003\u0004not a workbook'), 'bomb.xlsx', 'import_xlsx_unreadable');
    await refused('a,"b\nc\n', 'quote.csv', 'import_unclosed_quote');
  });
  it('reads BOM, semicolons, Italian decimals and quoted newlines in a table', async () => {
    const csv = '\ufeffCodice;"Nome\ncomune";Valore\n13;Abruzzo;1.234,5\n14;"Molise";7\n';
    const mapping = {
      kind: 'table',
      signature: 'codice|nome\ncomune|valore',
      territoryColumn: 'Codice',
      territoryCodeKind: 'istat',
      periodColumn: null,
      constantPeriod: '2024',
      columns: [{ column: 'Valore', element: { code: 'test.valore', name: { it: 'Valore' } } }],
    };
    const r = (await upload(admin, csv, 'it.csv', { mapping: JSON.stringify(mapping), dryRun: 'false' })).json();
    expect(r).toMatchObject({ status: 'applied', counts: { new: 2, errors: 0 } });
    const vals = await t.database.db.select({ v: dataValues.value }).from(dataValues).where(eq(dataValues.sourceId, r.id));
    expect(vals.map((x) => x.v).sort((a, b) => a - b)).toEqual([7, 1234.5]);
  });
  it('accepts files beyond the global 5 MB request limit', async () => {
    const big = `${file}${file.split('\n').slice(1).join('\n').replaceAll(',2019,', ',2018,')}${file.split('\n').slice(1).join('\n').replaceAll(',2019,', ',2017,')}`;
    expect(big.length).toBeGreaterThan(6 * 1024 * 1024);
    const res = await upload(admin, big, 'big.csv');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
  });
});

describe('who may import', () => {
  it('only national admins: others get 403, anonymous 401', async () => {
    expect((await upload(coordinator, permitsFlow(), 'p.csv')).statusCode).toBe(403);
    expect((await upload(client(t.app), permitsFlow(), 'p.csv')).statusCode).toBe(401);
    const id = (await upload(admin, permitsFlow(), 'p.csv')).json().id;
    expect((await coordinator.post(`/api/v1/imports/${id}/apply`, {})).statusCode).toBe(403);
    expect((await coordinator.post(`/api/v1/imports/${id}/rollback`)).statusCode).toBe(403);
    expect((await coordinator.get(`/api/v1/imports/${id}`)).statusCode).toBe(403);
    expect((await coordinator.get('/api/v1/imports')).statusCode).toBe(403);
    const key = encodeURIComponent('IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0)');
    const mapping = (await admin.get(`/api/v1/import-mappings/sdmx/${key}`)).json();
    expect(mapping.mapping.elements.find((e: { code: string }) => e.code === 'FJAN').element.code).toBe('istat.stranieri_residenti');
    expect((await coordinator.put(`/api/v1/import-mappings/sdmx/${key}`, mapping.mapping)).statusCode).toBe(403);
    expect((await admin.put(`/api/v1/import-mappings/sdmx/${key}`, mapping.mapping)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/imports/${id}`)).json().status).toBe('dry_run');
  });
});
