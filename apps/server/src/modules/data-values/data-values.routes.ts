import { dataElement, dataElementQuery, dataValue, dataValueQuery } from '@mosaico/contracts/data-values';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { listDataElements, listDataValues } from './data-values.service.ts';

export function dataValueRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['data-values'];
  r.get(
    '/data-elements',
    { schema: { tags, summary: 'The catalogue of data elements (form items and imported statistics)', querystring: dataElementQuery, response: { 200: z.array(dataElement) } } },
    (req) => listDataElements(ctxOf(req, deps), req.query),
  );
  r.get(
    '/data-values',
    { schema: { tags, summary: 'Values of one data element by period and territory, with their source', querystring: dataValueQuery, response: { 200: z.array(dataValue) } } },
    (req) => listDataValues(ctxOf(req, deps), req.query),
  );
}
