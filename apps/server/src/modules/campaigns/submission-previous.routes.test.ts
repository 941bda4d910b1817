import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { createTestOrganization, createTestUser, type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { defaultFormId, openCampaign } from './campaigns.fixtures.ts';

let t: TestApp;
let p: People;
let admin: Client;
let coordinator: Client;
let milano: Client;
let napoli: Client;
let provider: Client;
let otherProvider: Client;
let formId: number;
/** The 2025 campaign's submissions by council id. */
let y2025: Map<number, number>;

const previous = (c: Client, id: number, lang = 'it') => c.get(`/api/v1/submissions/${id}/previous-values?lang=${lang}`);
const saveAs = async (c: Client, id: number, values: Record<string, unknown>) => {
  const res = await c.put(`/api/v1/submissions/${id}/values`, { values });
  expect(res.statusCode, res.body).toBe(200);
};

const MILANO_2024 = {
  gen_referente: 'Maria Rossi',
  gen_referente_email: 'maria.rossi@example.test',
  acc_cas_attivi: 'yes',
  acc_cas_strutture: 12,
  'acc_cas_presenti.m.y18_29': 40,
  soc_lingue: ['arabo', 'inglese'],
  cons_componenti: 30,
  cons_basi_dati: 4,
  val_priorita: 'Casa e lavoro.',
};

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  const otherOrg = await createTestOrganization(t, 'CTI-MI', 'Comune di Milano – servizi sociali');
  const other = await createTestUser(t, { name: 'Olga Ufficio', roles: [{ role: 'data_provider', scopeType: 'organization', scopeId: otherOrg }] });
  [admin, coordinator, milano, napoli, provider, otherProvider] = await Promise.all(
    [p.admin, p.coordinator, p.milano, p.napoli, p.dataProvider, other].map((x) => signInAs(t, x)),
  );
  formId = await defaultFormId(t, admin);
  y2025 = (await openCampaign(admin, formId, [p.ids.councilMilano, p.ids.councilNapoli], 2025)).submissionOf;
});
afterAll(() => t.close());

describe('GET /submissions/:id/previous-values', () => {
  it('answers an empty result, not a 404, when the council has no earlier campaign', async () => {
    const res = await previous(milano, y2025.get(p.ids.councilMilano) as number);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ previous: null, values: {} });
  });

  it('gives the same council’s values from the most recent earlier year of the same form', async () => {
    const older = (await openCampaign(admin, formId, [p.ids.councilMilano], 2023)).submissionOf;
    await saveAs(milano, older.get(p.ids.councilMilano) as number, { gen_referente: 'Referente del 2023', cons_componenti: 18 });
    const last = (await openCampaign(admin, formId, [p.ids.councilMilano, p.ids.councilNapoli], 2024)).submissionOf;
    await saveAs(milano, last.get(p.ids.councilMilano) as number, MILANO_2024);
    await saveAs(napoli, last.get(p.ids.councilNapoli) as number, { gen_referente: 'Nino Esposito', cons_componenti: 25 });
    const later = (await openCampaign(admin, formId, [p.ids.councilMilano], 2026)).submissionOf;
    await saveAs(milano, later.get(p.ids.councilMilano) as number, { gen_referente: 'Referente del 2026' });
    // Another form's campaign of the same year, opened last, is not the same form.
    const otherForm = (await admin.post('/api/v1/forms', { definition: tinyForm() })).json() as { formId: number };
    expect((await admin.post(`/api/v1/forms/${otherForm.formId}/versions/1/publish`)).statusCode).toBe(200);
    const stranger = (await openCampaign(admin, otherForm.formId, [p.ids.councilMilano], 2024)).submissionOf;
    await saveAs(milano, stranger.get(p.ids.councilMilano) as number, { gen_referente: 'Altra scheda' });

    const res = await previous(milano, y2025.get(p.ids.councilMilano) as number);
    expect(res.statusCode).toBe(200);
    expect(res.json().previous).toMatchObject({ campaign: { year: 2024 }, formVersion: 1, status: 'draft' });
    expect(res.json().values).toEqual(MILANO_2024);
    const na = await previous(napoli, y2025.get(p.ids.councilNapoli) as number);
    expect(na.json().values).toEqual({ gen_referente: 'Nino Esposito', cons_componenti: 25 });
    // The coordinator of the region reads the council's submissions, so last year's values too.
    expect((await previous(coordinator, y2025.get(p.ids.councilMilano) as number)).json().values).toEqual(MILANO_2024);
  });

  it('limits a data provider to the sections assigned to them, and keeps everyone else out', async () => {
    const mi = y2025.get(p.ids.councilMilano) as number;
    expect((await milano.put(`/api/v1/submissions/${mi}/sections/acc/assignment`, { organizationId: p.ids.orgMilano })).statusCode).toBe(200);
    const res = await previous(provider, mi);
    expect(res.statusCode).toBe(200);
    expect(res.json().values).toEqual({ acc_cas_attivi: 'yes', acc_cas_strutture: 12, 'acc_cas_presenti.m.y18_29': 40 });
    for (const denied of [await previous(otherProvider, mi), await previous(napoli, mi)]) {
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.details?.values).toBeUndefined();
    }
    expect((await previous(client(t.app), mi)).statusCode).toBe(401);
  });

  it('offers, across form versions, only keys that keep their type and values the new version accepts', async () => {
    const v2 = JSON.parse(readFileSync(new URL('../../../../../data/forms/scheda-cti.json', import.meta.url), 'utf8'));
    const items = v2.sections.flatMap((s: { items: { code: string }[] }) => s.items) as Record<string, unknown>[];
    const item = (code: string) => items.find((i) => i.code === code) as Record<string, unknown>;
    item('gen_referente_email').type = 'long_text';
    item('acc_cas_strutture').max = 10;
    item('soc_lingue').choices = (item('soc_lingue').choices as { code: string }[]).filter((c) => c.code !== 'inglese');
    const cons = v2.sections.find((s: { code: string }) => s.code === 'cons');
    cons.items = cons.items.filter((i: { code: string }) => i.code !== 'cons_basi_dati');
    const draft = await admin.post('/api/v1/forms', { definition: v2 });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().version).toBe(2);
    expect((await admin.post(`/api/v1/forms/${formId}/versions/2/publish`)).statusCode).toBe(200);
    const opened = await admin.post('/api/v1/campaigns', { formId, version: 2, year: 2027, deadline: '2028-03-31', councilIds: [p.ids.councilMilano] });
    expect(opened.statusCode).toBe(201);
    const [y2027] = (await admin.get(`/api/v1/campaigns/${opened.json().id}/submissions`)).json() as { submissionId: number }[];
    // The 2026 submission (version 1) is the most recent earlier one; fill it as 2024 was.
    const y2026 = (await admin.get('/api/v1/campaigns')).json().find((c: { year: number }) => c.year === 2026);
    const s2026 = (await admin.get(`/api/v1/campaigns/${y2026.id}/submissions`)).json()[0].submissionId as number;
    await saveAs(milano, s2026, MILANO_2024);

    const res = await previous(milano, y2027.submissionId);
    expect(res.json().previous).toMatchObject({ campaign: { year: 2026 }, formVersion: 1 });
    expect(res.json().values).toEqual({
      gen_referente: 'Maria Rossi',
      acc_cas_attivi: 'yes',
      'acc_cas_presenti.m.y18_29': 40,
      cons_componenti: 30,
      val_priorita: 'Casa e lavoro.',
    });
  });

  it('refuses a bad id in the request’s language and answers 404 for a missing submission', async () => {
    const bad = await previous(milano, 'abc' as unknown as number);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues).toEqual([expect.objectContaining({ field: 'params.id' })]);
    const en = await previous(milano, 'abc' as unknown as number, 'en');
    expect(en.json().error.details.issues[0].message).not.toBe(bad.json().error.details.issues[0].message);
    expect((await previous(milano, 999999)).statusCode).toBe(404);
  });
});

function tinyForm() {
  const t = (it: string) => ({ it, en: it });
  return {
    code: 'scheda-prova',
    title: t('Scheda di prova'),
    categories: [],
    categoryCombos: [],
    sections: [{ code: 'gen', title: t('Dati generali'), kind: 'quantitative', items: [{ code: 'gen_referente', type: 'text', label: t('Referente') }] }],
    rules: [],
  };
}
