import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { councilIdOf, type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { italianDay } from '../../platform/italian-time.ts';
import { isOverdue } from './campaign-overview.service.ts';
import { COMPLETE_VALUES, defaultFormId, openCampaign } from './campaigns.fixtures.ts';
import { submissions, submissionValues } from './campaigns.schema.ts';

let t: TestApp;
let p: People;
let admin: Client;
let coordinator: Client;
let milano: Client;
let napoli: Client;
let tutor: Client;
let provider: Client;
/** Deadline long past: drafts and returned submissions are overdue. */
let late: { id: number; submissionOf: Map<number, number> };
/** Deadline far ahead: nothing is overdue. */
let early: { id: number; submissionOf: Map<number, number> };
let bergamo: number;

interface Row {
  submissionId: number;
  council: { id: number; code: string };
  region: { code: string; name: string };
  provinceCodes: string[];
  status: string;
  overdue: boolean;
  completeness: { filled: number; expected: number };
}
const overview = (c: Client, query = '', id = late.id, headers: Record<string, string> = {}) => c.get(`/api/v1/campaigns/${id}/overview${query}`, headers);
const codes = (res: LightMyRequestResponse) => (res.json().rows ?? res.json()).map((r: Row) => r.council.code);
const issues = (res: LightMyRequestResponse) => (res.json().error.details.issues as { field: string; message: string }[]).map((i) => [i.field, i.message]);
/** CSV rows without the BOM, split on `;` (no value of these fixtures holds one). */
const csvRows = (res: LightMyRequestResponse) =>
  res.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(';'));
const workbook = async (res: LightMyRequestResponse) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
};
const rowCounts = async () => ({
  audit: (await t.database.db.select({ n: count() }).from(auditLog))[0].n,
  submissions: (await t.database.db.select({ n: count() }).from(submissions))[0].n,
  values: (await t.database.db.select({ n: count() }).from(submissionValues))[0].n,
});

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  bergamo = await councilIdOf(t, 'CTI-BG');
  [admin, coordinator, milano, napoli, tutor, provider] = await Promise.all(
    [p.admin, p.coordinator, p.milano, p.napoli, p.tutor, p.dataProvider].map((x) => signInAs(t, x)),
  );
  const formId = await defaultFormId(t, admin);
  late = await openCampaign(admin, formId, [p.ids.councilMilano, bergamo, p.ids.councilNapoli], 2020);
  early = await openCampaign(admin, formId, [p.ids.councilMilano, p.ids.councilNapoli], 2099);
  const mi = late.submissionOf.get(p.ids.councilMilano);
  expect((await milano.put(`/api/v1/submissions/${mi}/sections/acc/assignment`, { organizationId: p.ids.orgMilano })).statusCode).toBe(200);
  expect((await milano.put(`/api/v1/submissions/${mi}/values`, { values: COMPLETE_VALUES })).statusCode).toBe(200);
  const sent = await milano.post(`/api/v1/submissions/${mi}/transitions`, { to: 'submitted', justifications: { r_pres_variazione: 'Revisione anagrafica.' } });
  expect(sent.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('campaign overview', () => {
  it('gives every council’s status, completeness, overdue at today’s date, provinces for the map, counts and regions', async () => {
    const res = await overview(admin);
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.asOf).toBe(italianDay());
    expect(o.campaign).toMatchObject({ id: late.id, year: 2020, deadline: '2021-03-31' });
    expect(o.region).toBeNull();
    expect(o.rows.map((r: Row) => [r.council.code, r.region.code, r.provinceCodes, r.status, r.overdue])).toEqual([
      ['CTI-NA', '15', ['263'], 'draft', true],
      ['CTI-BG', '03', ['016'], 'draft', true],
      ['CTI-MI', '03', ['215'], 'submitted', false],
    ]);
    const filledMilano = o.rows[2].completeness.filled;
    expect(filledMilano).toBeGreaterThan(20);
    expect(o.summary).toEqual({
      total: 3,
      byStatus: { draft: 2, submitted: 1, returned: 0, approved: 0, locked: 0 },
      overdue: 2,
      completeness: { filled: filledMilano, expected: o.rows.reduce((s: number, r: Row) => s + r.completeness.expected, 0) },
    });
    expect(o.regions).toEqual([
      { id: p.ids.campania, code: '15', name: 'Campania', count: 1 },
      { id: p.ids.lombardia, code: '03', name: 'Lombardia', count: 2 },
    ]);
    expect((await overview(admin, '', early.id)).json().summary.overdue).toBe(0);
    const rows = (await admin.get(`/api/v1/campaigns/${late.id}/submissions`)).json();
    expect(rows).toEqual(o.rows);
  });

  it('filters by region, status and overdue on the server; counts stay those of the region', async () => {
    const lombardia = (await overview(admin, '?region=03')).json();
    expect(lombardia.region).toEqual({ id: p.ids.lombardia, code: '03', name: 'Lombardia' });
    expect(lombardia.rows.map((r: Row) => r.council.code)).toEqual(['CTI-BG', 'CTI-MI']);
    expect(lombardia.summary).toMatchObject({ total: 2, overdue: 1, byStatus: { draft: 1, submitted: 1 } });
    expect(lombardia.regions).toHaveLength(2);
    const submitted = (await overview(admin, '?region=03&status=submitted')).json();
    expect(codes(await overview(admin, '?region=03&status=submitted'))).toEqual(['CTI-MI']);
    expect(submitted.summary.total).toBe(2);
    expect(codes(await overview(admin, '?overdue=true'))).toEqual(['CTI-NA', 'CTI-BG']);
    expect(codes(await overview(admin, '?overdue=false'))).toEqual(['CTI-MI']);
    expect(codes(await overview(admin, '?region=15&status=submitted'))).toEqual([]);
    expect(codes(await admin.get(`/api/v1/campaigns/${late.id}/submissions?status=draft&region=%2003%20`))).toEqual(['CTI-BG']);
  });

  it('counts a returned submission past the deadline as overdue again', async () => {
    const mi = late.submissionOf.get(p.ids.councilMilano);
    expect((await coordinator.post(`/api/v1/submissions/${mi}/transitions`, { to: 'returned', reason: 'Rivedere i dati della scuola.' })).statusCode).toBe(200);
    const o = (await overview(admin, '?region=03')).json();
    expect(o.rows.find((r: Row) => r.council.code === 'CTI-MI')).toMatchObject({ status: 'returned', overdue: true });
    expect(o.summary).toMatchObject({ overdue: 2, byStatus: { draft: 1, submitted: 0, returned: 1 } });
    const again = await milano.post(`/api/v1/submissions/${mi}/transitions`, { to: 'submitted', justifications: { r_pres_variazione: 'Revisione anagrafica.' } });
    expect(again.statusCode).toBe(200);
  });

  it('refuses bad filters naming each field, in the request’s language, on every route, and writes nothing', async () => {
    const before = await rowCounts();
    for (const path of ['overview', 'submissions', 'submissions.csv', 'submissions.xlsx']) {
      const bad = await admin.get(`/api/v1/campaigns/${late.id}/${path}?region=Lombardia&status=finita&overdue=forse`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('validation_failed');
      expect(issues(bad)).toEqual([
        ['querystring.region', 'Indica il codice ISTAT della regione: due cifre, per esempio 03.'],
        ['querystring.status', 'Valore non ammesso: scegli tra draft, submitted, returned, approved, locked.'],
        ['querystring.overdue', 'Valore non ammesso: scegli tra true, false.'],
      ]);
    }
    const en = await admin.get(`/api/v1/campaigns/${late.id}/overview?region=3`, { 'accept-language': 'en' });
    expect(issues(en)).toEqual([['querystring.region', 'Give the ISTAT code of the region: two digits, e.g. 03.']]);
    const unknown = await overview(admin, '?region=99');
    expect(unknown.statusCode).toBe(400);
    expect(issues(unknown)).toEqual([['querystring.region', 'Regione inesistente: 99.']]);
    expect(issues(await admin.get(`/api/v1/campaigns/${late.id}/submissions.csv?region=99&lang=en`))).toEqual([['querystring.region', 'No such region: 99.']]);
    expect((await admin.get('/api/v1/campaigns/0/overview')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/campaigns/999999/overview')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/campaigns/999999/submissions.csv')).statusCode).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('overview scope', () => {
  it('shows a regional coordinator their region only, whatever the filter', async () => {
    const o = (await overview(coordinator)).json();
    expect(o.rows.map((r: Row) => r.council.code)).toEqual(['CTI-BG', 'CTI-MI']);
    expect(o.regions.map((r: { code: string }) => r.code)).toEqual(['03']);
    expect(o.summary.total).toBe(2);
    const elsewhere = (await overview(coordinator, '?region=15')).json();
    expect(elsewhere.rows).toEqual([]);
    expect(elsewhere.summary).toMatchObject({ total: 0, overdue: 0, completeness: { filled: 0, expected: 0 } });
    expect(csvRows(await coordinator.get(`/api/v1/campaigns/${late.id}/submissions.csv`)).map((r) => r[0])).toEqual(['Codice consiglio', 'CTI-BG', 'CTI-MI']);
    expect(csvRows(await coordinator.get(`/api/v1/campaigns/${late.id}/submissions.csv?region=15`))).toHaveLength(1);
    const sheet = (await workbook(await coordinator.get(`/api/v1/campaigns/${late.id}/submissions.xlsx`))).getWorksheet('Schede');
    expect(sheet?.getColumn(1).values.slice(1)).toEqual(['Codice consiglio', 'CTI-BG', 'CTI-MI']);
  });

  it('shows a council’s referent and tutor their council only, and no campaign without it', async () => {
    for (const c of [milano, tutor]) {
      expect(codes(await overview(c))).toEqual(['CTI-MI']);
      expect(codes(await overview(c, '?region=15'))).toEqual([]);
      expect(csvRows(await c.get(`/api/v1/campaigns/${late.id}/submissions.csv`)).map((r) => r[0])).toEqual(['Codice consiglio', 'CTI-MI']);
    }
    expect(codes(await napoli.get(`/api/v1/campaigns/${late.id}/submissions`))).toEqual(['CTI-NA']);
    const onlyNapoli = await openCampaign(admin, await defaultFormId(t, admin), [p.ids.councilNapoli], 2098);
    for (const c of [milano, coordinator]) {
      expect((await overview(c, '', onlyNapoli.id)).statusCode).toBe(403);
      expect((await c.get(`/api/v1/campaigns/${onlyNapoli.id}/submissions.csv`)).statusCode).toBe(403);
    }
    const sheet = (await workbook(await napoli.get(`/api/v1/campaigns/${late.id}/submissions.xlsx`))).getWorksheet('Schede');
    expect(sheet?.getColumn(1).values.slice(1)).toEqual(['Codice consiglio', 'CTI-NA']);
  });

  it('shows a data provider nothing of the overview, only the submissions and sections their organisation fills', async () => {
    for (const path of ['overview', 'submissions', 'submissions.csv', 'submissions.xlsx']) {
      const res = await provider.get(`/api/v1/campaigns/${late.id}/${path}`);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('CTI-');
      expect((await client(t.app).get(`/api/v1/campaigns/${late.id}/${path}`)).statusCode).toBe(401);
    }
    const mine = await provider.get(`/api/v1/campaigns/${late.id}/contributions`);
    expect(mine.json()).toEqual([
      {
        submissionId: late.submissionOf.get(p.ids.councilMilano),
        council: expect.objectContaining({ code: 'CTI-MI' }),
        status: 'submitted',
        sections: [{ code: 'acc', title: expect.stringMatching(/accoglienza/i) }],
      },
    ]);
    expect((await provider.get(`/api/v1/campaigns/${early.id}/contributions`)).statusCode).toBe(403);
    expect((await milano.get(`/api/v1/campaigns/${late.id}/contributions`)).json()).toEqual([]);
    expect((await napoli.get(`/api/v1/campaigns/${late.id}/contributions?lang=en`)).json()).toEqual([]);
  });
});

describe('overview exports', () => {
  it('writes CSV for spreadsheets with the filters applied, statuses and overdue in words', async () => {
    const res = await admin.get(`/api/v1/campaigns/${late.id}/submissions.csv?region=03`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="rilevazione-${late.id}-regione-03-${italianDay()}.csv"`);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const [head, bg, mi] = csvRows(res);
    expect(head).toEqual(['Codice consiglio', 'Consiglio', 'Codice regione', 'Regione', 'Province (codici ISTAT)', 'Stato', 'In ritardo', 'Completezza (%)', 'Voci compilate', 'Voci attese', 'Errori', 'Ultima attività']);
    expect(bg.slice(0, 8)).toEqual(['CTI-BG', 'Consiglio Territoriale per l’Immigrazione di Bergamo', '03', 'Lombardia', '016', 'Bozza', 'sì', '0']);
    expect(bg[11]).toBe('');
    expect(mi.slice(5, 7)).toEqual(['Inviata', 'no']);
    expect(Number(mi[7])).toBe(Math.round((100 * Number(mi[8])) / Number(mi[9])));
    expect(mi[11]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const en = csvRows(await admin.get(`/api/v1/campaigns/${late.id}/submissions.csv?status=draft&lang=en`));
    expect(en[0][0]).toBe('Council code');
    expect(en.slice(1).map((r) => [r[0], r[5], r[6]])).toEqual([
      ['CTI-NA', 'Draft', 'yes'],
      ['CTI-BG', 'Draft', 'yes'],
    ]);
  });

  it('writes an XLSX workbook with typed cells and a summary of what was exported', async () => {
    const res = await admin.get(`/api/v1/campaigns/${late.id}/submissions.xlsx?overdue=true`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('.xlsx"');
    const book = await workbook(res);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Schede', 'Riepilogo']);
    const sheet = book.getWorksheet('Schede');
    expect(sheet?.rowCount).toBe(3);
    const na = sheet?.getRow(2);
    expect([na?.getCell(1).value, na?.getCell(6).value, na?.getCell(7).value, na?.getCell(8).value, na?.getCell(8).numFmt]).toEqual(['CTI-NA', 'Bozza', 'sì', 0, '0%']);
    const summary = book.getWorksheet('Riepilogo');
    const pairs = Object.fromEntries((summary?.getSheetValues() ?? []).filter(Boolean).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(pairs).toMatchObject({ Scadenza: '2021-03-31', Filtri: 'in ritardo: sì', 'Schede esportate': 2, Schede: 3, Bozza: 2, Inviata: 1, 'In ritardo': 2 });
  });
});

describe('overdue', () => {
  it('is judged on the Italian calendar day, the deadline day itself still in time', () => {
    expect(italianDay(new Date('2026-03-31T21:59:00Z'))).toBe('2026-03-31');
    expect(italianDay(new Date('2026-03-31T22:00:00Z'))).toBe('2026-04-01');
    expect(isOverdue('draft', '2026-03-31', '2026-03-31')).toBe(false);
    expect(isOverdue('draft', '2026-03-31', '2026-04-01')).toBe(true);
    expect(isOverdue('returned', '2026-03-31', '2026-04-01')).toBe(true);
    for (const s of ['submitted', 'approved', 'locked'] as const) expect(isOverdue(s, '2026-03-31', '2030-01-01')).toBe(false);
  });
});
