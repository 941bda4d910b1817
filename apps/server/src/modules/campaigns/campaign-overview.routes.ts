import { campaignOverview, contribution, overviewQuery, overviewRow } from '@mosaico/contracts/campaign-overview';
import { idParam } from '@mosaico/contracts/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { exportCampaignOverview, type OverviewFile } from './campaign-overview-export.ts';
import { getCampaignOverview, listCampaignSubmissions, listContributions } from './campaign-overview.service.ts';

const sendFile = (reply: FastifyReply, f: OverviewFile) =>
  reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.filename}"`).header('cache-control', 'private, no-store').send(f.body);

/** The campaign overview (council side): rows, counts, filters by region/status/overdue, CSV and XLSX. */
export function campaignOverviewRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  r.get(
    '/campaigns/:id/submissions',
    {
      schema: {
        tags,
        summary: 'Campaign overview rows: each council’s status, completeness, errors, overdue, last activity (filters: region, status, overdue)',
        params: idParam,
        querystring: overviewQuery,
        response: { 200: z.array(overviewRow) },
      },
    },
    (req) => listCampaignSubmissions(ctxOf(req, deps), req.params.id, req.query),
  );
  r.get(
    '/campaigns/:id/overview',
    {
      schema: {
        tags,
        summary: 'Campaign overview: rows, counts by status, overdue, overall completeness, regions to filter by',
        params: idParam,
        querystring: overviewQuery,
        response: { 200: campaignOverview },
      },
    },
    (req) => getCampaignOverview(ctxOf(req, deps), req.params.id, req.query),
  );
  for (const format of ['csv', 'xlsx'] as const) {
    r.get(
      `/campaigns/:id/submissions.${format}`,
      {
        schema: {
          tags,
          summary: `The campaign overview as ${format.toUpperCase()}, with the same filters`,
          params: idParam,
          querystring: overviewQuery,
          produces: [format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (req, reply) => sendFile(reply, await exportCampaignOverview(ctxOf(req, deps), req.params.id, req.query, format)),
    );
  }
  r.get(
    '/campaigns/:id/contributions',
    {
      schema: {
        tags,
        summary: 'The submissions your organisations contribute to in this campaign, with their assigned sections',
        params: idParam,
        response: { 200: z.array(contribution) },
      },
    },
    (req) => listContributions(ctxOf(req, deps), req.params.id),
  );
}
