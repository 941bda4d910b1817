import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { createTestUser, regionIdOf } from '../users/users.fixtures.ts';
import { api, countRows, makeEvent } from './questionnaires.fixtures.ts';
import { readDefaultDefinition } from './questionnaires.service.ts';

let t: TestApp;
let c: Cast;
let campania: Client;
let lombardiaRegion: number;
let campaniaRegion: number;
beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
  lombardiaRegion = await regionIdOf(t, '03');
  campaniaRegion = await regionIdOf(t, '15');
  const p = await createTestUser(t, { email: 'campania@attori.test', roles: [{ role: 'regional_coordinator', scopeType: 'region', scopeId: campaniaRegion }] });
  campania = await signIn(t.app, p.email, p.password);
});
afterAll(() => t.close());

const milanoScope = () => ({ scopeType: 'council', scopeId: c.milanoCouncil });
const auditOf = (id: number) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'questionnaire'), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.id));

describe('create from the default, read, change, open, close', () => {
  it('creates a draft from the default feedback questionnaire in one request, audited', async () => {
    const res = await c.milano.post(api, { template: 'feedback-default', ...milanoScope() });
    expect(res.statusCode).toBe(201);
    const q = res.json();
    expect(q).toMatchObject({
      title: "Questionario di gradimento dell'incontro",
      scopeType: 'council',
      council: { id: c.milanoCouncil, code: 'CTI-MI' },
      region: { id: lombardiaRegion, name: 'Lombardia' },
      anonymous: false,
      status: 'draft',
      responseCount: 0,
      canManage: true,
      canAnswer: false,
      version: 1,
    });
    expect(q.definition).toEqual(readDefaultDefinition());
    expect(res.headers.etag).toBe('"1"');
    const [a] = await auditOf(q.id);
    expect(a).toMatchObject({ action: 'create', actorEmail: 'milano@attori.test', councilId: c.milanoCouncil, regionId: lombardiaRegion });
  });

  it('edits the definition while a draft, then opens, freezes it, closes and reopens', async () => {
    const q = (await c.milano.post(api, { template: 'feedback-default', ...milanoScope(), anonymous: true })).json();
    const def = readDefaultDefinition();
    def.sections[0].items[0].label.it = 'Voto complessivo da 1 a 5';
    const edited = await c.tutor.patch(`${api}/${q.id}`, { version: 1, definition: def, title: 'Gradimento del tavolo di marzo' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Gradimento del tavolo di marzo', version: 2 });
    expect(edited.json().definition.sections[0].items[0].label.it).toBe('Voto complessivo da 1 a 5');
    const opened = await c.milano.patch(`${api}/${q.id}`, { version: 2, status: 'open' });
    // What a change leaves out stays as it was.
    expect(opened.json()).toMatchObject({ status: 'open', canAnswer: true, version: 3, title: 'Gradimento del tavolo di marzo', description: q.description });
    expect(q.description).toMatch(/^Ci aiuti a capire/);
    const before = await countRows(t);
    const frozen = await c.milano.patch(`${api}/${q.id}`, { version: 3, definition: def });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toBe('Il questionario è già aperto: le domande e l’anonimato non si cambiano più.');
    expect((await c.milano.patch(`${api}/${q.id}`, { version: 3, anonymous: false })).statusCode).toBe(409);
    expect((await c.milano.patch(`${api}/${q.id}`, { version: 3, status: 'draft' })).json().error.message).toBe('Un questionario «open» non può passare a «draft».');
    expect((await c.milano.patch(`${api}/${q.id}`, { version: 1, status: 'closed' })).statusCode).toBe(409);
    expect(await countRows(t)).toEqual(before);
    expect((await c.milano.patch(`${api}/${q.id}`, { version: 3, status: 'closed' })).json()).toMatchObject({ status: 'closed', canAnswer: false });
    expect((await c.milano.patch(`${api}/${q.id}`, { version: 4, status: 'open' })).json()).toMatchObject({ status: 'open' });
    expect((await auditOf(q.id)).map((a) => a.action)).toEqual(['open', 'close', 'open', 'update', 'create']);
  });

  it('creates from a definition given whole, and attaches an event of the same council', async () => {
    const e = await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardiaRegion, regionIds: [lombardiaRegion] });
    const def = readDefaultDefinition();
    def.code = 'gradimento-breve';
    def.sections = [def.sections[0]];
    const res = await c.milano.post(api, { definition: def, ...milanoScope(), eventId: e.id, title: 'Gradimento breve' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ title: 'Gradimento breve', event: { id: e.id, title: 'Incontro con le associazioni' } });
    const list = (await c.milano.get(`${api}?eventId=${e.id}`)).json();
    expect(list.items.map((q: { title: string }) => q.title)).toEqual(['Gradimento breve']);
    expect(list.items[0].definition).toBeUndefined();
  });

  it('deletes a questionnaire without answers at the version read', async () => {
    const q = (await c.milano.post(api, { template: 'feedback-default', ...milanoScope() })).json();
    expect((await c.milano.delete(`${api}/${q.id}`)).statusCode).toBe(400);
    expect((await c.milano.delete(`${api}/${q.id}?version=5`)).statusCode).toBe(409);
    expect((await c.napoli.delete(`${api}/${q.id}?version=1`)).statusCode).toBe(403);
    expect((await c.milano.delete(`${api}/${q.id}`, { 'if-match': '"1"' })).statusCode).toBe(204);
    expect((await c.milano.get(`${api}/${q.id}`)).statusCode).toBe(404);
    expect((await auditOf(q.id))[0]).toMatchObject({ action: 'delete' });
  });
});

describe('bad input: every problem named in Italian, nothing written', () => {
  it('refuses a definition the form engine rejects, with each problem on its path', async () => {
    const def = readDefaultDefinition();
    def.sections[0].items[1].code = 'voto_complessivo';
    def.sections[1].items[3].relevant = "selected(${temi}, 'altro')";
    const before = await countRows(t);
    const res = await c.milano.post(api, { definition: def, ...milanoScope() });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['definition.sections.0.items.1.code', 'definition.sections.1.items.3.relevant']));
    const relevant = res.json().error.details.issues.find((i: { field: string }) => i.field === 'definition.sections.1.items.3.relevant');
    expect(relevant.message).toMatch(/temi/);
    expect(await countRows(t)).toEqual(before);
  });

  it('names the fields of a malformed request', async () => {
    const before = await countRows(t);
    const res = await c.milano.post(api, { template: 'altro', scopeType: 'provincia', anonymous: 'sì', title: 'x' });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues as { field: string; message: string }[];
    expect(issues.map((i) => i.field).sort()).toEqual(['anonymous', 'scopeType', 'template', 'title']);
    expect(issues.find((i) => i.field === 'title')?.message).toBe('Scrivi almeno 3 caratteri.');
    const none = await c.milano.post(api, { scopeType: 'council', scopeId: c.milanoCouncil });
    expect(none.json().error.details.issues).toEqual([{ field: 'template', code: 'questionnaire_source_required', message: 'Parti dal questionario di gradimento predefinito o incolla una definizione.' }]);
    const noCouncil = await c.milano.post(api, { template: 'feedback-default', scopeType: 'council' });
    expect(noCouncil.json().error.details.issues[0]).toMatchObject({ field: 'scopeId', message: 'Scegli il consiglio territoriale del questionario.' });
    const past = await c.milano.post(api, { template: 'feedback-default', ...milanoScope(), closesAt: '2020-01-01T00:00:00Z' });
    expect(past.json().error.details.issues[0]).toMatchObject({ field: 'closesAt', message: 'La data di chiusura è già passata: scegline una futura.' });
    const noEvent = await c.milano.post(api, { template: 'feedback-default', ...milanoScope(), eventId: 999999 });
    expect(noEvent.json().error.details.issues[0]).toMatchObject({ field: 'eventId', message: 'Evento 999999 inesistente.' });
    expect(await countRows(t)).toEqual(before);
  });

  it('refuses an event of another scope', async () => {
    const napoliEvent = await makeEvent(t, { councilId: c.napoliCouncil, regionId: campaniaRegion, regionIds: [campaniaRegion] });
    const regional = await makeEvent(t, { scopeType: 'region', regionId: lombardiaRegion, regionIds: [lombardiaRegion] });
    const before = await countRows(t);
    for (const id of [napoliEvent.id, regional.id]) {
      const res = await c.milano.post(api, { template: 'feedback-default', ...milanoScope(), eventId: id });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0]).toMatchObject({ field: 'eventId', message: `L’evento ${id} appartiene a un altro ambito: allega un evento dello stesso ambito del questionario.` });
    }
    expect(await countRows(t)).toEqual(before);
    expect((await c.lombardia.post(api, { template: 'feedback-default', scopeType: 'region', scopeId: lombardiaRegion, eventId: regional.id })).statusCode).toBe(201);
  });
});

describe('who writes and who reads', () => {
  it('asks for sign-in, and lets only keepers write, each in their own place', async () => {
    const before = await countRows(t);
    expect((await c.anon.get(api)).statusCode).toBe(401);
    expect((await c.anon.post(api, { template: 'feedback-default', ...milanoScope() })).statusCode).toBe(401);
    expect((await c.member.post(api, { template: 'feedback-default', ...milanoScope() })).statusCode).toBe(403);
    expect((await c.provider.post(api, { template: 'feedback-default', ...milanoScope() })).statusCode).toBe(403);
    expect((await c.napoli.post(api, { template: 'feedback-default', ...milanoScope() })).statusCode).toBe(403);
    expect((await campania.post(api, { template: 'feedback-default', ...milanoScope() })).statusCode).toBe(403);
    expect((await c.milano.post(api, { template: 'feedback-default', scopeType: 'region', scopeId: lombardiaRegion })).statusCode).toBe(403);
    expect((await c.lombardia.post(api, { template: 'feedback-default', scopeType: 'nation' })).statusCode).toBe(403);
    expect(await countRows(t)).toEqual(before);
    expect((await c.lombardia.post(api, { template: 'feedback-default', ...milanoScope() })).statusCode).toBe(201);
    expect((await c.admin.post(api, { template: 'feedback-default', scopeType: 'nation' })).statusCode).toBe(201);
  });

  it('shows drafts to keepers only, open questionnaires to their place, nothing of another council', async () => {
    const draft = (await c.milano.post(api, { template: 'feedback-default', ...milanoScope(), title: 'Bozza di Milano' })).json();
    const open = (await c.milano.post(api, { template: 'feedback-default', ...milanoScope(), title: 'Aperto di Milano' })).json();
    await c.milano.patch(`${api}/${open.id}`, { version: 1, status: 'open' });
    const titles = async (who: Client) => (await who.get(`${api}?q=di Milano&pageSize=100`)).json().items.map((q: { title: string }) => q.title);
    expect(await titles(c.milano)).toEqual(expect.arrayContaining(['Bozza di Milano', 'Aperto di Milano']));
    expect(await titles(c.lombardia)).toEqual(expect.arrayContaining(['Bozza di Milano', 'Aperto di Milano']));
    expect(await titles(c.member)).toEqual(['Aperto di Milano']);
    expect(await titles(c.napoli)).toEqual([]);
    expect(await titles(campania)).toEqual([]);
    expect((await c.member.get(`${api}/${draft.id}`)).statusCode).toBe(403);
    expect((await c.member.get(`${api}/${open.id}`)).json()).toMatchObject({ canManage: false, canAnswer: true });
    expect((await c.napoli.get(`${api}/${open.id}`)).statusCode).toBe(403);
    expect((await campania.get(`${api}/${open.id}`)).statusCode).toBe(403);
    const before = await countRows(t);
    expect((await c.napoli.patch(`${api}/${open.id}`, { version: 2, status: 'closed' })).statusCode).toBe(403);
    expect((await campania.patch(`${api}/${open.id}`, { version: 2, status: 'closed' })).statusCode).toBe(403);
    expect((await c.member.patch(`${api}/${open.id}`, { version: 2, status: 'closed' })).statusCode).toBe(403);
    expect(await countRows(t)).toEqual(before);
  });
});

describe('choices for the new questionnaire form', () => {
  it('lists the places and the events the caller may use', async () => {
    const e = await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardiaRegion, regionIds: [lombardiaRegion], title: 'Tavolo di Milano' });
    await makeEvent(t, { councilId: c.napoliCouncil, regionId: campaniaRegion, regionIds: [campaniaRegion], title: 'Tavolo di Napoli' });
    const scopes = (await c.milano.get(`${api}/scopes`)).json().items;
    expect(scopes).toEqual([{ scopeType: 'council', scopeId: c.milanoCouncil, name: expect.stringContaining('Milano') }]);
    const mine = (await c.milano.get(`${api}/events`)).json().items;
    expect(mine).toContainEqual({ id: e.id, title: 'Tavolo di Milano', scopeType: 'council', scopeId: c.milanoCouncil });
    expect(mine.map((x: { title: string }) => x.title)).not.toContain('Tavolo di Napoli');
    expect((await c.member.get(`${api}/events`)).json().items).toEqual([]);
    expect((await c.anon.get(`${api}/scopes`)).statusCode).toBe(401);
  });
});

describe('bad changes: nothing written', () => {
  it('refuses a broken definition, unknown fields and a past closing date on a draft', async () => {
    const q = (await c.milano.post(api, { template: 'feedback-default', ...milanoScope() })).json();
    const def = readDefaultDefinition();
    def.sections[0].items[0].min = 9;
    def.sections[0].items[0].max = 1;
    const before = await countRows(t);
    const broken = await c.milano.patch(`${api}/${q.id}`, { version: 1, definition: def });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details.issues).toEqual([{ field: 'definition.sections.0.items.0.min', code: 'min_greater_than_max', message: 'Il minimo (9) è maggiore del massimo (1).' }]);
    const unknown = await c.milano.patch(`${api}/${q.id}`, { version: 1, colore: 'blu' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].message).toBe('Campo non previsto: colore.');
    const past = await c.milano.patch(`${api}/${q.id}`, { version: 1, closesAt: '2021-05-01T10:00:00+02:00' });
    expect(past.json().error.details.issues[0]).toMatchObject({ field: 'closesAt' });
    const noVersion = await c.milano.patch(`${api}/${q.id}`, { title: 'Senza versione' });
    expect(noVersion.json().error.details.issues[0]).toMatchObject({ field: 'version' });
    expect(await countRows(t)).toEqual(before);
    expect((await c.milano.get(`${api}/${q.id}`)).json()).toMatchObject({ version: 1, title: q.title });
  });

  it('answers in English when asked', async () => {
    const res = await c.milano.post(`${api}?lang=en`, { scopeType: 'council', scopeId: c.milanoCouncil }, { 'accept-language': 'en' });
    expect(res.json().error.details.issues[0].message).toBe('Start from the default feedback questionnaire or paste a definition.');
  });

  it('keeps drafts from answers, even from their keepers', async () => {
    const q = (await c.milano.post(api, { template: 'feedback-default', ...milanoScope() })).json();
    const res = await c.milano.post(`${api}/${q.id}/responses`, { values: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Il questionario è ancora in preparazione: non accetta risposte.');
    expect((await c.member.post(`${api}/${q.id}/responses`, { values: {} })).statusCode).toBe(403);
  });

  it('refuses a deletion once answers exist', async () => {
    const q = (await c.milano.post(api, { template: 'feedback-default', ...milanoScope() })).json();
    const opened = (await c.milano.patch(`${api}/${q.id}`, { version: 1, status: 'open' })).json();
    const values = { voto_complessivo: 3, utilita: 'poco', ascoltata: 'si', parteciperebbe_ancora: 'no' };
    expect((await c.tutor.post(`${api}/${q.id}/responses`, { values })).statusCode).toBe(201);
    const res = await c.milano.delete(`${api}/${q.id}?version=${opened.version}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Il questionario ha già ricevuto risposte (1): chiudilo invece di eliminarlo.');
    expect((await c.milano.get(`${api}/${q.id}`)).statusCode).toBe(200);
  });
});

describe('documentation', () => {
  it('publishes the questionnaire entry points in the OpenAPI document', async () => {
    const doc = (await c.anon.get('/api/openapi.json')).json();
    for (const p of [
      '/api/v1/questionnaires',
      '/api/v1/questionnaires/{id}',
      '/api/v1/questionnaires/{id}/invitations',
      '/api/v1/questionnaires/{id}/responses',
      '/api/v1/questionnaires/{id}/results',
      '/api/v1/questionnaires/{id}/results.csv',
      '/api/v1/public/questionnaires/by-token/{token}',
      '/api/v1/public/questionnaires/by-token/{token}/responses',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
