import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/mail/mail.schema.ts';
import { type Client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { councilIdOf, createTestUser, type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { COMPLETE_VALUES, defaultFormId, openCampaign } from './campaigns.fixtures.ts';
import { submissionValueHistory, submissionValues } from './campaigns.schema.ts';

let t: TestApp;
let p: People;
let admin: Client;
let coordinator: Client;
let milano: Client;
let milano2: Client;
let napoli: Client;
let tutor: Client;
let provider: Client;
let mi: number;
let na: number;

const issuesOf = (res: LightMyRequestResponse) => res.json().error.details.issues as { field: string; code: string; message: string }[];
const save = (c: Client, values: Record<string, unknown>, expectedRevision?: number, lang = 'it') =>
  c.put(`/api/v1/submissions/${mi}/values?lang=${lang}`, { values, ...(expectedRevision !== undefined ? { expectedRevision } : {}) });
const move = (c: Client, body: Record<string, unknown>) => c.post(`/api/v1/submissions/${mi}/transitions`, body);
const stored = async (id: number) => ({
  values: (await t.database.db.select({ n: count() }).from(submissionValues).where(eq(submissionValues.submissionId, id)))[0].n,
  history: (await t.database.db.select({ n: count() }).from(submissionValueHistory).where(eq(submissionValueHistory.submissionId, id)))[0].n,
});
const mailTo = async (email: string) => t.database.db.select().from(outbox).where(eq(outbox.to, email));

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  const second = await createTestUser(t, { name: 'Marco Milano', roles: [{ role: 'council_referent', scopeType: 'council', scopeId: p.ids.councilMilano }] });
  [admin, coordinator, milano, milano2, napoli, tutor, provider] = await Promise.all(
    [p.admin, p.coordinator, p.milano, second, p.napoli, p.tutor, p.dataProvider].map((x) => signInAs(t, x)),
  );
  const campaign = await openCampaign(admin, await defaultFormId(t, admin), [p.ids.councilMilano, p.ids.councilNapoli, await councilIdOf(t, 'CTI-BG')]);
  mi = campaign.submissionOf.get(p.ids.councilMilano) as number;
  na = campaign.submissionOf.get(p.ids.councilNapoli) as number;
  expect((await milano.put(`/api/v1/submissions/${mi}/sections/acc/assignment`, { organizationId: p.ids.orgMilano })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('saving values', () => {
  it('stores a good batch and answers with the fresh evaluation', async () => {
    const res = await save(milano, { gen_anno: 2025, gen_referente: 'Maria Rossi', pres_popolazione_totale: 3200000 }, 0);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ revision: 1, changed: ['gen_anno', 'gen_referente', 'pres_popolazione_totale'] });
    expect(res.json().completeness.overall.filled).toBe(3);
    expect(res.json().issues.map((i: { item: string }) => i.item)).toContain('gen_referente_email');
    const sub = (await milano.get(`/api/v1/submissions/${mi}`)).json();
    expect(sub.values).toEqual({ gen_anno: 2025, gen_referente: 'Maria Rossi', pres_popolazione_totale: 3200000 });
    expect(sub).toMatchObject({ status: 'draft', revision: 1, formVersion: { code: 'scheda-cti', version: 1 } });
    const row = (await coordinator.get(`/api/v1/campaigns/${sub.campaign.id}/submissions`)).json().find((r: { submissionId: number }) => r.submissionId === mi);
    expect(row.completeness.filled).toBe(3);
    expect(row.lastActivityAt).not.toBeNull();
  });

  it('rejects the whole batch when a value breaks its type or constraint, naming each key in the request’s language, and writes nothing', async () => {
    const before = { db: await stored(mi), sub: (await milano.get(`/api/v1/submissions/${mi}`)).json() };
    const bad = { gen_anno: 'duemila', gen_referente_email: 'non-una-mail', val_punti_forza: 'Troppo breve.', gen_referente: 'Altro nome' };
    const it = await save(milano, bad);
    expect(it.statusCode).toBe(400);
    expect(issuesOf(it).map((i) => [i.field, i.code])).toEqual([
      ['gen_anno', 'type'],
      ['gen_referente_email', 'constraint'],
      ['val_punti_forza', 'constraint'],
    ]);
    expect(issuesOf(it)[0].message).toBe('Inserisci un numero intero.');
    expect(issuesOf(it)[2].message).toMatch(/almeno 50 caratteri/);
    const en = await save(milano, bad, undefined, 'en');
    expect(issuesOf(en)[0].message).toMatch(/whole number/i);
    expect(issuesOf(en)[0].message).not.toBe(issuesOf(it)[0].message);
    expect(await stored(mi)).toEqual(before.db);
    const after = (await milano.get(`/api/v1/submissions/${mi}`)).json();
    expect(after.values).toEqual(before.sub.values);
    expect(after.revision).toBe(before.sub.revision);
  });

  it('refuses keys the form does not have, and calculated items', async () => {
    const res = await save(milano, { gen_anno: 2025, non_esiste: 3, 'pres_residenti.X.Y': 1, pres_residenti_minori: 4 });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res).map((i) => [i.field, i.code])).toEqual([
      ['non_esiste', 'unknown'],
      ['pres_residenti.X.Y', 'unknown'],
      ['pres_residenti_minori', 'calculated'],
    ]);
  });

  it('lets a data provider write only the assigned section, and keeps other councils and roles out', async () => {
    const ok = await save(provider, { acc_cas_attivi: 'no', acc_sai_attivi: 'no', acc_msna_totale: 120 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().issues.every((i: { item: string }) => i.item.startsWith('acc_'))).toBe(true);
    const outside = await save(provider, { acc_msna_irreperibili: 3, gen_anno: 2030, val_proposte: 'Proposta' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toMatchObject({ code: 'section_not_assigned', details: { keys: ['gen_anno', 'val_proposte'] } });
    expect(outside.json().error.message).toMatch(/gen_anno, val_proposte/);
    const seen = (await provider.get(`/api/v1/submissions/${mi}`)).json();
    expect(Object.keys(seen.values).sort()).toEqual(['acc_cas_attivi', 'acc_msna_totale', 'acc_sai_attivi']);
    expect((await provider.get(`/api/v1/submissions/${mi}/history?key=gen_anno`)).statusCode).toBe(403);
    expect((await save(tutor, { gen_anno: 2025 })).statusCode).toBe(403);
    expect((await save(coordinator, { gen_anno: 2025 })).statusCode).toBe(403);
    for (const res of [
      await save(napoli, { gen_anno: 2025 }),
      await napoli.get(`/api/v1/submissions/${mi}`),
      await napoli.get(`/api/v1/submissions/${mi}/history`),
      await napoli.put(`/api/v1/submissions/${mi}/sections/pres/assignment`, { organizationId: null }),
      await move(napoli, { to: 'submitted' }),
    ])
      expect(res.statusCode).toBe(403);
    expect((await napoli.get(`/api/v1/submissions/${na}`)).statusCode).toBe(200);
  });

  it('answers a stale save with 409, the current revision and the server’s text of the long texts in the batch', async () => {
    const { revision } = (await milano.get(`/api/v1/submissions/${mi}`)).json();
    const first = await save(milano, { val_punti_forza: COMPLETE_VALUES.val_punti_forza }, revision);
    expect(first.statusCode).toBe(200);
    const stale = await save(milano2, { val_punti_forza: 'Un altro testo scritto in parallelo da un secondo componente del consiglio.', gen_referente: 'X' }, revision);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({ currentRevision: revision + 1, currentValues: { val_punti_forza: COMPLETE_VALUES.val_punti_forza } });
    expect(Object.keys(stale.json().error.details.currentValues)).toEqual(['val_punti_forza']);
  });
});

describe('workflow', () => {
  it('submits only without errors and with every failed warning justified', async () => {
    const blocked = await move(milano, { to: 'submitted' });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().error.code).toBe('submission_blocked');
    expect(issuesOf(blocked).map((i) => i.field)).toEqual(expect.arrayContaining(['gen_referente_email', 'val_criticita', 'cons_componenti']));
    expect((await move(coordinator, { to: 'submitted' })).statusCode).toBe(403);
    expect((await save(milano, COMPLETE_VALUES)).statusCode).toBe(200);
    const unjustified = await move(milano, { to: 'submitted', justifications: { r_pres_variazione: '  ' } });
    expect(unjustified.statusCode).toBe(400);
    expect(issuesOf(unjustified)).toEqual([expect.objectContaining({ field: 'justifications.r_pres_variazione', code: 'justification_required' })]);
    const ok = await move(milano, { to: 'submitted', justifications: { r_pres_variazione: 'Revisione anagrafica dopo il censimento.' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('submitted');
    const sub = (await milano.get(`/api/v1/submissions/${mi}`)).json();
    expect(sub.writableSections).toEqual([]);
    expect(ok.json().reviewLevel).toBe('region');
    expect(await mailTo(p.coordinator.email)).toEqual([expect.objectContaining({ subject: expect.stringMatching(/inviata per approvazione/) })]);
    // The Ministry hears of it when the region has approved, not before.
    expect(await mailTo(p.admin.email)).toEqual([]);
  });

  it('locks values once submitted, and is returned with a reason by the level above', async () => {
    const locked = await save(milano, { gen_referente: 'Maria Bianchi' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('submission_locked');
    expect((await save(provider, { acc_msna_prosieguo: 1 })).statusCode).toBe(409);
    expect((await move(milano, { to: 'approved' })).statusCode).toBe(403);
    expect((await move(napoli, { to: 'returned', reason: 'x' })).statusCode).toBe(403);
    const noReason = await move(coordinator, { to: 'returned' });
    expect(noReason.statusCode).toBe(400);
    expect(issuesOf(noReason)[0].field).toBe('reason');
    expect((await move(coordinator, { to: 'locked' })).statusCode).toBe(403);
    const back = await move(coordinator, { to: 'returned', reason: 'Verificare i residenti: la variazione è troppo alta.' });
    expect(back.json()).toMatchObject({ status: 'returned' });
    const mails = await mailTo(p.milano.email);
    expect(mails.at(-1)).toMatchObject({ subject: expect.stringMatching(/restituita/), body: expect.stringMatching(/Verificare i residenti/) });
  });

  it('is fixed, resubmitted, approved by the region then the Ministry, locked by the admin, and reopened with a reason', async () => {
    expect((await save(milano, { pres_residenti: 330000 })).statusCode).toBe(200);
    expect((await move(milano, { to: 'submitted' })).json().status).toBe('submitted');
    const regional = await move(coordinator, { to: 'approved' });
    expect(regional.json()).toMatchObject({ status: 'submitted', reviewLevel: 'nation' });
    expect(await mailTo(p.admin.email)).toEqual([expect.objectContaining({ subject: expect.stringMatching(/approvata dalla Regione/) })]);
    // The region has decided: only the Ministry may now approve or return.
    expect((await move(coordinator, { to: 'approved' })).statusCode).toBe(403);
    expect((await move(coordinator, { to: 'returned', reason: 'Ripensamento.' })).statusCode).toBe(403);
    expect((await move(admin, { to: 'approved' })).json()).toMatchObject({ status: 'approved', reviewLevel: null });
    expect((await move(milano, { to: 'locked' })).statusCode).toBe(403);
    expect((await move(admin, { to: 'submitted' })).statusCode).toBe(403);
    expect((await move(admin, { to: 'locked' })).json().status).toBe('locked');
    expect((await move(admin, { to: 'approved' })).statusCode).toBe(409);
    expect((await save(milano, { gen_referente: 'Maria Bianchi' })).statusCode).toBe(409);
    expect((await milano.put(`/api/v1/submissions/${mi}/sections/pres/assignment`, { organizationId: p.ids.orgMilano })).statusCode).toBe(409);
    expect((await move(admin, { to: 'draft' })).statusCode).toBe(400);
    expect((await move(admin, { to: 'draft', reason: 'Correzione richiesta dal Ministero.' })).json().status).toBe('draft');
    expect((await save(milano, { gen_referente: 'Maria Bianchi' })).statusCode).toBe(200);
    const subjects = (await mailTo(p.milano.email)).map((m) => m.subject);
    expect(subjects.some((s) => /approvata/.test(s))).toBe(true);
    expect(subjects.some((s) => /riaperta/.test(s))).toBe(true);
  });

  it('keeps every change in the per-item history and every step in the audit log', async () => {
    const history = (await milano.get(`/api/v1/submissions/${mi}/history?key=gen_referente`)).json();
    expect(history.map((h: { before: unknown; after: unknown }) => [h.before, h.after])).toEqual([
      ['Maria Rossi', 'Maria Bianchi'],
      [null, 'Maria Rossi'],
    ]);
    expect(history[0].by).toMatchObject({ id: p.milano.id });
    const byProvider = (await provider.get(`/api/v1/submissions/${mi}/history`)).json();
    expect(byProvider.length).toBeGreaterThan(0);
    expect(byProvider.every((h: { key: string }) => h.key.startsWith('acc_'))).toBe(true);
    const audit = (await admin.get(`/api/v1/audit?entityType=submission&entityId=${mi}&pageSize=100`)).json();
    const actions = audit.items.map((i: { action: string }) => i.action).reverse();
    expect(actions.filter((a: string) => a !== 'save_values')).toEqual(['assign_section', 'submit', 'return', 'submit', 'approve_level', 'approve', 'lock', 'reopen']);
    expect(audit.items.find((i: { action: string }) => i.action === 'return').after.reason).toMatch(/Verificare/);
    expect((await coordinator.get(`/api/v1/audit?entityType=submission&entityId=${mi}`)).json().total).toBe(audit.total);
  });
});
