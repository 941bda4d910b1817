import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** Refuses anonymous callers before a body is read, so they get 401 (or "session expired") and not field errors. */
export async function requireSignIn(req: FastifyRequest) {
  if (!req.actor) throw new AppError('unauthenticated', req.sessionExpired ? 'session_expired' : 'unauthenticated');
}

/** Route options for a route only signed-in callers reach. */
export const signedIn = { onRequest: requireSignIn };
