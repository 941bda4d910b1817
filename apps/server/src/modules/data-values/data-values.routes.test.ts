import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { COMPLETE_VALUES, defaultFormId } from '../campaigns/campaigns.fixtures.ts';
import { type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { dataValues } from './data-values.schema.ts';

let t: TestApp;
let p: People;
let admin: Client;
let coordinator: Client;
let milano: Client;
let napoli: Client;
let provider: Client;
let mi: number;
let na: number;

const values = (c: Client, query: string) => c.get(`/api/v1/data-values?${query}`);
const totalOf = async (c: Client, element: string) => (await values(c, `element=scheda-cti.${element}&period=2025`)).json();
const rowsOf = async (submissionId: number) =>
  (await t.database.db.select({ n: count() }).from(dataValues).where(eq(dataValues.sourceId, submissionId)))[0].n;

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  [admin, coordinator, milano, napoli, provider] = await Promise.all([p.admin, p.coordinator, p.milano, p.napoli, p.dataProvider].map((x) => signInAs(t, x)));
  const formId = await defaultFormId(t, admin);
  // Approved by the Ministry alone: the regional coordinator has no say in this campaign.
  const res = await admin.post('/api/v1/campaigns', {
    formId,
    version: 1,
    year: 2025,
    deadline: '2026-03-31',
    councilIds: [p.ids.councilMilano, p.ids.councilNapoli],
    approvalLevels: ['nation'],
  });
  expect(res.statusCode).toBe(201);
  expect(res.json().approvalLevels).toEqual(['nation']);
  const rows = (await admin.get(`/api/v1/campaigns/${res.json().id}/submissions`)).json() as { submissionId: number; council: { id: number } }[];
  mi = rows.find((r) => r.council.id === p.ids.councilMilano)?.submissionId as number;
  na = rows.find((r) => r.council.id === p.ids.councilNapoli)?.submissionId as number;
});
afterAll(() => t.close());

describe('data elements', () => {
  it('are registered from the form when a campaign opens, with their categories', async () => {
    const list = (await provider.get('/api/v1/data-elements?formCode=scheda-cti')).json() as { code: string; categories: string[]; valueType: string }[];
    const byCode = new Map(list.map((e) => [e.code, e]));
    expect(byCode.get('scheda-cti.pres_residenti')).toMatchObject({ categories: ['sesso', 'area_cittadinanza'], valueType: 'number' });
    expect(byCode.get('scheda-cti.acc_cas_attivi')).toMatchObject({ valueType: 'boolean', categories: [] });
    // A table column is an element broken down by the table's rows.
    expect(byCode.get('scheda-cti.cons_formazione.giornate')).toMatchObject({ categories: ['cons_formazione'] });
    // Texts are records, not figures.
    expect(byCode.has('scheda-cti.val_punti_forza')).toBe(false);
    expect((await client(t.app).get('/api/v1/data-elements')).statusCode).toBe(401);
  });
});

describe('collected values', () => {
  it('are in the store as soon as a save commits, total and breakdown, on the council’s province', async () => {
    const save = await milano.put(`/api/v1/submissions/${mi}/values`, {
      values: { 'pres_residenti.m.ue': 1000, 'pres_residenti.f.ue': 1200, 'pres_residenti.f.africa': 300, acc_cas_attivi: 'no', gen_referente: 'Maria Rossi' },
    });
    expect(save.statusCode).toBe(200);
    const [total] = await totalOf(milano, 'pres_residenti');
    expect(total).toMatchObject({ value: 2500, period: '2025', dimensions: {}, territory: { code: '215' }, source: { type: 'submission', id: mi }, provisional: true });
    const cells = (await values(milano, 'element=scheda-cti.pres_residenti&period=2025&breakdown=all')).json() as { dimensions: Record<string, string>; value: number }[];
    expect(cells.find((c) => c.dimensions.sesso === 'f' && c.dimensions.area_cittadinanza === 'ue')?.value).toBe(1200);
    expect(cells).toHaveLength(4);
    expect((await totalOf(milano, 'acc_cas_attivi'))[0].value).toBe(0);
  });

  it('follow every change: a new value replaces the old one, a cleared value disappears', async () => {
    expect((await milano.put(`/api/v1/submissions/${mi}/values`, { values: { 'pres_residenti.f.africa': 500, 'pres_residenti.m.ue': null } })).statusCode).toBe(200);
    expect((await totalOf(milano, 'pres_residenti'))[0].value).toBe(1700);
    const cells = (await values(milano, 'element=scheda-cti.pres_residenti&period=2025&breakdown=all')).json();
    expect(cells).toHaveLength(3);
  });

  it('leave out what skip logic hides and what a rejected save would have written', async () => {
    const before = await rowsOf(mi);
    const bad = await milano.put(`/api/v1/submissions/${mi}/values`, { values: { 'pres_residenti.f.asia': -4 } });
    expect(bad.statusCode).toBe(400);
    expect(await rowsOf(mi)).toBe(before);
    // CAS presence is asked only when CAS were active: with "no", a figure typed earlier does not count.
    expect(await totalOf(milano, 'acc_cas_presenti')).toEqual([]);
  });

  it('are read only on the council’s side: other councils and data providers see none of them', async () => {
    expect(await totalOf(admin, 'pres_residenti')).toHaveLength(1);
    expect(await totalOf(coordinator, 'pres_residenti')).toHaveLength(1);
    expect(await totalOf(napoli, 'pres_residenti')).toEqual([]);
    expect(await totalOf(provider, 'pres_residenti')).toEqual([]);
    expect((await napoli.put(`/api/v1/submissions/${na}/values`, { values: { 'pres_residenti.m.ue': 10 } })).statusCode).toBe(200);
    expect((await totalOf(napoli, 'pres_residenti')).map((v: { council: { id: number } }) => v.council.id)).toEqual([p.ids.councilNapoli]);
    expect((await values(client(t.app), 'element=scheda-cti.pres_residenti')).statusCode).toBe(401);
  });

  it('refuses bad queries naming the field', async () => {
    const res = await values(milano, 'element=scheda-cti.pres_residenti&period=anno&breakdown=qualche');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual(['querystring.breakdown', 'querystring.period']);
    expect((await values(milano, 'period=2025')).json().error.details.issues[0].field).toBe('querystring.element');
    expect((await values(milano, 'element=scheda-cti.nessuno')).statusCode).toBe(404);
  });

  it('become final when the last approval level approves, and provisional again when reopened', async () => {
    // The total is now typed as a whole: the cells go.
    const whole = { ...COMPLETE_VALUES, 'pres_residenti.f.ue': null, 'pres_residenti.f.africa': null };
    expect((await milano.put(`/api/v1/submissions/${mi}/values`, { values: whole })).statusCode).toBe(200);
    const submitted = await milano.post(`/api/v1/submissions/${mi}/transitions`, { to: 'submitted', justifications: { r_pres_variazione: 'Revisione anagrafica.' } });
    expect(submitted.json()).toMatchObject({ status: 'submitted', reviewLevel: 'nation' });
    // This campaign skips the region.
    expect((await coordinator.post(`/api/v1/submissions/${mi}/transitions`, { to: 'approved' })).statusCode).toBe(403);
    expect((await admin.post(`/api/v1/submissions/${mi}/transitions`, { to: 'approved' })).json()).toMatchObject({ status: 'approved', reviewLevel: null });
    expect((await totalOf(milano, 'pres_residenti'))[0]).toMatchObject({ value: 480000, provisional: false });
    expect((await admin.post(`/api/v1/submissions/${mi}/transitions`, { to: 'draft', reason: 'Dato da correggere.' })).statusCode).toBe(200);
    expect((await totalOf(milano, 'pres_residenti'))[0].provisional).toBe(true);
  });
});

describe('approval chain of a campaign', () => {
  it('accepts region, nation, or region then nation, and refuses anything else by field', async () => {
    const formId = await defaultFormId(t, admin);
    const base = { formId, version: 1, year: 2030, deadline: '2031-03-31', councilIds: [p.ids.councilMilano] };
    for (const approvalLevels of [['nation', 'region'], [], ['region', 'region'], ['ministero']]) {
      const res = await admin.post('/api/v1/campaigns', { ...base, approvalLevels });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].field).toMatch(/^approvalLevels/);
    }
    const en = await admin.post('/api/v1/campaigns?lang=en', { ...base, approvalLevels: ['nation', 'region'] });
    expect(en.json().error.details.issues[0].message).toMatch(/Approval levels/);
    expect((await admin.get('/api/v1/campaigns')).json().filter((c: { year: number }) => c.year === 2030)).toEqual([]);
    const byDefault = await admin.post('/api/v1/campaigns', base);
    expect(byDefault.json().approvalLevels).toEqual(['region', 'nation']);
  });

  it('lets the Ministry approve for every level: a national admin’s approval is final', async () => {
    const campaign = (await admin.get('/api/v1/campaigns')).json().find((c: { year: number }) => c.year === 2030);
    const [row] = (await admin.get(`/api/v1/campaigns/${campaign.id}/submissions`)).json();
    const url = `/api/v1/submissions/${row.submissionId}`;
    expect((await milano.put(`${url}/values`, { values: COMPLETE_VALUES })).statusCode).toBe(200);
    const sent = await milano.post(`${url}/transitions`, { to: 'submitted', justifications: { r_pres_variazione: 'Revisione anagrafica.' } });
    expect(sent.json()).toMatchObject({ status: 'submitted', reviewLevel: 'region' });
    expect((await admin.post(`${url}/transitions`, { to: 'approved' })).json()).toMatchObject({ status: 'approved', reviewLevel: null });
  });
});
