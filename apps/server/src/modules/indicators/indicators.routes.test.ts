import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { putValues, registerTestElements, territoryAt } from './indicators.fixtures.ts';
import { STARTER, THEMES } from './indicators.seed.ts';
import { indicators } from './indicators.schema.ts';

let t: TestApp;
let p: People;
let admin: Client;
let coordinator: Client;
let milano: Client;
let napoli: Client;

type Issue = { field: string; code: string; message: string; start: number; end: number };
const indicatorCount = async () => (await t.database.db.select({ n: count() }).from(indicators))[0].n;
const body = (over: Record<string, unknown> = {}) => ({
  code: 'prova_quota',
  name: { it: 'Prova', en: 'Test' },
  numerator: '[istat.stranieri_residenti | sesso=F]',
  denominator: '[istat.stranieri_residenti]',
  factor: 100,
  unit: { it: '%' },
  themes: ['zaragoza_inclusione_sociale'],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  [admin, coordinator, milano, napoli] = await Promise.all([p.admin, p.coordinator, p.milano, p.napoli].map((x) => signInAs(t, x)));
  const el = await registerTestElements(t);
  const mi = await territoryAt(t, 'province', 'Milano');
  await putValues(t, [
    { element: el['istat.stranieri_residenti'], territoryId: mi.id, period: '2023', value: 10, dims: { sesso: 'F' } },
    { element: el['istat.stranieri_residenti'], territoryId: mi.id, period: '2023', value: 9, dims: { sesso: 'M' } },
  ]);
});
afterAll(() => t.close());

describe('themes and the starter set', () => {
  it('ships the Zaragoza areas, the National Integration Plan lines and the starter indicators, readable by any signed-in user', async () => {
    const themes = (await milano.get('/api/v1/indicator-themes')).json() as { code: string; kind: string }[];
    expect(themes.map((x) => x.code)).toEqual(THEMES.map((x) => x.code));
    expect(themes.filter((x) => x.kind === 'zaragoza')).toHaveLength(4);
    const list = (await milano.get('/api/v1/indicators')).json() as { code: string; origin: string; elements: string[] }[];
    expect(list.map((i) => i.code).sort()).toEqual(STARTER.map((i) => i.code).sort());
    expect(list.find((i) => i.code === 'quota_stranieri')).toMatchObject({ origin: 'system', elements: ['istat.stranieri_residenti', 'istat.popolazione_residente'] });
    const key = (await milano.get('/api/v1/indicators?key=true&theme=zaragoza_cittadinanza_attiva')).json() as { code: string }[];
    expect(key.map((i) => i.code)).toEqual(['acquisizioni_cittadinanza_1000']);
    expect((await client(t.app).get('/api/v1/indicators')).statusCode).toBe(401);
    expect((await client(t.app).get('/api/v1/indicator-themes')).statusCode).toBe(401);
  });
});

describe('defining indicators', () => {
  it('a national admin creates one; its references are recorded and the change audited', async () => {
    const res = await admin.post('/api/v1/indicators', body());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'prova_quota', origin: 'custom', regionCode: null, elements: ['istat.stranieri_residenti'], version: 1, aggregation: 'ratio_of_sums' });
    const [{ n }] = await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, 'prova_quota'));
    expect(n).toBe(1);
    expect((await admin.post('/api/v1/indicators', body())).statusCode).toBe(409);
  });

  it('names every formula fault at once with its position, in the user’s language, and writes nothing', async () => {
    const before = await indicatorCount();
    const res = await admin.post('/api/v1/indicators', body({ code: 'prova_errori', numerator: '[istat.stranieri] + {nessuno}', denominator: '[istat.stranieri_residenti | sesso=X] * (' }));
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues as Issue[];
    expect(issues.map((i) => [i.field, i.code, i.start, i.end])).toEqual([
      ['numerator', 'unknown_element', 0, 17],
      ['numerator', 'unknown_indicator', 20, 29],
      ['denominator', 'expected_operand', 41, 41],
    ]);
    expect(issues[0].message).toContain('Dato sconosciuto');
    const en = await admin.post('/api/v1/indicators', body({ code: 'prova_errori', numerator: '[istat.stranieri_residenti | sesso=X]' }), { 'accept-language': 'en' });
    expect(en.json().error.details.issues[0]).toMatchObject({ code: 'unknown_option', start: 29, end: 36 });
    expect(en.json().error.details.issues[0].message).toContain('Unknown option');
    expect(await indicatorCount()).toBe(before);
  });

  it('checks the other fields too: themes, the weight of a weighted average, contract fields', async () => {
    const res = await admin.post('/api/v1/indicators', body({ code: 'prova_campi', themes: ['non_esiste'], aggregation: 'weighted_average' }));
    expect(res.statusCode).toBe(400);
    expect((res.json().error.details.issues as Issue[]).map((i) => i.field).sort()).toEqual(['themes.0', 'weight']);
    const shape = await admin.post('/api/v1/indicators', { code: 'Bad Code', name: { it: '' }, numerator: '' });
    expect(shape.statusCode).toBe(400);
    expect((shape.json().error.details.issues as Issue[]).map((i) => i.field).sort()).toEqual(['code', 'name.it', 'numerator']);
  });

  it('refuses a cycle through other indicators', async () => {
    expect((await admin.post('/api/v1/indicators', body({ code: 'prova_a', numerator: '[istat.stranieri_residenti]', denominator: null, factor: 1 }))).statusCode).toBe(201);
    expect((await admin.post('/api/v1/indicators', body({ code: 'prova_b', numerator: '{prova_a} * 2', denominator: null, factor: 1 }))).statusCode).toBe(201);
    const a = (await admin.get('/api/v1/indicators/prova_a')).json();
    const res = await admin.put('/api/v1/indicators/prova_a', { ...body({ numerator: '{prova_b} + 1', denominator: null }), code: undefined, version: a.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({ field: 'numerator', code: 'indicator_cycle', start: 0, end: 9 });
    expect(res.json().error.details.issues[0].message).toContain('prova_a → prova_b → prova_a');
    // An indicator using another one computes through it.
    const v = (await admin.get('/api/v1/indicators/prova_b/values?level=province&period=2023&territory=MI')).json();
    expect(v[0].value).toBe(38);
  });

  it('updates at a version; a stale version is a conflict', async () => {
    const cur = (await admin.get('/api/v1/indicators/prova_quota')).json();
    const ok = await admin.put('/api/v1/indicators/prova_quota', { ...body({ decimals: 2 }), code: undefined, version: cur.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ decimals: 2, version: 2 });
    expect((await admin.put('/api/v1/indicators/prova_quota', { ...body(), code: undefined, version: 1 })).statusCode).toBe(409);
  });

  it('the validate endpoint checks without saving', async () => {
    const res = await milano.post('/api/v1/indicators/validate', { numerator: '[istat.stranieri_residenti] >', denominator: '' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: false, issues: [{ field: 'numerator', code: 'expected_operand' }] });
    const good = await milano.post('/api/v1/indicators/validate', { numerator: '{quota_stranieri} * 2' });
    expect(good.json()).toMatchObject({ valid: true, issues: [], indicators: ['quota_stranieri'] });
    expect((await client(t.app).post('/api/v1/indicators/validate', { numerator: '1' })).statusCode).toBe(401);
  });
});

describe('who may define what', () => {
  it('council referents read but do not define', async () => {
    expect((await milano.post('/api/v1/indicators', body({ code: 'prova_referente' }))).statusCode).toBe(403);
    const cur = (await admin.get('/api/v1/indicators/quota_stranieri')).json();
    expect((await milano.put('/api/v1/indicators/quota_stranieri', { ...body(), code: undefined, version: cur.version })).statusCode).toBe(403);
  });

  it('a regional coordinator defines custom indicators of their region, seen only there', async () => {
    const res = await coordinator.post('/api/v1/indicators', body({ code: 'prova_lombardia' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().regionCode).toBe('03');
    expect((await milano.get('/api/v1/indicators/prova_lombardia')).statusCode).toBe(200);
    expect((await napoli.get('/api/v1/indicators/prova_lombardia')).statusCode).toBe(404);
    expect((await napoli.get('/api/v1/indicators/prova_lombardia/values')).statusCode).toBe(404);
    expect(((await napoli.get('/api/v1/indicators')).json() as { code: string }[]).some((i) => i.code === 'prova_lombardia')).toBe(false);
    // Not for another region, not national ones.
    expect((await coordinator.post('/api/v1/indicators', body({ code: 'prova_campania', regionCode: '15' }))).statusCode).toBe(403);
    const cur = (await admin.get('/api/v1/indicators/quota_stranieri')).json();
    expect((await coordinator.put('/api/v1/indicators/quota_stranieri', { ...body(), code: undefined, version: cur.version })).statusCode).toBe(403);
    const mine = (await coordinator.get('/api/v1/indicators/prova_lombardia')).json();
    expect((await coordinator.put('/api/v1/indicators/prova_lombardia', { ...body({ key: true }), code: undefined, version: mine.version })).statusCode).toBe(200);
  });
});
