import { signedIn } from '../../platform/http/sign-in.ts';
import {
  association,
  associationCreate,
  associationPage,
  associationPatch,
  associationQuery,
  joinRequest,
  joinRequestAccept,
  joinRequestCreate,
  joinRequestPage,
  joinRequestQuery,
  joinRequestReceipt,
  joinRequestReject,
  logCreate,
  logEntry,
  logList,
  participation,
  statusChange,
} from '@mosaico/contracts/associations';
import { idParam } from '@mosaico/contracts/common';
import type { FastifyInstance, } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { parseIfMatch, setVersionEtag } from '../../platform/http/etag.ts';
import { getParticipation } from './association-participation.ts';
import { addLogEntry, changeStatus, createAssociation, getAssociation, listAssociations, listLog, updateAssociation } from './associations.service.ts';
import {
  acceptJoinRequest,
  createJoinRequest,
  eraseJoinRequestData,
  exportJoinRequestData,
  getJoinRequest,
  listJoinProvinces,
  listJoinRequests,
  rejectJoinRequest,
} from './join-requests.service.ts';

const tags = ['associations'];


const personalData = z.object({
  request: z.number().int(),
  contactPerson: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  consentAt: z.string(),
  sentAt: z.string(),
  erasedAt: z.string().nullable(),
});

export function associationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The public join form: signed out, few requests per address, nothing stored unless the body is valid.
  r.get(
    '/public/associations/provinces',
    { schema: { tags, summary: 'The provinces a council covers, for the public join form', response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }) } } },
    (req) => listJoinProvinces(ctxOf(req, deps)),
  );
  r.post(
    '/public/associations/join-requests',
    {
      schema: { tags, summary: 'Ask to join the registry of immigrant associations (signed out; consent required)', body: joinRequestCreate, response: { 201: joinRequestReceipt } },
      config: { rateLimit: { max: 10, timeWindow: '1 hour' } },
    },
    async (req, reply) => reply.status(201).send(await createJoinRequest(ctxOf(req, deps), req.body)),
  );

  r.get(
    '/associations',
    { ...signedIn, schema: { tags, summary: 'Immigrant associations in your scope, filtered and paged', querystring: associationQuery, response: { 200: associationPage } } },
    (req) => listAssociations(ctxOf(req, deps), req.query),
  );
  r.post(
    '/associations',
    { ...signedIn, schema: { tags, summary: 'Register an association (organisation and profile together)', body: associationCreate, response: { 201: association } } },
    async (req, reply) => reply.status(201).send(await createAssociation(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/associations/join-requests',
    { ...signedIn, schema: { tags, summary: 'Join requests of the councils you keep, newest first', querystring: joinRequestQuery, response: { 200: joinRequestPage } } },
    (req) => listJoinRequests(ctxOf(req, deps), req.query),
  );
  r.get(
    '/associations/join-requests/:id',
    { ...signedIn, schema: { tags, summary: 'One join request', params: idParam, response: { 200: joinRequest } } },
    (req) => getJoinRequest(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/associations/join-requests/:id/accept',
    {
      ...signedIn,
      schema: { tags, summary: 'Accept a request: register the association (or link one) as verified', params: idParam, body: joinRequestAccept, response: { 200: z.object({ request: joinRequest, organizationId: z.number().int() }) } },
    },
    (req) => acceptJoinRequest(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/associations/join-requests/:id/reject',
    { ...signedIn, schema: { tags, summary: 'Reject a request, with the reason', params: idParam, body: joinRequestReject, response: { 200: joinRequest } } },
    (req) => rejectJoinRequest(ctxOf(req, deps), req.params.id, req.body),
  );
  r.get(
    '/associations/join-requests/:id/personal-data',
    { ...signedIn, schema: { tags, summary: 'Export what is stored about the requester', params: idParam, response: { 200: personalData } } },
    (req) => exportJoinRequestData(ctxOf(req, deps), req.params.id),
  );
  r.delete(
    '/associations/join-requests/:id/personal-data',
    { ...signedIn, schema: { tags, summary: 'Erase the requester’s personal data (a decided request)', params: idParam, response: { 200: joinRequest } } },
    (req) => eraseJoinRequestData(ctxOf(req, deps), req.params.id),
  );
  r.get(
    '/associations/:id',
    { ...signedIn, schema: { tags, summary: 'One association (ETag: its version)', params: idParam, response: { 200: association } } },
    async (req, reply) => {
      const a = await getAssociation(ctxOf(req, deps), req.params.id);
      setVersionEtag(reply, a.version);
      return a;
    },
  );
  r.patch(
    '/associations/:id',
    { ...signedIn, schema: { tags, summary: 'Edit an association at the version read (body or If-Match)', params: idParam, body: associationPatch, response: { 200: association } } },
    async (req, reply) => {
      const a = await updateAssociation(ctxOf(req, deps), req.params.id, req.body, parseIfMatch(req.headers['if-match']));
      setVersionEtag(reply, a.version);
      return a;
    },
  );
  r.post(
    '/associations/:id/status',
    { ...signedIn, schema: { tags, summary: 'Move the association along the pipeline, with a date and a note (logged)', params: idParam, body: statusChange, response: { 200: association } } },
    async (req, reply) => {
      const a = await changeStatus(ctxOf(req, deps), req.params.id, req.body, parseIfMatch(req.headers['if-match']));
      setVersionEtag(reply, a.version);
      return a;
    },
  );
  r.get(
    '/associations/:id/log',
    { ...signedIn, schema: { tags, summary: 'The dated activity log, newest first', params: idParam, response: { 200: logList } } },
    (req) => listLog(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/associations/:id/log',
    { ...signedIn, schema: { tags, summary: 'Write a contact, meeting or note on the log', params: idParam, body: logCreate, response: { 201: logEntry } } },
    async (req, reply) => reply.status(201).send(await addLogEntry(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.get(
    '/associations/:id/participation',
    { ...signedIn, schema: { tags, summary: 'Events attended, hours and questionnaires answered, computed; rooms not available yet', params: idParam, response: { 200: participation } } },
    (req) => getParticipation(ctxOf(req, deps), req.params.id),
  );
}
