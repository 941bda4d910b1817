import { auditPage, auditQuery } from '@mosaico/contracts/audit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { listAudit } from './audit.service.ts';

export function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/audit',
    { schema: { tags: ['audit'], summary: 'Browse the audit log within your scope', querystring: auditQuery, response: { 200: auditPage } } },
    (req) => listAudit(ctxOf(req, deps), req.query),
  );
}
