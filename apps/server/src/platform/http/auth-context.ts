import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadSessionActor, SESSION_COOKIE } from '../../modules/auth/sessions.ts';
import type { Actor, Ctx } from '../context.ts';
import { AppError } from './errors.ts';
import type { AppDeps } from './app.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionExpired: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Loads the signed-in actor from the session cookie and refuses cross-site writes
 * (Origin / Sec-Fetch-Site checks on top of SameSite=Lax cookies), so cookie-authenticated
 * writes cannot be forged by another site while API clients without a browser work unchanged.
 */
export function registerAuthContext(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    if (UNSAFE.has(req.method) && isCrossSite(req)) throw new AppError('forbidden', 'cross_site');
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const result = await loadSessionActor(deps.database.db, token, deps.config.SESSION_TTL_HOURS);
    req.actor = result.actor;
    req.sessionExpired = result.expired;
  });
}

function isCrossSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/** The service context of a request. */
export function ctxOf(req: FastifyRequest, deps: AppDeps): Ctx {
  return {
    db: deps.database.db,
    actor: req.actor,
    requestId: req.id,
    lang: req.lang,
    config: deps.config,
    mailer: deps.mailer,
  };
}
