import { idParam } from '@mosaico/contracts/common';
import { council, councilCreate, councilPatch, councilQuery } from '@mosaico/contracts/councils';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { parseIfMatch, setVersionEtag } from '../../platform/http/etag.ts';
import { createCouncil, getCouncil, listCouncils, updateCouncil } from './councils.service.ts';

export function councilRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/councils',
    { schema: { tags: ['councils'], summary: 'Territorial councils (CTI), one per prefecture', querystring: councilQuery, response: { 200: z.array(council) } } },
    (req) => listCouncils(ctxOf(req, deps), req.query),
  );
  r.get('/councils/:id', { schema: { tags: ['councils'], summary: 'One council', params: idParam, response: { 200: council } } }, async (req, reply) => {
    const c = await getCouncil(ctxOf(req, deps), req.params.id);
    setVersionEtag(reply, c.version);
    return c;
  });
  r.post(
    '/councils',
    { schema: { tags: ['councils'], summary: 'Create a council (national admins)', body: councilCreate, response: { 201: council } } },
    async (req, reply) => reply.status(201).send(await createCouncil(ctxOf(req, deps), req.body)),
  );
  r.patch(
    '/councils/:id',
    {
      schema: {
        tags: ['councils'],
        summary: 'Edit a council (national admins); send the version read (body or If-Match)',
        params: idParam,
        body: councilPatch,
        response: { 200: council },
      },
    },
    async (req, reply) => {
      const c = await updateCouncil(ctxOf(req, deps), req.params.id, req.body, parseIfMatch(req.headers['if-match']));
      setVersionEtag(reply, c.version);
      return c;
    },
  );
}
