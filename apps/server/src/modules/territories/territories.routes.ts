import { boundaryQuery, territory, territoryCodeQuery, territoryDetail, territoryQuery } from '@mosaico/contracts/territories';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { getBoundaries, getTerritory, listTerritories } from './territories.service.ts';

export function territoryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/territories',
    {
      schema: {
        tags: ['territories'],
        summary: 'Territories valid at a date (default today), by level and parent; regions when nothing is asked',
        querystring: territoryQuery,
        response: { 200: z.object({ at: z.string(), items: z.array(territory) }) },
      },
    },
    (req) => listTerritories(ctxOf(req, deps), req.query),
  );
  r.get(
    '/territories/:code',
    {
      schema: {
        tags: ['territories'],
        summary: 'One territory by any of its codes (ISTAT current or historic, ITTER107, NUTS, car plate) at a date',
        params: z.object({ code: z.string().trim().min(1).max(20) }),
        querystring: territoryCodeQuery,
        response: { 200: territoryDetail },
      },
    },
    (req) => getTerritory(ctxOf(req, deps), req.params.code, req.query.at),
  );
  r.get(
    '/boundaries',
    {
      schema: {
        tags: ['territories'],
        summary: 'Boundaries (TopoJSON) of provinces or regions valid at a date; features carry the territory code',
        querystring: boundaryQuery,
        response: { 200: z.object({ id: z.string(), at: z.string(), attribution: z.string(), topology: z.unknown() }) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return getBoundaries(ctxOf(req, deps), req.query);
    },
  );
}
