import { count, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outbox } from '../../platform/mail/mail.schema.ts';
import { client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { createTestUser, FIXTURE_PASSWORD, type Person, regionIdOf } from '../users/users.fixtures.ts';
import { users } from '../users/users.schema.ts';
import { loginAttempts, passwordResets, sessions } from './auth.schema.ts';

let t: TestApp;
let logLines: string[];
let coordinator: Person;

beforeAll(async () => {
  // Logging on, into a buffer: the last tests read what was logged to prove secrets never are.
  t = await createTestApp({ LOGIN_MAX_ATTEMPTS: '3', LOGIN_WINDOW_MINUTES: '15', LOG_LEVEL: 'trace' });
  logLines = [];
  const stream = (t.app.log as unknown as Record<symbol, { write(s: string): boolean }>)[pino.symbols.streamSym];
  vi.spyOn(stream, 'write').mockImplementation((line: string) => {
    logLines.push(String(line));
    return true;
  });
  coordinator = await createTestUser(t, {
    email: 'roberta.regione@example.test',
    name: 'Roberta Regione',
    roles: [{ role: 'regional_coordinator', scopeType: 'region', scopeId: await regionIdOf(t, '03') }],
  });
});
afterAll(() => t.close());

/** A login from a given address, so the per-IP allowance of one test does not spill into another. */
const login = (email: string, password: string, ip: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip, headers });

const sessionsOf = async (userId: number) => (await t.database.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)))[0].n;

describe('login', () => {
  it('signs in, sets an HttpOnly SameSite cookie and answers who you are with the names of your scopes', async () => {
    const res = await login('Roberta.Regione@EXAMPLE.test', FIXTURE_PASSWORD, '10.1.0.1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: coordinator.id,
      email: 'roberta.regione@example.test',
      name: 'Roberta Regione',
      roles: [{ role: 'regional_coordinator', scopeType: 'region', scopeName: 'Lombardia' }],
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^mosaico_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
  });

  it('refuses a wrong password or an unknown e-mail with the same message, in Italian or English', async () => {
    const wrong = await login(coordinator.email, 'sbagliata-sbagliata', '10.1.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'bad_credentials', message: 'E-mail o password non corrette.' });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const unknown = await login('nessuno@example.test', 'sbagliata-sbagliata', '10.1.0.2', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toMatchObject({ code: 'bad_credentials', message: 'Wrong e-mail or password.' });
  });

  it('names each missing field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {}, remoteAddress: '10.1.0.3' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      { field: 'email', code: 'invalid_type', message: 'Campo obbligatorio.' },
      { field: 'password', code: 'invalid_type', message: 'Campo obbligatorio.' },
    ]);
  });

  it('refuses a deactivated account, even with the right password', async () => {
    const p = await createTestUser(t, { email: 'spento@example.test' });
    await t.database.db.update(users).set({ active: false }).where(eq(users.id, p.id));
    const res = await login(p.email, p.password, '10.1.0.4');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('account_disabled');
    expect(await sessionsOf(p.id)).toBe(0);
  });

  it('refuses an invited person who has not chosen a password yet', async () => {
    const p = await createTestUser(t, { email: 'invitato@example.test', password: null });
    const res = await login(p.email, '', '10.1.0.5');
    expect(res.statusCode).toBe(400);
    const guess = await login(p.email, 'qualunque-cosa-lunga', '10.1.0.5');
    expect(guess.statusCode).toBe(401);
  });
});

describe('login rate limiting', () => {
  it('blocks an e-mail after LOGIN_MAX_ATTEMPTS failures, even with the right password, until the window passes', async () => {
    const p = await createTestUser(t, { email: 'bersaglio@example.test' });
    for (let i = 0; i < 3; i++) expect((await login(p.email, 'tentativo-errato', '10.2.0.1')).statusCode).toBe(401);
    const blocked = await login(p.email, p.password, '10.2.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toMatchObject({ code: 'too_many_attempts', message: 'Troppi tentativi di accesso: riprova tra 15 minuti.' });
    const en = await login(p.email, p.password, '10.2.0.99', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(429); // another address does not help: the e-mail itself is protected
    expect(en.json().error.message).toBe('Too many sign-in attempts: try again in 15 minutes.');
    expect(await sessionsOf(p.id)).toBe(0);
    // Time passes: the failures leave the window.
    await t.database.db.update(loginAttempts).set({ at: sql`now() - interval '16 minutes'` }).where(eq(loginAttempts.email, p.email));
    expect((await login(p.email, p.password, '10.2.0.1')).statusCode).toBe(200);
  });

  it('forgets the failures after a successful login', async () => {
    const p = await createTestUser(t, { email: 'distratto@example.test' });
    for (let i = 0; i < 2; i++) expect((await login(p.email, 'tentativo-errato', '10.2.1.1')).statusCode).toBe(401);
    expect((await login(p.email, p.password, '10.2.1.1')).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) expect((await login(p.email, 'tentativo-errato', '10.2.1.1')).statusCode).toBe(401);
    expect((await login(p.email, p.password, '10.2.1.1')).statusCode).toBe(200);
  });

  it('blocks an address that tries many e-mails, without blocking the people themselves elsewhere', async () => {
    const p = await createTestUser(t, { email: 'vicino@example.test' });
    for (let i = 0; i < 12; i++) await login(`prova${i}@example.test`, 'tentativo-errato', '10.2.2.1');
    expect((await login(p.email, p.password, '10.2.2.1')).statusCode).toBe(429);
    expect((await login(p.email, p.password, '10.2.2.2')).statusCode).toBe(200);
  });
});

describe('session', () => {
  it('answers 401 to /me when signed out', async () => {
    const res = await client(t.app).get('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'unauthenticated', message: 'Accedi per continuare.' });
  });

  it('says the session expired once it has, then forgets it', async () => {
    const p = await createTestUser(t);
    const c = await signIn(t.app, p.email, p.password);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    await t.database.db.update(sessions).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(sessions.userId, p.id));
    const expired = await c.get('/api/v1/me', { 'accept-language': 'en' });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toMatchObject({ code: 'session_expired', message: 'Your session has expired: sign in again.' });
    expect(await sessionsOf(p.id)).toBe(0);
    expect((await c.get('/api/v1/me')).json().error.code).toBe('unauthenticated');
  });

  it('logs out: the session is deleted and the cookie cleared', async () => {
    const p = await createTestUser(t);
    const c = await signIn(t.app, p.email, p.password);
    const res = await c.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/mosaico_session=;/);
    expect(await sessionsOf(p.id)).toBe(0);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });
});

describe('change password', () => {
  it('needs a session', async () => {
    const res = await client(t.app).post('/api/v1/auth/password', { currentPassword: 'x', newPassword: 'abbastanza-lunga-1' });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a wrong current password, naming the field, and changes nothing', async () => {
    const p = await createTestUser(t);
    const c = await signIn(t.app, p.email, p.password);
    const res = await c.post('/api/v1/auth/password', { currentPassword: 'non-è-questa', newPassword: 'Nuova-password-2026' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'wrong_password',
      message: 'La password attuale non è corretta.',
      details: { issues: [{ field: 'currentPassword', code: 'wrong_password', message: 'La password attuale non è corretta.' }] },
    });
    const short = await c.post('/api/v1/auth/password', { currentPassword: p.password, newPassword: 'corta' });
    expect(short.json().error.details.issues).toEqual([{ field: 'newPassword', code: 'too_small', message: 'Scrivi almeno 12 caratteri.' }]);
    expect((await login(p.email, p.password, '10.3.0.1')).statusCode).toBe(200);
  });

  it('changes it, keeps this session and closes the others', async () => {
    const p = await createTestUser(t);
    const here = await signIn(t.app, p.email, p.password);
    const elsewhere = await signIn(t.app, p.email, p.password);
    const res = await here.post('/api/v1/auth/password', { currentPassword: p.password, newPassword: 'Nuova-password-2026' });
    expect(res.statusCode).toBe(200);
    expect((await here.get('/api/v1/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(p.email, p.password, '10.3.0.2')).statusCode).toBe(401);
    expect((await login(p.email, 'Nuova-password-2026', '10.3.0.2')).statusCode).toBe(200);
  });
});

describe('password reset', () => {
  const outboxFor = (email: string) => t.database.db.select().from(outbox).where(eq(outbox.to, email));
  const tokenIn = (body: string) => (/token=([A-Za-z0-9_-]+)/.exec(body) as RegExpExecArray)[1];

  it('answers 202 whether or not the e-mail exists, writing to the outbox only when it does', async () => {
    const p = await createTestUser(t, { email: 'smemorato@example.test' });
    const [{ n: before }] = await t.database.db.select({ n: count() }).from(outbox);
    const unknown = await client(t.app).post('/api/v1/auth/password-reset', { email: 'fantasma@example.test' });
    expect(unknown.statusCode).toBe(202);
    expect((await t.database.db.select({ n: count() }).from(outbox))[0].n).toBe(before);
    const known = await client(t.app).post('/api/v1/auth/password-reset', { email: 'SMEMORATO@example.test' });
    expect(known.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const [mail] = await outboxFor(p.email);
    expect(mail.subject).toBe('Mosaico: reimposta la password');
    expect(mail.body).toMatch(/\/reimposta-password\?token=[A-Za-z0-9_-]{40,}/);
    const bad = await client(t.app).post('/api/v1/auth/password-reset', { email: 'non-una-mail' });
    expect(bad.json().error.details.issues).toEqual([{ field: 'email', code: 'invalid_format', message: 'Indirizzo e-mail non valido.' }]);
  });

  it('sets a new password once with the token, closing every session', async () => {
    const p = await createTestUser(t, { email: 'ritorno@example.test' });
    const session = await signIn(t.app, p.email, p.password);
    await client(t.app).post('/api/v1/auth/password-reset', { email: p.email });
    const token = tokenIn((await outboxFor(p.email))[0].body);
    const ok = await client(t.app).post('/api/v1/auth/password-reset/confirm', { token, newPassword: 'Ritrovata-password-1' });
    expect(ok.statusCode).toBe(200);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(p.email, 'Ritrovata-password-1', '10.4.0.1')).statusCode).toBe(200);
    const again = await client(t.app).post('/api/v1/auth/password-reset/confirm', { token, newPassword: 'Un-altra-password-2' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ code: 'reset_invalid', message: 'Il link di reimpostazione non è valido o è scaduto.' });
    expect((await login(p.email, 'Un-altra-password-2', '10.4.0.1')).statusCode).toBe(401);
  });

  it('refuses an expired token and a made-up one', async () => {
    const p = await createTestUser(t, { email: 'tardivo@example.test' });
    await client(t.app).post('/api/v1/auth/password-reset', { email: p.email });
    const token = tokenIn((await outboxFor(p.email))[0].body);
    await t.database.db.update(passwordResets).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(passwordResets.userId, p.id));
    const late = await client(t.app).post('/api/v1/auth/password-reset/confirm', { token, newPassword: 'Troppo-tardi-2026' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('reset_invalid');
    const fake = await client(t.app).post('/api/v1/auth/password-reset/confirm', { token: 'inventato-di-sana-pianta', newPassword: 'Troppo-tardi-2026' });
    expect(fake.json().error.code).toBe('reset_invalid');
    const bad = await client(t.app).post('/api/v1/auth/password-reset/confirm', { token: 'x', newPassword: 'corta' });
    expect(bad.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['token', 'newPassword']);
    expect((await login(p.email, p.password, '10.4.0.2')).statusCode).toBe(200);
  });
});

describe('cross-site requests', () => {
  const evil = { origin: 'https://evil.example' };

  it('refuses a cross-site login and writes nothing', async () => {
    const p = await createTestUser(t);
    const [{ n: attempts }] = await t.database.db.select({ n: count() }).from(loginAttempts);
    for (const headers of [evil, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }]) {
      const res = await login(p.email, p.password, '10.5.0.1', headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'cross_site', message: 'Richiesta da un altro sito rifiutata.' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(await sessionsOf(p.id)).toBe(0);
    expect((await t.database.db.select({ n: count() }).from(loginAttempts))[0].n).toBe(attempts);
  });

  it('refuses a cross-site write by a signed-in user and changes nothing', async () => {
    const target = await createTestUser(t, { name: 'Intatto' });
    const admin = await createTestUser(t, { roles: [{ role: 'national_admin', scopeType: 'nation', scopeId: null }] });
    const c = await signIn(t.app, admin.email, admin.password);
    const [{ n: audits }] = await t.database.db.select({ n: count() }).from(auditLog);
    const res = await c.patch(`/api/v1/users/${target.id}`, { name: 'Cambiato', version: 1 }, { ...evil, 'sec-fetch-site': 'cross-site' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('cross_site');
    const logout = await c.post('/api/v1/auth/logout', undefined, evil);
    expect(logout.statusCode).toBe(403);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, target.id));
    expect(row.name).toBe('Intatto');
    expect((await t.database.db.select({ n: count() }).from(auditLog))[0].n).toBe(audits);
  });

  it('accepts same-origin requests and API clients that send no Origin', async () => {
    const p = await createTestUser(t);
    const same = await login(p.email, p.password, '10.5.0.2', { host: 'mosaico.test', origin: 'https://mosaico.test', 'sec-fetch-site': 'same-origin' });
    expect(same.statusCode).toBe(200);
    expect((await login(p.email, p.password, '10.5.0.2')).statusCode).toBe(200);
  });
});

describe('single sign-on when not configured', () => {
  it('says it is off and refuses to start', async () => {
    expect((await client(t.app).get('/api/v1/auth/config')).json()).toEqual({ oidc: { enabled: false, label: 'SPID / CIE' } });
    const start = await client(t.app).get('/api/v1/auth/oidc/start');
    expect(start.statusCode).toBe(404);
    expect(start.json().error.code).toBe('oidc_disabled');
  });
});

describe('secrets', () => {
  it('never logs a password, a reset token or a session cookie', async () => {
    logLines.length = 0;
    const p = await createTestUser(t, { email: 'riservata@example.test' });
    await login(p.email, 'Password-Sbagliata-Segreta', '10.6.0.1');
    const ok = await login(p.email, p.password, '10.6.0.1');
    const cookie = String(ok.headers['set-cookie']).split(';')[0];
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: p.password, newPassword: 'Password-Nuova-Segreta' },
      headers: { cookie },
    });
    await client(t.app).post('/api/v1/auth/password-reset', { email: p.email });
    const [mail] = await t.database.db.select().from(outbox).where(eq(outbox.to, p.email));
    const token = (/token=([A-Za-z0-9_-]+)/.exec(mail.body) as RegExpExecArray)[1];
    await client(t.app).post('/api/v1/auth/password-reset/confirm', { token, newPassword: 'Password-Terza-Segreta' });
    const log = logLines.join('');
    expect(log).toContain('/api/v1/auth/login'); // the requests were logged...
    for (const secret of [p.password, 'Password-Sbagliata-Segreta', 'Password-Nuova-Segreta', 'Password-Terza-Segreta', token, cookie.split('=')[1]]) {
      expect(log).not.toContain(secret); // ...but not what they carried
    }
  });

  it('keeps no password, hash or token in the audit log', async () => {
    const rows = await t.database.db.select().from(auditLog);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'login', 'password_change', 'password_reset_request', 'password_reset']));
    const text = JSON.stringify(rows);
    expect(text).not.toContain('$argon2');
    expect(text).not.toMatch(/password_?hash|passwordHash|"password"|tokenHash/i);
    for (const secret of [FIXTURE_PASSWORD, 'Nuova-password-2026', 'Ritrovata-password-1']) expect(text).not.toContain(secret);
  });
});
