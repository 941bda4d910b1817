import { eventIdParams, eventInvitationList, invitationBody } from '@mosaico/contracts/events';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { signedIn } from '../../platform/http/sign-in.ts';
import { inviteToEvent, listInvitations } from './event-invitations.service.ts';

const tags = ['events'];

export function eventInvitationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/events/:id/invitations',
    { ...signedIn, schema: { tags, summary: 'Invite people to a published event by e-mail (addresses and/or user ids); organisers', params: eventIdParams, body: invitationBody, response: { 201: z.object({ sent: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await inviteToEvent(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.get(
    '/events/:id/invitations',
    { ...signedIn, schema: { tags, summary: 'Who was invited, newest first; organisers', params: eventIdParams, response: { 200: eventInvitationList } } },
    (req) => listInvitations(ctxOf(req, deps), req.params.id),
  );
}
