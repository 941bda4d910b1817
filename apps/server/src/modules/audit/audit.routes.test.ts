import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { councilIdOf, createTestOrganization, createTestUser, regionIdOf } from '../users/users.fixtures.ts';

let t: TestApp;
const as: Record<string, Client> = {};
let milanoOrgName: string;
let napoliOrgName: string;

beforeAll(async () => {
  t = await createTestApp();
  const milano = await councilIdOf(t, 'CTI-MI');
  const napoli = await councilIdOf(t, 'CTI-NA');
  const lombardia = await regionIdOf(t, '03');
  const providerOrg = await createTestOrganization(t, 'CTI-MI', 'ATS di prova');
  const people = {
    admin: { role: 'national_admin', scopeType: 'nation', scopeId: null },
    lombardia: { role: 'regional_coordinator', scopeType: 'region', scopeId: lombardia },
    milano: { role: 'council_referent', scopeType: 'council', scopeId: milano },
    napoli: { role: 'council_referent', scopeType: 'council', scopeId: napoli },
    provider: { role: 'data_provider', scopeType: 'organization', scopeId: providerOrg },
  } as const;
  for (const [key, role] of Object.entries(people)) {
    const p = await createTestUser(t, { roles: [role] });
    as[key] = await signIn(t.app, p.email, p.password);
  }
  milanoOrgName = `Sportello Milano ${Date.now()}`;
  napoliOrgName = `Sportello Napoli ${Date.now()}`;
  const a = await as.milano.post('/api/v1/organizations', { name: milanoOrgName, kind: 'third_sector', territoryCode: '015146' });
  const b = await as.napoli.post('/api/v1/organizations', { name: napoliOrgName, kind: 'third_sector', territoryCode: '063049' });
  expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
});
afterAll(() => t.close());

const namesIn = (res: { json(): { items: { after: { name?: string } | null }[] } }) =>
  res.json().items.map((i) => i.after?.name).filter(Boolean);

describe('audit log', () => {
  it('records who created what, with the after image', async () => {
    const res = await as.admin.get('/api/v1/audit?entityType=organization&action=create');
    expect(res.statusCode).toBe(200);
    const entry = res.json().items.find((i: { after: { name: string } }) => i.after.name === milanoOrgName);
    expect(entry).toMatchObject({ action: 'create', entityType: 'organization', before: null });
    expect(entry.actor).toMatch(/@example\.test$/);
    expect(entry.requestId).toBeTruthy();
  });

  it('shows each council only its own entries, a region its councils’, the nation everything', async () => {
    const q = '/api/v1/audit?entityType=organization&pageSize=200';
    expect(namesIn(await as.admin.get(q))).toEqual(expect.arrayContaining([milanoOrgName, napoliOrgName]));
    const milano = namesIn(await as.milano.get(q));
    expect(milano).toContain(milanoOrgName);
    expect(milano).not.toContain(napoliOrgName);
    const napoli = namesIn(await as.napoli.get(q));
    expect(napoli).toContain(napoliOrgName);
    expect(napoli).not.toContain(milanoOrgName);
    const lombardia = namesIn(await as.lombardia.get(q));
    expect(lombardia).toContain(milanoOrgName);
    expect(lombardia).not.toContain(napoliOrgName);
  });

  it('is closed to data providers and to anonymous callers', async () => {
    expect((await as.provider.get('/api/v1/audit')).statusCode).toBe(403);
    expect((await client(t.app).get('/api/v1/audit')).statusCode).toBe(401);
  });

  it('filters by dates and rejects bad filters by field', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await as.admin.get(`/api/v1/audit?from=${today}&to=${today}`)).json().total).toBeGreaterThan(0);
    expect((await as.admin.get('/api/v1/audit?to=2000-01-01')).json().total).toBe(0);
    const bad = await as.admin.get('/api/v1/audit?from=ieri&page=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual(['querystring.from', 'querystring.page']);
  });
});
