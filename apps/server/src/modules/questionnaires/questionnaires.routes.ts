import { idParam } from '@mosaico/contracts/common';
import {
  invitationCreateBody,
  invitationSendResult,
  invitationStatus,
  questionnaire,
  questionnaireCreateBody,
  questionnaireDeleteQuery,
  questionnairePage,
  questionnairePatchBody,
  questionnaireQuery,
  questionnaireEventOptions,
  questionnaireResults,
  questionnaireScopeList,
  responseBody,
  responseReceipt,
  tokenParams,
  tokenQuestionnaire,
} from '@mosaico/contracts/questionnaires';
import type { FastifyInstance, FastifyReply, } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { parseIfMatch, setVersionEtag } from '../../platform/http/etag.ts';
import { baseUrlOf } from '../../platform/http/base-url.ts';
import { attachmentDisposition } from '../library/library-files.ts';
import { getInvitationStatus, sendInvitations } from './questionnaire-invitations.service.ts';
import { listAttachableEvents, listQuestionnaireScopes } from './questionnaire-options.service.ts';
import { answerByToken, answerQuestionnaire, getByToken } from './questionnaire-responses.service.ts';
import { exportResultsCsv, exportResultsXlsx, getQuestionnaireResults } from './questionnaire-results.service.ts';
import { createQuestionnaire, deleteQuestionnaire, getQuestionnaire, listQuestionnaires, updateQuestionnaire } from './questionnaires.service.ts';
import { signedIn } from '../../platform/http/sign-in.ts';

const tags = ['questionnaires'];
const publicTags = ['public'];

function sendFile(reply: FastifyReply, f: { fileName: string; contentType: string; content: Buffer }) {
  return reply
    .header('content-type', f.contentType)
    .header('content-disposition', attachmentDisposition(f.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(f.content);
}

export function questionnaireRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  
  r.get(
    '/questionnaires',
    { ...signedIn, schema: { tags, summary: 'The questionnaires of the places you read (drafts only to their keepers), filtered and paged', querystring: questionnaireQuery, response: { 200: questionnairePage } } },
    (req) => listQuestionnaires(ctxOf(req, deps), req.query),
  );
  r.get(
    '/questionnaires/scopes',
    { ...signedIn, schema: { tags, summary: 'The places (nation, regions, councils) you may create questionnaires in', response: { 200: questionnaireScopeList } } },
    (req) => listQuestionnaireScopes(ctxOf(req, deps)),
  );
  r.get(
    '/questionnaires/events',
    { ...signedIn, schema: { tags, summary: 'The events you organise, to attach a questionnaire to (with the place it must share)', response: { 200: questionnaireEventOptions } } },
    (req) => listAttachableEvents(ctxOf(req, deps)),
  );
  r.post(
    '/questionnaires',
    {
      ...signedIn,
      schema: { tags, summary: 'Create a draft questionnaire from the default feedback questionnaire (`template`) or a form definition', body: questionnaireCreateBody, response: { 201: questionnaire } },
    },
    async (req, reply) => {
      const q = await createQuestionnaire(ctxOf(req, deps), req.body);
      setVersionEtag(reply, q.version);
      return reply.status(201).send(q);
    },
  );
  r.get('/questionnaires/:id', { ...signedIn, schema: { tags, summary: 'One questionnaire with its definition (ETag: its version)', params: idParam, response: { 200: questionnaire } } }, async (req, reply) => {
    const q = await getQuestionnaire(ctxOf(req, deps), req.params.id);
    setVersionEtag(reply, q.version);
    return q;
  });
  r.patch(
    '/questionnaires/:id',
    {
      ...signedIn,
      schema: { tags, summary: 'Change texts and closing date; definition, anonymity and event while a draft; status draft → open → closed', params: idParam, body: questionnairePatchBody, response: { 200: questionnaire } },
    },
    async (req, reply) => {
      const q = await updateQuestionnaire(ctxOf(req, deps), req.params.id, req.body);
      setVersionEtag(reply, q.version);
      return q;
    },
  );
  r.delete(
    '/questionnaires/:id',
    { ...signedIn, schema: { tags, summary: 'Delete a questionnaire without answers; send the version read (?version= or If-Match)', params: idParam, querystring: questionnaireDeleteQuery, response: { 204: z.null().describe('Deleted') } } },
    async (req, reply) => {
      await deleteQuestionnaire(ctxOf(req, deps), req.params.id, req.query.version ?? parseIfMatch(req.headers['if-match']));
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/questionnaires/:id/invitations',
    { ...signedIn, schema: { tags, summary: 'Send one-time answer links by e-mail (outbox) to addresses, users, organisations or the event’s registered participants', params: idParam, body: invitationCreateBody, response: { 201: invitationSendResult } } },
    async (req, reply) => reply.status(201).send(await sendInvitations(ctxOf(req, deps), req.params.id, req.body, baseUrlOf(req, deps))),
  );
  r.get(
    '/questionnaires/:id/invitations',
    { ...signedIn, schema: { tags, summary: 'Invitations sent and answered, and the response rate; the addresses only to keepers', params: idParam, response: { 200: invitationStatus } } },
    (req) => getInvitationStatus(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/questionnaires/:id/responses',
    { ...signedIn, schema: { tags, summary: 'Answer signed in: once per person, anonymous questionnaires included', params: idParam, body: responseBody, response: { 201: responseReceipt } } },
    async (req, reply) => reply.status(201).send(await answerQuestionnaire(ctxOf(req, deps), req.params.id, req.body.values)),
  );
  r.get(
    '/questionnaires/:id/results',
    { ...signedIn, schema: { tags, summary: 'Aggregated results per question, response count and rate (keepers only)', params: idParam, response: { 200: questionnaireResults } } },
    (req) => getQuestionnaireResults(ctxOf(req, deps), req.params.id),
  );
  r.get(
    '/questionnaires/:id/results.csv',
    { ...signedIn, schema: { tags, summary: 'The answers as CSV: one row per answer, one column per question (keepers only)', params: idParam } },
    async (req, reply) => sendFile(reply, await exportResultsCsv(ctxOf(req, deps), req.params.id)),
  );
  r.get(
    '/questionnaires/:id/results.xlsx',
    { ...signedIn, schema: { tags, summary: 'The answers as an Excel workbook (keepers only)', params: idParam } },
    async (req, reply) => sendFile(reply, await exportResultsXlsx(ctxOf(req, deps), req.params.id)),
  );
  r.get(
    '/public/questionnaires/by-token/:token',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags: publicTags, summary: 'What an invitation link opens; no sign-in', params: tokenParams, response: { 200: tokenQuestionnaire } } },
    async (req, reply) => reply.header('cache-control', 'no-store').send(await getByToken(ctxOf(req, deps), req.params.token)),
  );
  r.post(
    '/public/questionnaires/by-token/:token/responses',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { tags: publicTags, summary: 'Answer through an invitation link, once; no sign-in', params: tokenParams, body: responseBody, response: { 201: responseReceipt } } },
    async (req, reply) => reply.status(201).send(await answerByToken(ctxOf(req, deps), req.params.token, req.body.values)),
  );
}
