import { eventIdParams, eventSession, sessionCreateBody, sessionParams, sessionUpdateBody, versionQuery } from '@mosaico/contracts/events';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { parseIfMatch, setVersionEtag } from '../../platform/http/etag.ts';
import { signedIn } from '../../platform/http/sign-in.ts';
import { createSession, deleteSession, updateSession } from './event-sessions.service.ts';

const tags = ['events'];

export function eventSessionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/events/:id/sessions',
    { ...signedIn, schema: { tags, summary: 'Add a session (times with offset, place and/or online link, agenda, minutes)', params: eventIdParams, body: sessionCreateBody, response: { 201: eventSession } } },
    async (req, reply) => {
      const s = await createSession(ctxOf(req, deps), req.params.id, req.body);
      setVersionEtag(reply, s.version);
      return reply.status(201).send(s);
    },
  );
  r.patch(
    '/events/:id/sessions/:sessionId',
    { ...signedIn, schema: { tags, summary: 'Change a session at the version read (body `version` or If-Match)', params: sessionParams, body: sessionUpdateBody, response: { 200: eventSession } } },
    async (req, reply) => {
      const s = await updateSession(ctxOf(req, deps), req.params.id, req.params.sessionId, req.body, parseIfMatch(req.headers['if-match']));
      setVersionEtag(reply, s.version);
      return s;
    },
  );
  r.delete(
    '/events/:id/sessions/:sessionId',
    { ...signedIn, schema: { tags, summary: 'Delete a session without attendance (?version= or If-Match)', params: sessionParams, querystring: versionQuery, response: { 204: z.null().describe('Deleted') } } },
    async (req, reply) => {
      await deleteSession(ctxOf(req, deps), req.params.id, req.params.sessionId, req.query.version ?? parseIfMatch(req.headers['if-match']));
      return reply.status(204).send(null);
    },
  );
}
