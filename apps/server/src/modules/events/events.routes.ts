import { eventCreateBody, eventDetail, eventIdParams, eventListQuery, eventOptions, eventPage, eventUpdateBody, versionQuery } from '@mosaico/contracts/events';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { parseIfMatch, setVersionEtag } from '../../platform/http/etag.ts';
import { eventCalendarRoutes } from './event-calendar.routes.ts';
import { signedIn } from '../../platform/http/sign-in.ts';
import { eventInvitationRoutes } from './event-invitations.routes.ts';
import { eventMaterialRoutes } from './event-materials.routes.ts';
import { eventRegistrationRoutes } from './event-registrations.routes.ts';
import { eventSessionRoutes } from './event-sessions.routes.ts';
import { createEvent, deleteEvent, getEvent, listEventOptions, listEvents, updateEvent } from './events.service.ts';

const tags = ['events'];

/** Events and training: events, sessions, registrations, invitations, materials and calendars. */
export function eventRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/events',
    { ...signedIn, schema: { tags, summary: 'The events you read (your drafts included), filtered and paged, latest first', querystring: eventListQuery, response: { 200: eventPage } } },
    (req) => listEvents(ctxOf(req, deps), req.query),
  );
  r.get(
    '/events/options',
    { ...signedIn, schema: { tags, summary: 'The councils, regions and working groups you may organise events for', response: { 200: eventOptions } } },
    (req) => listEventOptions(ctxOf(req, deps)),
  );
  r.post(
    '/events',
    { ...signedIn, schema: { tags, summary: 'Create an event (as a draft) at a place you organise', body: eventCreateBody, response: { 201: eventDetail } } },
    async (req, reply) => {
      const e = await createEvent(ctxOf(req, deps), req.body);
      setVersionEtag(reply, e.version);
      return reply.status(201).send(e);
    },
  );
  r.get(
    '/events/:id',
    { ...signedIn, schema: { tags, summary: 'One event with its sessions and your registration (ETag: its version)', params: eventIdParams, response: { 200: eventDetail } } },
    async (req, reply) => {
      const e = await getEvent(ctxOf(req, deps), req.params.id);
      setVersionEtag(reply, e.version);
      return e;
    },
  );
  r.patch(
    '/events/:id',
    {
      ...signedIn,
      schema: { tags, summary: 'Change an event (publish, cancel, capacity…) at the version read (body `version` or If-Match)', params: eventIdParams, body: eventUpdateBody, response: { 200: eventDetail } },
    },
    async (req, reply) => {
      const e = await updateEvent(ctxOf(req, deps), req.params.id, req.body, parseIfMatch(req.headers['if-match']));
      setVersionEtag(reply, e.version);
      return e;
    },
  );
  r.delete(
    '/events/:id',
    {
      ...signedIn,
      schema: { tags, summary: 'Delete an event nobody is registered to (?version= or If-Match); otherwise cancel it', params: eventIdParams, querystring: versionQuery, response: { 204: z.null().describe('Deleted') } },
    },
    async (req, reply) => {
      await deleteEvent(ctxOf(req, deps), req.params.id, req.query.version ?? parseIfMatch(req.headers['if-match']));
      return reply.status(204).send(null);
    },
  );
  eventSessionRoutes(app, deps);
  eventRegistrationRoutes(app, deps);
  eventInvitationRoutes(app, deps);
  eventMaterialRoutes(app, deps);
  eventCalendarRoutes(app, deps);
}
