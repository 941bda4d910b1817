import {
  assignmentBody,
  assignmentParams,
  campaign,
  campaignCreateBody,
  historyEntry,
  historyQuery,
  sectionAssignment,
  submission,
  transitionBody,
  transitionResult,
  valuesBody,
  valuesResult,
} from '@mosaico/contracts/campaigns';
import { idParam } from '@mosaico/contracts/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { createCampaign, getCampaign, listCampaigns } from './campaigns.service.ts';
import { saveValues } from './submission-values.service.ts';
import { transitionSubmission } from './submission-workflow.service.ts';
import { assignSection, getSubmission, listHistory } from './submissions.service.ts';

export function campaignRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  r.post(
    '/campaigns',
    { schema: { tags, summary: 'Open a yearly campaign: one draft submission per council', body: campaignCreateBody, response: { 201: campaign } } },
    async (req, reply) => reply.status(201).send(await createCampaign(ctxOf(req, deps), req.body)),
  );
  r.get('/campaigns', { schema: { tags, summary: 'Campaigns, with the number of submissions in the caller’s reach', response: { 200: z.array(campaign) } } }, (req) =>
    listCampaigns(ctxOf(req, deps)),
  );
  r.get('/campaigns/:id', { schema: { tags, summary: 'One campaign', params: idParam, response: { 200: campaign } } }, (req) =>
    getCampaign(ctxOf(req, deps), req.params.id),
  );
  r.get('/submissions/:id', { schema: { tags, summary: 'A submission: values, evaluation, assignments', params: idParam, response: { 200: submission } } }, (req) =>
    getSubmission(ctxOf(req, deps), req.params.id),
  );
  r.put(
    '/submissions/:id/sections/:sectionCode/assignment',
    {
      schema: { tags, summary: 'Assign a section to an organisation of the council (null clears it)', params: assignmentParams, body: assignmentBody, response: { 200: z.array(sectionAssignment) } },
    },
    (req) => assignSection(ctxOf(req, deps), req.params.id, req.params.sectionCode, req.body.organizationId),
  );
  r.put(
    '/submissions/:id/values',
    { schema: { tags, summary: 'Save a batch of values (validated by the form engine; all or nothing)', params: idParam, body: valuesBody, response: { 200: valuesResult } } },
    (req) => saveValues(ctxOf(req, deps), req.params.id, req.body.values, req.body.expectedRevision),
  );
  r.get(
    '/submissions/:id/history',
    { schema: { tags, summary: 'Per-item history: who, when, before → after', params: idParam, querystring: historyQuery, response: { 200: z.array(historyEntry) } } },
    (req) => listHistory(ctxOf(req, deps), req.params.id, req.query.key, req.query.item),
  );
  r.post(
    '/submissions/:id/transitions',
    { schema: { tags, summary: 'Move a submission along the workflow (submit, return, approve, lock, reopen)', params: idParam, body: transitionBody, response: { 200: transitionResult } } },
    (req) => transitionSubmission(ctxOf(req, deps), req.params.id, req.body),
  );
}
