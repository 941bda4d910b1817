import { eventIdParams } from '@mosaico/contracts/events';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { councilFeed, eventIcs, nationFeed, regionFeed } from './event-calendar.service.ts';
import { baseUrlOf } from '../../platform/http/base-url.ts';
import { signedIn } from '../../platform/http/sign-in.ts';

const tags = ['events'];
const feedParams = z.object({ id: z.coerce.number().int().positive() });

function sendCalendar(reply: FastifyReply, ics: string, fileName: string, isPublic: boolean) {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `${isPublic ? 'inline' : 'attachment'}; filename="${fileName}"`)
    .header('cache-control', isPublic ? 'public, max-age=300' : 'private, no-store')
    .send(ics);
}

export function eventCalendarRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/events/:id/ics',
    { ...signedIn, schema: { tags, summary: 'The event as an iCalendar file (one entry per session)', params: eventIdParams, produces: ['text/calendar'] } },
    async (req, reply) => sendCalendar(reply, await eventIcs(ctxOf(req, deps), req.params.id, baseUrlOf(req, deps)), `evento-${req.params.id}.ics`, false),
  );
  r.get(
    '/calendar/nation.ics',
    { schema: { tags, summary: 'Public feed (iCalendar) of every published event', produces: ['text/calendar'] } },
    async (req, reply) => sendCalendar(reply, await nationFeed(ctxOf(req, deps), baseUrlOf(req, deps)), 'eventi-italia.ics', true),
  );
  // The ".ics" ending is part of the address; the id is read from the parameter before it.
  r.get(
    '/calendar/regions/:id.ics',
    { schema: { tags, summary: 'Public feed (iCalendar) of a region’s published events, its councils’ and the interregional ones included', params: feedParams, produces: ['text/calendar'] } },
    async (req, reply) => sendCalendar(reply, await regionFeed(ctxOf(req, deps), req.params.id, baseUrlOf(req, deps)), `eventi-regione-${req.params.id}.ics`, true),
  );
  r.get(
    '/calendar/councils/:id.ics',
    { schema: { tags, summary: 'Public feed (iCalendar) of a council’s published events', params: feedParams, produces: ['text/calendar'] } },
    async (req, reply) => sendCalendar(reply, await councilFeed(ctxOf(req, deps), req.params.id, baseUrlOf(req, deps)), `eventi-consiglio-${req.params.id}.ics`, true),
  );
}
