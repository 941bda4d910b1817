import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/http/app.ts';
import { AppError } from '../../platform/http/errors.ts';

/** Refuses anonymous callers before a body is read, so they get 401 and not field errors. */
export async function requireSignIn(req: FastifyRequest) {
  if (!req.actor) throw new AppError('unauthenticated', req.sessionExpired ? 'session_expired' : 'unauthenticated');
}

export const signedIn = { onRequest: requireSignIn };

/** The address links in calendar files point to: the configured public URL, or the one the request came to. */
export const baseUrlOf = (req: FastifyRequest, deps: AppDeps) => (deps.config.PUBLIC_URL ?? `${req.protocol}://${req.headers.host}`).replace(/\/$/, '');
