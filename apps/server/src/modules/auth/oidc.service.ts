import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Config } from '../../config.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { users } from '../users/users.schema.ts';
import { oidcRequests } from './auth.schema.ts';
import { startSession } from './auth.service.ts';
import { hashToken } from './sessions.ts';

/** How long a sign-on may take at the provider before its state is forgotten. */
export const OIDC_REQUEST_TTL_SECONDS = 600;

const SCOPE = 'openid email profile';

export const callbackPath = '/api/v1/auth/oidc/callback';

export function isOidcEnabled(config: Config): boolean {
  return !!(config.OIDC_ISSUER_URL && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET);
}

/**
 * Plain HTTP to the provider is accepted only when it runs on this machine (development, tests): anywhere
 * else the id_token and client secret would cross the network in clear, and openid-client refuses it.
 */
export function allowsInsecureIssuer(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

// Discovery costs a round trip and the provider's keys; once per process is enough (keys are refetched on rotation).
const discoveries = new Map<string, Promise<oidc.Configuration>>();

async function discoverProvider(config: Config): Promise<oidc.Configuration> {
  const key = `${config.OIDC_ISSUER_URL}\n${config.OIDC_CLIENT_ID}`;
  let found = discoveries.get(key);
  if (!found) {
    const issuer = new URL(config.OIDC_ISSUER_URL as string);
    // TLS alone may vouch for an id_token fetched from the token endpoint (OIDC Core 3.1.3.7), so openid-client
    // skips its signature by default; we check it against the provider's JWKS anyway, as defence in depth.
    const execute = [oidc.enableNonRepudiationChecks];
    if (allowsInsecureIssuer(issuer)) execute.push(oidc.allowInsecureRequests);
    found = oidc.discovery(issuer, config.OIDC_CLIENT_ID as string, config.OIDC_CLIENT_SECRET as string, undefined, { execute, timeout: 10 });
    discoveries.set(key, found);
    // A provider that was down must be asked again at the next sign-in, not remembered as broken.
    found.catch(() => discoveries.delete(key));
  }
  return found;
}

const failed = (reason: string) => new AppError('unauthenticated', 'oidc_failed', { reason });

/** Whether single sign-on is offered, and the label of its button. Public. */
export function getAuthConfig(ctx: Ctx) {
  return { oidc: { enabled: isOidcEnabled(ctx.config), label: ctx.config.OIDC_LABEL } };
}

/**
 * Starts an authorization-code sign-on with PKCE (S256), state and nonce; the verifier and nonce stay in
 * oidc_requests and the caller binds the state to the browser with a short cookie. Public.
 */
export async function startOidcSignIn(ctx: Ctx, baseUrl: string) {
  if (!isOidcEnabled(ctx.config)) throw new AppError('not_found', 'oidc_disabled');
  let provider: oidc.Configuration;
  try {
    provider = await discoverProvider(ctx.config);
  } catch (err) {
    throw failed(`discovery: ${(err as Error).message}`);
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const now = Date.now();
  await ctx.db.transaction(async (tx) => {
    await tx.delete(oidcRequests).where(lt(oidcRequests.expiresAt, new Date(now)));
    await tx.insert(oidcRequests).values({
      stateHash: hashToken(state),
      codeVerifier,
      nonce,
      expiresAt: new Date(now + OIDC_REQUEST_TTL_SECONDS * 1000),
    });
  });
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: `${baseUrl}${callbackPath}`,
    scope: SCOPE,
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state };
}

/**
 * Finishes a sign-on: checks the state against the browser's cookie and the stored request (single use),
 * exchanges the code and verifies the id_token, then finds the account by (issuer, subject) or, on first
 * use, by a verified e-mail (linking the identity). Nobody is created here: accounts come from admins.
 */
export async function completeOidcSignIn(ctx: Ctx, currentUrl: URL, browserState: string | undefined, meta: { ip: string; userAgent?: string }) {
  if (!isOidcEnabled(ctx.config)) throw new AppError('not_found', 'oidc_disabled');
  const state = currentUrl.searchParams.get('state');
  if (!state || !browserState || state !== browserState) throw failed('state mismatch');
  const [request] = await ctx.db.delete(oidcRequests).where(eq(oidcRequests.stateHash, hashToken(state))).returning();
  if (!request || request.expiresAt.getTime() < Date.now()) throw failed('unknown or expired state');
  const providerError = currentUrl.searchParams.get('error');
  if (providerError) throw failed(`provider: ${providerError}`);

  let claims: oidc.IDToken | undefined;
  try {
    const provider = await discoverProvider(ctx.config);
    const tokens = await oidc.authorizationCodeGrant(provider, currentUrl, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (err) {
    throw failed(`${(err as { code?: string }).code ?? 'error'}: ${(err as Error).message}`);
  }
  if (!claims?.sub) throw failed('no subject');

  const [linked] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.oidcIssuer, claims.iss), eq(users.oidcSubject, claims.sub)));
  let user = linked;
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
  if (!user && email && claims.email_verified === true) {
    // An account already linked to another identity is not taken over by a second one with the same e-mail.
    const [byEmail] = await ctx.db
      .select()
      .from(users)
      .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.oidcSubject)));
    user = byEmail;
  }
  if (!user) throw new AppError('unauthenticated', 'oidc_no_account', { email: email ?? claims.sub });
  if (!user.active) throw new AppError('forbidden', 'account_disabled');
  if (!linked) {
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ oidcIssuer: claims.iss, oidcSubject: claims.sub, updatedAt: new Date() }).where(eq(users.id, user.id));
      await recordAudit(tx, { actor: { id: user.id, email: user.email, name: user.name, locale: user.locale, roles: [] }, requestId: ctx.requestId }, {
        action: 'oidc_link',
        entityType: 'user',
        entityId: user.id,
        after: { oidcIssuer: claims.iss, oidcSubject: claims.sub },
      });
    });
  }
  return startSession(ctx, user, meta, 'login_oidc');
}
