import { idParam } from '@mosaico/contracts/common';
import { importApplyBody, importList, importMapping, importQuery, importResult, importUploadFields, mappingList, mappingParams, savedMapping } from '@mosaico/contracts/imports';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { AppError, invalidFields } from '../../platform/http/errors.ts';
import { getMapping, listMappings, putMapping } from './import-mappings.service.ts';
import { requireImporter } from './imports.policy.ts';
import { applyImport, createImport, getImport, listImports, rollbackImport } from './imports.service.ts';

const tags = ['statistics'];

/** 401/403 before an upload is read. (Services check again, for the CLI and tests.) */
async function importersOnly(req: FastifyRequest) {
  if (!req.actor) throw new AppError('unauthenticated', req.sessionExpired ? 'session_expired' : 'unauthenticated');
  requireImporter(req);
}

/** The multipart upload: the file (up to IMPORT_MAX_UPLOAD_MB) and the other fields, in any order. */
async function readImportUpload(req: FastifyRequest, maxBytes: number) {
  if (!req.isMultipart()) return { file: null, fields: {} as Record<string, string> };
  let file: { name: string; content: Buffer } | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fieldSize: 2 * 1024 * 1024 } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file') file = { name: part.filename || 'file', content };
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('invalid', 'import_file_too_large', { mb: Math.round(maxBytes / 1024 / 1024) });
    throw err;
  }
  return { file, fields };
}

export function importRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const maxBytes = deps.config.IMPORT_MAX_UPLOAD_MB * 1024 * 1024;
  r.post(
    '/imports',
    {
      onRequest: importersOnly,
      bodyLimit: maxBytes + 4 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Upload a statistics file (SDMX-CSV, CSV or XLSX; multipart `file`, `dryRun` (default true), optional `mapping` JSON and `dataSourceId`) and dry-run it; with dryRun=false also apply it',
        consumes: ['multipart/form-data'],
        response: { 201: importResult },
      },
    },
    async (req, reply) => {
      const { file, fields } = await readImportUpload(req, maxBytes);
      const parsed = importUploadFields.safeParse(fields);
      if (!parsed.success) throw invalidFields(parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })));
      return reply.status(201).send(await createImport(ctxOf(req, deps), file, parsed.data));
    },
  );
  r.get(
    '/imports',
    { onRequest: importersOnly, schema: { tags, summary: 'History of imports, newest first', querystring: importQuery, response: { 200: importList } } },
    (req) => listImports(ctxOf(req, deps), req.query),
  );
  r.get(
    '/imports/:id',
    { onRequest: importersOnly, schema: { tags, summary: 'An import: status, progress, counts, errors, mapping', params: idParam, response: { 200: importResult } } },
    (req) => getImport(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/imports/:id/apply',
    {
      onRequest: importersOnly,
      schema: { tags, summary: 'Apply a dry-run import (optionally with an edited mapping) as a background job', params: idParam, body: importApplyBody, response: { 202: importResult } },
    },
    async (req, reply) => reply.status(202).send(await applyImport(ctxOf(req, deps), req.params.id, req.body ?? {})),
  );
  r.post(
    '/imports/:id/rollback',
    { onRequest: importersOnly, schema: { tags, summary: 'Roll an applied import back, restoring the values it replaced', params: idParam, response: { 200: importResult } } },
    (req) => rollbackImport(ctxOf(req, deps), req.params.id),
  );
  r.get(
    '/import-mappings',
    { onRequest: importersOnly, schema: { tags, summary: 'Saved and shipped import mappings', response: { 200: mappingList } } },
    (req) => listMappings(ctxOf(req, deps)),
  );
  r.get(
    '/import-mappings/:kind/:key',
    { onRequest: importersOnly, schema: { tags, summary: 'The mapping of a dataflow (sdmx) or table signature (table); key URL-encoded', params: mappingParams, response: { 200: savedMapping } } },
    (req) => getMapping(ctxOf(req, deps), req.params.kind, req.params.key),
  );
  r.put(
    '/import-mappings/:kind/:key',
    {
      onRequest: importersOnly,
      schema: { tags, summary: 'Save the mapping of a dataflow or table signature', params: mappingParams, body: importMapping, response: { 200: savedMapping } },
    },
    (req) => putMapping(ctxOf(req, deps), req.params.kind, req.params.key, req.body),
  );
}
