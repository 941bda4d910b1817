import { idParam } from '@mosaico/contracts/common';
import { BULK_FORMATS, sectionFileParams, sectionUploadQuery, uploadResult } from '@mosaico/contracts/submission-bulk';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { exportSubmission, type FileAnswer, sectionTemplate, type UploadedFile, uploadSection } from './submission-bulk.service.ts';
import { requireSignIn } from '../../platform/http/sign-in.ts';

const tags = ['campaigns'];

/** The uploaded file (multipart field `file`), or null when the request carries none. */
async function readUpload(req: FastifyRequest): Promise<UploadedFile | null> {
  if (!req.isMultipart()) return null;
  const part = await req.file();
  if (part?.fieldname !== 'file') return null;
  return { filename: part.filename ?? '', content: await part.toBuffer() };
}

const sendFile = (reply: FastifyReply, f: FileAnswer) =>
  reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.filename}"`).header('cache-control', 'no-store').send(f.body);

/** Offline data entry: section templates, their upload (dry run, then apply) and the export of a submission. */
export function submissionBulkRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const format of BULK_FORMATS) {
    const produces = [format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv'];
    r.get(
      `/submissions/:id/sections/:sectionCode/template.${format}`,
      {
        onRequest: requireSignIn,
        schema: {
          tags,
          summary: `A section's template as ${format.toUpperCase()}: one row per value key the caller may write, with its current value`,
          params: sectionFileParams,
          produces,
        },
      },
      async (req, reply) => sendFile(reply, await sectionTemplate(ctxOf(req, deps), req.params.id, req.params.sectionCode, format)),
    );
    r.get(
      `/submissions/:id/export.${format}`,
      {
        onRequest: requireSignIn,
        schema: {
          tags,
          summary: `Every value the caller may read as ${format.toUpperCase()} (${format === 'xlsx' ? 'a summary sheet and one sheet per section' : 'one row per key, with its section'}), re-importable section by section`,
          params: idParam,
          produces,
        },
      },
      async (req, reply) => sendFile(reply, await exportSubmission(ctxOf(req, deps), req.params.id, format)),
    );
  }
  r.post(
    '/submissions/:id/sections/:sectionCode/upload',
    {
      onRequest: requireSignIn,
      schema: {
        tags,
        summary: 'Upload a filled section template (multipart field `file`, XLSX or CSV); dryRun=true (default) only checks and lists every row-level problem',
        params: sectionFileParams,
        querystring: sectionUploadQuery,
        consumes: ['multipart/form-data'],
        response: { 200: uploadResult },
      },
    },
    (req) => uploadSection(ctxOf(req, deps), req.params.id, req.params.sectionCode, () => readUpload(req), req.query.dryRun),
  );
}
