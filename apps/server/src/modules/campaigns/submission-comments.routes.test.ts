import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/mail/mail.schema.ts';
import { type Client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { createTestOrganization, createTestUser, type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { COMPLETE_VALUES, defaultFormId, openCampaign } from './campaigns.fixtures.ts';
import { submissionComments } from './submission-comments.schema.ts';

let t: TestApp;
let p: People;
let admin: Client;
let coordinator: Client;
let milano: Client;
let napoli: Client;
let tutor: Client;
let provider: Client;
let otherProvider: Client;
let campaniaTutor: Client;
let mi: number;
let na: number;

const issuesOf = (res: LightMyRequestResponse) => res.json().error.details.issues as { field: string; code: string; message: string }[];
const ask = (c: Client, body: Record<string, unknown>, sub = mi, lang = 'it') => c.post(`/api/v1/submissions/${sub}/comments?lang=${lang}`, body);
const reply = (c: Client, thread: number, body: unknown, sub = mi) => c.post(`/api/v1/submissions/${sub}/comments/${thread}/replies`, { body });
const itemThreads = (c: Client, item: string, sub = mi) => c.get(`/api/v1/submissions/${sub}/items/${item}/comments`);
const summary = (c: Client, sub = mi) => c.get(`/api/v1/submissions/${sub}/comments`);
const resolve = (c: Client, thread: number, sub = mi) => c.post(`/api/v1/submissions/${sub}/comments/${thread}/resolve`);
const reopen = (c: Client, thread: number, sub = mi) => c.post(`/api/v1/submissions/${sub}/comments/${thread}/reopen`);
const mailTo = async (email: string) => t.database.db.select().from(outbox).where(eq(outbox.to, email));
/** Rows written by posting: comments, mail and audit entries, to show a refused request wrote nothing. */
const written = async () => {
  const db = t.database.db;
  const [c] = await db.select({ n: count() }).from(submissionComments);
  const [m] = await db.select({ n: count() }).from(outbox);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { comments: c.n, mail: m.n, audit: a.n };
};

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  const otherOrg = await createTestOrganization(t, 'CTI-MI', 'Questura di Milano (prova)');
  const other = await createTestUser(t, { name: 'Olga Altro', roles: [{ role: 'data_provider', scopeType: 'organization', scopeId: otherOrg }] });
  const campania = await createTestUser(t, { name: 'Carla Campania', roles: [{ role: 'tutor', scopeType: 'region', scopeId: p.ids.campania }] });
  [admin, coordinator, milano, napoli, tutor, provider, otherProvider, campaniaTutor] = await Promise.all(
    [p.admin, p.coordinator, p.milano, p.napoli, p.tutor, p.dataProvider, other, campania].map((x) => signInAs(t, x)),
  );
  const campaign = await openCampaign(admin, await defaultFormId(t, admin), [p.ids.councilMilano, p.ids.councilNapoli]);
  mi = campaign.submissionOf.get(p.ids.councilMilano) as number;
  na = campaign.submissionOf.get(p.ids.councilNapoli) as number;
  expect((await milano.put(`/api/v1/submissions/${mi}/sections/acc/assignment`, { organizationId: p.ids.orgMilano })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('a question and its answer', () => {
  let thread: number;

  it('lets a data provider ask on an item of an assigned section, naming the author without any e-mail address', async () => {
    const res = await ask(provider, { itemCode: 'acc_msna_totale', body: '  I minori in prosieguo amministrativo vanno contati?  ' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    thread = body.id;
    expect(body).toMatchObject({ itemCode: 'acc_msna_totale', valueKey: null, sectionCode: 'acc', status: 'open', canReply: true, canResolve: true });
    expect(body.messages).toEqual([
      expect.objectContaining({ body: 'I minori in prosieguo amministrativo vanno contati?', author: { id: p.dataProvider.id, name: 'Dario Dati', role: 'data_provider' } }),
    ]);
    expect(res.body).not.toMatch(/@/);
  });

  it('notifies the council’s tutor (not the asker), and shows the thread in the counts for badges', async () => {
    const mail = await mailTo(p.tutor.email);
    expect(mail).toEqual([expect.objectContaining({ subject: expect.stringMatching(/^Domanda sulla scheda 2025 – .*Milano.*: voce acc_msna_totale$/) })]);
    expect(mail[0].body).toMatch(/Dario Dati ha posto una domanda/);
    expect(mail[0].body).toMatch(/prosieguo amministrativo/);
    expect(mail[0].body).toMatch(new RegExp(`/compilazioni/${mi}`));
    expect(await mailTo(p.dataProvider.email)).toEqual([]);
    const s = (await summary(tutor)).json();
    expect(s.canPost).toBe(true);
    expect(s.counts).toEqual({ byItem: { acc_msna_totale: { threads: 1, open: 1 } }, bySection: { acc: { threads: 1, open: 1 } } });
    expect(s.threads).toEqual([expect.objectContaining({ id: thread, messageCount: 1, author: expect.objectContaining({ name: 'Dario Dati' }) })]);
  });

  it('lets the tutor answer; the provider reads the answer and is the one notified', async () => {
    const res = await reply(tutor, thread, 'Sì, vanno inclusi e indicati anche nella voce dedicata.');
    expect(res.statusCode).toBe(201);
    expect(res.json().messages.map((m: { author: { role: string } }) => m.author.role)).toEqual(['data_provider', 'tutor']);
    expect(res.json().canResolve).toBe(true);
    const seen = (await itemThreads(provider, 'acc_msna_totale')).json();
    expect(seen.threads[0].messages[1]).toMatchObject({ body: 'Sì, vanno inclusi e indicati anche nella voce dedicata.', author: { name: 'Tina Tutor', role: 'tutor' } });
    const mail = await mailTo(p.dataProvider.email);
    expect(mail).toEqual([expect.objectContaining({ subject: expect.stringMatching(/^Risposta sulla scheda/) })]);
    expect(mail[0].body).toMatch(/Tina Tutor ha scritto/);
    expect((await mailTo(p.tutor.email)).length).toBe(1);
    expect((await summary(provider)).json().threads[0].messageCount).toBe(2);
  });

  it('is resolved by the tutor, refuses replies while resolved, and is reopened by the asker', async () => {
    const done = await resolve(tutor, thread);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'resolved', resolvedBy: { id: p.tutor.id, name: 'Tina Tutor' }, canReply: false });
    expect((await summary(milano)).json().counts.bySection.acc).toEqual({ threads: 1, open: 0 });
    const late = await reply(provider, thread, 'Grazie!');
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'comment_thread_resolved', message: expect.stringMatching(/riaprila per rispondere/) });
    expect((await resolve(tutor, thread)).json().status).toBe('resolved');
    const again = await reopen(provider, thread);
    expect(again.json()).toMatchObject({ status: 'open', resolvedAt: null, resolvedBy: null, canReply: true });
  });

  it('takes a question on one cell of a disaggregated item', async () => {
    const res = await ask(milano, { itemCode: 'acc_cas_presenti', valueKey: 'acc_cas_presenti.m.y0_17', body: 'Età alla data di riferimento?' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ valueKey: 'acc_cas_presenti.m.y0_17', canResolve: true });
    expect(res.json().messages[0].author.role).toBe('council_referent');
  });

  it('records every step in the submission’s audit log', async () => {
    const audit = (await admin.get(`/api/v1/audit?entityType=submission&entityId=${mi}&pageSize=100`)).json();
    const steps = audit.items.map((i: { action: string }) => i.action).filter((a: string) => a.startsWith('comment_')).reverse();
    expect(steps).toEqual(['comment_question', 'comment_reply', 'comment_resolve', 'comment_reopen', 'comment_question']);
    expect(audit.items.find((i: { action: string }) => i.action === 'comment_reply').after).toMatchObject({ threadId: thread, itemCode: 'acc_msna_totale', notified: 1 });
  });
});

describe('bad input', () => {
  it('refuses an empty or too long text and names the field, in the request’s language, writing nothing', async () => {
    const before = await written();
    const empty = await ask(provider, { itemCode: 'acc_msna_totale', body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(issuesOf(empty)).toEqual([expect.objectContaining({ field: 'body', message: 'Campo obbligatorio.' })]);
    const long = await ask(provider, { itemCode: 'acc_msna_totale', body: 'x'.repeat(4001) });
    expect(issuesOf(long)).toEqual([expect.objectContaining({ field: 'body', message: 'Al massimo 4000 caratteri.' })]);
    const en = await ask(provider, { itemCode: 'acc_msna_totale', body: 'x'.repeat(4001) }, mi, 'en');
    expect(issuesOf(en)[0].message).toBe('At most 4000 characters.');
    expect((await ask(provider, { itemCode: 'acc_msna_totale', body: 'x'.repeat(4000) })).statusCode).toBe(201);
    const { threads } = (await itemThreads(provider, 'acc_msna_totale')).json();
    const noReply = await reply(provider, threads[0].id, '');
    expect(issuesOf(noReply)).toEqual([expect.objectContaining({ field: 'body', message: 'Campo obbligatorio.' })]);
    const missing = await ask(provider, {});
    expect(issuesOf(missing).map((i) => i.field).sort()).toEqual(['body', 'itemCode']);
    const after = await written();
    expect(after.comments).toBe(before.comments + 1);
  });

  it('refuses an unknown item, or a cell of another item, with a message naming the field', async () => {
    const before = await written();
    const unknown = await ask(milano, { itemCode: 'non_esiste', body: 'Domanda?' });
    expect(unknown.statusCode).toBe(400);
    expect(issuesOf(unknown)).toEqual([{ field: 'itemCode', code: 'unknown_item', message: 'Voce inesistente in questo modulo.' }]);
    expect(issuesOf(await ask(milano, { itemCode: 'non_esiste', body: 'Domanda?' }, mi, 'en'))[0].message).toBe('No such item in this form.');
    const cell = await ask(milano, { itemCode: 'acc_msna_totale', valueKey: 'acc_cas_presenti.m.y0_17', body: 'Domanda?' });
    expect(issuesOf(cell)).toEqual([expect.objectContaining({ field: 'valueKey', code: 'key_not_of_item' })]);
    const row = await ask(milano, { itemCode: 'val_buone_pratiche', valueKey: 'val_buone_pratiche[0].inventata', body: 'Domanda?' });
    expect(issuesOf(row)).toEqual([expect.objectContaining({ field: 'valueKey', code: 'key_not_of_item' })]);
    expect((await itemThreads(milano, 'non_esiste')).statusCode).toBe(404);
    expect((await reply(milano, 999999, 'Risposta')).statusCode).toBe(404);
    expect((await resolve(milano, 999999)).statusCode).toBe(404);
    expect(await written()).toEqual(before);
  });
});

describe('scope', () => {
  it('keeps another council’s referent and another region’s tutor out of every route', async () => {
    const { threads } = (await itemThreads(tutor, 'acc_msna_totale')).json();
    const before = await written();
    for (const c of [napoli, campaniaTutor]) {
      for (const res of [
        await summary(c),
        await itemThreads(c, 'acc_msna_totale'),
        await ask(c, { itemCode: 'acc_msna_totale', body: 'Domanda?' }),
        await reply(c, threads[0].id, 'Risposta'),
        await resolve(c, threads[0].id),
      ])
        expect(res.statusCode).toBe(403);
    }
    expect(await written()).toEqual(before);
    expect((await summary(campaniaTutor, na)).statusCode).toBe(200);
  });

  it('lets a data provider read and ask only on the sections assigned to their organisation', async () => {
    const gen = await ask(milano, { itemCode: 'gen_anno', body: 'Anno solare o anno della rilevazione?' });
    expect(gen.statusCode).toBe(201);
    const before = await written();
    expect((await ask(provider, { itemCode: 'gen_anno', body: 'Domanda?' })).statusCode).toBe(403);
    expect((await itemThreads(provider, 'gen_anno')).statusCode).toBe(403);
    expect((await reply(provider, gen.json().id, 'Risposta')).statusCode).toBe(403);
    expect((await reopen(provider, gen.json().id)).statusCode).toBe(403);
    const seen = (await summary(provider)).json();
    expect(Object.keys(seen.counts.bySection)).toEqual(['acc']);
    expect(seen.threads.every((x: { sectionCode: string }) => x.sectionCode === 'acc')).toBe(true);
    for (const res of [await summary(otherProvider), await ask(otherProvider, { itemCode: 'acc_msna_totale', body: 'Domanda?' })]) expect(res.statusCode).toBe(403);
    expect(await written()).toEqual(before);
  });

  it('leaves resolving to tutors, the referent and the asker', async () => {
    const q = (await ask(provider, { itemCode: 'acc_sai_attivi', body: 'Il SAI comunale conta?' })).json();
    expect(q.canResolve).toBe(true);
    const asCoordinator = (await itemThreads(coordinator, 'acc_sai_attivi')).json().threads[0];
    expect(asCoordinator).toMatchObject({ canReply: true, canResolve: false });
    const refused = await resolve(coordinator, q.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('comment_resolve_forbidden');
    expect((await resolve(admin, q.id)).statusCode).toBe(403);
    expect((await reply(coordinator, q.id, 'Sì, se finanziato dal Ministero.')).statusCode).toBe(201);
    expect((await resolve(milano, q.id)).json().status).toBe('resolved');
    expect((await reopen(tutor, q.id)).json().status).toBe('open');
    expect((await resolve(provider, q.id)).json().status).toBe('resolved');
  });
});

describe('a locked submission', () => {
  it('still takes questions while submitted, then keeps its threads readable but closed once locked', async () => {
    expect((await milano.put(`/api/v1/submissions/${mi}/values`, { values: COMPLETE_VALUES })).statusCode).toBe(200);
    const submitted = await milano.post(`/api/v1/submissions/${mi}/transitions`, { to: 'submitted', justifications: { r_pres_variazione: 'Revisione anagrafica.' } });
    expect(submitted.json().status).toBe('submitted');
    const during = await ask(coordinator, { itemCode: 'pres_residenti', body: 'Da dove viene la crescita del 60%?' });
    expect(during.statusCode).toBe(201);
    expect((await milano.post(`/api/v1/submissions/${mi}/transitions`, { to: 'approved' })).statusCode).toBe(403);
    expect((await coordinator.post(`/api/v1/submissions/${mi}/transitions`, { to: 'approved' })).json()).toMatchObject({ status: 'submitted', reviewLevel: 'nation' });
    expect((await admin.post(`/api/v1/submissions/${mi}/transitions`, { to: 'approved' })).json().status).toBe('approved');
    expect((await admin.post(`/api/v1/submissions/${mi}/transitions`, { to: 'locked' })).json().status).toBe('locked');

    const before = await written();
    const closed = await ask(milano, { itemCode: 'pres_residenti', body: 'Ancora una domanda.' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toMatchObject({ code: 'submission_comments_closed', message: expect.stringMatching(/bloccata.*si possono leggere/) });
    expect((await reply(tutor, during.json().id, 'Risposta tardiva.')).statusCode).toBe(409);
    expect((await resolve(tutor, during.json().id)).statusCode).toBe(409);
    expect(await written()).toEqual(before);

    const read = (await itemThreads(tutor, 'pres_residenti')).json();
    expect(read).toMatchObject({ canPost: false, threads: [expect.objectContaining({ canReply: false, canResolve: false })] });
    expect((await summary(provider)).json().canPost).toBe(false);
  });
});
