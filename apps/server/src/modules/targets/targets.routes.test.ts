import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { councils } from '../councils/councils.schema.ts';
import { insertEvent, insertSessions } from '../events/attendance.fixtures.ts';
import { eventSessions } from '../events/events.schema.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { territories } from '../territories/territories.schema.ts';
import { regionIdOf } from '../users/users.fixtures.ts';
import { programmeTargets } from './targets.schema.ts';
import { SHIPPED_TARGETS, seedProgrammeTargets } from './targets.seed.ts';

let t: TestApp;
let c: Cast;
let lombardia: number;
let campania: number;
let milanoProvince: number;
const Y = 2018;
const at = (month: number, day: number) => new Date(Date.UTC(Y, month - 1, day, 8));

type Row = { region: { code: string } | null; value: number; goal: number | null; percent: number | null; councils: number | null };
type Target = { id: number; name: string; version: number; progress: { total: Row; regions: Row[] } };

async function targets(): Promise<Target[]> {
  return (await c.milano.get('/api/v1/targets')).json().items;
}
const bySeed = async (key: string) => {
  const name = SHIPPED_TARGETS.find((s) => s.seedKey === key)?.name;
  return (await targets()).find((x) => x.name === name) as Target;
};
const regionRow = (x: Target, code: string) => x.progress.regions.find((r) => r.region?.code === code) as Row;

async function rows() {
  const [p] = await t.database.db.select({ n: count() }).from(programmeTargets);
  const [a] = await t.database.db.select({ n: count() }).from(auditLog);
  const all = await t.database.db.select().from(programmeTargets).orderBy(programmeTargets.id);
  return { targets: p.n, audit: a.n, snapshot: JSON.stringify(all) };
}

beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
  lombardia = await regionIdOf(t, '03');
  campania = await regionIdOf(t, '15');
  [{ id: milanoProvince }] = await t.database.db.select({ id: territories.id }).from(territories).where(eq(territories.level, 'province')).limit(1);
  expect(await seedProgrammeTargets(t.database.db)).toBe(SHIPPED_TARGETS.length);
  expect(await seedProgrammeTargets(t.database.db)).toBe(0);
  // Held courses: Milano (10 × 3 h) and Napoli (10 × 3 h) in 2018, and a national one of 2 × 4 h.
  const milano = await insertEvent(t, { councilId: c.milanoCouncil });
  await insertSessions(t, milano.id, 10, { first: at(2, 5) });
  const napoli = await insertEvent(t, { councilId: c.napoliCouncil });
  await insertSessions(t, napoli.id, 10, { first: at(3, 5) });
  const national = await insertEvent(t, { scopeType: 'nation', councilId: null, regionId: null });
  await insertSessions(t, national.id, 2, { first: at(5, 1), hours: 4 });
  // Not counted: a draft, a cancelled one, one outside the years, one in the future, another kind.
  for (const status of ['draft', 'cancelled'] as const) await insertSessions(t, (await insertEvent(t, { councilId: c.milanoCouncil, status })).id, 10, { first: at(2, 5) });
  await insertSessions(t, (await insertEvent(t, { councilId: c.milanoCouncil })).id, 10, { first: new Date(Date.UTC(2020, 1, 5, 8)) });
  await insertSessions(t, (await insertEvent(t, { councilId: c.milanoCouncil })).id, 2, { first: new Date(Date.now() + 86_400_000) });
  await insertSessions(t, (await insertEvent(t, { councilId: c.milanoCouncil, kind: 'training_day' })).id, 1, { first: at(4, 4), hours: 6 });
  // Migration Days: Milano in 2017 and 2018 (twice in 2018: one council-year), Napoli in 2018.
  for (const [council, when] of [
    [c.milanoCouncil, new Date(Date.UTC(2017, 11, 18, 9))],
    [c.milanoCouncil, at(12, 17)],
    [c.milanoCouncil, at(12, 19)],
    [c.napoliCouncil, at(12, 18)],
  ] as const)
    await insertSessions(t, (await insertEvent(t, { councilId: council, kind: 'migration_day', certificateThreshold: null })).id, 1, { first: when, hours: 5 });
});
afterAll(() => t.close());

describe('progress of the shipped targets', () => {
  it('counts the hours of courses held, nationally and per region', async () => {
    const x = await bySeed('comin3-course-hours');
    expect(x.progress.total).toMatchObject({ value: 68, goal: 540, percent: 12.6 });
    expect(regionRow(x, '03')).toMatchObject({ value: 30, goal: null });
    expect(regionRow(x, '15')).toMatchObject({ value: 30, goal: null });
    expect(regionRow(x, '12').value).toBe(0);
    expect(x.progress.regions.length).toBeGreaterThanOrEqual(20);
  });

  it('counts the courses held (not draft, cancelled, future or out of the years)', async () => {
    const x = await bySeed('comin3-courses');
    expect(x.progress.total).toMatchObject({ value: 3, goal: 18, percent: 16.7 });
    expect(regionRow(x, '03').value).toBe(1);
  });

  it('counts a course only once its last session is over', async () => {
    const ongoing = await insertEvent(t, { councilId: c.milanoCouncil, title: 'In corso' });
    await insertSessions(t, ongoing.id, 1, { first: new Date(Date.UTC(2018, 10, 5, 8)) });
    const future = await insertSessions(t, ongoing.id, 1, { first: new Date(Date.now() + 3 * 86_400_000) });
    expect((await bySeed('comin3-courses')).progress.total.value).toBe(3);
    expect((await bySeed('comin3-course-hours')).progress.total.value).toBe(71);
    await t.database.db.delete(eventSessions).where(eq(eventSessions.id, future[0].id));
    expect((await bySeed('comin3-courses')).progress.total.value).toBe(4);
  });

  it('counts councils holding a Migration Day each year, against all active councils', async () => {
    const x = await bySeed('cti-migration-day');
    const [{ n }] = await t.database.db.select({ n: count() }).from(councils).where(eq(councils.active, true));
    expect(x.progress.total).toMatchObject({ value: 3, goal: n * 2, councils: n });
    const lombardiaCouncils = regionRow(x, '03').councils as number;
    expect(regionRow(x, '03')).toMatchObject({ value: 2, goal: lombardiaCouncils * 2 });
    expect(regionRow(x, '15').value).toBe(1);
  });
});

describe('adding, changing and deleting targets', () => {
  const body = { name: 'Workshop regionali in Lombardia', scopeType: 'region', regionId: 0, metric: 'event_count', eventKind: 'regional_workshop', yearFrom: 2018, yearTo: 2019, targetValue: 2 };

  it('lets the national admin and the region’s coordinator add a regional target, with its progress', async () => {
    const res = await c.lombardia.post('/api/v1/targets', { ...body, regionId: lombardia });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ scopeType: 'region', region: { code: '03' }, canEdit: true, version: 1, progress: { total: { value: 0, goal: 2, percent: 0 } } });
    expect(res.json().progress.regions).toHaveLength(1);
    expect((await c.admin.post('/api/v1/targets', { ...body, regionId: campania })).statusCode).toBe(201);
  });

  it('refuses other regions, councils, providers and the anonymous, writing nothing', async () => {
    const before = await rows();
    expect((await c.lombardia.post('/api/v1/targets', { ...body, regionId: campania })).statusCode).toBe(403);
    expect((await c.lombardia.post('/api/v1/targets', { ...body, scopeType: 'nation', regionId: null })).statusCode).toBe(403);
    for (const who of [c.milano, c.napoli, c.provider, c.member, c.tutor]) expect((await who.post('/api/v1/targets', { ...body, regionId: lombardia })).statusCode).toBe(403);
    expect((await c.anon.post('/api/v1/targets', body)).statusCode).toBe(401);
    expect((await c.anon.get('/api/v1/targets')).statusCode).toBe(401);
    const national = (await targets())[0];
    expect((await c.lombardia.patch(`/api/v1/targets/${national.id}`, { targetValue: 1, version: national.version })).statusCode).toBe(403);
    expect((await c.milano.delete(`/api/v1/targets/${national.id}?version=${national.version}`)).statusCode).toBe(403);
    const campaniaTarget = (await targets()).find((x) => x.name === body.name && x.progress.regions[0]?.region?.code === '15') as Target;
    expect((await c.lombardia.patch(`/api/v1/targets/${campaniaTarget.id}`, { targetValue: 9, version: 1 })).statusCode).toBe(403);
    expect(await rows()).toEqual(before);
  });

  it.each([
    ['a region for a national target', { ...body, scopeType: 'nation', regionId: 1 }, 'regionId', 'Un obiettivo nazionale non ha regione: togli la regione indicata.'],
    ['no region for a regional one', { ...body, regionId: null }, 'regionId', 'Scegli la regione dell’obiettivo regionale.'],
    ['a province as region', { ...body, regionId: 2 }, 'regionId', 'province'],
    ['years in the wrong order', { ...body, regionId: 0, yearFrom: 2019, yearTo: 2017 }, 'yearTo', 'L’anno finale (2017) non può precedere l’anno iniziale (2019).'],
    ['a zero value', { ...body, targetValue: 0 }, 'targetValue', 'Il valore da raggiungere deve essere maggiore di zero.'],
    ['a share over 100%', { ...body, metric: 'councils_with_event_per_year', targetValue: 120 }, 'targetValue', 'Per la quota di consigli con un evento all’anno il valore è una percentuale: al massimo 100.'],
    ['an unknown metric', { ...body, metric: 'participants' }, 'metric', 'Valore non ammesso: scegli tra event_count, hours_delivered, councils_with_event_per_year.'],
    ['an unknown kind', { ...body, eventKind: 'party' }, 'eventKind', undefined],
    ['a short name', { ...body, name: 'X' }, 'name', 'Scrivi almeno 3 caratteri.'],
    ['a year as text', { ...body, yearFrom: 'duemila' }, 'yearFrom', 'Indica un anno (numero).'],
    ['an unknown field', { ...body, owner: 'me' }, 'owner', 'Campo non previsto: owner.'],
  ])('refuses %s with a message naming the field, writing nothing', async (_l, raw, field, message) => {
    const before = await rows();
    const payload = { ...raw, regionId: raw.regionId === 0 || raw.regionId === 1 ? lombardia : raw.regionId === 2 ? milanoProvince : raw.regionId };
    const res = await c.admin.post('/api/v1/targets', payload);
    expect(res.statusCode).toBe(400);
    const issue = res.json().error.details.issues.find((i: { field: string }) => i.field === field);
    expect(issue).toBeDefined();
    if (message === 'province') expect(issue.message).toBe(`Regione ${milanoProvince} inesistente.`);
    else if (message) expect(issue.message).toBe(message);
    expect(await rows()).toEqual(before);
  });

  it('reports every problem at once', async () => {
    const res = await c.admin.post('/api/v1/targets', { ...body, regionId: null, yearFrom: 2019, yearTo: 2017 });
    expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['regionId', 'yearTo']);
  });

  it('changes a target at the version read, audits it, and deletes it', async () => {
    const x = await bySeed('comin3-national-conferences');
    expect((await c.admin.patch(`/api/v1/targets/${x.id}`, { targetValue: 3 })).json().error.details.issues[0].field).toBe('version');
    expect((await c.admin.patch(`/api/v1/targets/${x.id}`, { targetValue: 3, version: 7 })).statusCode).toBe(409);
    const bad = await c.admin.patch(`/api/v1/targets/${x.id}`, { yearTo: 2000, version: x.version });
    expect(bad.json().error.details.issues[0].field).toBe('yearTo');
    const res = await c.admin.patch(`/api/v1/targets/${x.id}`, { targetValue: 3 }, { 'if-match': `"${x.version}"` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ targetValue: 3, version: 2, progress: { total: { goal: 3 } } });
    const [a] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'programme_target')).orderBy(auditLog.id);
    expect(a).toBeDefined();
    const noVersion = await c.admin.delete(`/api/v1/targets/${x.id}`);
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.details.issues[0].field).toBe('version');
    expect((await c.admin.delete(`/api/v1/targets/${x.id}?version=1`)).statusCode).toBe(409);
    expect((await c.admin.delete(`/api/v1/targets/${x.id}?version=2`)).statusCode).toBe(204);
    expect((await c.admin.delete(`/api/v1/targets/${x.id}?version=2`)).statusCode).toBe(404);
    const audits = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(x.id)));
    expect(audits.map((r) => r.action)).toEqual(expect.arrayContaining(['update', 'delete']));
  });
});

describe('the API description', () => {
  it('documents the attendance, certificate and target entry points', async () => {
    const paths = Object.keys((await c.anon.get('/api/openapi.json')).json().paths);
    for (const p of [
      '/api/v1/events/{id}/sessions/{sessionId}/attendance',
      '/api/v1/events/{id}/hours',
      '/api/v1/events/{id}/sessions/{sessionId}/sign-in-sheet.pdf',
      '/api/v1/events/{id}/certificates',
      '/api/v1/certificates/{code}',
      '/api/v1/certificates/{code}/pdf',
      '/api/v1/certificates/{code}/revoke',
      '/api/v1/targets',
      '/api/v1/targets/{id}',
    ])
      expect(paths).toContain(p);
  });
});
