import type { FastifyRequest } from 'fastify';
import type { AppDeps } from './app.ts';

/** Where links the server writes (mails, calendar files, certificates) point: PUBLIC_URL, or the address the request came to. */
export function baseUrlOf(req: FastifyRequest, deps: AppDeps): string {
  return (deps.config.PUBLIC_URL ?? `${req.protocol}://${req.headers.host}`).replace(/\/$/, '');
}
