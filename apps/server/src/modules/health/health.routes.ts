import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';

const health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean(), latencyMs: z.number().nullable() }),
  mail: z.enum(['smtp', 'outbox']),
});

/** GET /api/health, outside the versioned prefix so probes need not follow API versions. */
export function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { schema: { tags: ['health'], summary: 'Health of the service and its database', response: { 200: health, 503: health } } },
    async (req, reply) => {
      let database: z.infer<typeof health>['database'];
      try {
        database = { kind: deps.database.kind, ok: true, latencyMs: await deps.database.ping() };
      } catch (err) {
        req.log.error({ err }, 'database ping failed');
        database = { kind: deps.database.kind, ok: false, latencyMs: null };
      }
      return reply.status(database.ok ? 200 : 503).send({
        status: database.ok ? 'ok' : 'degraded',
        version: deps.version,
        uptimeSeconds: Math.round(process.uptime()),
        database,
        mail: deps.mailer.mode,
      });
    },
  );
}
