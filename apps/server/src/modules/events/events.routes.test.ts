import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { createTestUser, regionIdOf } from '../users/users.fixtures.ts';
import { countEventRows, EVENTS, eventBody, makeEvent, makePublishedEvent, makeWorkingGroup, sessionBody } from './events.fixtures.ts';
import { eventAttendance, eventSessions, events } from './events.schema.ts';

let t: TestApp;
let c: Cast;
let campania: Client;
let lombardiaRegion: number;
let campaniaRegion: number;
let pugliaRegion: number;
beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
  lombardiaRegion = await regionIdOf(t, '03');
  campaniaRegion = await regionIdOf(t, '15');
  pugliaRegion = await regionIdOf(t, '16');
  const p = await createTestUser(t, { email: 'campania@eventi.test', roles: [{ role: 'regional_coordinator', scopeType: 'region', scopeId: campaniaRegion }] });
  campania = await signIn(t.app, p.email, p.password);
});
afterAll(() => t.close());

const stored = async (id: number) => (await t.database.db.select().from(events).where(eq(events.id, id)))[0];
const auditOf = (id: number) => t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'event'), eq(auditLog.entityId, String(id)))).orderBy(desc(auditLog.id));

describe('creating, changing and deleting events', () => {
  it('creates a council course as a draft with its region filled in, and audits it', async () => {
    const res = await c.milano.post(EVENTS, eventBody(c.milanoCouncil));
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const e = res.json();
    expect(e).toMatchObject({
      kind: 'course',
      status: 'draft',
      scopeType: 'council',
      council: { id: c.milanoCouncil, code: 'CTI-MI' },
      region: { id: lombardiaRegion, name: 'Lombardia' },
      regions: [{ id: lombardiaRegion }],
      topics: ['governance', 'reception'],
      capacity: 20,
      certificateThreshold: 70,
      sessions: [],
      hours: 0,
      canEdit: true,
      myRegistration: null,
      canRegister: false,
    });
    expect(await stored(e.id)).toMatchObject({ regionId: lombardiaRegion, councilId: c.milanoCouncil, regionIds: [lombardiaRegion], createdBy: expect.any(Number) });
    const [a] = await auditOf(e.id);
    expect(a).toMatchObject({ action: 'create', councilId: c.milanoCouncil, regionId: lombardiaRegion });
  });

  it('fills region_ids for every scope: a region, several regions (the first organises), the nation', async () => {
    const region = await makeEvent(c.lombardia, eventBody(c.milanoCouncil, { scopeType: 'region', councilId: null, regionId: lombardiaRegion, kind: 'regional_workshop' }));
    expect(await stored(region.id)).toMatchObject({ scopeType: 'region', regionId: lombardiaRegion, councilId: null, regionIds: [lombardiaRegion] });
    const inter = await makeEvent(c.lombardia, eventBody(c.milanoCouncil, { scopeType: 'regions', councilId: null, regionIds: [lombardiaRegion, campaniaRegion, pugliaRegion], kind: 'interregional_workshop' }));
    expect(await stored(inter.id)).toMatchObject({ scopeType: 'regions', regionId: lombardiaRegion, councilId: null, regionIds: [lombardiaRegion, campaniaRegion, pugliaRegion] });
    const nation = await makeEvent(c.admin, eventBody(c.milanoCouncil, { scopeType: 'nation', councilId: null, kind: 'national_conference' }));
    expect(await stored(nation.id)).toMatchObject({ scopeType: 'nation', regionId: null, councilId: null, regionIds: [] });
    // Campania is a partner, not the organiser: its coordinator cannot change the Lombardia-led workshop.
    expect((await campania.patch(`${EVENTS}/${inter.id}`, { title: 'Preso in carico', version: 1 })).statusCode).toBe(403);
  });

  it('publishes only with a session, changes at the version read, and refuses a stale version', async () => {
    const e = await makeEvent(c.milano, eventBody(c.milanoCouncil));
    const early = await c.milano.patch(`${EVENTS}/${e.id}`, { status: 'published', version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.issues).toEqual([{ field: 'status', code: 'event_publish_without_sessions', message: 'Aggiungi almeno una sessione prima di pubblicare l’evento (si crea come bozza).' }]);
    expect((await c.milano.post(`${EVENTS}/${e.id}/sessions`, sessionBody(0))).statusCode).toBe(201);
    expect((await c.milano.patch(`${EVENTS}/${e.id}`, { status: 'published' })).json().error.details.issues[0]).toMatchObject({ field: 'version' });
    const ok = await c.milano.patch(`${EVENTS}/${e.id}`, { status: 'published' }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'published', version: 2, hours: 4, startsAt: '2030-03-02T08:00:00.000Z', endsAt: '2030-03-02T12:00:00.000Z' });
    const stale = await c.milano.patch(`${EVENTS}/${e.id}`, { title: 'Nuovo titolo', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await stored(e.id)).title).toBe('Corso per il gruppo di lavoro locale');
    expect((await auditOf(e.id)).map((a) => a.action)).toEqual(['update', 'create_session', 'create']);
  });

  it('moves an event to another scope only within the organiser’s reach', async () => {
    const e = await makeEvent(c.lombardia, eventBody(c.milanoCouncil));
    const moved = await c.lombardia.patch(`${EVENTS}/${e.id}`, { scopeType: 'region', regionId: lombardiaRegion, version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(await stored(e.id)).toMatchObject({ scopeType: 'region', councilId: null, regionId: lombardiaRegion, regionIds: [lombardiaRegion] });
    expect((await c.lombardia.patch(`${EVENTS}/${e.id}`, { scopeType: 'region', regionId: campaniaRegion, version: 2 })).statusCode).toBe(403);
    expect((await stored(e.id)).regionId).toBe(lombardiaRegion);
  });

  it('deletes an event nobody registered to; one with registrations must be cancelled instead', async () => {
    const e = await makeEvent(c.milano, eventBody(c.milanoCouncil));
    expect((await c.milano.delete(`${EVENTS}/${e.id}`)).statusCode).toBe(400);
    expect((await c.milano.delete(`${EVENTS}/${e.id}?version=1`)).statusCode).toBe(204);
    expect(await stored(e.id)).toBeUndefined();
    expect((await auditOf(e.id))[0]).toMatchObject({ action: 'delete', before: expect.objectContaining({ title: 'Corso per il gruppo di lavoro locale' }) });
    const busy = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil));
    expect((await c.tutor.post(`${EVENTS}/${busy.id}/registrations`, { kind: 'self' })).statusCode).toBe(201);
    const refused = await c.milano.delete(`${EVENTS}/${busy.id}`, { 'if-match': `"${busy.version}"` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Ci sono 1 iscrizioni a questo evento: annullalo invece di eliminarlo, così iscrizioni e presenze restano.');
    expect(await stored(busy.id)).toBeDefined();
    // Someone who attended and then cancelled keeps their hours: the event is still not deleted.
    const attended = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil));
    const reg = (await c.tutor.post(`${EVENTS}/${attended.id}/registrations`, { kind: 'self' })).json();
    const [session] = await t.database.db.select().from(eventSessions).where(eq(eventSessions.eventId, attended.id));
    await t.database.db.insert(eventAttendance).values({ sessionId: session.id, registrationId: reg.id, present: true });
    expect((await c.milano.delete(`${EVENTS}/${attended.id}/registrations/${reg.id}`)).statusCode).toBe(200);
    const kept = await c.milano.delete(`${EVENTS}/${attended.id}`, { 'if-match': `"${(await stored(attended.id))?.version}"` });
    expect(kept.statusCode).toBe(409);
    expect(kept.json().error.message).toBe('Per questo evento sono state registrate presenze: annullalo invece di eliminarlo, così ore e attestati restano.');
    expect(await stored(attended.id)).toBeDefined();
  });

  it('ties a working group’s course to the group’s territory', async () => {
    const milanoGroup = await makeWorkingGroup(t, { name: 'GLL Milano', regionId: lombardiaRegion, councilId: c.milanoCouncil });
    const lombardiaGroup = await makeWorkingGroup(t, { name: 'GLL Lombardia', regionId: lombardiaRegion });
    const napoliGroup = await makeWorkingGroup(t, { name: 'GLL Napoli', regionId: campaniaRegion, councilId: c.napoliCouncil });
    expect((await c.milano.post(EVENTS, eventBody(c.milanoCouncil, { workingGroupId: milanoGroup }))).json().workingGroup).toEqual({ id: milanoGroup, name: 'GLL Milano' });
    expect((await c.milano.post(EVENTS, eventBody(c.milanoCouncil, { workingGroupId: lombardiaGroup }))).statusCode).toBe(201);
    const before = await countEventRows(t);
    const wrong = await c.milano.post(EVENTS, eventBody(c.milanoCouncil, { workingGroupId: napoliGroup }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues).toEqual([
      { field: 'workingGroupId', code: 'event_working_group_elsewhere', message: 'Il gruppo di lavoro «GLL Napoli» opera in un altro territorio: l’evento deve tenersi nella sua regione (e nel suo consiglio, se ne ha uno).' },
    ]);
    const national = await c.admin.post(EVENTS, eventBody(c.milanoCouncil, { scopeType: 'nation', councilId: null, workingGroupId: milanoGroup }));
    expect(national.json().error.details.issues[0]).toMatchObject({ field: 'workingGroupId', code: 'event_working_group_elsewhere' });
    expect((await c.milano.post(EVENTS, eventBody(c.milanoCouncil, { workingGroupId: 999999 }))).json().error.details.issues[0]).toMatchObject({ code: 'event_working_group_not_found' });
    expect(await countEventRows(t)).toEqual(before);
  });

  it('filters the list by kind, year, dates, region, council, topic, status and text', async () => {
    const md = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { kind: 'migration_day', title: 'Migration Day Milano 2030', topics: ['anti_discrimination'] }));
    const titles = async (q: string) => (await c.admin.get(`${EVENTS}?pageSize=500&${q}`)).json().items.map((e: { title: string }) => e.title) as string[];
    expect(await titles('kind=migration_day')).toEqual(['Migration Day Milano 2030']);
    expect(await titles('topic=anti_discrimination')).toEqual(['Migration Day Milano 2030']);
    expect(await titles('q=migration%20day')).toEqual(['Migration Day Milano 2030']);
    expect(await titles('kind=migration_day&year=2030')).toEqual(['Migration Day Milano 2030']);
    expect(await titles('kind=migration_day&year=2029')).toEqual([]);
    expect(await titles('kind=migration_day&from=2030-03-02&to=2030-03-02')).toEqual(['Migration Day Milano 2030']);
    expect(await titles('kind=migration_day&from=2030-03-03')).toEqual([]);
    expect(await titles(`kind=migration_day&regionId=${lombardiaRegion}`)).toEqual(['Migration Day Milano 2030']);
    expect(await titles(`kind=migration_day&regionId=${campaniaRegion}`)).toEqual([]);
    expect(await titles(`kind=migration_day&councilId=${c.napoliCouncil}`)).toEqual([]);
    expect(await titles('kind=migration_day&status=draft')).toEqual([]);
    const item = (await c.admin.get(`${EVENTS}?kind=migration_day`)).json().items[0];
    expect(item).toMatchObject({ id: md.id, sessionTimes: [{ startsAt: '2030-03-02T08:00:00.000Z' }], registeredCount: 0, waitingCount: 0 });
    expect((await c.admin.get(`${EVENTS}?kind=party`)).statusCode).toBe(400);
  });
});

describe('bad event bodies', () => {
  const issuesOf = (res: { statusCode: number; json(): { error: { details: { issues: { field: string; message: string }[] } } } }) => {
    expect(res.statusCode).toBe(400);
    return Object.fromEntries(res.json().error.details.issues.map((i) => [i.field, i.message]));
  };

  it('names every wrong field at once, in Italian, and writes nothing', async () => {
    const before = await countEventRows(t);
    const res = await c.admin.post(EVENTS, { kind: 'party', title: 'ab', scopeType: 'planet', organizerName: '', topics: ['cooking'], targetGroups: ['everyone'], capacity: 0, certificateThreshold: 120, registrationOpen: 'sì', status: 'live', colour: 'blu' });
    expect(issuesOf(res)).toEqual({
      kind: expect.stringMatching(/^Valore non ammesso: scegli tra training_day, course/),
      title: 'Scrivi almeno 3 caratteri.',
      scopeType: 'Valore non ammesso: scegli tra council, region, regions, nation.',
      organizerName: 'Scrivi almeno 2 caratteri.',
      'topics.0': expect.stringMatching(/^Valore non ammesso/),
      'targetGroups.0': expect.stringMatching(/^Valore non ammesso/),
      capacity: 'Il valore minimo è 1.',
      certificateThreshold: 'Il valore massimo è 100.',
      registrationOpen: 'Indica sì o no (true o false).',
      status: 'Valore non ammesso: scegli tra draft, published, cancelled.',
      colour: 'Campo non previsto: colour.',
    });
    expect(await countEventRows(t)).toEqual(before);
  });

  it('asks for exactly the place each scope needs', async () => {
    const before = await countEventRows(t);
    expect(issuesOf(await c.admin.post(EVENTS, eventBody(c.milanoCouncil, { councilId: null })))).toEqual({ councilId: 'Scegli il consiglio territoriale dell’evento.' });
    expect(issuesOf(await c.admin.post(EVENTS, eventBody(c.milanoCouncil, { scopeType: 'region' })))).toEqual({
      regionId: 'Scegli la regione dell’evento.',
      councilId: 'Solo un evento di un consiglio ha un consiglio: toglilo o cambia ambito.',
    });
    expect(issuesOf(await c.admin.post(EVENTS, eventBody(0, { scopeType: 'regions', councilId: null, regionIds: [lombardiaRegion] })))).toEqual({ regionIds: 'Un evento interregionale riguarda almeno due regioni.' });
    expect(issuesOf(await c.admin.post(EVENTS, eventBody(0, { scopeType: 'regions', councilId: null, regionIds: [lombardiaRegion, lombardiaRegion] })))).toEqual({ regionIds: 'Ogni regione va indicata una sola volta.' });
    expect(issuesOf(await c.admin.post(EVENTS, eventBody(0, { scopeType: 'nation', councilId: null, regionId: lombardiaRegion })))).toEqual({ regionId: 'Solo un evento regionale ha una regione: toglila o cambia ambito.' });
    expect(issuesOf(await c.admin.post(EVENTS, eventBody(999999)))).toEqual({ councilId: 'Consiglio territoriale 999999 inesistente.' });
    expect(issuesOf(await c.admin.post(EVENTS, eventBody(0, { scopeType: 'regions', councilId: null, regionIds: [lombardiaRegion, c.milanoCouncil + 900000] })))).toEqual({ regionIds: `Regione ${c.milanoCouncil + 900000} inesistente.` });
    expect(issuesOf(await c.admin.post(EVENTS, eventBody(c.milanoCouncil, { organizerOrganizationId: 999999 })))).toEqual({ organizerOrganizationId: 'Organizzazione 999999 inesistente.' });
    expect(issuesOf(await c.admin.post(EVENTS, eventBody(c.milanoCouncil, { status: 'published' })))).toEqual({ status: 'Aggiungi almeno una sessione prima di pubblicare l’evento (si crea come bozza).' });
    expect(await countEventRows(t)).toEqual(before);
  });

  it('checks a change merged with the stored event, and writes nothing when it is wrong', async () => {
    const e = await makeEvent(c.milano, eventBody(c.milanoCouncil));
    const before = await countEventRows(t);
    expect(issuesOf(await c.milano.patch(`${EVENTS}/${e.id}`, { title: '', capacity: -3, version: 1 }))).toEqual({ title: 'Scrivi almeno 3 caratteri.', capacity: 'Il valore minimo è 1.' });
    expect(issuesOf(await c.milano.patch(`${EVENTS}/${e.id}`, { scopeType: 'regions', version: 1 }))).toEqual({ regionIds: 'Un evento interregionale riguarda almeno due regioni.' });
    expect(issuesOf(await c.milano.patch(`${EVENTS}/${e.id}`, { councilId: null, version: 1 }))).toEqual({ councilId: 'Scegli il consiglio territoriale dell’evento.' });
    expect(issuesOf(await c.milano.patch(`${EVENTS}/${e.id}`, { version: 1, owner: 'x' }))).toEqual({ owner: 'Campo non previsto: owner.' });
    expect((await c.milano.patch(`${EVENTS}/999999`, { title: 'Nuovo', version: 1 })).statusCode).toBe(404);
    expect(await countEventRows(t)).toEqual(before);
    expect(await stored(e.id)).toMatchObject({ version: 1, title: 'Corso per il gruppo di lavoro locale' });
  });
});
