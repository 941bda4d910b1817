import { idParam } from '@mosaico/contracts/common';
import {
  batchCreate,
  commentCreate,
  narrative,
  narrativeSave,
  publicReportSummary,
  reportBatch,
  reportComment,
  reportCreate,
  reportDetail,
  reportDocument,
  reportListQuery,
  reportPage,
  reportRegenerate,
  reportTemplate,
  reportTemplateSummary,
  reportVersionSummary,
  templateSave,
  transitionRequest,
  versionComparison,
} from '@mosaico/contracts/reports';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { parseIfMatch, setVersionEtag } from '../../platform/http/etag.ts';
import { addComment, listComments, saveNarrative } from './report-narratives.service.ts';
import { batchZip, createBatch, getBatch } from './report-batches.service.ts';
import { getPublicReport, getPublicReportFile, getReportFile, listPublicReports, type ReportFormat } from './report-files.service.ts';
import { createTemplate, getTemplate, listTemplates, updateTemplate } from './report-templates.service.ts';
import { compareVersions, getVersionDocument, listVersions } from './report-versions.service.ts';
import { transitionReport } from './report-workflow.service.ts';
import { createReport, getReport, listReports, regenerateReport, reportEtag, restoreReportVersion } from './reports.service.ts';
import { signedIn } from '../../platform/http/sign-in.ts';

const tags = ['reports'];
const publicTags = ['public'];


const narrativeParams = idParam.extend({ blockKey: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/) });
const versionParams = idParam.extend({ n: z.coerce.number().int().positive() });
const fileQuery = z.object({ version: z.coerce.number().int().positive().optional() });
const compareQuery = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });
const publicQuery = z.object({ region: z.string().regex(/^\d{2}$/).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
const fileSchema = { 200: z.any().describe('The file') };

/** A file as a download: its type, and a name in both the plain and the RFC 5987 form. */
function sendFile(reply: FastifyReply, f: { content: Buffer; filename: string; contentType: string }, cache: string) {
  return reply
    .type(f.contentType)
    .header('content-disposition', `attachment; filename="${f.filename}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
    .header('cache-control', cache)
    .send(f.content);
}

export function reportRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ifMatch = (req: FastifyRequest) => parseIfMatch(req.headers['if-match'] as string | undefined);

  // ---- Templates ----
  r.get('/report-templates', { ...signedIn, schema: { tags, summary: 'Report templates (current versions)', response: { 200: z.array(reportTemplateSummary) } } }, (req) =>
    listTemplates(ctxOf(req, deps)),
  );
  r.get('/report-templates/:id', { ...signedIn, schema: { tags, summary: 'A report template with its definition', params: idParam, response: { 200: reportTemplate } } }, (req) =>
    getTemplate(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/report-templates',
    { ...signedIn, schema: { tags, summary: 'Create a report template (national admins); every indicator code must exist', body: templateSave, response: { 201: reportTemplate } } },
    async (req, reply) => reply.status(201).send(await createTemplate(ctxOf(req, deps), req.body)),
  );
  r.put(
    '/report-templates/:id',
    { ...signedIn, schema: { tags, summary: 'Save a report template as a new frozen version (national admins)', params: idParam, body: templateSave, response: { 200: reportTemplate } } },
    (req) => updateTemplate(ctxOf(req, deps), req.params.id, req.body),
  );

  // ---- Batches (before /reports/:id so the static segment wins) ----
  r.post(
    '/reports/batches',
    {
      ...signedIn,
      schema: { tags, summary: "Generate every council's report of a campaign in the background (national admins; regional coordinators for their region)", body: batchCreate, response: { 202: reportBatch } },
    },
    async (req, reply) => reply.status(202).send(await createBatch(ctxOf(req, deps), req.body)),
  );
  r.get('/reports/batches/:id', { ...signedIn, schema: { tags, summary: 'A batch: progress and the outcome of each council', params: idParam, response: { 200: reportBatch } } }, (req) =>
    getBatch(ctxOf(req, deps), req.params.id),
  );
  r.get('/reports/batches/:id/zip', { ...signedIn, schema: { tags, summary: 'Every PDF the batch produced, in one ZIP', params: idParam, produces: ['application/zip'] } }, async (req, reply) => {
    const z = await batchZip(ctxOf(req, deps), req.params.id);
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="${z.filename}"; filename*=UTF-8''${encodeURIComponent(z.filename)}`)
      .header('cache-control', 'private, no-store')
      .send(z.stream);
  });

  // ---- Reports ----
  r.get('/reports', { ...signedIn, schema: { tags, summary: "Reports in the caller's reach", querystring: reportListQuery, response: { 200: reportPage } } }, (req) =>
    listReports(ctxOf(req, deps), req.query),
  );
  r.post(
    '/reports',
    { ...signedIn, schema: { tags, summary: "Generate a council's report for a year (409 report_exists when there is one: regenerate it)", body: reportCreate, response: { 201: reportDetail } } },
    async (req, reply) => {
      const d = await createReport(ctxOf(req, deps), req.body);
      return reply.status(201).send(d);
    },
  );
  const detail = async (req: FastifyRequest, reply: FastifyReply, d: Promise<z.infer<typeof reportDetail>>, id: number) => {
    const out = await d;
    setVersionEtag(reply, await reportEtag(ctxOf(req, deps), id));
    return out;
  };
  r.get('/reports/:id', { ...signedIn, schema: { tags, summary: 'A report: current document, narrative, comments count, workflow (ETag = row version)', params: idParam, response: { 200: reportDetail } } }, (req, reply) =>
    detail(req, reply, getReport(ctxOf(req, deps), req.params.id), req.params.id),
  );
  r.post(
    '/reports/:id/regenerate',
    { ...signedIn, schema: { tags, summary: "Regenerate a draft from today's data: a new version, narrative kept (optional If-Match)", params: idParam, body: reportRegenerate, response: { 200: reportDetail } } },
    (req, reply) => detail(req, reply, regenerateReport(ctxOf(req, deps), req.params.id, req.body?.templateId, ifMatch(req)), req.params.id),
  );
  r.put(
    '/reports/:id/narratives/:blockKey',
    { ...signedIn, schema: { tags, summary: 'Save a narrative block (sanitised; 409 with the current text on a stale version)', params: narrativeParams, body: narrativeSave, response: { 200: narrative } } },
    (req) => saveNarrative(ctxOf(req, deps), req.params.id, req.params.blockKey, req.body),
  );
  r.get('/reports/:id/comments', { ...signedIn, schema: { tags, summary: 'Comments on a report, oldest first', params: idParam, response: { 200: z.array(reportComment) } } }, (req) =>
    listComments(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/reports/:id/comments',
    { ...signedIn, schema: { tags, summary: 'Comment on a report or one of its blocks (draft or in review)', params: idParam, body: commentCreate, response: { 201: reportComment } } },
    async (req, reply) => reply.status(201).send(await addComment(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.get('/reports/:id/versions', { ...signedIn, schema: { tags, summary: 'Versions of a report, newest first', params: idParam, response: { 200: z.array(reportVersionSummary) } } }, (req) =>
    listVersions(ctxOf(req, deps), req.params.id),
  );
  r.get('/reports/:id/versions/:n', { ...signedIn, schema: { tags, summary: 'The document of one version', params: versionParams, response: { 200: reportDocument } } }, (req) =>
    getVersionDocument(ctxOf(req, deps), req.params.id, req.params.n),
  );
  r.get(
    '/reports/:id/compare',
    { ...signedIn, schema: { tags, summary: 'What differs between two versions: figures, narrative, blocks', params: idParam, querystring: compareQuery, response: { 200: versionComparison } } },
    (req) => compareVersions(ctxOf(req, deps), req.params.id, req.query.from, req.query.to),
  );
  r.post(
    '/reports/:id/versions/:n/restore',
    { ...signedIn, schema: { tags, summary: "A new version copying version n's snapshot and narrative (draft only)", params: versionParams, response: { 200: reportDetail } } },
    (req, reply) => detail(req, reply, restoreReportVersion(ctxOf(req, deps), req.params.id, req.params.n), req.params.id),
  );
  r.post(
    '/reports/:id/transitions',
    { ...signedIn, schema: { tags, summary: 'Submit, return, approve, publish, withdraw or reopen (return and withdraw need a note)', params: idParam, body: transitionRequest, response: { 200: reportDetail } } },
    (req, reply) => detail(req, reply, transitionReport(ctxOf(req, deps), req.params.id, req.body, ifMatch(req)), req.params.id),
  );
  for (const format of ['pdf', 'docx'] as ReportFormat[]) {
    r.get(
      `/reports/:id/${format}`,
      { ...signedIn, schema: { tags, summary: `The report as ${format.toUpperCase()} (current version; ?version=n for another)`, params: idParam, querystring: fileQuery, response: fileSchema } },
      async (req, reply) => sendFile(reply, await getReportFile(ctxOf(req, deps), req.params.id, format, req.query.version), 'private, no-store'),
    );
    r.get(
      `/public/reports/:id/${format}`,
      { schema: { tags: publicTags, summary: `A published report as ${format.toUpperCase()}; no sign-in`, params: idParam, response: fileSchema } },
      async (req, reply) => sendFile(reply, await getPublicReportFile(deps.database.db, req.params.id, format), 'public, max-age=300'),
    );
  }

  // ---- Public ----
  r.get(
    '/public/reports',
    { schema: { tags: publicTags, summary: 'Published reports, newest first; region = ISTAT region code (e.g. 03); no sign-in', querystring: publicQuery, response: { 200: z.array(publicReportSummary) } } },
    (req) => listPublicReports(deps.database.db, req.query),
  );
  r.get('/public/reports/:id', { schema: { tags: publicTags, summary: 'The published version of a report; no sign-in', params: idParam, response: { 200: reportDocument } } }, (req) =>
    getPublicReport(deps.database.db, req.params.id),
  );
}
