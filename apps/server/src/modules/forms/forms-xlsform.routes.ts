import { formVersion, formVersionParams } from '@mosaico/contracts/forms';
import { XLSX_MIME } from '@mosaico/contracts/xlsform';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { exportFormXlsform, importFormXlsform } from './forms-xlsform.service.ts';
import { requireSignIn } from '../../platform/http/sign-in.ts';

const tags = ['forms'];

/** The uploaded workbook (multipart field `file`), or null when the request carries none. */
async function readUpload(req: FastifyRequest): Promise<Buffer | null> {
  if (!req.isMultipart()) return null;
  const part = await req.file();
  if (part?.fieldname !== 'file') return null;
  return part.toBuffer();
}

export function formXlsformRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/forms/xlsform',
    {
      onRequest: requireSignIn,
      schema: {
        tags,
        summary:
          'Import a form from an XLSForm workbook (.xlsx, multipart field `file`): a new form, or a new draft version of the form with its form_id. Problems name sheet, row and column',
        consumes: ['multipart/form-data'],
        response: { 201: formVersion },
      },
    },
    async (req, reply) => reply.status(201).send(await importFormXlsform(ctxOf(req, deps), () => readUpload(req))),
  );
  r.get(
    '/forms/:id/versions/:version/xlsform',
    {
      onRequest: requireSignIn,
      schema: { tags, summary: 'Download a version as an XLSForm workbook (.xlsx) that imports back unchanged', params: formVersionParams, produces: [XLSX_MIME] },
    },
    async (req, reply) => {
      const { filename, content } = await exportFormXlsform(ctxOf(req, deps), req.params.id, req.params.version);
      return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename="${filename}"`).send(content);
    },
  );
}
