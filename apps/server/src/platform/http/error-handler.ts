import fs from 'node:fs';
import path from 'node:path';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, statusOfKind } from './errors.ts';
import { translate } from './messages.ts';
import { RequestValidationError, toFieldIssues } from './validation.ts';

/**
 * One error shape for the whole API: { error: { code, message, details?, requestId } }.
 * Unexpected errors are logged with the request id and answered without internals.
 */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof RequestValidationError) {
      const prefix = err.part === 'body' ? '' : `${err.part}.`;
      return send(req, reply, 400, 'validation_failed', {}, { issues: toFieldIssues(err.issues, req.lang, prefix) });
    }
    if (err instanceof AppError) {
      return send(req, reply, statusOfKind[err.kind], err.code, err.params, err.details);
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return send(req, reply, 429, 'too_many_requests');
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, body too large, wrong content type): say what it was.
      req.log.info({ err: { code: err.code, message: err.message } }, 'client error');
      return reply.status(status).send({ error: { code: err.code ?? 'bad_request', message: clientMessage(err, req.lang), requestId: req.id } });
    }
    req.log.error({ err }, 'unexpected error');
    return send(req, reply, 500, 'internal', { requestId: req.id });
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return send(req, reply, 404, 'route_not_found', { method: req.method, url: req.url.split('?')[0] });
    }
    return sendSpa(req, reply);
  });
}

let spaIndex: string | null | undefined;

/** The web app's routes are client-side: any other GET gets index.html. */
function sendSpa(req: FastifyRequest, reply: FastifyReply) {
  if (spaIndex === undefined) {
    const file = path.resolve(import.meta.dirname, '../../../../web/dist/index.html');
    spaIndex = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  }
  if (!spaIndex) return send(req, reply, 404, 'route_not_found', { method: req.method, url: req.url });
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(spaIndex);
}

function send(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  params: Record<string, string | number> = {},
  details?: unknown,
) {
  const error: Record<string, unknown> = { code, message: translate(code, req.lang, params) };
  if (details !== undefined) error.details = details;
  error.requestId = req.id;
  return reply.status(status).send({ error });
}

function clientMessage(err: FastifyError, lang: 'it' | 'en'): string {
  const it: Record<string, string> = {
    FST_ERR_CTP_INVALID_JSON_BODY: 'Il corpo della richiesta non è JSON valido.',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'Il corpo della richiesta è vuoto.',
    FST_ERR_CTP_BODY_TOO_LARGE: 'Il corpo della richiesta è troppo grande.',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Tipo di contenuto non supportato.',
    FST_REQ_FILE_TOO_LARGE: 'Il file è troppo grande (massimo 5 MB).',
  };
  if (lang === 'it' && err.code && it[err.code]) return it[err.code];
  return err.message;
}
