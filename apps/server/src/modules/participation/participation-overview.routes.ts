import { overviewQuery, overviewScopes, participationOverview } from '@mosaico/contracts/participation-overview';
import type { FastifyInstance, } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { getParticipationOverview, listOverviewScopes } from './participation-overview.service.ts';
import { requireSignIn } from '../../platform/http/sign-in.ts';

const tags = ['participation'];

export function participationOverviewRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/participation/overview',
    {
      onRequest: requireSignIn,
      schema: {
        tags,
        summary: 'Associations engaged, meetings held, training hours, questionnaire response rates and working groups of a council, a region or the nation for a year',
        querystring: overviewQuery,
        response: { 200: participationOverview },
      },
    },
    (req) => getParticipationOverview(ctxOf(req, deps), req.query),
  );
  r.get(
    '/participation/scopes',
    { onRequest: requireSignIn, schema: { tags, summary: 'The places you may see a participation overview of', response: { 200: overviewScopes } } },
    (req) => listOverviewScopes(ctxOf(req, deps)),
  );
}
