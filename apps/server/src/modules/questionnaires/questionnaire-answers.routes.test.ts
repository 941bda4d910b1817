import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { type Cast, makeOrganization, setUpCast } from '../organizations/organizations.fixtures.ts';
import { createTestUser, regionIdOf } from '../users/users.fixtures.ts';
import { users } from '../users/users.schema.ts';
import { questionnaireAnswerMarks } from './questionnaire-marks.schema.ts';
import { api, countRows, GOOD_ANSWER, makeEvent, openDefault, registerToEvent, tokenFor } from './questionnaires.fixtures.ts';
import { questionnaireInvitations, questionnaireResponses } from './questionnaires.schema.ts';

let t: TestApp;
let c: Cast;
let campania: Client;
let lombardiaRegion: number;
const pub = '/api/v1/public/questionnaires/by-token';
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://mosaico.example.it' });
  c = await setUpCast(t);
  lombardiaRegion = await regionIdOf(t, '03');
  const campaniaRegion = await regionIdOf(t, '15');
  const p = await createTestUser(t, { email: 'campania@attori.test', roles: [{ role: 'regional_coordinator', scopeType: 'region', scopeId: campaniaRegion }] });
  campania = await signIn(t.app, p.email, p.password);
});
afterAll(() => t.close());

const milano = () => ({ scopeType: 'council', scopeId: c.milanoCouncil });
const responsesOf = (id: number) => t.database.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.questionnaireId, id));

describe('invitations and answers by link', () => {
  it('sends one-time links by e-mail in Italian, storing only the token hash', async () => {
    const q = await openDefault(c.milano, milano());
    const res = await c.milano.post(`${api}/${q.id}/invitations`, { emails: ['Amina@Associazioni.test', 'karim@associazioni.test'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ sent: 2, skipped: [] });
    const token = await tokenFor(t, 'amina@associazioni.test');
    const [inv] = await t.database.db.select().from(questionnaireInvitations).where(eq(questionnaireInvitations.email, 'amina@associazioni.test'));
    expect(inv.tokenHash).not.toContain(token);
    expect(JSON.stringify(inv)).not.toContain(token);
    const again = await c.milano.post(`${api}/${q.id}/invitations`, { emails: ['amina@associazioni.test', 'sara@associazioni.test'] });
    expect(again.json()).toEqual({ sent: 1, skipped: ['amina@associazioni.test'] });
    const status = (await c.milano.get(`${api}/${q.id}/invitations`)).json();
    expect(status).toMatchObject({ invited: 3, answered: 0, rate: 0, directResponses: 0 });
    expect(status.items.map((i: { email: string }) => i.email)).toEqual(['amina@associazioni.test', 'karim@associazioni.test', 'sara@associazioni.test']);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'questionnaire'), eq(auditLog.action, 'invite'), eq(auditLog.entityId, String(q.id))));
    expect(JSON.stringify(audit.after)).not.toContain(token);
  });

  it('opens the questionnaire by link, takes one answer, refuses the second with a clear message', async () => {
    const q = await openDefault(c.milano, milano());
    await c.milano.post(`${api}/${q.id}/invitations`, { emails: ['uno@associazioni.test'] });
    const token = await tokenFor(t, 'uno@associazioni.test');
    const anon = client(t.app);
    const got = await anon.get(`${pub}/${token}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ state: 'open', title: q.title, anonymous: false });
    expect(got.json().definition.sections).toHaveLength(2);
    const first = await anon.post(`${pub}/${token}/responses`, { values: GOOD_ANSWER });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ anonymous: false });
    const before = await countRows(t);
    const second = await anon.post(`${pub}/${token}/responses`, { values: GOOD_ANSWER });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe('Con questo invito è già stata data una risposta: ogni invito vale per una sola risposta.');
    expect(await countRows(t)).toEqual(before);
    expect((await anon.get(`${pub}/${token}`)).json()).toMatchObject({ state: 'answered', definition: null });
    const [r] = await responsesOf(q.id);
    expect(r.invitationId).not.toBeNull();
    expect(r.values).toEqual(GOOD_ANSWER);
    expect((await c.milano.get(`${api}/${q.id}/invitations`)).json()).toMatchObject({ invited: 1, answered: 1, rate: 1 });
  });

  it('checks the answers with the form engine: every issue on its question, in Italian, nothing written', async () => {
    const q = await openDefault(c.milano, milano());
    await c.milano.post(`${api}/${q.id}/invitations`, { emails: ['due@associazioni.test'] });
    const token = await tokenFor(t, 'due@associazioni.test');
    const before = await countRows(t);
    const res = await client(t.app).post(`${pub}/${token}/responses`, {
      values: { voto_complessivo: 9, utilita: 'moltissimo', parteciperebbe_ancora: 'forse', temi_futuri: ['altro'], domanda_inventata: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Alcune risposte non sono valide: correggi le domande indicate. Nulla è stato registrato.');
    const byField = Object.fromEntries(res.json().error.details.issues.map((i: { field: string; code: string }) => [i.field, i.code]));
    expect(byField).toEqual({
      'values.voto_complessivo': 'range',
      'values.utilita': 'choice',
      'values.ascoltata': 'required',
      'values.parteciperebbe_ancora': 'type',
      'values.altro_tema': 'required',
      'values.domanda_inventata': 'unknown',
    });
    const range = res.json().error.details.issues.find((i: { field: string }) => i.field === 'values.voto_complessivo');
    expect(range.message).toMatch(/5/);
    expect(await countRows(t)).toEqual(before);
    // Answers to questions that do not apply are not kept.
    const ok = await client(t.app).post(`${pub}/${token}/responses`, { values: { ...GOOD_ANSWER, ascoltata: 'si', perche_non_ascoltata: 'non pertinente' } });
    expect(ok.statusCode).toBe(201);
    const [r] = await responsesOf(q.id);
    expect(r.values).not.toHaveProperty('perche_non_ascoltata');
  });

  it('says why a link cannot be used: unknown, closed, expired', async () => {
    const q = await openDefault(c.milano, milano(), { closesAt: new Date(Date.now() + 3_600_000).toISOString() });
    await c.milano.post(`${api}/${q.id}/invitations`, { emails: ['tre@associazioni.test'] });
    const token = await tokenFor(t, 'tre@associazioni.test');
    const anon = client(t.app);
    const unknown = await anon.get(`${pub}/${'x'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Link non valido: controlla di averlo copiato per intero dal messaggio ricevuto.');
    expect((await anon.get(`${pub}/corto`)).statusCode).toBe(400);
    await c.milano.patch(`${api}/${q.id}`, { version: q.version, status: 'closed' });
    expect((await anon.get(`${pub}/${token}`)).json()).toMatchObject({ state: 'closed', definition: null });
    const closed = await anon.post(`${pub}/${token}/responses`, { values: GOOD_ANSWER });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toBe('Il questionario è chiuso: non accetta più risposte.');
    await c.milano.patch(`${api}/${q.id}`, { version: q.version + 1, status: 'open' });
    // The closing time passes.
    await t.database.db.execute(`update questionnaires set closes_at = now() - interval '1 day' where id = ${q.id}`);
    expect((await anon.get(`${pub}/${token}`)).json()).toMatchObject({ state: 'expired' });
    const expired = await anon.post(`${pub}/${token}/responses`, { values: GOOD_ANSWER });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().error.message).toMatch(/^Il termine per rispondere è scaduto il \d{1,2}\/\d{1,2}\/\d{4}\.$/);
    const late = await c.milano.post(`${api}/${q.id}/invitations`, { emails: ['tardi@associazioni.test'] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/^Il termine per rispondere è scaduto il /);
    expect(await responsesOf(q.id)).toHaveLength(0);
  });

  it('invites organisations at their address and the registered participants of the event', async () => {
    const e = await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardiaRegion, regionIds: [lombardiaRegion] });
    await registerToEvent(t, e.id, [
      { fullName: 'Fatou Diop', email: 'fatou@esterni.test' },
      { fullName: 'In attesa', email: 'attesa@esterni.test', status: 'waiting' },
      { fullName: 'Annullato', email: 'annullato@esterni.test', status: 'cancelled' },
      { fullName: 'Cancellato', email: 'x@esterni.test', erased: true },
    ]);
    const assoc = await makeOrganization(t, { name: 'Comunità senegalese di Milano', kind: 'association', email: 'info@senegal-mi.test' });
    const q = await openDefault(c.milano, milano(), { eventId: e.id });
    const res = await c.milano.post(`${api}/${q.id}/invitations`, { eventParticipants: true, organizationIds: [assoc.id] });
    expect(res.json()).toEqual({ sent: 2, skipped: [] });
    const invs = await t.database.db.select().from(questionnaireInvitations).where(eq(questionnaireInvitations.questionnaireId, q.id));
    expect(invs.map((i) => [i.email, i.organizationId]).sort()).toEqual([['fatou@esterni.test', null], ['info@senegal-mi.test', assoc.id]].sort());
    // The association answers by its link: the participation count reads the organisation from the answer.
    await client(t.app).post(`${pub}/${await tokenFor(t, 'info@senegal-mi.test')}/responses`, { values: GOOD_ANSWER });
    const [r] = await responsesOf(q.id);
    expect(r.organizationId).toBe(assoc.id);
  });

  it('refuses bad recipient lists, naming the field, writing and sending nothing', async () => {
    const q = await openDefault(c.milano, milano());
    const napoliAssoc = await makeOrganization(t, { name: 'Associazione di Napoli', kind: 'association', territoryCode: '063049', email: 'a@napoli.test' });
    const noMail = await makeOrganization(t, { name: 'Associazione senza posta', kind: 'association' });
    const before = await countRows(t);
    const cases: [unknown, string, string][] = [
      [{}, 'emails', 'Indica almeno un destinatario: indirizzi e-mail, utenti, organizzazioni o i partecipanti dell’evento.'],
      [{ emails: ['non-una-email'] }, 'emails.0', 'Indirizzo e-mail non valido.'],
      [{ eventParticipants: true }, 'eventParticipants', 'Il questionario non è collegato a un evento: non ci sono partecipanti da invitare.'],
      [{ userIds: [999999] }, 'userIds', 'Utenti inesistenti o disattivati: 999999.'],
      [{ organizationIds: [napoliAssoc.id] }, 'organizationIds', 'Queste organizzazioni sono fuori dall’ambito del questionario: Associazione di Napoli.'],
      [{ organizationIds: [noMail.id] }, 'organizationIds', 'Queste organizzazioni non hanno un indirizzo e-mail: Associazione senza posta.'],
    ];
    for (const [body, field, message] of cases) {
      const res = await c.milano.post(`${api}/${q.id}/invitations`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.issues[0]).toMatchObject({ field, message });
    }
    const draft = (await c.milano.post(api, { template: 'feedback-default', ...milano() })).json();
    const notOpen = await c.milano.post(`${api}/${draft.id}/invitations`, { emails: ['a@b.test'] });
    expect(notOpen.statusCode).toBe(409);
    expect(notOpen.json().error.message).toBe('Il questionario non è aperto: apri il questionario prima di inviare gli inviti.');
    expect({ ...(await countRows(t)), questionnaires: before.questionnaires, audit: before.audit }).toEqual(before);
    expect(await t.database.db.select().from(organizations).where(eq(organizations.id, noMail.id))).toHaveLength(1);
  });
});

describe('signed-in answers and anonymity', () => {
  it('knows a platform user invited by their address: answered by the link, not again signed in', async () => {
    const q = await openDefault(c.milano, milano());
    expect((await c.milano.post(`${api}/${q.id}/invitations`, { emails: ['Provider@Attori.test'] })).json()).toEqual({ sent: 1, skipped: [] });
    const token = await tokenFor(t, 'provider@attori.test');
    expect((await client(t.app).post(`${pub}/${token}/responses`, { values: GOOD_ANSWER })).statusCode).toBe(201);
    const again = await c.provider.post(`${api}/${q.id}/responses`, { values: GOOD_ANSWER });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Hai già risposto a questo questionario: si risponde una volta sola.');
    expect(await responsesOf(q.id)).toHaveLength(1);
  });

  it('takes one answer per person on a named questionnaire, with their organisation', async () => {
    const q = await openDefault(c.milano, milano());
    expect((await c.member.post(`${api}/${q.id}/responses`, { values: GOOD_ANSWER })).statusCode).toBe(201);
    const again = await c.member.post(`${api}/${q.id}/responses`, { values: GOOD_ANSWER });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Hai già risposto a questo questionario: si risponde una volta sola.');
    const [r] = await responsesOf(q.id);
    expect(r).toMatchObject({ organizationId: c.memberOrg, invitationId: null });
    expect(r.userId).not.toBeNull();
    expect((await c.member.get(`${api}/${q.id}`)).json()).toMatchObject({ answered: true, canAnswer: false });
    expect((await c.anon.post(`${api}/${q.id}/responses`, { values: GOOD_ANSWER })).statusCode).toBe(401);
    expect((await c.napoli.post(`${api}/${q.id}/responses`, { values: GOOD_ANSWER })).statusCode).toBe(403);
  });

  it('stores nothing that links a person to an anonymous answer, yet takes one answer per person', async () => {
    const q = await openDefault(c.milano, milano(), { anonymous: true });
    const member = await c.member.post(`${api}/${q.id}/responses`, { values: GOOD_ANSWER });
    expect(member.statusCode).toBe(201);
    expect(member.json().submittedAt).toMatch(/T00:00:00\.000Z$/);
    expect((await c.member.post(`${api}/${q.id}/responses`, { values: GOOD_ANSWER })).statusCode).toBe(409);
    expect((await c.member.get(`${api}/${q.id}`)).json()).toMatchObject({ answered: true, canAnswer: false });
    // An invited user's link, then the same person signed in: refused too.
    const [provider] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, 'provider@attori.test'));
    expect((await c.milano.post(`${api}/${q.id}/invitations`, { userIds: [provider.id] })).json()).toEqual({ sent: 1, skipped: [] });
    const token = await tokenFor(t, 'provider@attori.test');
    expect((await client(t.app).post(`${pub}/${token}/responses`, { values: { ...GOOD_ANSWER, voto_complessivo: 2 } })).statusCode).toBe(201);
    expect((await c.provider.post(`${api}/${q.id}/responses`, { values: GOOD_ANSWER })).statusCode).toBe(409);

    const rows = await responsesOf(q.id);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r).toMatchObject({ userId: null, organizationId: null, invitationId: null });
      expect(r.submittedAt.toISOString()).toMatch(/T00:00:00\.000Z$/);
    }
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'questionnaire'), eq(auditLog.entityId, String(q.id)), eq(auditLog.action, 'answer_anonymous')));
    expect(audits).toHaveLength(2);
    for (const a of audits) expect(a).toMatchObject({ actorId: null, actorEmail: null, after: null, organizationId: null });
    const marks = await t.database.db.select().from(questionnaireAnswerMarks).where(eq(questionnaireAnswerMarks.questionnaireId, q.id));
    expect(marks).toHaveLength(2);
    expect(JSON.stringify(marks)).not.toMatch(/provider|member|@/);
    const results = (await c.milano.get(`${api}/${q.id}/results`)).json();
    // Neither who nor which day: a day could match an answer to the invitation used that day.
    const open = results.questions.find((x: { code: string }) => x.code === 'cosa_ha_funzionato').answers;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((a: { by: unknown; submittedAt: unknown }) => a.by === null && a.submittedAt === null)).toBe(true);
    const invitations = (await c.milano.get(`${api}/${q.id}/invitations`)).json();
    expect(invitations.items).toEqual([expect.objectContaining({ answered: true, answeredAt: null })]);
    const csv = (await c.milano.get(`${api}/${q.id}/results.csv`)).body;
    expect(csv.split('\n')[0]).not.toMatch(/Risposta di|Organizzazione|Data/);
    expect(csv).not.toMatch(/member|provider|attori\.test/);
  });
});

describe('results and exports', () => {
  it('aggregates the answers per question, with the response rate', async () => {
    const q = await openDefault(c.milano, milano());
    await c.milano.post(`${api}/${q.id}/invitations`, { emails: ['r1@associazioni.test', 'r2@associazioni.test', 'r3@associazioni.test', 'r4@associazioni.test'] });
    const answers = [
      { ...GOOD_ANSWER, voto_complessivo: 5, utilita: 'molto', temi_futuri: ['lavoro'] },
      { ...GOOD_ANSWER, voto_complessivo: 3, utilita: 'abbastanza', parteciperebbe_ancora: 'no', temi_futuri: ['lavoro', 'casa'], cosa_migliorare: 'Orari più comodi.' },
      { ...GOOD_ANSWER, voto_complessivo: 4, utilita: 'molto', temi_futuri: [] },
    ];
    for (const [i, values] of answers.entries()) {
      expect((await client(t.app).post(`${pub}/${await tokenFor(t, `r${i + 1}@associazioni.test`)}/responses`, { values })).statusCode).toBe(201);
    }
    const res = await c.milano.get(`${api}/${q.id}/results`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ responseCount: 3, invited: 4, answeredInvitations: 3, rate: 0.75, anonymous: false });
    const byCode = Object.fromEntries(r.questions.map((x: { code: string }) => [x.code, x]));
    expect(byCode.voto_complessivo).toMatchObject({ kind: 'number', answered: 3, mean: 4, median: 4, min: 3, max: 5 });
    expect(byCode.utilita.options.slice(0, 2)).toEqual([
      { code: 'molto', label: 'Molto utile', count: 2, percent: 66.7 },
      { code: 'abbastanza', label: 'Abbastanza utile', count: 1, percent: 33.3 },
    ]);
    expect(byCode.parteciperebbe_ancora.options).toEqual([
      { code: 'yes', label: 'Sì', count: 2, percent: 66.7 },
      { code: 'no', label: 'No', count: 1, percent: 33.3 },
    ]);
    expect(byCode.temi_futuri).toMatchObject({ answered: 2 });
    expect(byCode.temi_futuri.options.find((o: { code: string }) => o.code === 'lavoro')).toMatchObject({ count: 2, percent: 100 });
    expect(byCode.cosa_migliorare.answers).toEqual([expect.objectContaining({ text: 'Orari più comodi.', by: 'r2@associazioni.test' })]);

    const csv = await c.milano.get(`${api}/${q.id}/results.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain(`questionario-${q.id}-risposte.csv`);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Risposta,Data,Risposta di,Organizzazione,"Nel complesso, come valuta l'incontro\?"/);
    expect(lines[2]).toContain('Abbastanza utile');
    expect(lines[2]).toContain('Lavoro e formazione professionale; Casa e abitare');

    const xlsx = await c.milano.get(`${api}/${q.id}/results.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Risposte');
    expect(ws?.rowCount).toBe(4);
    expect(ws?.getRow(2).getCell(5).value).toBe(5);
  });

  it('shows results and exports only to keepers of the questionnaire', async () => {
    const q = await openDefault(c.milano, milano());
    for (const who of [c.napoli, campania, c.member, c.provider]) {
      for (const path of ['results', 'results.csv', 'results.xlsx']) expect((await who.get(`${api}/${q.id}/${path}`)).statusCode).toBe(403);
    }
    expect((await c.anon.get(`${api}/${q.id}/results`)).statusCode).toBe(401);
    const before = await countRows(t);
    expect((await c.napoli.post(`${api}/${q.id}/invitations`, { emails: ['a@b.test'] })).statusCode).toBe(403);
    expect((await campania.post(`${api}/${q.id}/invitations`, { emails: ['a@b.test'] })).statusCode).toBe(403);
    expect(await countRows(t)).toEqual(before);
    expect((await c.napoli.get(`${api}/${q.id}/invitations`)).statusCode).toBe(403);
    // An association member reads the counts, never the addresses.
    await c.milano.post(`${api}/${q.id}/invitations`, { emails: ['segreto@associazioni.test'] });
    expect((await c.member.get(`${api}/${q.id}/invitations`)).json()).toMatchObject({ invited: 1, items: [] });
    expect((await c.lombardia.get(`${api}/${q.id}/results`)).statusCode).toBe(200);
    expect((await c.tutor.get(`${api}/${q.id}/results.csv`)).statusCode).toBe(200);
  });

  it('keeps the Lombardia coordinator out of a Napoli questionnaire: no results, invitations or changes', async () => {
    const q = await openDefault(c.napoli, { scopeType: 'council', scopeId: c.napoliCouncil });
    await c.napoli.post(`${api}/${q.id}/invitations`, { emails: ['napoli1@associazioni.test'] });
    await client(t.app).post(`${pub}/${await tokenFor(t, 'napoli1@associazioni.test')}/responses`, { values: GOOD_ANSWER });
    const before = await countRows(t);
    for (const path of ['', '/results', '/results.csv', '/results.xlsx', '/invitations']) expect((await c.lombardia.get(`${api}/${q.id}${path}`)).statusCode).toBe(403);
    expect((await c.lombardia.post(`${api}/${q.id}/invitations`, { emails: ['x@y.test'] })).statusCode).toBe(403);
    expect((await c.lombardia.patch(`${api}/${q.id}`, { version: q.version, status: 'closed' })).statusCode).toBe(403);
    expect((await c.milano.get(`${api}/${q.id}/results`)).statusCode).toBe(403);
    expect((await c.lombardia.get(`${api}?pageSize=100`)).json().items.map((x: { id: number }) => x.id)).not.toContain(q.id);
    expect(await countRows(t)).toEqual(before);
    expect((await c.napoli.get(`${api}/${q.id}/results`)).json()).toMatchObject({ responseCount: 1 });
  });
});

describe('bad answers: nothing written', () => {
  it('refuses malformed bodies and engine issues on signed-in and link answers alike', async () => {
    const q = await openDefault(c.milano, milano());
    await c.milano.post(`${api}/${q.id}/invitations`, { emails: ['malformato@associazioni.test'] });
    const token = await tokenFor(t, 'malformato@associazioni.test');
    const before = await countRows(t);
    for (const body of [{}, { values: 'tutto bene' }, { values: GOOD_ANSWER, extra: 1 }]) {
      expect((await c.member.post(`${api}/${q.id}/responses`, body)).statusCode).toBe(400);
      expect((await client(t.app).post(`${pub}/${token}/responses`, body)).statusCode).toBe(400);
    }
    const signedIn = await c.member.post(`${api}/${q.id}/responses`, { values: { ...GOOD_ANSWER, voto_complessivo: 2.5, temi_futuri: ['lavoro', 'lavoro'] } });
    expect(signedIn.statusCode).toBe(400);
    expect(signedIn.json().error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual(['values.temi_futuri', 'values.voto_complessivo']);
    expect(await countRows(t)).toEqual(before);
    expect((await c.member.get(`${api}/${q.id}`)).json()).toMatchObject({ answered: false, canAnswer: true });
  });
});
