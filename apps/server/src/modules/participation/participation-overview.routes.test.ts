import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { createTestUser, regionIdOf } from '../users/users.fixtures.ts';
import { addSession, attend, invite, makeEvent, makeQuestionnaire, register, respond } from './participation.fixtures.ts';

let t: TestApp;
let c: Cast;
let campania: Client;
let lombardia: number;
let campaniaRegion: number;
beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
  lombardia = await regionIdOf(t, '03');
  campaniaRegion = await regionIdOf(t, '15');
  const p = await createTestUser(t, { email: 'campania@attori.test', roles: [{ role: 'regional_coordinator', scopeType: 'region', scopeId: campaniaRegion }] });
  campania = await signIn(t.app, p.email, p.password);
});
afterAll(() => t.close());

const api = '/api/v1/participation/overview';
const assoc = async (name: string, territoryCode = '015146') => (await c.admin.post('/api/v1/associations', { name, territoryCode })).json().id as number;

describe('participation overview', () => {
  it('counts a session in the Italian year it was held in, and nothing not yet held', async () => {
    // 31 December, 23:30 UTC is already New Year's Day in Italy.
    const day = await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardia, kind: 'training_day' });
    await addSession(t, day, '2021-12-31T23:30:00Z', 2);
    const future = await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardia, kind: 'training_day' });
    await addSession(t, future, '2099-03-01T09:00:00Z', 5);
    const of = async (year: number) => (await c.milano.get(`${api}?councilId=${c.milanoCouncil}&year=${year}`)).json();
    expect(await of(2021)).toMatchObject({ meetingsHeld: 0, trainingHoursDelivered: 0 });
    expect(await of(2022)).toMatchObject({ meetingsHeld: 1, trainingHoursDelivered: 2 });
    expect(await of(2099)).toMatchObject({ meetingsHeld: 0, trainingHoursDelivered: 0 });
  });

  it('computes a council’s year from the records, and the region’s and the nation’s sums', async () => {
    const attended = await assoc('Associazione che partecipa');
    const answered = await assoc('Associazione che risponde');
    const taking = await assoc('Associazione al tavolo');
    await assoc('Associazione solo censita');
    const napoliAssoc = await assoc('Associazione di Napoli', '063049');
    await c.admin.post(`/api/v1/associations/${taking}/status`, { status: 'taking_part', date: '2024-06-01', note: 'Al tavolo' });
    // A held course: 3 h + 2 h sessions; two people at the first, one at the second.
    const course = await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardia, kind: 'course' });
    const s1 = await addSession(t, course, '2025-03-01T09:00:00Z', 3);
    const s2 = await addSession(t, course, '2025-03-08T09:00:00Z', 2);
    const r1 = await register(t, course, { organizationId: attended, email: 'a@a.test' });
    const r2 = await register(t, course, { email: 'b@b.test' });
    await attend(t, s1, r1);
    await attend(t, s1, r2);
    await attend(t, s2, r2);
    await attend(t, s2, r1, false);
    await addSession(t, await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardia, kind: 'migration_day' }), '2025-12-18T09:00:00Z', 4);
    await addSession(t, await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardia, kind: 'migration_day', status: 'draft' }), '2025-12-18T09:00:00Z', 4);
    await addSession(t, await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardia, kind: 'training_day' }), '2024-05-01T09:00:00Z', 6);
    await addSession(t, await makeEvent(t, { regionId: lombardia, kind: 'regional_workshop' }), '2025-05-01T09:00:00Z', 3);
    const napoliDay = await makeEvent(t, { councilId: c.napoliCouncil, regionId: campaniaRegion, kind: 'training_day' });
    const ns = await addSession(t, napoliDay, '2025-05-01T09:00:00Z', 5);
    await attend(t, ns, await register(t, napoliDay, { organizationId: napoliAssoc, email: 'n@n.test' }));
    const q = await makeQuestionnaire(t, { councilId: c.milanoCouncil, regionId: lombardia });
    await invite(t, q, { organizationId: answered, sentAt: '2025-04-01T09:00:00Z', answeredAt: '2025-04-02T09:00:00Z' });
    await invite(t, q, { sentAt: '2025-04-01T09:00:00Z' });
    await invite(t, q, { sentAt: '2025-04-01T09:00:00Z' });
    await respond(t, q, { organizationId: answered, submittedAt: '2025-04-02T09:00:00Z' });
    await invite(t, await makeQuestionnaire(t, { councilId: c.napoliCouncil, regionId: campaniaRegion }), { sentAt: '2025-04-01T09:00:00Z', answeredAt: '2025-04-03T09:00:00Z' });
    await c.admin.post('/api/v1/working-groups', { name: 'GLL attivo', councilId: c.milanoCouncil, formedOn: '2025-01-10' });
    await c.admin.post('/api/v1/working-groups', { name: 'GLL sciolto', councilId: c.milanoCouncil, active: false });
    await c.admin.post('/api/v1/working-groups', { name: 'GLL futuro', councilId: c.milanoCouncil, formedOn: '2026-01-10' });

    const res = await c.milano.get(`${api}?councilId=${c.milanoCouncil}&year=2025`);
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o).toMatchObject({
      scope: { type: 'council', id: c.milanoCouncil },
      year: 2025,
      associationsEngaged: 3,
      associationsTakingPart: 1,
      // The four above and the cast's own association.
      associationsRegistered: 5,
      trainingHoursDelivered: 5,
      personHoursAttended: 3 + 3 + 2,
      questionnaires: { sent: 3, answered: 1, rate: 0.333 },
      workingGroupsActive: 1,
      meetingsHeld: 2,
    });
    expect(o.meetingsByKind.filter((k: { count: number }) => k.count)).toEqual([
      { kind: 'course', count: 1 },
      { kind: 'migration_day', count: 1 },
    ]);
    expect(o.associationsByYear).toEqual([
      { year: 2021, engaged: 0 },
      { year: 2022, engaged: 0 },
      { year: 2023, engaged: 0 },
      { year: 2024, engaged: 1 },
      { year: 2025, engaged: 3 },
    ]);
    const region = (await c.lombardia.get(`${api}?regionId=${lombardia}&year=2025`)).json();
    expect(region).toMatchObject({ scope: { type: 'region', name: 'Lombardia' }, meetingsHeld: 3, trainingHoursDelivered: 5 });
    const nation = (await c.admin.get(`${api}?year=2025`)).json();
    expect(nation).toMatchObject({ scope: { type: 'nation' }, meetingsHeld: 4, trainingHoursDelivered: 10, personHoursAttended: 13, associationsEngaged: 4, questionnaires: { sent: 4, answered: 2, rate: 0.5 } });
    // The default place is the caller's own.
    expect((await c.napoli.get(`${api}?year=2025`)).json()).toMatchObject({ scope: { type: 'council', id: c.napoliCouncil }, trainingHoursDelivered: 5, associationsEngaged: 1 });
  });

  it('shows each caller only the places in their reach', async () => {
    expect((await c.anon.get(api)).statusCode).toBe(401);
    expect((await c.napoli.get(`${api}?councilId=${c.milanoCouncil}`)).statusCode).toBe(403);
    expect((await c.milano.get(`${api}?regionId=${lombardia}`)).statusCode).toBe(403);
    expect((await campania.get(`${api}?regionId=${lombardia}`)).statusCode).toBe(403);
    expect((await campania.get(`${api}?councilId=${c.milanoCouncil}`)).statusCode).toBe(403);
    expect((await c.lombardia.get(`${api}?councilId=${c.napoliCouncil}`)).statusCode).toBe(403);
    expect((await c.lombardia.get(`${api}?councilId=${c.milanoCouncil}`)).statusCode).toBe(200);
    expect((await c.provider.get(api)).statusCode).toBe(403);
    const scopes = (await c.lombardia.get('/api/v1/participation/scopes')).json().items;
    expect(scopes[0]).toMatchObject({ type: 'region', id: lombardia });
    expect(scopes.some((s: { id: number }) => s.id === c.napoliCouncil)).toBe(false);
    expect((await c.admin.get('/api/v1/participation/scopes')).json().items[0]).toMatchObject({ type: 'nation' });
  });

  it('refuses bad queries with a message', async () => {
    const bad = await c.admin.get(`${api}?year=19&councilId=x`);
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['querystring.year', 'querystring.councilId']));
    expect((await c.admin.get(`${api}?councilId=999999`)).json().error.message).toBe('Consiglio territoriale 999999 inesistente.');
    expect((await c.admin.get(`${api}?regionId=${c.milanoCouncil + 100000}`)).json().error.message).toMatch(/^Regione \d+ inesistente\.$/);
  });
});
