import { signedIn } from '../../platform/http/sign-in.ts';
import { idParam } from '@mosaico/contracts/common';
import {
  contact,
  contactCreate,
  contactList,
  importQuery,
  importResult,
  organization,
  organizationCreate,
  organizationDeleteQuery,
  organizationExportQuery,
  organizationPage,
  organizationPatch,
  organizationQuery,
} from '@mosaico/contracts/organizations';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { parseIfMatch, setVersionEtag } from '../../platform/http/etag.ts';
import { exportOrganizationsCsv, importOrganizationsCsv } from './organizations-csv.ts';
import {
  addContact,
  createOrganization,
  deleteOrganization,
  getOrganization,
  listContacts,
  listOrganizations,
  updateOrganization,
} from './organizations.service.ts';

const tags = ['organizations'];

/**
 * Every organisation route needs a signed-in caller: refuse anonymous ones before the body is read or
 * validated, so they get 401 and not a list of field errors. (Services check again, for the CLI and tests.)
 */

/** The uploaded CSV (multipart field `file`), or null when the request carries none. */
async function readUpload(req: FastifyRequest): Promise<Buffer | null> {
  if (!req.isMultipart()) return null;
  const part = await req.file();
  if (part?.fieldname !== 'file') return null;
  return part.toBuffer();
}

export function organizationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/organizations',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Local actors (organisations) in your scope, filtered, sorted and paged',
        querystring: organizationQuery,
        response: { 200: organizationPage },
      },
    },
    (req) => listOrganizations(ctxOf(req, deps), req.query),
  );
  r.get(
    '/organizations/export.csv',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Export the organisations in your scope as CSV (UTF-8 with BOM, ; separated), same filters as the list',
        querystring: organizationExportQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const { csv } = await exportOrganizationsCsv(ctxOf(req, deps), req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="attori-territoriali.csv"')
        .send(csv);
    },
  );
  r.post(
    '/organizations/import',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Import organisations from a CSV (multipart field `file`); dryRun=true (default) only checks and reports',
        querystring: importQuery,
        consumes: ['multipart/form-data'],
        response: { 200: importResult },
      },
    },
    (req) => importOrganizationsCsv(ctxOf(req, deps), () => readUpload(req), req.query.dryRun),
  );
  r.post(
    '/organizations',
    { ...signedIn, schema: { tags, summary: 'Register an organisation (council side, in scope)', body: organizationCreate, response: { 201: organization } } },
    async (req, reply) => reply.status(201).send(await createOrganization(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/organizations/:id',
    { ...signedIn, schema: { tags, summary: 'One organisation (ETag: its version)', params: idParam, response: { 200: organization } } },
    async (req, reply) => {
      const o = await getOrganization(ctxOf(req, deps), req.params.id);
      setVersionEtag(reply, o.version);
      return o;
    },
  );
  r.patch(
    '/organizations/:id',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Edit an organisation; send the version read (body or If-Match). Its own members may change only contact details',
        params: idParam,
        body: organizationPatch,
        response: { 200: organization },
      },
    },
    async (req, reply) => {
      const o = await updateOrganization(ctxOf(req, deps), req.params.id, req.body, parseIfMatch(req.headers['if-match']));
      setVersionEtag(reply, o.version);
      return o;
    },
  );
  r.delete(
    '/organizations/:id',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Delete an organisation and its contact log; send the version read (?version= or If-Match)',
        params: idParam,
        querystring: organizationDeleteQuery,
        response: { 204: z.null().describe('Deleted') },
      },
    },
    async (req, reply) => {
      await deleteOrganization(ctxOf(req, deps), req.params.id, req.query.version ?? parseIfMatch(req.headers['if-match']));
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/organizations/:id/contacts',
    { ...signedIn, schema: { tags, summary: 'The log of contacts, meetings and agreements with an organisation', params: idParam, response: { 200: contactList } } },
    (req) => listContacts(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/organizations/:id/contacts',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Record a contact, meeting or agreement with an organisation',
        params: idParam,
        body: contactCreate,
        response: { 201: contact },
      },
    },
    async (req, reply) => reply.status(201).send(await addContact(ctxOf(req, deps), req.params.id, req.body)),
  );
}
