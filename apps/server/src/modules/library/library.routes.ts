import { parseUploadFields, readUpload } from '../../platform/http/multipart.ts';
import { idParam } from '@mosaico/contracts/common';
import { libraryDeleteQuery, libraryDocument, libraryDocumentFields, libraryPage, libraryQuery, libraryScopeList, libraryVersionFields, libraryVersionList, libraryVersionParams } from '@mosaico/contracts/library';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { parseIfMatch, setVersionEtag } from '../../platform/http/etag.ts';
import { attachmentDisposition } from './library-files.ts';
import { requireKeeper } from '../auth/place-policy.ts';
import { addLibraryVersion, createLibraryDocument, deleteLibraryDocument, getLibraryDocument, listLibraryDocuments, listLibraryScopes, listLibraryVersions, readLibraryFile } from './library.service.ts';
import { requireSignIn, signedIn } from '../../platform/http/sign-in.ts';

const tags = ['library'];

/** 401/403 before an upload is read: only those who keep documents somewhere send files. (Services check the scope.) */
async function keepersOnly(req: FastifyRequest) {
  await requireSignIn(req);
  requireKeeper(req.actor ?? null);
}


/**
 * Sends a stored file so that no browser renders or runs it in our origin: as an attachment, with the type
 * detected at upload, no sniffing, and a CSP sandbox should it be opened anyway.
 */
function sendFile(reply: FastifyReply, f: { fileName: string; contentType: string; size: number; sha256: string; content: Buffer }) {
  return reply
    .header('content-type', f.contentType)
    .header('content-length', String(f.size))
    .header('content-disposition', attachmentDisposition(f.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-store')
    .header('x-content-sha256', f.sha256)
    .send(f.content);
}

export function libraryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const maxBytes = deps.config.LIBRARY_MAX_UPLOAD_MB * 1024 * 1024;
  const limits = { maxBytes, fields: 12, fieldSize: 64 * 1024, tooLarge: 'library_file_too_large' };
  
  r.get(
    '/library/documents',
    { ...signedIn, schema: { tags, summary: 'The documents you read (the nation’s and your scope’s), filtered and paged, newest first', querystring: libraryQuery, response: { 200: libraryPage } } },
    (req) => listLibraryDocuments(ctxOf(req, deps), req.query),
  );
  r.get(
    '/library/scopes',
    { ...signedIn, schema: { tags, summary: 'The places (nation, regions, councils) you may upload documents into, and the size limit', response: { 200: libraryScopeList } } },
    (req) => listLibraryScopes(ctxOf(req, deps)),
  );
  r.post(
    '/library/documents',
    {
      onRequest: keepersOnly,
      bodyLimit: maxBytes + 1024 * 1024,
      schema: {
        tags,
        summary:
          'Upload a document (multipart: `file` — pdf, docx, xlsx, pptx, odt, ods, csv, txt, png, jpg, checked by content — and `title`, `kind`, `scopeType`, `scopeId`, optional `description`, `year`, `tags` (comma-separated), `note`)',
        consumes: ['multipart/form-data'],
        response: { 201: libraryDocument },
      },
    },
    async (req, reply) => {
      const { file, fields } = await readUpload(req, limits);
      const body = parseUploadFields(libraryDocumentFields, fields, req);
      const d = await createLibraryDocument(ctxOf(req, deps), file, body);
      setVersionEtag(reply, d.version);
      return reply.status(201).send(d);
    },
  );
  r.get(
    '/library/documents/:id',
    { ...signedIn, schema: { tags, summary: 'One document with its newest version (ETag: its version)', params: idParam, response: { 200: libraryDocument } } },
    async (req, reply) => {
      const d = await getLibraryDocument(ctxOf(req, deps), req.params.id);
      setVersionEtag(reply, d.version);
      return d;
    },
  );
  r.delete(
    '/library/documents/:id',
    {
      ...signedIn,
      schema: { tags, summary: 'Delete a document and all its versions; send the version read (?version= or If-Match)', params: idParam, querystring: libraryDeleteQuery, response: { 204: z.null().describe('Deleted') } },
    },
    async (req, reply) => {
      await deleteLibraryDocument(ctxOf(req, deps), req.params.id, req.query.version ?? parseIfMatch(req.headers['if-match']));
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/library/documents/:id/versions',
    { ...signedIn, schema: { tags, summary: 'Every version of a document, newest first', params: idParam, response: { 200: libraryVersionList } } },
    (req) => listLibraryVersions(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/library/documents/:id/versions',
    {
      onRequest: keepersOnly,
      bodyLimit: maxBytes + 1024 * 1024,
      schema: {
        tags,
        summary: 'Upload a new version of a document (multipart: `file`, optional `note`; the document version read as `version` or If-Match)',
        consumes: ['multipart/form-data'],
        params: idParam,
        response: { 201: libraryDocument },
      },
    },
    async (req, reply) => {
      const { file, fields } = await readUpload(req, limits);
      const body = parseUploadFields(libraryVersionFields, fields, req);
      const d = await addLibraryVersion(ctxOf(req, deps), req.params.id, file, body, parseIfMatch(req.headers['if-match']));
      setVersionEtag(reply, d.version);
      return reply.status(201).send(d);
    },
  );
  r.get(
    '/library/documents/:id/download',
    { ...signedIn, schema: { tags, summary: 'Download the newest version (as an attachment, of the type detected at upload)', params: idParam } },
    async (req, reply) => sendFile(reply, await readLibraryFile(ctxOf(req, deps), req.params.id)),
  );
  r.get(
    '/library/documents/:id/versions/:n/download',
    { ...signedIn, schema: { tags, summary: 'Download one version (as an attachment, of the type detected at upload)', params: libraryVersionParams } },
    async (req, reply) => sendFile(reply, await readLibraryFile(ctxOf(req, deps), req.params.id, req.params.n)),
  );
}
