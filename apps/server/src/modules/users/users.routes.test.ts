import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/mail/mail.schema.ts';
import { type Client, client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { passwordResets, sessions } from '../auth/auth.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { createTestUser, type People, seedPeople, signInAs, systemCtx, userVersion } from './users.fixtures.ts';
import { createUser } from './users.service.ts';
import { roleAssignments, users } from './users.schema.ts';

let t: TestApp;
let p: People;
let admin: Client;
let coordinator: Client;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://mosaico.example.it' });
  p = await seedPeople(t);
  admin = await signInAs(t, p.admin);
  coordinator = await signInAs(t, p.coordinator);
});
afterAll(() => t.close());

/** Counts of every table a users request may write: a refused request must leave all of them unchanged. */
async function footprint() {
  const n = async (table: typeof users | typeof roleAssignments | typeof auditLog | typeof outbox | typeof passwordResets) =>
    (await t.database.db.select({ n: count() }).from(table))[0].n;
  return { users: await n(users), roles: await n(roleAssignments), audit: await n(auditLog), outbox: await n(outbox), tokens: await n(passwordResets) };
}
const issuesOf = (res: { json(): { error: { details: { issues: { field: string }[] } } } }) => res.json().error.details.issues.map((i) => i.field);

describe('creating users', () => {
  it('creates an account with roles, named scopes and an ETag-able version', async () => {
    const res = await admin.post('/api/v1/users', {
      email: 'Lucia.Bianchi@Example.test',
      name: '  Lucia Bianchi ',
      locale: 'en',
      password: 'Una-password-lunga-1',
      roles: [{ role: 'council_referent', scopeType: 'council', scopeId: p.ids.councilMilano }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'lucia.bianchi@example.test',
      name: 'Lucia Bianchi',
      locale: 'en',
      active: true,
      sso: false,
      hasPassword: true,
      version: 1,
      lastLoginAt: null,
      roles: [{ role: 'council_referent', scopeType: 'council', scopeId: p.ids.councilMilano, scopeName: 'Consiglio Territoriale per l’Immigrazione di Milano' }],
    });
    expect((await signIn(t.app, 'lucia.bianchi@example.test', 'Una-password-lunga-1').then((c) => c.get('/api/v1/me'))).statusCode).toBe(200);
  });

  it('refuses an e-mail already taken, whatever its case', async () => {
    const before = await footprint();
    const res = await admin.post('/api/v1/users', { email: p.milano.email.toUpperCase(), name: 'Doppione' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'email_taken', message: `Esiste già un account con l’e-mail ${p.milano.email}.` });
    expect(issuesOf(res)).toEqual(['email']);
    expect(await footprint()).toEqual(before);
  });

  it('without a password, e-mails an invitation valid 7 days that sets the first password', async () => {
    const res = await coordinator.post('/api/v1/users', {
      email: 'invitata@example.test',
      name: 'Ines Invitata',
      roles: [{ role: 'council_referent', scopeType: 'council', scopeId: p.ids.councilMilano }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().hasPassword).toBe(false);
    const [mail] = await t.database.db.select().from(outbox).where(eq(outbox.to, 'invitata@example.test'));
    expect(mail.subject).toBe('Mosaico: il tuo account è pronto');
    expect(mail.body).toContain('Carlo Coordinatore ti ha creato un account');
    const token = (/https:\/\/mosaico\.example\.it\/reimposta-password\?token=([A-Za-z0-9_-]+)/.exec(mail.body) as RegExpExecArray)[1];
    const [row] = await t.database.db.select().from(passwordResets).where(eq(passwordResets.userId, res.json().id));
    const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const set = await client(t.app).post('/api/v1/auth/password-reset/confirm', { token, newPassword: 'La-mia-prima-password' });
    expect(set.statusCode).toBe(200);
    expect((await admin.get(`/api/v1/users/${res.json().id}`)).json().hasPassword).toBe(true);
    await signIn(t.app, 'invitata@example.test', 'La-mia-prima-password');
  });

  it('hashes with argon2id and audits the creation without the password or its hash', async () => {
    const user = await createUser(systemCtx(t), {
      email: 'servizio@example.test',
      name: 'Creato dal Servizio',
      password: 'Segretissima-2026!',
      roles: [{ role: 'tutor', scopeType: 'region', scopeId: p.ids.lombardia }],
    });
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, String(user.id)));
    expect(entries.map((e) => e.action)).toEqual(['create', 'role_grant']);
    expect(entries[0].after).toMatchObject({ email: 'servizio@example.test', invited: false });
    expect(entries[1]).toMatchObject({ regionId: p.ids.lombardia, after: { role: 'tutor', scopeType: 'region', scopeName: 'Lombardia' } });
    const all = JSON.stringify(await t.database.db.select().from(auditLog));
    expect(all).not.toContain('Segretissima-2026!');
    expect(all).not.toContain('$argon2');
    expect(all).not.toContain(row.passwordHash as string);
  });
});

describe('bad input is named field by field and writes nothing', () => {
  it.each([
    [
      'POST /users',
      () => admin.post('/api/v1/users', { email: 'non-una-mail', name: 'A', locale: 'fr', password: 'corta', roles: [{ role: 'tutor', scopeType: 'organization' }] }),
      ['email', 'name', 'locale', 'password', 'roles.0.scopeType', 'roles.0.scopeId'],
    ],
    ['POST /users (empty)', () => admin.post('/api/v1/users', {}), ['email', 'name']],
    ['POST /users (roles not a list)', () => admin.post('/api/v1/users', { email: 'a@b.it', name: 'Anna', roles: 'admin' }), ['roles']],
    ['PATCH /users/:id', () => admin.patch(`/api/v1/users/${p.tutor.id}`, { name: '', locale: 'xx', active: 'si', version: 0 }), ['name', 'locale', 'active', 'version']],
    ['PATCH /users/:id (bad id)', () => admin.patch('/api/v1/users/abc', { version: 1 }), ['params.id']],
    ['POST /users/:id/roles', () => admin.post(`/api/v1/users/${p.tutor.id}/roles`, { role: 're', scopeType: 'pianeta' }), ['role', 'scopeType']],
    ['POST /users/:id/roles (no scope)', () => admin.post(`/api/v1/users/${p.tutor.id}/roles`, { role: 'data_provider', scopeType: 'organization' }), ['scopeId']],
    [
      'POST /users/:id/roles (nation with an id)',
      () => admin.post(`/api/v1/users/${p.tutor.id}/roles`, { role: 'national_admin', scopeType: 'nation', scopeId: 5 }),
      ['scopeId'],
    ],
    ['DELETE /users/:id/roles/:roleId', () => admin.delete(`/api/v1/users/${p.tutor.id}/roles/zero`), ['params.roleId']],
    ['GET /users', () => admin.get('/api/v1/users?role=imperatore&pageSize=0'), ['querystring.role', 'querystring.pageSize']],
  ])('%s', async (_name, call, fields) => {
    const before = await footprint();
    const res = await call();
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(issuesOf(res)).toEqual(fields);
    expect(await footprint()).toEqual(before);
  });

  it('explains each problem in the reader’s language', async () => {
    const res = await admin.post('/api/v1/users?lang=en', { email: 'x', name: 'Bo', roles: [{ role: 'council_referent', scopeType: 'region', scopeId: 1 }] });
    expect(res.json().error.message).toBe('Some data is not valid: fix the fields listed.');
    expect(res.json().error.details.issues).toEqual([
      { field: 'email', code: 'invalid_format', message: 'Invalid e-mail address.' },
      { field: 'roles.0.scopeType', code: 'custom', message: 'Role council_referent is held only in: council.' },
    ]);
  });

  it('refuses a scope that does not exist (a region must be a region)', async () => {
    const before = await footprint();
    for (const [body, field] of [
      [{ role: 'data_provider', scopeType: 'organization', scopeId: 999_999 }, 'scopeId'],
      [{ role: 'tutor', scopeType: 'region', scopeId: p.ids.councilMilano + 100_000 }, 'scopeId'],
      [{ role: 'council_referent', scopeType: 'council', scopeId: 999_999 }, 'scopeId'],
    ] as const) {
      const res = await admin.post(`/api/v1/users/${p.tutor.id}/roles`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('scope_not_found');
      expect(issuesOf(res)).toEqual([field]);
    }
    const create = await admin.post('/api/v1/users', { email: 'nessun.ambito@example.test', name: 'Nessun Ambito', roles: [{ role: 'tutor', scopeType: 'council', scopeId: 999_999 }] });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.message).toBe('Ambito inesistente: council 999999.');
    expect(issuesOf(create)).toEqual(['roles.0.scopeId']);
    expect(await footprint()).toEqual(before);
  });

  it('treats a territory that is not a region as a missing region', async () => {
    const [milano] = await t.database.db.select().from(territories).where(and(eq(territories.level, 'province'), eq(territories.carPlate, 'MI')));
    const res = await admin.post(`/api/v1/users/${p.tutor.id}/roles`, { role: 'tutor', scopeType: 'region', scopeId: milano.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('scope_not_found');
  });

  it('refuses a role already held, and a role or user that does not exist', async () => {
    const dup = await admin.post(`/api/v1/users/${p.dataProvider.id}/roles`, { role: 'data_provider', scopeType: 'organization', scopeId: p.ids.orgMilano });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('role_already_held');
    expect((await admin.delete(`/api/v1/users/${p.tutor.id}/roles/999999`)).statusCode).toBe(404);
    const [milanoRole] = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, p.milano.id));
    expect((await admin.delete(`/api/v1/users/${p.tutor.id}/roles/${milanoRole.id}`)).statusCode).toBe(404); // not that user's role
    expect((await admin.post('/api/v1/users/999999/roles', { role: 'tutor', scopeType: 'nation' })).statusCode).toBe(404);
    expect((await admin.get('/api/v1/users/999999')).statusCode).toBe(404);
    expect((await admin.patch('/api/v1/users/999999', { version: 1 })).statusCode).toBe(404);
  });
});

describe('concurrent edits', () => {
  it('applies a change with the version read, then refuses a stale one', async () => {
    const person = await createTestUser(t, { name: 'Versione Uno' });
    const read = await admin.get(`/api/v1/users/${person.id}`);
    expect(read.headers.etag).toBe('"1"');
    const first = await admin.patch(`/api/v1/users/${person.id}`, { name: 'Versione Due' }, { 'if-match': read.headers.etag as string });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: 'Versione Due', version: 2 });
    expect(first.headers.etag).toBe('"2"');
    const before = await footprint();
    const stale = await coordinator.patch(`/api/v1/users/${p.tutor.id}`, { name: 'Sovrascritto', version: (await userVersion(t, p.tutor.id)) + 5 });
    expect(stale.statusCode).toBe(409);
    const late = await admin.patch(`/api/v1/users/${person.id}`, { name: 'Versione Vecchia', version: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    expect(late.json().error.message).toContain('versione attuale 2');
    expect(await footprint()).toEqual(before);
    expect((await admin.get(`/api/v1/users/${person.id}`)).json().name).toBe('Versione Due');
  });

  it('asks for the version when none is sent', async () => {
    const res = await admin.patch(`/api/v1/users/${p.tutor.id}`, { name: 'Senza Versione' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('version_required');
    expect(issuesOf(res)).toEqual(['version']);
  });
});

describe('deactivating', () => {
  it('closes the person’s sessions at once and keeps them out; reactivating lets them back', async () => {
    const person = await createTestUser(t, { roles: [{ role: 'data_provider', scopeType: 'organization', scopeId: p.ids.orgMilano }] });
    const theirs = await signInAs(t, person);
    const milano = await signInAs(t, p.milano);
    const res = await milano.patch(`/api/v1/users/${person.id}`, { active: false, version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, version: 2 });
    expect((await t.database.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, person.id)))[0].n).toBe(0);
    expect((await theirs.get('/api/v1/me')).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: person.email, password: person.password } });
    expect(again.json().error.code).toBe('account_disabled');
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'deactivate'));
    expect(entry).toMatchObject({ entityId: String(person.id), councilId: p.ids.councilMilano, organizationId: p.ids.orgMilano, actorEmail: p.milano.email });
    expect((await milano.patch(`/api/v1/users/${person.id}`, { active: true, version: 2 })).statusCode).toBe(200);
    await signInAs(t, person);
  });
});

describe('the last national admin', () => {
  it('cannot be deactivated or lose the role; a second admin can be removed', async () => {
    const adminRole = async (id: number) =>
      (await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, id))).find((r) => r.role === 'national_admin') as { id: number };
    const before = await footprint();
    const deactivate = await admin.patch(`/api/v1/users/${p.admin.id}`, { active: false, version: await userVersion(t, p.admin.id) });
    expect(deactivate.statusCode).toBe(409);
    expect(deactivate.json().error).toMatchObject({ code: 'last_admin', message: 'Non puoi togliere l’ultimo amministratore nazionale.' });
    const revoke = await admin.delete(`/api/v1/users/${p.admin.id}/roles/${(await adminRole(p.admin.id)).id}`);
    expect(revoke.statusCode).toBe(409);
    expect(await footprint()).toEqual(before);

    // An inactive admin does not count as a second one.
    const dormant = await createTestUser(t, { roles: [{ role: 'national_admin', scopeType: 'nation', scopeId: null }] });
    expect((await admin.patch(`/api/v1/users/${dormant.id}`, { active: false, version: 1 })).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${p.admin.id}`, { active: false, version: await userVersion(t, p.admin.id) })).statusCode).toBe(409);

    const second = await createTestUser(t, { roles: [{ role: 'national_admin', scopeType: 'nation', scopeId: null }] });
    const removed = await admin.delete(`/api/v1/users/${second.id}/roles/${(await adminRole(second.id)).id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().roles).toEqual([]);
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'role_revoke'));
    expect(entry).toMatchObject({ entityId: String(second.id), before: { role: 'national_admin', scopeType: 'nation', scopeName: 'Italia' } });
  });

  it('is beyond the reach of coordinators and referents', async () => {
    expect((await coordinator.patch(`/api/v1/users/${p.admin.id}`, { name: 'Xavier', version: 1 })).statusCode).toBe(404);
    const [role] = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, p.admin.id));
    expect((await coordinator.delete(`/api/v1/users/${p.admin.id}/roles/${role.id}`)).statusCode).toBe(403);
  });
});

describe('API documentation', () => {
  it('documents the users, outbox and sign-on routes with their schemas', async () => {
    const res = await client(t.app).get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    for (const path of ['/api/v1/users', '/api/v1/users/{id}', '/api/v1/users/{id}/roles', '/api/v1/users/{id}/roles/{roleId}', '/api/v1/outbox', '/api/v1/auth/config', '/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const create = doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['email', 'name']));
    expect(Object.keys(create.properties)).toEqual(expect.arrayContaining(['password', 'roles']));
  });
});
