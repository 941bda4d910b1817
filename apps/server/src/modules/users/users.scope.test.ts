import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { createTestOrganization, createTestUser, type People, seedPeople, signInAs } from './users.fixtures.ts';
import { roleAssignments, users } from './users.schema.ts';

let t: TestApp;
let p: People;
const as: Record<string, Client> = {};

const ACTORS = ['admin', 'coordinator', 'milano', 'napoli', 'tutor', 'dataProvider', 'anonymous'] as const;
type ActorName = (typeof ACTORS)[number];

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  for (const name of ACTORS) as[name] = name === 'anonymous' ? client(t.app) : await signInAs(t, p[name]);
});
afterAll(() => t.close());

const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0].n;
const userCount = async () => (await t.database.db.select({ n: count() }).from(users))[0].n;

/** A fresh data provider of a Milano organisation, so each case changes its own person. */
const milanoPerson = () => createTestUser(t, { roles: [{ role: 'data_provider', scopeType: 'organization', scopeId: p.ids.orgMilano }] });

/** Expected status per actor; writes that fail must leave no trace. */
type Matrix = Record<ActorName, number>;

const routes: { name: string; expected: Matrix; call(c: Client): Promise<{ statusCode: number }> }[] = [
  {
    name: 'GET /users',
    expected: { admin: 200, coordinator: 200, milano: 200, napoli: 200, tutor: 403, dataProvider: 403, anonymous: 401 },
    call: (c) => c.get('/api/v1/users'),
  },
  {
    name: 'GET /users/:id (a Milano data provider)',
    expected: { admin: 200, coordinator: 200, milano: 200, napoli: 404, tutor: 403, dataProvider: 403, anonymous: 401 },
    call: (c) => c.get(`/api/v1/users/${p.dataProvider.id}`),
  },
  {
    name: 'POST /users (data provider of a Milano organisation)',
    expected: { admin: 201, coordinator: 201, milano: 201, napoli: 403, tutor: 403, dataProvider: 403, anonymous: 401 },
    call: (c) =>
      c.post('/api/v1/users', {
        email: `nuovo-${Math.random().toString(36).slice(2)}@example.test`,
        name: 'Nuova Persona',
        password: 'Una-password-lunga-1',
        roles: [{ role: 'data_provider', scopeType: 'organization', scopeId: p.ids.orgMilano }],
      }),
  },
  {
    name: 'PATCH /users/:id (a Milano data provider)',
    expected: { admin: 200, coordinator: 200, milano: 200, napoli: 404, tutor: 403, dataProvider: 403, anonymous: 401 },
    call: async (c) => c.patch(`/api/v1/users/${(await milanoPerson()).id}`, { name: 'Nome Cambiato', version: 1 }),
  },
  {
    name: 'POST /users/:id/roles (association member in Milano)',
    expected: { admin: 201, coordinator: 201, milano: 201, napoli: 403, tutor: 403, dataProvider: 403, anonymous: 401 },
    call: async (c) =>
      c.post(`/api/v1/users/${(await milanoPerson()).id}/roles`, { role: 'association_member', scopeType: 'organization', scopeId: p.ids.orgMilano }),
  },
  {
    name: 'DELETE /users/:id/roles/:roleId (data provider in Milano)',
    expected: { admin: 200, coordinator: 200, milano: 200, napoli: 403, tutor: 403, dataProvider: 403, anonymous: 401 },
    call: async (c) => {
      const person = await milanoPerson();
      const [role] = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, person.id));
      return c.delete(`/api/v1/users/${person.id}/roles/${role.id}`);
    },
  },
  {
    name: 'GET /outbox',
    expected: { admin: 200, coordinator: 403, milano: 403, napoli: 403, tutor: 403, dataProvider: 403, anonymous: 401 },
    call: (c) => c.get('/api/v1/outbox'),
  },
];

describe.each(routes)('$name', (route) => {
  it.each(ACTORS.map((a) => [a, route.expected[a]] as const))('%s → %i', async (actor, status) => {
    const isWrite = !route.name.startsWith('GET');
    const auditsBefore = await auditCount();
    // The arranging step of some routes writes one audit entry of its own (creating the target person).
    const arranging = route.name.startsWith('PATCH') || route.name.startsWith('POST /users/:id') || route.name.startsWith('DELETE') ? 2 : 0;
    const res = await route.call(as[actor]);
    expect(res.statusCode).toBe(status);
    if (isWrite && status >= 400) expect(await auditCount()).toBe(auditsBefore + arranging);
    if (isWrite && status < 400) expect(await auditCount()).toBeGreaterThan(auditsBefore + arranging);
  });
});

describe('who sees whom', () => {
  const emails = async (c: Client, query = '') => {
    const res = await c.get(`/api/v1/users?pageSize=500${query}`);
    return (res.json().items as { email: string }[]).map((u) => u.email);
  };

  it('a national admin sees everyone', async () => {
    const seen = await emails(as.admin);
    for (const name of ['admin', 'coordinator', 'milano', 'napoli', 'tutor', 'dataProvider'] as const) expect(seen).toContain(p[name].email);
  });

  it('the Lombardia coordinator sees the people of Lombardia only', async () => {
    const seen = await emails(as.coordinator);
    for (const name of ['coordinator', 'milano', 'tutor', 'dataProvider'] as const) expect(seen).toContain(p[name].email);
    for (const name of ['admin', 'napoli'] as const) expect(seen).not.toContain(p[name].email);
  });

  it('a council referent sees the people of their council and its organisations', async () => {
    const milano = await emails(as.milano);
    for (const name of ['milano', 'tutor', 'dataProvider'] as const) expect(milano).toContain(p[name].email);
    for (const name of ['admin', 'coordinator', 'napoli'] as const) expect(milano).not.toContain(p[name].email);
    const napoli = await emails(as.napoli);
    expect(napoli).toContain(p.napoli.email);
    for (const name of ['admin', 'coordinator', 'milano', 'tutor', 'dataProvider'] as const) expect(napoli).not.toContain(p[name].email);
  });

  it('filters by role and text within what one sees, counting the total', async () => {
    const res = await as.coordinator.get('/api/v1/users?role=council_referent&pageSize=500');
    const body = res.json();
    expect(body.items.map((u: { email: string }) => u.email)).toEqual([p.milano.email]);
    expect(body.total).toBe(1);
    const byName = await as.admin.get('/api/v1/users?q=tina%20tut');
    expect(byName.json().items.map((u: { id: number }) => u.id)).toEqual([p.tutor.id]);
    const paged = await as.admin.get('/api/v1/users?pageSize=2&page=2');
    expect(paged.json()).toMatchObject({ page: 2, pageSize: 2 });
    expect(paged.json().items).toHaveLength(2);
    expect(paged.json().total).toBeGreaterThanOrEqual(6);
  });

  it('shows only the roles within the reader’s scope', async () => {
    const both = await createTestUser(t, {
      roles: [
        { role: 'data_provider', scopeType: 'organization', scopeId: p.ids.orgMilano },
        { role: 'data_provider', scopeType: 'organization', scopeId: p.ids.orgNapoli },
      ],
    });
    const byAdmin = (await as.admin.get(`/api/v1/users/${both.id}`)).json();
    expect(byAdmin.roles).toHaveLength(2);
    const byMilano = (await as.milano.get(`/api/v1/users/${both.id}`)).json();
    expect(byMilano.roles).toEqual([expect.objectContaining({ role: 'data_provider', scopeId: p.ids.orgMilano, scopeName: expect.stringContaining('ATS Milano') })]);
    // Editing them would also affect their Napoli work: only someone who reaches both may.
    const patch = await as.milano.patch(`/api/v1/users/${both.id}`, { active: false, version: 1 });
    expect(patch.statusCode).toBe(403);
    expect((await as.coordinator.patch(`/api/v1/users/${both.id}`, { active: false, version: 1 })).statusCode).toBe(403);
    expect((await as.admin.patch(`/api/v1/users/${both.id}`, { active: false, version: 1 })).statusCode).toBe(200);
  });
});

describe('nobody grants wider than their own reach', () => {
  const grant = async (c: Client, body: object) => {
    const person = await createTestUser(t, { roles: [{ role: 'data_provider', scopeType: 'organization', scopeId: p.ids.orgMilano }] });
    const before = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, person.id));
    const res = await c.post(`/api/v1/users/${person.id}/roles`, body);
    const after = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, person.id));
    if (res.statusCode !== 201) expect(after).toEqual(before);
    return res.statusCode;
  };

  it.each([
    ['milano', 'anything in Napoli', () => ({ role: 'data_provider', scopeType: 'organization', scopeId: p.ids.orgNapoli }), 403],
    ['milano', 'a council referent of its own council', () => ({ role: 'council_referent', scopeType: 'council', scopeId: p.ids.councilMilano }), 403],
    ['milano', 'a tutor of its own council', () => ({ role: 'tutor', scopeType: 'council', scopeId: p.ids.councilMilano }), 403],
    ['napoli', 'a data provider in Milano', () => ({ role: 'data_provider', scopeType: 'organization', scopeId: p.ids.orgMilano }), 403],
    ['coordinator', 'a referent of Napoli (Campania)', () => ({ role: 'council_referent', scopeType: 'council', scopeId: p.ids.councilNapoli }), 403],
    ['coordinator', 'another regional coordinator', () => ({ role: 'regional_coordinator', scopeType: 'region', scopeId: p.ids.lombardia }), 403],
    ['coordinator', 'a national admin', () => ({ role: 'national_admin', scopeType: 'nation', scopeId: null }), 403],
    ['coordinator', 'a national tutor', () => ({ role: 'tutor', scopeType: 'nation', scopeId: null }), 403],
    ['coordinator', 'a referent of Milano', () => ({ role: 'council_referent', scopeType: 'council', scopeId: p.ids.councilMilano }), 201],
    ['coordinator', 'a tutor of Lombardia', () => ({ role: 'tutor', scopeType: 'region', scopeId: p.ids.lombardia }), 201],
    ['milano', 'an association member of a Milano organisation', () => ({ role: 'association_member', scopeType: 'organization', scopeId: p.ids.orgMilano }), 201],
    ['admin', 'a regional coordinator of Campania', () => ({ role: 'regional_coordinator', scopeType: 'region', scopeId: p.ids.campania }), 201],
  ])('%s granting %s → %i', async (actor, _what, body, status) => {
    expect(await grant(as[actor], body())).toBe(status);
  });

  it('a referent cannot create an account in Napoli, nor one without a role', async () => {
    const before = await userCount();
    const napoli = await as.milano.post('/api/v1/users', {
      email: 'fuori.ambito@example.test',
      name: 'Fuori Ambito',
      roles: [{ role: 'data_provider', scopeType: 'organization', scopeId: p.ids.orgNapoli }],
    });
    expect(napoli.statusCode).toBe(403);
    const none = await as.milano.post('/api/v1/users', { email: 'senza.ruolo@example.test', name: 'Senza Ruolo' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details.issues).toEqual([expect.objectContaining({ field: 'roles', code: 'roles_required' })]);
    expect(await userCount()).toBe(before);
  });

  it('a referent cannot edit a tutor of the council, whose role it could not grant', async () => {
    const res = await as.milano.patch(`/api/v1/users/${p.tutor.id}`, { name: 'Tutor Rinominato', version: 1 });
    expect(res.statusCode).toBe(403);
  });

  it('a referent reaches organisations registered to its council only', async () => {
    const other = await createTestOrganization(t, 'CTI-BG', 'ATS Bergamo');
    expect(await grant(as.milano, { role: 'data_provider', scopeType: 'organization', scopeId: other })).toBe(403);
    expect(await grant(as.coordinator, { role: 'data_provider', scopeType: 'organization', scopeId: other })).toBe(201);
  });
});
