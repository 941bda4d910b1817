import { idParam } from '@mosaico/contracts/common';
import {
  commentItemParams,
  commentQuestionBody,
  commentReplyBody,
  commentThread,
  commentThreadParams,
  itemComments,
  submissionComments,
} from '@mosaico/contracts/submission-comments';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { askQuestion, listItemComments, listSubmissionComments, replyToThread, setThreadResolved } from './submission-comments.service.ts';

/** Per-item questions and answers on a submission (threads, replies, resolution). */
export function submissionCommentRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  r.get(
    '/submissions/:id/comments',
    { schema: { tags, summary: 'Threads the caller may read on a submission, with open/total counts by item and section', params: idParam, response: { 200: submissionComments } } },
    (req) => listSubmissionComments(ctxOf(req, deps), req.params.id),
  );
  r.get(
    '/submissions/:id/items/:itemCode/comments',
    { schema: { tags, summary: 'One item’s threads with every message', params: commentItemParams, response: { 200: itemComments } } },
    (req) => listItemComments(ctxOf(req, deps), req.params.id, req.params.itemCode),
  );
  r.post(
    '/submissions/:id/comments',
    { schema: { tags, summary: 'Ask a question on an item (opens a thread; notifies the council’s tutors)', params: idParam, body: commentQuestionBody, response: { 201: commentThread } } },
    async (req, reply) => reply.status(201).send(await askQuestion(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.post(
    '/submissions/:id/comments/:threadId/replies',
    { schema: { tags, summary: 'Reply in an open thread (notifies its other participants)', params: commentThreadParams, body: commentReplyBody, response: { 201: commentThread } } },
    async (req, reply) => reply.status(201).send(await replyToThread(ctxOf(req, deps), req.params.id, req.params.threadId, req.body.body)),
  );
  r.post(
    '/submissions/:id/comments/:threadId/resolve',
    { schema: { tags, summary: 'Mark a thread resolved (tutors, the referent, or whoever asked)', params: commentThreadParams, response: { 200: commentThread } } },
    (req) => setThreadResolved(ctxOf(req, deps), req.params.id, req.params.threadId, true),
  );
  r.post(
    '/submissions/:id/comments/:threadId/reopen',
    { schema: { tags, summary: 'Reopen a resolved thread (tutors, the referent, or whoever asked)', params: commentThreadParams, response: { 200: commentThread } } },
    (req) => setThreadResolved(ctxOf(req, deps), req.params.id, req.params.threadId, false),
  );
}
