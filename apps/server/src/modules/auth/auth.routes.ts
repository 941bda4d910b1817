import { changePasswordBody, loginBody, me, resetConfirmBody, resetRequestBody } from '@mosaico/contracts/auth';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { changePassword, confirmPasswordReset, getMe, login, requestPasswordReset } from './auth.service.ts';
import { deleteSession, loadSessionActor, SESSION_COOKIE } from './sessions.ts';

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

export function baseUrlOf(req: FastifyRequest, deps: AppDeps) {
  return (deps.config.PUBLIC_URL ?? `${req.protocol}://${req.headers.host}`).replace(/\/$/, '');
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
