import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { dataValues } from '../data-values/data-values.schema.ts';
import { resolveTerritory } from '../territories/territories.service.ts';
import { type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { tableSignature } from './import-mapping.ts';
import { permitsFlow, upload } from './imports.fixtures.ts';

let t: TestApp;
let p: People;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp({ IMPORT_MAX_UPLOAD_MB: '1' });
  p = await seedPeople(t);
  admin = await signInAs(t, p.admin);
});
afterAll(() => t.close());

const tableMapping = (header: string[], over: Record<string, unknown> = {}) => ({
  kind: 'table',
  signature: tableSignature(header),
  territoryColumn: header[0],
  periodColumn: header[1],
  periodFormat: 'date',
  columns: [{ column: header[2], element: { code: 'test.figura', name: { it: 'Figura' } } }],
  ...over,
});

describe('files and codes', () => {
  it('refuses a file over the configured limit, in the caller’s language', async () => {
    const res = await upload(admin, Buffer.alloc(1024 * 1024 + 10, 'a'), 'big.csv', {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'import_file_too_large', message: expect.stringContaining('1 MB') });
    const en = await admin.post('/api/v1/imports?lang=en', Buffer.from('x'), { 'content-type': 'application/json' });
    expect(en.statusCode).toBe(400);
  });

  it('resolves ITTER107, old and new ISTAT codes, plates and names at the data’s date; lists the rest', async () => {
    const header = ['Territorio', 'Data', 'Valore'];
    const rows = [
      ['092009', '2026-03-01', '1'], // Cagliari's old code, recoded in 2026
      ['092009', '2024-03-01', '2'],
      ['ITC45', '2024-03-01', '3'],
      ['NA', '2024-03-01', '4'],
      ['città di castello', '2024-03-01', '5'],
      ['ITC', '2024-03-01', '6'],
      ['Atlantide', '2024-03-01', '7'],
    ];
    const csv = [header, ...rows].map((r) => r.join(',')).join('\n');
    const r = (await upload(admin, csv, 'codes.csv', { mapping: JSON.stringify(tableMapping(header)), dryRun: 'false' })).json();
    expect(r).toMatchObject({ status: 'applied', counts: { new: 5, unresolved: 2 } });
    expect(r.unresolved).toEqual([
      { code: 'Atlantide', rows: 1 },
      { code: 'ITC', rows: 1 },
    ]);
    const stored = await t.database.db.select({ v: dataValues.value, t: dataValues.territoryId }).from(dataValues).where(eq(dataValues.sourceId, r.id));
    const byValue = new Map(stored.map((s) => [s.v, s.t]));
    expect(byValue.get(1)).toBe((await resolveTerritory(t.database.db, '092009', '2026-03-01')).t.id);
    expect(byValue.get(1)).not.toBe(byValue.get(2));
    expect(byValue.get(3)).toBe((await resolveTerritory(t.database.db, 'ITC45', '2024-03-01')).t.id);
    expect(byValue.get(4)).toBe((await resolveTerritory(t.database.db, '063', '2024-03-01')).t.id);
    expect(byValue.get(5)).toBe((await resolveTerritory(t.database.db, '054013', '2024-03-01')).t.id);
  });

  it('reads XLSX cached formula results, never evaluating them, and refuses a formula without one', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('dati');
    ws.addRow(['Territorio', 'Data', 'Valore']);
    ws.addRow(['13', '2024-01-01', { formula: 'SUM(1,2)', result: 3 }]);
    ws.addRow(['14', '2024-01-01', 8]);
    const header = ['Territorio', 'Data', 'Valore'];
    const ok = (await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()), 'dati.xlsx', { mapping: JSON.stringify(tableMapping(header)) })).json();
    expect(ok).toMatchObject({ status: 'dry_run', counts: { new: 2, errors: 0 } });
    ws.addRow(['15', '2024-01-01', { formula: 'cmd|" /C calc"!A0' }]);
    const bad = await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()), 'dati.xlsx', { mapping: JSON.stringify(tableMapping(header)) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'import_xlsx_formula', message: expect.stringContaining('riga 4') });
  });

  it('turns huge, non-finite and formula-looking values into row errors', async () => {
    const text = permitsFlow()
      .split('\n')
      .map((l, i) => (i === 2 ? l.replace(/,101,/, ',1e400,') : i === 3 ? l.replace(/,102,/, ',NaN,') : i === 4 ? l.replace(/,103,/, ',"=HYPERLINK(""x"")",') : l))
      .join('\n');
    const r = (await upload(admin, text, 'permits.csv')).json();
    expect(r.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, 'import_row_number_too_large'],
      [4, 'import_row_invalid_number'],
      [5, 'import_row_invalid_number'],
    ]);
  });

  it('a table without a mapping asks for one; dryRun=false then writes nothing', async () => {
    const csv = 'A,B\n1,2\n';
    const r = (await upload(admin, csv, 't.csv')).json();
    expect(r.mappingIssues.map((i: { code: string }) => i.code)).toEqual(['import_mapping_required']);
    expect(r.columns.map((c: { name: string; numeric: boolean }) => [c.name, c.numeric])).toEqual([
      ['A', true],
      ['B', true],
    ]);
    const res = await upload(admin, csv, 't.csv', { dryRun: 'false' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('import_mapping_invalid');
  });
});
