import { eventIdParams, eventRegistration, eventRegistrationList, registrationBody, registrationCancelResult, registrationParams } from '@mosaico/contracts/events';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { formatRegistrationsCsv } from './event-registrations-csv.ts';
import { signedIn } from '../../platform/http/sign-in.ts';
import { cancelRegistration, eraseRegistration, exportRegistrations, listRegistrations, registerToEvent } from './event-registrations.service.ts';

const tags = ['events'];

export function eventRegistrationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/events/:id/registrations',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Register: yourself (`kind: self`), or — organisers — a user (`kind: user`, `userId`) or an external participant who consented (`kind: external`); over capacity it waits',
        params: eventIdParams,
        body: registrationBody,
        response: { 201: eventRegistration },
      },
    },
    async (req, reply) => reply.status(201).send(await registerToEvent(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.get(
    '/events/:id/registrations',
    { ...signedIn, schema: { tags, summary: 'Registrations: everyone for organisers (seats, then the waiting list in order); your own for others', params: eventIdParams, response: { 200: eventRegistrationList } } },
    (req) => listRegistrations(ctxOf(req, deps), req.params.id),
  );
  r.get(
    '/events/:id/registrations.csv',
    { ...signedIn, schema: { tags, summary: 'Export of the participants’ data (CSV, `;`-separated); organisers', params: eventIdParams, produces: ['text/csv'] } },
    async (req, reply) => {
      const { event, items } = await exportRegistrations(ctxOf(req, deps), req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="iscritti-evento-${event.id}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(formatRegistrationsCsv(items));
    },
  );
  r.delete(
    '/events/:id/registrations/:registrationId',
    { ...signedIn, schema: { tags, summary: 'Cancel a registration (organisers, or the registered user); the first person waiting gets the seat', params: registrationParams, response: { 200: registrationCancelResult } } },
    (req) => cancelRegistration(ctxOf(req, deps), req.params.id, req.params.registrationId),
  );
  r.post(
    '/events/:id/registrations/:registrationId/erase',
    { ...signedIn, schema: { tags, summary: 'Erase an external participant’s personal data on request (the anonymous row stays); organisers', params: registrationParams, response: { 200: eventRegistration } } },
    (req) => eraseRegistration(ctxOf(req, deps), req.params.id, req.params.registrationId),
  );
}
