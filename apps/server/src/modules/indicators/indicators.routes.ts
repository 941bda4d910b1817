import {
  formulaValidateBody,
  formulaValidateResponse,
  indicator,
  indicatorCode,
  indicatorCreate,
  indicatorListQuery,
  indicatorTheme,
  indicatorUpdate,
  indicatorValues,
  indicatorValuesQuery,
  pivotQuery,
  pivotResponse,
  profileQuery,
  profileResponse,
} from '@mosaico/contracts/indicators';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { getIndicatorValues, getPivot, getTerritoryProfile } from './indicator-analysis.service.ts';
import { type ExportFile, exportPivot, exportValues } from './indicators-export.ts';
import { createIndicator, getIndicator, listIndicators, listThemes, updateIndicator, validateIndicatorFormulas } from './indicators.service.ts';

const sendFile = (reply: FastifyReply, f: ExportFile) =>
  reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.filename}"`).header('cache-control', 'private, no-store').send(f.body);

const codeParam = z.object({ code: indicatorCode });
const PRODUCES = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

async function valuesFile(ctx: Ctx, code: string, q: z.infer<typeof indicatorValuesQuery>, format: 'csv' | 'xlsx') {
  const values = await getIndicatorValues(ctx, code, q);
  const ind = await getIndicator(ctx, code);
  return exportValues(code, ctx.lang === 'en' ? (ind.name.en ?? ind.name.it) : ind.name.it, values, format, ctx.lang);
}

/** Indicators: definitions, themes, formula check, values at query time, territory profiles, pivot and exports. */
export function indicatorRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['indicators'];
  r.get('/indicator-themes', { schema: { tags, summary: 'Indicator themes: EU Zaragoza areas, National Integration Plan lines, custom', response: { 200: z.array(indicatorTheme) } } }, (req) =>
    listThemes(ctxOf(req, deps)),
  );
  r.get('/indicators', { schema: { tags, summary: 'Indicators the user sees (national, and custom ones of their regions)', querystring: indicatorListQuery, response: { 200: z.array(indicator) } } }, (req) =>
    listIndicators(ctxOf(req, deps), req.query),
  );
  r.post(
    '/indicators',
    { schema: { tags, summary: 'Define an indicator (national admins; regional coordinators for their region); formulas checked, every fault at once', body: indicatorCreate, response: { 201: indicator } } },
    async (req, reply) => reply.code(201).send(await createIndicator(ctxOf(req, deps), req.body)),
  );
  r.post(
    '/indicators/validate',
    { schema: { tags, summary: 'Check formulas without saving: every fault with its position', body: formulaValidateBody, response: { 200: formulaValidateResponse } } },
    (req) => validateIndicatorFormulas(ctxOf(req, deps), req.body),
  );
  r.get(
    '/indicators/profile',
    { schema: { tags, summary: 'Key indicators of a province or region beside its region and Italy, all years, with year-on-year change', querystring: profileQuery, response: { 200: profileResponse } } },
    (req) => getTerritoryProfile(ctxOf(req, deps), req.query),
  );
  r.get('/indicators/:code', { schema: { tags, summary: 'One indicator', params: codeParam, response: { 200: indicator } } }, (req) => getIndicator(ctxOf(req, deps), req.params.code));
  r.put(
    '/indicators/:code',
    { schema: { tags, summary: 'Replace an indicator’s definition (based on its version)', params: codeParam, body: indicatorUpdate, response: { 200: indicator } } },
    (req) => updateIndicator(ctxOf(req, deps), req.params.code, req.body),
  );
  r.get(
    '/indicators/:code/values',
    {
      schema: {
        tags,
        summary: 'An indicator’s values by territory and year, computed now from the data the user may read (format=csv|xlsx to download)',
        params: codeParam,
        querystring: indicatorValuesQuery,
        response: { 200: indicatorValues },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      if (req.query.format !== 'json') return sendFile(reply, await valuesFile(ctx, req.params.code, req.query, req.query.format));
      return getIndicatorValues(ctx, req.params.code, req.query);
    },
  );
  r.get(
    '/analysis/pivot',
    { schema: { tags, summary: 'Indicator or data element × territory × year × breakdown option (format=csv|xlsx to download)', querystring: pivotQuery, response: { 200: pivotResponse } } },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const pivot = await getPivot(ctx, req.query);
      if (req.query.format !== 'json') return sendFile(reply, await exportPivot(pivot, req.query.format, ctx.lang));
      return pivot;
    },
  );
  for (const format of ['csv', 'xlsx'] as const) {
    r.get(
      `/indicators/:code/values.${format}`,
      { schema: { tags, summary: `An indicator’s values as ${format.toUpperCase()}`, params: codeParam, querystring: indicatorValuesQuery, produces: [PRODUCES[format]] } },
      async (req, reply) => sendFile(reply, await valuesFile(ctxOf(req, deps), req.params.code, req.query, format)),
    );
    r.get(
      `/analysis/pivot.${format}`,
      { schema: { tags, summary: `The pivot as ${format.toUpperCase()}`, querystring: pivotQuery, produces: [PRODUCES[format]] } },
      async (req, reply) => {
        const ctx = ctxOf(req, deps);
        return sendFile(reply, await exportPivot(await getPivot(ctx, req.query), format, ctx.lang));
      },
    );
  }
}
