import { baseUrlOf } from '../../platform/http/base-url.ts';
import { authConfig, changePasswordBody, loginBody, me, OIDC_ERROR_CODES, oidcCallbackQuery, resetConfirmBody, resetRequestBody } from '@mosaico/contracts/auth';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { changePassword, confirmPasswordReset, getMe, login, requestPasswordReset } from './auth.service.ts';
import { callbackPath, completeOidcSignIn, getAuthConfig, OIDC_REQUEST_TTL_SECONDS, startOidcSignIn } from './oidc.service.ts';
import { deleteSession, loadSessionActor, SESSION_COOKIE } from './sessions.ts';

/** Binds a single sign-on to the browser that started it, so a stolen callback link cannot log in someone else. */
const OIDC_COOKIE = 'mosaico_oidc';
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';

const ok = z.object({ ok: z.literal(true) });

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    expires: expiresAt,
  });
}

export function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/auth/login',
    { schema: { tags: ['auth'], summary: 'Sign in with e-mail and password; sets the session cookie', body: loginBody, response: { 200: me } } },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const session = await login(ctx, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
      setSessionCookie(req, reply, session.token, session.expiresAt);
      const { actor } = await loadSessionActor(ctx.db, session.token, deps.config.SESSION_TTL_HOURS);
      return getMe({ ...ctx, actor });
    },
  );
  r.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 200: ok } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(deps.database.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });
  r.get('/me', { schema: { tags: ['auth'], summary: 'The signed-in user and their roles', response: { 200: me } } }, async (req) => {
    if (!req.actor && req.sessionExpired) throw new AppError('unauthenticated', 'session_expired');
    return getMe(ctxOf(req, deps));
  });
  r.get('/auth/config', { schema: { tags: ['auth'], summary: 'Sign-in options: whether single sign-on is offered', response: { 200: authConfig } } }, (req) =>
    getAuthConfig(ctxOf(req, deps)),
  );
  r.get(
    '/auth/oidc/start',
    { schema: { tags: ['auth'], summary: 'Start single sign-on: redirects (302) to the OpenID Connect provider' } },
    async (req, reply) => {
      try {
        const { url, state } = await startOidcSignIn(ctxOf(req, deps), baseUrlOf(req, deps));
        reply.setCookie(OIDC_COOKIE, state, {
          path: OIDC_COOKIE_PATH,
          httpOnly: true,
          sameSite: 'lax',
          secure: req.protocol === 'https',
          maxAge: OIDC_REQUEST_TTL_SECONDS,
        });
        return reply.redirect(url, 302);
      } catch (err) {
        if (err instanceof AppError && err.code === 'oidc_disabled') throw err;
        return redirectToSignIn(req, reply, err);
      }
    },
  );
  r.get(
    '/auth/oidc/callback',
    {
      schema: {
        tags: ['auth'],
        summary: 'Where the provider returns: opens a session and redirects to /, or to /accesso?errore=<code>',
        querystring: oidcCallbackQuery,
      },
    },
    async (req, reply) => {
      const url = req.url;
      const currentUrl = new URL(`${baseUrlOf(req, deps)}${callbackPath}${url.includes('?') ? url.slice(url.indexOf('?')) : ''}`);
      reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
      try {
        const meta = { ip: req.ip, userAgent: req.headers['user-agent'] };
        const session = await completeOidcSignIn(ctxOf(req, deps), currentUrl, req.cookies[OIDC_COOKIE], meta);
        setSessionCookie(req, reply, session.token, session.expiresAt);
        return reply.redirect('/', 302);
      } catch (err) {
        if (err instanceof AppError && err.code === 'oidc_disabled') throw err;
        return redirectToSignIn(req, reply, err);
      }
    },
  );
  r.post(
    '/auth/password',
    { schema: { tags: ['auth'], summary: 'Change your own password', body: changePasswordBody, response: { 200: ok } } },
    async (req) => {
      await changePassword(ctxOf(req, deps), req.body, req.cookies[SESSION_COOKIE] ?? '');
      return { ok: true as const };
    },
  );
  r.post(
    '/auth/password-reset',
    {
      schema: { tags: ['auth'], summary: 'Ask for a password-reset link by e-mail', body: resetRequestBody, response: { 202: ok } },
      config: { rateLimit: { max: 10, timeWindow: '15 minutes' } },
    },
    async (req, reply) => {
      await requestPasswordReset(ctxOf(req, deps), req.body.email, baseUrlOf(req, deps));
      return reply.status(202).send({ ok: true as const });
    },
  );
  r.post(
    '/auth/password-reset/confirm',
    {
      schema: { tags: ['auth'], summary: 'Choose a new password with the link’s token', body: resetConfirmBody, response: { 200: ok } },
      config: { rateLimit: { max: 20, timeWindow: '15 minutes' } },
    },
    async (req) => {
      await confirmPasswordReset(ctxOf(req, deps), req.body);
      return { ok: true as const };
    },
  );
}

/** A failed sign-on lands on the sign-in page, which shows the message of the code; the reason goes to the log only. */
function redirectToSignIn(req: FastifyRequest, reply: FastifyReply, err: unknown) {
  const known = err instanceof AppError && (OIDC_ERROR_CODES as readonly string[]).includes(err.code);
  const code = known ? (err as AppError).code : 'oidc_failed';
  if (known) req.log.warn({ code, reason: (err as AppError).params.reason }, 'single sign-on refused');
  else req.log.error({ err }, 'single sign-on failed');
  return reply.redirect(`/accesso?errore=${code}`, 302);
}
