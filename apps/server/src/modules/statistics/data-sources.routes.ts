import { baseUrlOf } from '../../platform/http/base-url.ts';
import { signedIn } from '../../platform/http/sign-in.ts';
import { idParam } from '@mosaico/contracts/common';
import {
  dataSource,
  dataSourceCreate,
  dataSourceDeleteQuery,
  dataSourceImportList,
  dataSourcePage,
  dataSourceQuery,
  dataSourceUpdate,
} from '@mosaico/contracts/data-sources';
import type { FastifyInstance, } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { parseIfMatch, setVersionEtag } from '../../platform/http/etag.ts';
import { today } from '../territories/territories.service.ts';
import { buildDcatCatalog } from './data-sources-dcat.ts';
import {
  createDataSource,
  deleteDataSource,
  getDataSource,
  listDataSourceImports,
  listDataSources,
  listPublicDataSources,
  updateDataSource,
} from './data-sources.service.ts';

const tags = ['data-sources'];


export function dataSourceRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/data-sources/catalog.jsonld',
    {
      schema: {
        tags,
        summary: 'The public entries of the inventory as a DCAT-AP_IT catalogue (JSON-LD); no sign-in needed',
        produces: ['application/ld+json'],
      },
    },
    async (req, reply) => {
      const catalog = buildDcatCatalog(baseUrlOf(req, deps), await listPublicDataSources(deps.database.db), today());
      return reply
        .type('application/ld+json; charset=utf-8')
        .header('content-disposition', 'inline; filename="catalogo-basi-dati.jsonld"')
        .send(JSON.stringify(catalog, null, 2));
    },
  );
  r.get(
    '/data-sources',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'The inventory of territorial data sources you read (the nation’s and your scope’s), filtered and paged',
        querystring: dataSourceQuery,
        response: { 200: dataSourcePage },
      },
    },
    (req) => listDataSources(ctxOf(req, deps), req.query),
  );
  r.post(
    '/data-sources',
    { ...signedIn, schema: { tags, summary: 'Add a data source to the inventory (in your scope)', body: dataSourceCreate, response: { 201: dataSource } } },
    async (req, reply) => reply.status(201).send(await createDataSource(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/data-sources/:id',
    { ...signedIn, schema: { tags, summary: 'One data source (ETag: its version)', params: idParam, response: { 200: dataSource } } },
    async (req, reply) => {
      const d = await getDataSource(ctxOf(req, deps), req.params.id);
      setVersionEtag(reply, d.version);
      return d;
    },
  );
  r.put(
    '/data-sources/:id',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Replace a data source’s description; send the version read (body or If-Match)',
        params: idParam,
        body: dataSourceUpdate,
        response: { 200: dataSource },
      },
    },
    async (req, reply) => {
      const d = await updateDataSource(ctxOf(req, deps), req.params.id, req.body, parseIfMatch(req.headers['if-match']));
      setVersionEtag(reply, d.version);
      return d;
    },
  );
  r.delete(
    '/data-sources/:id',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Delete a data source no import refers to; send the version read (?version= or If-Match)',
        params: idParam,
        querystring: dataSourceDeleteQuery,
        response: { 204: z.null().describe('Deleted') },
      },
    },
    async (req, reply) => {
      await deleteDataSource(ctxOf(req, deps), req.params.id, req.query.version ?? parseIfMatch(req.headers['if-match']));
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/data-sources/:id/imports',
    { ...signedIn, schema: { tags, summary: 'The files imported from a data source, newest first', params: idParam, response: { 200: dataSourceImportList } } },
    (req) => listDataSourceImports(ctxOf(req, deps), req.params.id),
  );
}
