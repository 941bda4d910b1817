import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { councilIdOf, createTestUser, regionIdOf } from '../users/users.fixtures.ts';

let t: TestApp;
let admin: Client;
let coordinator: Client;
let milanoReferent: Client;
let milano: number;

beforeAll(async () => {
  t = await createTestApp();
  milano = await councilIdOf(t, 'CTI-MI');
  const lombardia = await regionIdOf(t, '03');
  const a = await createTestUser(t, { roles: [{ role: 'national_admin', scopeType: 'nation', scopeId: null }] });
  const c = await createTestUser(t, { roles: [{ role: 'regional_coordinator', scopeType: 'region', scopeId: lombardia }] });
  const m = await createTestUser(t, { roles: [{ role: 'council_referent', scopeType: 'council', scopeId: milano }] });
  admin = await signIn(t.app, a.email, a.password);
  coordinator = await signIn(t.app, c.email, c.password);
  milanoReferent = await signIn(t.app, m.email, m.password);
});
afterAll(() => t.close());

describe('councils', () => {
  it('lists the 107 councils of the 2017–2025 provinces, publicly', async () => {
    const res = await client(t.app).get('/api/v1/councils');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(107);
    const mi = res.json().find((c: { code: string }) => c.code === 'CTI-MI');
    expect(mi).toMatchObject({ prefecture: 'Prefettura – UTG di Milano', region: { code: '03', name: 'Lombardia' } });
    expect(mi.territories.map((x: { code: string }) => x.code)).toEqual(['215']);
  });

  it('filters by region and name', async () => {
    expect((await client(t.app).get('/api/v1/councils?region=03')).json()).toHaveLength(12);
    expect((await client(t.app).get('/api/v1/councils?region=ITC4')).json()).toHaveLength(12);
    expect((await client(t.app).get('/api/v1/councils?q=napoli')).json().map((c: { code: string }) => c.code)).toEqual(['CTI-NA']);
  });

  it('gives Sardinian councils their old province and the 2026 units whose capital was in it', async () => {
    const all = (await client(t.app).get('/api/v1/councils?region=20')).json();
    expect(all).toHaveLength(5);
    const covered = all.flatMap((c: { territories: { code: string }[] }) => c.territories.map((x) => x.code));
    for (const code of ['090', '091', '092', '095', '111', '113', '114', '115', '116', '117', '119', '312', '318']) expect(covered).toContain(code);
    const codesOf = (code: string) => all.find((c: { code: string }) => c.code === code).territories.map((x: { code: string }) => x.code).sort();
    expect(codesOf('CTI-CA')).toEqual(['092', '318']);
    expect(codesOf('CTI-SU')).toEqual(['111', '117', '119']);
    expect(codesOf('CTI-SS')).toEqual(['090', '113', '312']);
    expect(codesOf('CTI-NU')).toEqual(['091', '114', '116']);
  });

  it('lets only national admins edit a council, with a version check and an audit entry', async () => {
    const current = await admin.get(`/api/v1/councils/${milano}`);
    expect(current.headers.etag).toBe('"1"');
    for (const who of [coordinator, milanoReferent, client(t.app)]) {
      const res = await who.patch(`/api/v1/councils/${milano}`, { email: 'cti@example.it', version: 1 });
      expect([401, 403]).toContain(res.statusCode);
    }
    const ok = await admin.patch(`/api/v1/councils/${milano}`, { email: 'cti.milano@example.it' }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ email: 'cti.milano@example.it', version: 2 });
    const stale = await admin.patch(`/api/v1/councils/${milano}`, { email: 'altro@example.it', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    const missing = await admin.patch(`/api/v1/councils/${milano}`, { email: 'altro@example.it' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('version_required');
    const audit = (await admin.get(`/api/v1/audit?entityType=council&entityId=${milano}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'update', before: { email: null }, after: { email: 'cti.milano@example.it' } });
  });

  it('rejects bad edits field by field and writes nothing', async () => {
    const res = await admin.patch(`/api/v1/councils/${milano}`, { name: 'X', email: 'non-una-mail', territoryCodes: [], version: 2 });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues;
    expect(issues.map((i: { field: string }) => i.field).sort()).toEqual(['email', 'name', 'territoryCodes']);
    expect(issues.find((i: { field: string }) => i.field === 'email').message).toBe('Indirizzo e-mail non valido.');
    const unknown = await admin.patch(`/api/v1/councils/${milano}`, { territoryCodes: ['999'], version: 2 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Territorio inesistente: 999.');
    expect((await admin.get(`/api/v1/councils/${milano}`)).json()).toMatchObject({ version: 2, territories: [{ code: '215' }] });
  });

  it('answers 404 for a council that does not exist', async () => {
    const res = await client(t.app).get('/api/v1/councils/99999');
    expect(res.statusCode).toBe(404);
  });
});
