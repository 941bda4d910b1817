import { idParam } from '@mosaico/contracts/common';
import { target, targetBody, targetDeleteQuery, targetList, targetPatchBody } from '@mosaico/contracts/targets';
import type { FastifyInstance, } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { parseIfMatch, setVersionEtag } from '../../platform/http/etag.ts';
import { createTarget, deleteTarget, listTargets, updateTarget } from './targets.service.ts';
import { signedIn } from '../../platform/http/sign-in.ts';

const tags = ['targets'];

export function targetRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  
  r.get(
    '/targets',
    { ...signedIn, schema: { tags, summary: 'The programme targets with their progress, nationally and per region, computed from the events held', response: { 200: targetList } } },
    (req) => listTargets(ctxOf(req, deps)),
  );
  r.post(
    '/targets',
    { ...signedIn, schema: { tags, summary: 'Add a target (national admins; regional coordinators for their region)', body: targetBody, response: { 201: target } } },
    async (req, reply) => {
      const t = await createTarget(ctxOf(req, deps), req.body);
      setVersionEtag(reply, t.version);
      return reply.status(201).send(t);
    },
  );
  r.patch(
    '/targets/:id',
    { ...signedIn, schema: { tags, summary: 'Change a target at the version read (`version` or If-Match)', params: idParam, body: targetPatchBody, response: { 200: target } } },
    async (req, reply) => {
      const t = await updateTarget(ctxOf(req, deps), req.params.id, req.body, parseIfMatch(req.headers['if-match']));
      setVersionEtag(reply, t.version);
      return t;
    },
  );
  r.delete(
    '/targets/:id',
    { ...signedIn, schema: { tags, summary: 'Delete a target at the version read (?version= or If-Match)', params: idParam, querystring: targetDeleteQuery, response: { 204: z.null().describe('Deleted') } } },
    async (req, reply) => {
      await deleteTarget(ctxOf(req, deps), req.params.id, req.query.version ?? parseIfMatch(req.headers['if-match']));
      return reply.status(204).send(null);
    },
  );
}
