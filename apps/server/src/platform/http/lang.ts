import type { FastifyRequest } from 'fastify';
import type { Lang } from './messages.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
}

/** Italian unless English is chosen: ?lang=en, the lang cookie, or an Accept-Language that prefers English. */
export function pickLang(req: FastifyRequest): Lang {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'it') return q;
  const cookieHeader = req.headers.cookie ?? '';
  const m = /(?:^|;\s*)lang=(it|en)\b/.exec(cookieHeader);
  if (m) return m[1] as Lang;
  const al = req.headers['accept-language'];
  if (typeof al === 'string' && /^\s*en\b/i.test(al)) return 'en';
  return 'it';
}
