import { createHash } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { createTestUser } from '../users/users.fixtures.ts';
import { users } from '../users/users.schema.ts';
import { oidcRequests, sessions } from './auth.schema.ts';
import { type FakeIdentity, type FakeProvider, startFakeProvider } from './fake-oidc-provider.ts';
import { allowsInsecureIssuer } from './oidc.service.ts';

let provider: FakeProvider;
let t: TestApp;

beforeAll(async () => {
  provider = await startFakeProvider();
  t = await createTestApp({
    OIDC_ISSUER_URL: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_LABEL: 'SPID / CIE (prova)',
    PUBLIC_URL: 'http://mosaico.test',
  });
});
afterAll(async () => {
  await t.close();
  await provider.close();
});

const cookieFrom = (res: { headers: Record<string, unknown> }, name: string) => {
  const all = ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []);
  const c = all.find((x) => x.startsWith(`${name}=`) && !x.startsWith(`${name}=;`));
  return c ? { pair: c.split(';')[0], raw: c } : null;
};

/** Runs the browser's part: start → provider (really, over HTTP) → back to the callback with the browser's cookie. */
async function signOn(identity: FakeIdentity, opts: { dropCookie?: boolean; beforeCallback?: (url: URL) => Promise<void> | void } = {}) {
  provider.next = identity;
  const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
  expect(start.statusCode).toBe(302);
  const oidcCookie = cookieFrom(start, 'mosaico_oidc');
  const atProvider = await fetch(start.headers.location as string, { redirect: 'manual' });
  expect(atProvider.status).toBe(302);
  const back = new URL(atProvider.headers.get('location') as string);
  await opts.beforeCallback?.(back);
  const headers: Record<string, string> = opts.dropCookie || !oidcCookie ? {} : { cookie: oidcCookie.pair };
  const callback = await t.app.inject({ method: 'GET', url: back.pathname + back.search, headers });
  return { start, back, callback, oidcCookie, session: cookieFrom(callback, 'mosaico_session') };
}

async function userRow(id: number) {
  const [u] = await t.database.db.select().from(users).where(eq(users.id, id));
  return u;
}

describe('OpenID Connect sign-on against a provider on 127.0.0.1', () => {
  it('offers single sign-on with its label', async () => {
    const res = await client(t.app).get('/api/v1/auth/config');
    expect(res.json()).toEqual({ oidc: { enabled: true, label: 'SPID / CIE (prova)' } });
  });

  it('redirects to the provider with PKCE S256, state and nonce kept on the server', async () => {
    const before = provider.authorizations.length;
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    expect(res.statusCode).toBe(302);
    const to = new URL(res.headers.location as string);
    expect(`${to.origin}${to.pathname}`).toBe(`${provider.issuer}/authorize`);
    const q = to.searchParams;
    expect(q.get('client_id')).toBe(provider.clientId);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('scope')).toContain('openid');
    expect(q.get('redirect_uri')).toBe('http://mosaico.test/api/v1/auth/oidc/callback');
    const state = q.get('state') as string;
    expect(state.length).toBeGreaterThan(20);
    expect(q.get('nonce')?.length).toBeGreaterThan(20);
    // The server keeps the verifier and nonce under the hash of the state; the browser only gets the state.
    const [row] = await t.database.db.select().from(oidcRequests).where(eq(oidcRequests.stateHash, createHash('sha256').update(state).digest('hex')));
    expect(row.nonce).toBe(q.get('nonce'));
    expect(createHash('sha256').update(row.codeVerifier).digest('base64url')).toBe(q.get('code_challenge'));
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    const cookie = cookieFrom(res, 'mosaico_oidc');
    expect(cookie?.pair).toBe(`mosaico_oidc=${state}`);
    expect(cookie?.raw).toMatch(/HttpOnly/i);
    expect(cookie?.raw).toMatch(/SameSite=Lax/i);
    expect(provider.authorizations.length).toBe(before); // nothing reached the provider yet: only a redirect
  });

  it('signs in a known person by verified e-mail, links the identity, then finds them by subject', async () => {
    const person = await createTestUser(t, { email: 'giulia.sso@example.test', roles: [{ role: 'national_admin', scopeType: 'nation', scopeId: null }] });
    const first = await signOn({ sub: 'sub-giulia', email: 'Giulia.SSO@example.test', email_verified: true });
    expect(first.callback.statusCode).toBe(302);
    expect(first.callback.headers.location).toBe('/');
    expect(first.session).not.toBeNull();
    const me = await client(t.app, first.session?.pair).get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: person.id, email: 'giulia.sso@example.test', roles: [{ role: 'national_admin', scopeName: 'Italia' }] });
    // The code was exchanged with the PKCE verifier (the fake provider checks it against the challenge).
    expect(provider.tokenRequests.at(-1)?.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    const linked = await userRow(person.id);
    expect(linked).toMatchObject({ oidcIssuer: provider.issuer, oidcSubject: 'sub-giulia' });
    const actions = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(person.id)));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['oidc_link', 'login_oidc']));
    // The state is single-use: its request row is gone.
    expect((await t.database.db.select({ n: count() }).from(oidcRequests).where(eq(oidcRequests.stateHash, createHash('sha256').update(first.back.searchParams.get('state') as string).digest('hex'))))[0].n).toBe(0);

    // Later the provider reports another, unverified e-mail: the subject still identifies the person.
    const again = await signOn({ sub: 'sub-giulia', email: 'giulia@altrove.example', email_verified: false });
    expect(again.callback.headers.location).toBe('/');
    expect((await client(t.app, again.session?.pair).get('/api/v1/me')).json().id).toBe(person.id);
  });

  it('does not create accounts: an unknown person goes back to the sign-in page', async () => {
    const [{ n: before }] = await t.database.db.select({ n: count() }).from(users);
    const res = await signOn({ sub: 'sub-sconosciuto', email: 'nessuno@example.test', email_verified: true });
    expect(res.callback.statusCode).toBe(302);
    expect(res.callback.headers.location).toBe('/accesso?errore=oidc_no_account');
    expect(res.session).toBeNull();
    const [{ n: after }] = await t.database.db.select({ n: count() }).from(users);
    expect(after).toBe(before);
  });

  it('does not trust an unverified e-mail, nor take over an account linked to another identity', async () => {
    const person = await createTestUser(t, { email: 'paolo.sso@example.test' });
    const unverified = await signOn({ sub: 'sub-paolo', email: 'paolo.sso@example.test', email_verified: false });
    expect(unverified.callback.headers.location).toBe('/accesso?errore=oidc_no_account');
    expect((await userRow(person.id)).oidcSubject).toBeNull();

    await signOn({ sub: 'sub-paolo', email: 'paolo.sso@example.test', email_verified: true });
    const other = await signOn({ sub: 'sub-impostore', email: 'paolo.sso@example.test', email_verified: true });
    expect(other.callback.headers.location).toBe('/accesso?errore=oidc_no_account');
    expect((await userRow(person.id)).oidcSubject).toBe('sub-paolo');
  });

  it('refuses a deactivated account', async () => {
    const person = await createTestUser(t, { email: 'spento.sso@example.test' });
    await t.database.db.update(users).set({ active: false }).where(eq(users.id, person.id));
    const res = await signOn({ sub: 'sub-spento', email: 'spento.sso@example.test', email_verified: true });
    expect(res.callback.headers.location).toBe('/accesso?errore=account_disabled');
    expect(res.session).toBeNull();
  });

  it('rejects a replayed callback, a callback in another browser and an expired request', async () => {
    await createTestUser(t, { email: 'rita.sso@example.test' });
    const identity = { sub: 'sub-rita', email: 'rita.sso@example.test', email_verified: true };
    const ok = await signOn(identity);
    expect(ok.callback.headers.location).toBe('/');
    const replay = await t.app.inject({ method: 'GET', url: ok.back.pathname + ok.back.search, headers: { cookie: ok.oidcCookie?.pair as string } });
    expect(replay.headers.location).toBe('/accesso?errore=oidc_failed');
    expect(cookieFrom(replay, 'mosaico_session')).toBeNull();

    const otherBrowser = await signOn(identity, { dropCookie: true });
    expect(otherBrowser.callback.headers.location).toBe('/accesso?errore=oidc_failed');

    const late = await signOn(identity, {
      beforeCallback: async () => {
        await t.database.db.update(oidcRequests).set({ expiresAt: sql`now() - interval '1 minute'` });
      },
    });
    expect(late.callback.headers.location).toBe('/accesso?errore=oidc_failed');
  });

  it('rejects an id_token signed with an unknown key or carrying another nonce', async () => {
    await createTestUser(t, { email: 'bruno.sso@example.test' });
    const [{ n: sessionsBefore }] = await t.database.db.select({ n: count() }).from(sessions);
    const forged = await signOn({ sub: 'sub-bruno', email: 'bruno.sso@example.test', email_verified: true, wrongKey: true });
    expect(forged.callback.headers.location).toBe('/accesso?errore=oidc_failed');
    const nonce = await signOn({ sub: 'sub-bruno', email: 'bruno.sso@example.test', email_verified: true, wrongNonce: true });
    expect(nonce.callback.headers.location).toBe('/accesso?errore=oidc_failed');
    const [{ n: sessionsAfter }] = await t.database.db.select({ n: count() }).from(sessions);
    expect(sessionsAfter).toBe(sessionsBefore);
  });

  it('goes back to the sign-in page when the person cancels at the provider', async () => {
    const res = await signOn({ sub: 'x' }, {
      beforeCallback: (url) => {
        url.searchParams.delete('code');
        url.searchParams.set('error', 'access_denied');
      },
    });
    expect(res.callback.headers.location).toBe('/accesso?errore=oidc_failed');
  });

  it('asks the provider for its configuration once per process', () => {
    expect(provider.discoveryRequests).toBe(1);
  });
});

describe('when the provider cannot be reached', () => {
  it('sends the person back to the sign-in page instead of an error page', async () => {
    const down = await createTestApp({ OIDC_ISSUER_URL: 'http://127.0.0.1:9/spento', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await down.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
        expect(res.statusCode).toBe(302);
        expect(res.headers.location).toBe('/accesso?errore=oidc_failed');
        expect(cookieFrom(res, 'mosaico_oidc')).toBeNull();
      }
      expect((await down.database.db.select({ n: count() }).from(oidcRequests))[0].n).toBe(0);
    } finally {
      await down.close();
    }
  });
});

describe('plain HTTP to the provider', () => {
  it.each([
    ['http://127.0.0.1:8080/realm', true],
    ['http://localhost:9000', true],
    ['http://idp.example.it', false],
    ['http://10.0.0.5/realm', false],
    ['https://idp.example.it', false],
  ])('%s allowed: %s', (url, expected) => {
    expect(allowsInsecureIssuer(new URL(url))).toBe(expected);
  });
});
