import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { fieldError, invalidFields } from './errors.ts';
import { toFieldIssues } from './validation.ts';

export interface UploadLimits {
  maxBytes: number;
  /** How many text fields, and how long each may be. */
  fields: number;
  fieldSize: number;
  /** The message code of a file over `maxBytes` (it gets `{mb}`). */
  tooLarge: string;
}

/** A multipart upload: one file in the part `file` and the text fields, in any order, within the limits. */
export async function readUpload(req: FastifyRequest, limits: UploadLimits) {
  let file: { name: string; content: Buffer } | null = null;
  const fields: Record<string, string> = {};
  if (!req.isMultipart()) return { file, fields };
  try {
    for await (const part of req.parts({ limits: { fileSize: limits.maxBytes, files: 1, fields: limits.fields, fieldSize: limits.fieldSize } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file') file = { name: part.filename ?? '', content };
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fieldError(req.lang, limits.tooLarge, 'file', { mb: Math.round(limits.maxBytes / 1024 / 1024) });
    throw err;
  }
  return { file, fields };
}

/** The upload's text fields checked by their schema: every issue at once, by field, in the request's language. */
export function parseUploadFields<T extends z.ZodType>(schema: T, raw: Record<string, string>, req: FastifyRequest): z.infer<T> {
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw invalidFields(toFieldIssues(parsed.error.issues, req.lang));
  return parsed.data;
}
