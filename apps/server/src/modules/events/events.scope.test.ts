import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { form, makePdf } from '../library/library.fixtures.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { createTestUser, regionIdOf } from '../users/users.fixtures.ts';
import { countEventRows, EVENTS, eventBody, external, makePublishedEvent, sessionBody } from './events.fixtures.ts';

// Who reads and who keeps events: Napoli never sees Milano's drafts or participants, Lombardia never touches
// Campania, and anonymous callers get 401 everywhere but the public calendar feeds.

let t: TestApp;
let c: Cast;
let campania: Client;
let lombardiaRegion: number;
let campaniaRegion: number;
let milanoDraft: { id: number; version: number };
let milanoPublished: { id: number; version: number };
let napoliPublished: { id: number; version: number };
let campaniaWorkshop: { id: number; version: number };
let interregional: { id: number; version: number };
let registrationId: number;
let sessionId: number;
let materialId: number;
beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
  lombardiaRegion = await regionIdOf(t, '03');
  campaniaRegion = await regionIdOf(t, '15');
  const p = await createTestUser(t, { email: 'campania@eventi.test', roles: [{ role: 'regional_coordinator', scopeType: 'region', scopeId: campaniaRegion }] });
  campania = await signIn(t.app, p.email, p.password);
  milanoDraft = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { title: 'Bozza Milano' }), 1, false);
  milanoPublished = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { title: 'Corso Milano' }));
  napoliPublished = await makePublishedEvent(c.napoli, eventBody(c.napoliCouncil, { title: 'Incontro Napoli', kind: 'seeding_meeting', organizerName: 'Prefettura di Napoli' }));
  campaniaWorkshop = await makePublishedEvent(campania, eventBody(0, { title: 'Workshop Campania', scopeType: 'region', councilId: null, regionId: campaniaRegion, kind: 'regional_workshop' }));
  interregional = await makePublishedEvent(campania, eventBody(0, { title: 'Workshop Sud-Nord', scopeType: 'regions', councilId: null, regionIds: [campaniaRegion, lombardiaRegion], kind: 'interregional_workshop' }));
  registrationId = (await c.milano.post(`${EVENTS}/${milanoPublished.id}/registrations`, external(1, { fullName: 'Fatima Ndiaye' }))).json().id;
  sessionId = (await c.milano.get(`${EVENTS}/${milanoPublished.id}`)).json().sessions[0].id;
  const f = form({ title: 'Slide' }, { name: 'slide.pdf', content: makePdf('Slide del corso') });
  materialId = (await c.milano.post(`${EVENTS}/${milanoPublished.id}/materials`, f.body, f.headers)).json().id;
});
afterAll(() => t.close());

const titles = async (who: Client) => (await who.get(`${EVENTS}?pageSize=500`)).json().items.map((e: { title: string }) => e.title) as string[];

describe('anonymous callers', () => {
  it('get 401 on every event address, before any body is looked at', async () => {
    const id = milanoPublished.id;
    for (const url of [EVENTS, `${EVENTS}/options`, `${EVENTS}/${id}`, `${EVENTS}/${id}/registrations`, `${EVENTS}/${id}/registrations.csv`, `${EVENTS}/${id}/invitations`, `${EVENTS}/${id}/materials`, `${EVENTS}/${id}/materials/${materialId}/download`, `${EVENTS}/${id}/ics`]) {
      expect((await c.anon.get(url)).statusCode, url).toBe(401);
    }
    const before = await countEventRows(t);
    expect((await c.anon.post(EVENTS, { nonsense: true })).statusCode).toBe(401);
    expect((await c.anon.patch(`${EVENTS}/${id}`, { title: 'x' })).statusCode).toBe(401);
    expect((await c.anon.delete(`${EVENTS}/${id}?version=1`)).statusCode).toBe(401);
    expect((await c.anon.post(`${EVENTS}/${id}/sessions`, sessionBody(3))).statusCode).toBe(401);
    expect((await c.anon.patch(`${EVENTS}/${id}/sessions/${sessionId}`, { title: 'x', version: 1 })).statusCode).toBe(401);
    expect((await c.anon.delete(`${EVENTS}/${id}/sessions/${sessionId}?version=1`)).statusCode).toBe(401);
    expect((await c.anon.post(`${EVENTS}/${id}/registrations`, external(2))).statusCode).toBe(401);
    expect((await c.anon.delete(`${EVENTS}/${id}/registrations/${registrationId}`)).statusCode).toBe(401);
    expect((await c.anon.post(`${EVENTS}/${id}/registrations/${registrationId}/erase`)).statusCode).toBe(401);
    expect((await c.anon.post(`${EVENTS}/${id}/invitations`, { emails: ['a@b.it'] })).statusCode).toBe(401);
    expect((await c.anon.delete(`${EVENTS}/${id}/materials/${materialId}`)).statusCode).toBe(401);
    expect(await countEventRows(t)).toEqual(before);
  });
});

describe('the Napoli referent and Milano’s events', () => {
  it('never lists or reads Milano’s draft nor its participants, and sees its own and its region’s', async () => {
    const list = await titles(c.napoli);
    expect(list).toEqual(expect.arrayContaining(['Incontro Napoli', 'Workshop Campania', 'Workshop Sud-Nord']));
    expect(list).not.toContain('Bozza Milano');
    expect(list).not.toContain('Corso Milano');
    expect((await c.napoli.get(`${EVENTS}/${milanoDraft.id}`)).statusCode).toBe(403);
    expect((await c.napoli.get(`${EVENTS}/${napoliPublished.id}`)).json().canEdit).toBe(true);
    expect((await c.milano.get(`${EVENTS}/${napoliPublished.id}/registrations`)).statusCode).toBe(403);
    for (const path of ['', '/registrations', '/registrations.csv', '/invitations', '/materials', `/materials/${materialId}/download`, '/ics']) {
      const res = await c.napoli.get(`${EVENTS}/${milanoPublished.id}${path}`);
      expect(res.statusCode, path).toBe(403);
      expect(res.body).not.toContain('Fatima');
    }
  });

  it('cannot change Milano’s events in any way, and nothing is written', async () => {
    const id = milanoPublished.id;
    const before = await countEventRows(t);
    expect((await c.napoli.post(EVENTS, eventBody(c.milanoCouncil))).statusCode).toBe(403);
    expect((await c.napoli.patch(`${EVENTS}/${id}`, { title: 'Preso', version: milanoPublished.version })).statusCode).toBe(403);
    expect((await c.napoli.delete(`${EVENTS}/${milanoDraft.id}?version=1`)).statusCode).toBe(403);
    expect((await c.napoli.post(`${EVENTS}/${id}/sessions`, sessionBody(4))).statusCode).toBe(403);
    expect((await c.napoli.patch(`${EVENTS}/${id}/sessions/${sessionId}`, { title: 'x', version: 1 })).statusCode).toBe(403);
    expect((await c.napoli.delete(`${EVENTS}/${id}/sessions/${sessionId}?version=1`)).statusCode).toBe(403);
    expect((await c.napoli.post(`${EVENTS}/${id}/registrations`, external(3))).statusCode).toBe(403);
    expect((await c.napoli.post(`${EVENTS}/${id}/registrations`, { kind: 'self' })).statusCode).toBe(403);
    expect((await c.napoli.delete(`${EVENTS}/${id}/registrations/${registrationId}`)).statusCode).toBe(403);
    expect((await c.napoli.post(`${EVENTS}/${id}/registrations/${registrationId}/erase`)).statusCode).toBe(403);
    expect((await c.napoli.post(`${EVENTS}/${id}/invitations`, { emails: ['a@b.it'] })).statusCode).toBe(403);
    const f = form({}, { name: 'x.pdf', content: makePdf() });
    expect((await c.napoli.post(`${EVENTS}/${id}/materials`, f.body, f.headers)).statusCode).toBe(403);
    expect((await c.napoli.delete(`${EVENTS}/${id}/materials/${materialId}`)).statusCode).toBe(403);
    expect(await countEventRows(t)).toEqual(before);
  });
});

describe('regional coordinators', () => {
  it('Lombardia keeps its councils’ events, reads the interregional one it takes part in, and cannot touch Campania', async () => {
    const list = await titles(c.lombardia);
    expect(list).toEqual(expect.arrayContaining(['Bozza Milano', 'Corso Milano', 'Workshop Sud-Nord']));
    expect(list).not.toContain('Workshop Campania');
    expect(list).not.toContain('Incontro Napoli');
    expect((await c.lombardia.get(`${EVENTS}/${milanoPublished.id}/registrations`)).json().items).toHaveLength(1);
    const inter = (await c.lombardia.get(`${EVENTS}/${interregional.id}`)).json();
    expect(inter.canEdit).toBe(false);
    const before = await countEventRows(t);
    expect((await c.lombardia.get(`${EVENTS}/${campaniaWorkshop.id}`)).statusCode).toBe(403);
    expect((await c.lombardia.patch(`${EVENTS}/${campaniaWorkshop.id}`, { capacity: 5, version: campaniaWorkshop.version })).statusCode).toBe(403);
    expect((await c.lombardia.patch(`${EVENTS}/${interregional.id}`, { capacity: 5, version: interregional.version })).statusCode).toBe(403);
    expect((await c.lombardia.get(`${EVENTS}/${interregional.id}/registrations`)).json().items).toEqual([]);
    expect((await c.lombardia.post(EVENTS, eventBody(0, { scopeType: 'region', councilId: null, regionId: campaniaRegion }))).statusCode).toBe(403);
    expect((await c.lombardia.post(EVENTS, eventBody(c.napoliCouncil))).statusCode).toBe(403);
    expect((await c.lombardia.post(EVENTS, eventBody(0, { scopeType: 'nation', councilId: null }))).statusCode).toBe(403);
    expect(await countEventRows(t)).toEqual(before);
  });

  it('organisation members read their council’s published events and keep none', async () => {
    const list = await titles(c.member);
    expect(list).toEqual(expect.arrayContaining(['Corso Milano', 'Workshop Sud-Nord']));
    expect(list).not.toContain('Bozza Milano');
    expect(list).not.toContain('Incontro Napoli');
    expect((await c.member.get(`${EVENTS}/${milanoPublished.id}`)).json()).toMatchObject({ canEdit: false, canRegister: true });
    expect((await c.member.post(EVENTS, eventBody(c.milanoCouncil))).statusCode).toBe(403);
    expect((await c.member.get(`${EVENTS}/options`)).json()).toEqual({ councils: [], regions: [], nation: false, workingGroups: [] });
  });

  it('offers each organiser only the places they organise', async () => {
    const milano = (await c.milano.get(`${EVENTS}/options`)).json();
    expect(milano.councils.map((x: { id: number }) => x.id)).toEqual([c.milanoCouncil]);
    expect(milano).toMatchObject({ regions: [], nation: false });
    const lombardia = (await c.lombardia.get(`${EVENTS}/options`)).json();
    expect(lombardia.councils).toHaveLength(12);
    expect(lombardia.nation).toBe(false);
    expect((await c.admin.get(`${EVENTS}/options`)).json().nation).toBe(true);
  });
});
