import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { createTestUser, regionIdOf } from '../users/users.fixtures.ts';
import { associationJoinRequests, associationLog, associationProfiles } from './associations.schema.ts';

let t: TestApp;
let c: Cast;
let campania: Client;
beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
  const p = await createTestUser(t, { email: 'campania@attori.test', roles: [{ role: 'regional_coordinator', scopeType: 'region', scopeId: await regionIdOf(t, '15') }] });
  campania = await signIn(t.app, p.email, p.password);
});
afterAll(() => t.close());

const publicApi = '/api/v1/public/associations/join-requests';
const api = '/api/v1/associations/join-requests';
let ip = 0;
/** Each test sends from its own address, so the form's rate limit is tested on purpose only. */
const send = (payload: unknown, from = `10.9.0.${++ip}`) => t.app.inject({ method: 'POST', url: publicApi, payload: payload as object, remoteAddress: from });
let seq = 0;
const request = (over: Record<string, unknown> = {}) => ({
  provinceCode: 'MI',
  name: `Associazione dei peruviani ${++seq}`,
  legalForm: 'odv',
  communities: ['Perù'],
  languages: ['spagnolo', 'quechua'],
  sectors: ['culture'],
  activities: 'Feste e doposcuola.',
  contactPerson: 'Rosa Quispe',
  email: 'rosa@peru.test',
  phone: '+39 333 1234567',
  consent: true,
  ...over,
});

async function rows() {
  const db = t.database.db;
  const [r] = await db.select({ n: count() }).from(associationJoinRequests);
  const [o] = await db.select({ n: count() }).from(organizations);
  const [p] = await db.select({ n: count() }).from(associationProfiles);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { requests: r.n, organizations: o.n, profiles: p.n, audit: a.n };
}
const issuesOf = (res: { json(): { error: { details: { issues: { field: string; message: string }[] } } } }) =>
  Object.fromEntries(res.json().error.details.issues.map((i) => [i.field, i.message]));

describe('public join form', () => {
  it('takes a request signed out, sends it to the province’s council, and keeps personal data out of the audit', async () => {
    const res = await send(request({ name: 'Asociación Inti' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().council.name).toMatch(/Milano/);
    const [r] = await t.database.db.select().from(associationJoinRequests).where(eq(associationJoinRequests.id, res.json().id));
    expect(r).toMatchObject({ councilId: c.milanoCouncil, status: 'pending', contactPerson: 'Rosa Quispe', email: 'rosa@peru.test' });
    expect(r.consentAt).toBeInstanceOf(Date);
    const [a] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'association_join_request'));
    expect(JSON.stringify(a.after)).not.toContain('Rosa');
  });

  it('refuses bad input with a specific Italian message per field and stores nothing', async () => {
    const before = await rows();
    const res = await send({ provinceCode: '', name: '', legalForm: '', contactPerson: '', email: 'rosa', consent: false, website: 'ftp://x' });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual({
      provinceCode: 'Scegli la provincia in cui opera l’associazione.',
      name: 'Scrivi il nome dell’associazione (almeno 2 caratteri).',
      legalForm: 'Scegli la forma giuridica dell’associazione.',
      contactPerson: 'Scrivi nome e cognome della persona di riferimento.',
      email: 'Indirizzo e-mail non valido: ci serve per risponderti.',
      consent: 'Per inviare la richiesta devi acconsentire al trattamento dei dati personali.',
      website: 'Indirizzo web non valido (deve iniziare con http:// o https://).',
    });
    const noConsent = { ...request() } as Record<string, unknown>;
    delete noConsent.consent;
    expect(issuesOf(await send(noConsent)).consent).toBe('Per inviare la richiesta devi acconsentire al trattamento dei dati personali.');
    expect(issuesOf(await send(request({ provinceCode: 'ZZ' }))).provinceCode).toBe('Provincia «ZZ» non riconosciuta: sceglila dall’elenco.');
    expect(issuesOf(await send(request({ provinceCode: '03' }))).provinceCode).toBe('Provincia «03» non riconosciuta: sceglila dall’elenco.');
    expect(issuesOf(await send(request({ extra: 1 }))).extra).toBe('Campo non previsto: extra.');
    expect(await rows()).toEqual(before);
  });

  it('answers in English when asked', async () => {
    const res = await t.app.inject({ method: 'POST', url: publicApi, payload: request({ consent: false, provinceCode: 'ZZ' }), remoteAddress: '10.7.0.1', headers: { 'accept-language': 'en' } });
    expect(issuesOf(res).consent).toBe('To send the request you must consent to the processing of personal data.');
    const province = await t.app.inject({ method: 'POST', url: publicApi, payload: request({ provinceCode: 'ZZ' }), remoteAddress: '10.7.0.1', headers: { 'accept-language': 'en' } });
    expect(issuesOf(province).provinceCode).toBe('Province “ZZ” not recognised: choose it from the list.');
  });

  it('is rate-limited per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await send({}, '10.8.0.1')).statusCode);
    expect(codes.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('lists the provinces councils cover, signed out', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/associations/provinces' });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((p: { name: string }) => p.name);
    expect(names).toContain('Napoli');
  });
});

describe('verification by the council', () => {
  it('lists requests only to the council’s keepers, in scope', async () => {
    const id = (await send(request())).json().id;
    const napoliId = (await send(request({ provinceCode: 'NA' }))).json().id;
    expect((await c.anon.get(api)).statusCode).toBe(401);
    expect((await c.tutor.get(api)).statusCode).toBe(403);
    expect((await c.member.get(api)).statusCode).toBe(403);
    const ids = async (who: Client) => (await who.get(`${api}?pageSize=500`)).json().items.map((r: { id: number }) => r.id);
    expect(await ids(c.milano)).toContain(id);
    expect(await ids(c.milano)).not.toContain(napoliId);
    expect(await ids(c.lombardia)).toContain(id);
    expect(await ids(campania)).toEqual(expect.arrayContaining([napoliId]));
    expect(await ids(campania)).not.toContain(id);
    expect((await c.milano.get(`${api}/${id}`)).json()).toMatchObject({ contactPerson: 'Rosa Quispe', email: 'rosa@peru.test', status: 'pending' });
    expect((await c.napoli.get(`${api}/${id}`)).statusCode).toBe(403);
    expect((await c.napoli.get(`${api}/${id}/personal-data`)).statusCode).toBe(403);
  });

  it('accepts: registers the association with a verified profile and a log entry; nobody else can decide it', async () => {
    const id = (await send(request({ name: 'Asociación Sol de Mayo' }))).json().id;
    const before = await rows();
    expect((await c.napoli.post(`${api}/${id}/accept`, {})).statusCode).toBe(403);
    expect((await campania.post(`${api}/${id}/reject`, { reason: 'Non pertinente' })).statusCode).toBe(403);
    expect((await c.anon.post(`${api}/${id}/accept`, {})).statusCode).toBe(401);
    expect(await rows()).toEqual(before);
    const res = await c.milano.post(`${api}/${id}/accept`, { note: 'Sede visitata' });
    expect(res.statusCode).toBe(200);
    const orgId = res.json().organizationId;
    expect(res.json().request).toMatchObject({ status: 'accepted', decidedBy: 'milano', organizationId: orgId, decisionNote: 'Sede visitata' });
    const a = (await c.milano.get(`/api/v1/associations/${orgId}`)).json();
    expect(a).toMatchObject({ name: 'Asociación Sol de Mayo', council: { id: c.milanoCouncil }, legalForm: 'odv', languages: ['spagnolo', 'quechua'], contactPerson: 'Rosa Quispe', verifiedBy: 'milano', hasProfile: true });
    expect(a.verifiedAt).not.toBeNull();
    const log = await t.database.db.select().from(associationLog).where(eq(associationLog.organizationId, orgId));
    expect(log.map((l) => l.summary)).toEqual([`Richiesta di adesione n. ${id} verificata e accettata: Sede visitata`]);
    const again = await c.milano.post(`${api}/${id}/accept`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(`La richiesta ${id} è già stata decisa.`);
  });

  it('links a request to an association already registered in the council, not to another council’s', async () => {
    const id = (await send(request())).json().id;
    const before = await rows();
    const wrong = await c.milano.post(`${api}/${id}/accept`, { organizationId: c.napoliOrg });
    expect(issuesOf(wrong).organizationId).toBe(`L’organizzazione ${c.napoliOrg} non è un’associazione registrata presso il consiglio della richiesta.`);
    expect(await rows()).toEqual(before);
    const res = await c.milano.post(`${api}/${id}/accept`, { organizationId: c.memberOrg });
    expect(res.json().organizationId).toBe(c.memberOrg);
    expect(await rows()).toMatchObject({ organizations: before.organizations, profiles: before.profiles + 1 });
    expect((await c.milano.get(`/api/v1/associations/${c.memberOrg}`)).json()).toMatchObject({ hasProfile: true, legalForm: 'odv', verifiedBy: 'milano' });
  });

  it('rejects with a reason, then exports and erases the requester’s data on request, keeping the request', async () => {
    const id = (await send(request())).json().id;
    expect((await c.milano.delete(`${api}/${id}/personal-data`)).statusCode).toBe(409);
    const before = await rows();
    expect(issuesOf(await c.milano.post(`${api}/${id}/reject`, { reason: '' })).reason).toBe('Scrivi il motivo del rifiuto (almeno 3 caratteri).');
    expect(issuesOf(await c.milano.post(`${api}/${id}/accept`, { organizationId: 'x' })).organizationId).toBe('Deve essere un numero.');
    expect(await rows()).toEqual(before);
    const res = await c.milano.post(`${api}/${id}/reject`, { reason: 'Non ha sede nella provincia' });
    expect(res.json()).toMatchObject({ status: 'rejected', decisionNote: 'Non ha sede nella provincia' });
    expect((await c.milano.get(`${api}/${id}/personal-data`)).json()).toMatchObject({ contactPerson: 'Rosa Quispe', email: 'rosa@peru.test', phone: '+39 333 1234567', erasedAt: null });
    expect((await c.napoli.delete(`${api}/${id}/personal-data`)).statusCode).toBe(403);
    const erased = await c.milano.delete(`${api}/${id}/personal-data`);
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({ status: 'rejected', contactPerson: null, email: null, phone: null });
    const [r] = await t.database.db.select().from(associationJoinRequests).where(eq(associationJoinRequests.id, id));
    expect([r.contactPerson, r.email, r.phone]).toEqual(['', '', null]);
    expect(JSON.stringify(await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'association_join_request'), eq(auditLog.entityId, String(id)))))).not.toContain('Rosa');
    expect((await c.milano.delete(`${api}/${id}/personal-data`)).statusCode).toBe(409);
  });
});
