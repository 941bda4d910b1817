import { outboxPage, outboxQuery } from '@mosaico/contracts/outbox';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { listOutbox } from './outbox.service.ts';

export function outboxRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/outbox',
    {
      schema: {
        tags: ['outbox'],
        summary: 'E-mails queued and sent (national admins); without SMTP this is where invitations and reset links wait',
        querystring: outboxQuery,
        response: { 200: outboxPage },
      },
    },
    (req) => listOutbox(ctxOf(req, deps), req.query),
  );
}
