import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

/** Who the fake provider says signed in next, and how it misbehaves when a test asks it to. */
export interface FakeIdentity {
  sub: string;
  email?: string;
  email_verified?: boolean;
  /** Sign the id_token with a key that is not in the published JWKS. */
  wrongKey?: boolean;
  /** Put another nonce in the id_token than the one asked for. */
  wrongNonce?: boolean;
}

export interface FakeProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  next: FakeIdentity;
  /** Query of every authorization request received, to check PKCE, state and nonce. */
  authorizations: URLSearchParams[];
  /** Form of every token request received. */
  tokenRequests: URLSearchParams[];
  discoveryRequests: number;
  close(): Promise<void>;
}

/**
 * A small OpenID Connect provider on 127.0.0.1 for tests: discovery, JWKS, an authorization endpoint that
 * signs in `next` at once and redirects back with a code, and a token endpoint that checks the client,
 * the redirect URI and the PKCE verifier, then issues an RS256 id_token.
 */
export async function startFakeProvider(): Promise<FakeProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const rogue = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { identity: FakeIdentity; challenge: string; nonce: string; redirectUri: string; clientId: string }>();
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider: FakeProvider = {
    issuer: `${base}/realm`,
    clientId: 'mosaico-test',
    clientSecret: 'segreto-del-client',
    next: { sub: 'nobody' },
    authorizations: [],
    tokenRequests: [],
    discoveryRequests: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  function json(res: http.ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  }

  async function readForm(req: http.IncomingMessage) {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    return new URLSearchParams(raw);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', base);
    const path = url.pathname.replace(/^\/realm/, '');
    if (path === '/.well-known/openid-configuration') {
      provider.discoveryRequests += 1;
      return json(res, 200, {
        issuer: provider.issuer,
        authorization_endpoint: `${provider.issuer}/authorize`,
        token_endpoint: `${provider.issuer}/token`,
        jwks_uri: `${provider.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        scopes_supported: ['openid', 'email', 'profile'],
      });
    }
    if (path === '/jwks') return json(res, 200, { keys: [jwk] });
    if (path === '/authorize') {
      const q = url.searchParams;
      provider.authorizations.push(q);
      const code = randomBytes(16).toString('hex');
      codes.set(code, {
        identity: { ...provider.next },
        challenge: q.get('code_challenge') ?? '',
        nonce: q.get('nonce') ?? '',
        redirectUri: q.get('redirect_uri') ?? '',
        clientId: q.get('client_id') ?? '',
      });
      const back = new URL(q.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      if (q.get('state')) back.searchParams.set('state', q.get('state') as string);
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (path === '/token' && req.method === 'POST') {
      const form = await readForm(req);
      provider.tokenRequests.push(form);
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
      const [id, secret] = basic
        ? Buffer.from(basic[1], 'base64').toString().split(':').map(decodeURIComponent)
        : [form.get('client_id'), form.get('client_secret')];
      if (id !== provider.clientId || secret !== provider.clientSecret) return json(res, 401, { error: 'invalid_client' });
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!grant || grant.redirectUri !== form.get('redirect_uri') || grant.challenge !== challenge) {
        return json(res, 400, { error: 'invalid_grant' });
      }
      const { sub, email, email_verified, wrongKey, wrongNonce } = grant.identity;
      const idToken = await new SignJWT({ email, email_verified, nonce: wrongNonce ? 'altro' : grant.nonce })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(provider.issuer)
        .setAudience(provider.clientId)
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(wrongKey ? rogue.privateKey : privateKey);
      return json(res, 200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
    }
    json(res, 404, { error: 'not_found' });
  }

  return provider;
}
