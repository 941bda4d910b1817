import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { createTestUser, type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { countReports, createReportAs, reportAudit, seedTemplate } from './reports.fixtures.ts';
import { closeRenderPool } from './report-files.service.ts';

let t: TestApp;
let p: People;
let admin: Client;
let coordinator: Client;
let milano: Client;
let napoli: Client;
let tutor: Client;
let provider: Client;
let milanoReport: { id: number };
let napoliReport: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  await seedTemplate(t);
  [admin, coordinator, milano, napoli, tutor, provider] = await Promise.all([p.admin, p.coordinator, p.milano, p.napoli, p.tutor, p.dataProvider].map((x) => signInAs(t, x)));
  milanoReport = await createReportAs(milano, p.ids.councilMilano);
  napoliReport = await createReportAs(napoli, p.ids.councilNapoli);
});
afterAll(async () => {
  await closeRenderPool();
  await t.close();
});

const issuesOf = (body: string) => (JSON.parse(body).error.details?.issues ?? []) as { field: string; message: string }[];

describe('generating a report', () => {
  it('gives the council referent a draft at version 1 with the default template’s narrative blocks, and an ETag', async () => {
    const res = await milano.get(`/api/v1/reports/${milanoReport.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    const d = res.json();
    expect(d).toMatchObject({ councilId: p.ids.councilMilano, year: 2023, status: 'draft', version: 1, canEdit: true, transitions: ['submit'], publicPath: null, templateName: 'Monografia provinciale' });
    expect(d.document.snapshot.council.id).toBe(p.ids.councilMilano);
    expect(d.narratives.map((n: { blockKey: string }) => n.blockKey)).toContain('fenomeno_intro');
    expect(d.narratives.every((n: { version: number; html: string }) => n.version === 0 && n.html === '')).toBe(true);
  });

  it('answers 409 report_exists for a second report of the same council and year, writing nothing', async () => {
    const before = await countReports(t);
    const res = await tutor.post('/api/v1/reports', { councilId: p.ids.councilMilano, year: 2023 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('report_exists');
    expect(res.json().error.message).toContain('rigenerala');
    expect(await countReports(t)).toBe(before);
  });

  it('refuses bad input with every field named in Italian, writing nothing', async () => {
    const before = await countReports(t);
    const res = await admin.post('/api/v1/reports', { councilId: 'Milano', year: 1990, templateId: -1 });
    expect(res.statusCode).toBe(400);
    const fields = issuesOf(res.body).map((i) => i.field).sort();
    expect(fields).toEqual(['councilId', 'templateId', 'year']);
    expect(issuesOf(res.body).find((i) => i.field === 'year')?.message).toBe('Il valore minimo è 2000.');
    const unknown = await admin.post('/api/v1/reports', { councilId: 999999, year: 2023 });
    expect(unknown.statusCode).toBe(400);
    expect(issuesOf(unknown.body)).toEqual([expect.objectContaining({ field: 'councilId', message: 'Consiglio territoriale 999999 inesistente.' })]);
    const noTemplate = await admin.post('/api/v1/reports', { councilId: p.ids.councilMilano, year: 2022, templateId: 424242 });
    expect(noTemplate.statusCode).toBe(400);
    expect(issuesOf(noTemplate.body)).toEqual([expect.objectContaining({ field: 'templateId', message: 'Modello di monografia 424242 inesistente.' })]);
    expect(await countReports(t)).toBe(before);
  });
});

describe('scope', () => {
  it('a Napoli referent can never read or change Milano’s report', async () => {
    const id = milanoReport.id;
    const attempts = [
      napoli.get(`/api/v1/reports/${id}`),
      napoli.get(`/api/v1/reports/${id}/versions`),
      napoli.get(`/api/v1/reports/${id}/versions/1`),
      napoli.get(`/api/v1/reports/${id}/compare?from=1&to=1`),
      napoli.get(`/api/v1/reports/${id}/comments`),
      napoli.get(`/api/v1/reports/${id}/pdf`),
      napoli.get(`/api/v1/reports/${id}/docx`),
      napoli.post(`/api/v1/reports/${id}/comments`, { body: 'Intrusione' }),
      napoli.put(`/api/v1/reports/${id}/narratives/fenomeno_intro`, { html: '<p>x</p>', version: 0 }),
      napoli.post(`/api/v1/reports/${id}/regenerate`, {}),
      napoli.post(`/api/v1/reports/${id}/versions/1/restore`),
      napoli.post(`/api/v1/reports/${id}/transitions`, { transition: 'submit' }),
      napoli.post('/api/v1/reports', { councilId: p.ids.councilMilano, year: 2024 }),
    ];
    for (const res of await Promise.all(attempts)) expect([res.statusCode, res.json().error.code]).toEqual([403, 'forbidden']);
    const list = (await napoli.get('/api/v1/reports')).json();
    expect(list.items.map((r: { id: number }) => r.id)).toEqual([napoliReport.id]);
  });

  it('a Lombardia coordinator reads Milano’s report but not Campania’s, and does not generate', async () => {
    expect((await coordinator.get(`/api/v1/reports/${milanoReport.id}`)).statusCode).toBe(200);
    expect((await coordinator.get(`/api/v1/reports/${napoliReport.id}`)).statusCode).toBe(403);
    expect((await coordinator.get(`/api/v1/reports/${napoliReport.id}/pdf`)).statusCode).toBe(403);
    const list = (await coordinator.get('/api/v1/reports')).json();
    expect(list.items.map((r: { id: number }) => r.id)).toEqual([milanoReport.id]);
    expect((await coordinator.post('/api/v1/reports', { councilId: p.ids.councilMilano, year: 2021 })).statusCode).toBe(403);
    expect((await coordinator.get(`/api/v1/reports/${milanoReport.id}`)).json()).toMatchObject({ canEdit: false, transitions: [] });
  });

  it('a tutor held in a region reaches its councils only; a tutor held in the nation approves', async () => {
    const regional = await signInAs(t, await createTestUser(t, { roles: [{ role: 'tutor', scopeType: 'region', scopeId: p.ids.lombardia }] }));
    expect((await regional.get(`/api/v1/reports/${milanoReport.id}`)).json()).toMatchObject({ canEdit: true });
    expect((await regional.get(`/api/v1/reports/${napoliReport.id}`)).statusCode).toBe(403);
    expect((await regional.post('/api/v1/reports', { councilId: p.ids.councilNapoli, year: 2022 })).statusCode).toBe(403);
    const national = await signInAs(t, await createTestUser(t, { roles: [{ role: 'tutor', scopeType: 'nation', scopeId: null }] }));
    expect((await napoli.post(`/api/v1/reports/${napoliReport.id}/transitions`, { transition: 'submit' })).statusCode).toBe(200);
    expect((await national.get(`/api/v1/reports/${napoliReport.id}`)).json().transitions).toEqual(['return', 'approve']);
    expect((await national.post(`/api/v1/reports/${napoliReport.id}/transitions`, { transition: 'approve' })).json().status).toBe('approved');
  });

  it('data providers get 403, signed-out callers 401, unknown reports 404', async () => {
    expect((await provider.get('/api/v1/reports')).statusCode).toBe(403);
    expect((await provider.get(`/api/v1/reports/${milanoReport.id}`)).statusCode).toBe(403);
    const anon = client(t.app);
    for (const res of await Promise.all([anon.get('/api/v1/reports'), anon.get(`/api/v1/reports/${milanoReport.id}`), anon.post('/api/v1/reports', { councilId: 1, year: 2023 })])) {
      expect(res.statusCode).toBe(401);
    }
    expect((await admin.get('/api/v1/reports/999999')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/reports?status=finished')).statusCode).toBe(400);
  });
});

describe('workflow', () => {
  const go = (c: Client, transition: string, note?: string, headers?: Record<string, string>) => c.post(`/api/v1/reports/${milanoReport.id}/transitions`, { transition, ...(note ? { note } : {}) }, headers);

  it('submit → return (with a note) → submit → approve → publish → withdraw (with a reason) → reopen, each audited', async () => {
    expect((await go(milano, 'publish')).statusCode).toBe(409);
    const submitted = await go(tutor, 'submit');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'in_review', canEdit: false });

    // In review only comments change: the narrative and regeneration wait for a return.
    const edit = await milano.put(`/api/v1/reports/${milanoReport.id}/narratives/fenomeno_intro`, { html: '<p>x</p>', version: 0 });
    expect([edit.statusCode, edit.json().error.code]).toEqual([409, 'report_not_editable']);
    expect(edit.json().error.message).toContain('in revisione');
    expect((await milano.post(`/api/v1/reports/${milanoReport.id}/regenerate`, {})).statusCode).toBe(409);
    const comment = await coordinator.post(`/api/v1/reports/${milanoReport.id}/comments`, { blockKey: 'fenomeno_intro', body: 'Aggiungere il confronto con la regione.' });
    expect(comment.statusCode).toBe(201);
    expect(comment.json()).toMatchObject({ blockKey: 'fenomeno_intro', author: 'Carlo Coordinatore' });

    const noNote = await go(coordinator, 'return');
    expect(noNote.statusCode).toBe(400);
    expect(issuesOf(noNote.body)).toEqual([expect.objectContaining({ field: 'note', message: 'Scrivi una nota che spieghi cosa correggere.' })]);
    expect((await admin.get(`/api/v1/reports/${milanoReport.id}`)).json().status).toBe('in_review');
    expect((await go(coordinator, 'return', 'Manca il commento ai dati.')).json().status).toBe('draft');

    await go(milano, 'submit');
    expect((await go(tutor, 'approve')).statusCode).toBe(403); // a tutor held in a council does not approve
    expect((await go(milano, 'approve')).statusCode).toBe(403);
    const approved = await go(admin, 'approve');
    expect(approved.json()).toMatchObject({ status: 'approved', transitions: ['publish', 'reopen'] });

    const published = await go(milano, 'publish');
    expect(published.json()).toMatchObject({ status: 'published', publicPath: `/portale/monografie/${milanoReport.id}` });
    expect(published.json().publishedAt).not.toBeNull();
    expect(published.json().document.publishedAt).not.toBeNull();

    const noReason = await go(milano, 'withdraw', '   ');
    expect(noReason.statusCode).toBe(400);
    expect(issuesOf(noReason.body)[0]).toMatchObject({ field: 'note', message: 'Scrivi il motivo del ritiro.' });
    const withdrawn = await go(milano, 'withdraw', 'Dati di accoglienza da correggere.');
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Dati di accoglienza da correggere.', publicPath: null });
    const reopened = await go(admin, 'reopen');
    expect(reopened.json()).toMatchObject({ status: 'draft', canEdit: true });
    expect(reopened.json().history.map((h: { transition: string }) => h.transition)).toEqual(['submit', 'return', 'submit', 'approve', 'publish', 'withdraw', 'reopen']);
    expect(reopened.json().history[1]).toMatchObject({ fromStatus: 'in_review', toStatus: 'draft', note: 'Manca il commento ai dati.', actor: 'Carlo Coordinatore' });

    const audit = await reportAudit(t, milanoReport.id);
    const moves = audit.filter((a) => a.action !== 'comment');
    expect(moves.map((a) => a.action)).toEqual(['create', 'submit', 'return', 'submit', 'approve', 'publish', 'withdraw', 'reopen']);
    expect(moves[5]).toMatchObject({ actorEmail: p.milano.email, before: { status: 'approved' }, after: { status: 'published' }, councilId: p.ids.councilMilano, regionId: p.ids.lombardia });
  });

  it('answers 400 for an unknown transition and 409 for a stale If-Match, changing nothing', async () => {
    const bad = await go(milano, 'finish');
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad.body)[0].field).toBe('transition');
    const etag = (await milano.get(`/api/v1/reports/${milanoReport.id}`)).headers.etag as string;
    const stale = await go(milano, 'submit', undefined, { 'if-match': '"1"' });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'version_conflict']);
    expect((await milano.get(`/api/v1/reports/${milanoReport.id}`)).headers.etag).toBe(etag);
    expect((await go(milano, 'submit', undefined, { 'if-match': etag })).json().status).toBe('in_review');
    await go(admin, 'return', 'Di nuovo in bozza per le altre prove.');
  });

  it('takes comments only in draft or review, with bad input named', async () => {
    const empty = await milano.post(`/api/v1/reports/${milanoReport.id}/comments`, { body: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(issuesOf(empty.body)[0]).toMatchObject({ field: 'body', message: 'Campo obbligatorio.' });
    const unknown = await milano.post(`/api/v1/reports/${milanoReport.id}/comments`, { blockKey: 'non_esiste', body: 'Qui?' });
    expect(issuesOf(unknown.body)[0]).toMatchObject({ field: 'blockKey', message: 'La monografia non ha il blocco «non_esiste».' });
    const list = (await milano.get(`/api/v1/reports/${milanoReport.id}/comments`)).json();
    expect(list).toHaveLength(1);
    expect((await milano.get(`/api/v1/reports/${milanoReport.id}`)).json().commentCount).toBe(1);
  });
});
