import { parseUploadFields, readUpload } from '../../platform/http/multipart.ts';
import { eventIdParams, eventMaterial, eventMaterialFields, eventMaterialList, materialParams } from '@mosaico/contracts/events';
import type { FastifyInstance, } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { attachmentDisposition } from '../library/library-files.ts';
import { signedIn } from '../../platform/http/sign-in.ts';
import { addMaterial, deleteMaterial, listMaterials, readMaterial } from './event-materials.service.ts';

const tags = ['events'];


export function eventMaterialRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const maxBytes = deps.config.LIBRARY_MAX_UPLOAD_MB * 1024 * 1024;
  r.get(
    '/events/:id/materials',
    { ...signedIn, schema: { tags, summary: 'The files of an event (metadata), by session', params: eventIdParams, response: { 200: eventMaterialList } } },
    (req) => listMaterials(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/events/:id/materials',
    {
      ...signedIn,
      bodyLimit: maxBytes + 1024 * 1024,
      schema: {
        tags,
        summary: 'Upload a file (multipart: `file` — pdf, docx, xlsx, pptx, odt, ods, csv, txt, png, jpg, checked by content — optional `title`, `sessionId`); organisers',
        consumes: ['multipart/form-data'],
        params: eventIdParams,
        response: { 201: eventMaterial },
      },
    },
    async (req, reply) => {
      const { file, fields } = await readUpload(req, { maxBytes, fields: 8, fieldSize: 16 * 1024, tooLarge: 'event_material_file_too_large' });
      return reply.status(201).send(await addMaterial(ctxOf(req, deps), req.params.id, file, parseUploadFields(eventMaterialFields, fields, req)));
    },
  );
  r.get(
    '/events/:id/materials/:materialId/download',
    { ...signedIn, schema: { tags, summary: 'Download a file (as an attachment, of the type detected at upload)', params: materialParams } },
    async (req, reply) => {
      const f = await readMaterial(ctxOf(req, deps), req.params.id, req.params.materialId);
      // Never rendered or run in our origin: an attachment, of the detected type, unsniffed, sandboxed if opened.
      return reply
        .header('content-type', f.contentType)
        .header('content-length', String(f.size))
        .header('content-disposition', attachmentDisposition(f.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(f.content);
    },
  );
  r.delete(
    '/events/:id/materials/:materialId',
    { ...signedIn, schema: { tags, summary: 'Delete a file; organisers', params: materialParams, response: { 204: z.null().describe('Deleted') } } },
    async (req, reply) => {
      await deleteMaterial(ctxOf(req, deps), req.params.id, req.params.materialId);
      return reply.status(204).send(null);
    },
  );
}
