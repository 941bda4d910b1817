import { baseUrlOf } from '../../platform/http/base-url.ts';
import { certificate, certificateCodeParams, certificateList, certificateVerification, issueCertificatesBody, issuedCertificates, revokeCertificateBody } from '@mosaico/contracts/attendance';
import { idParam } from '@mosaico/contracts/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { formatCertificateCode } from './certificates.code.ts';
import { renderCertificatePdf } from './certificates.pdf.ts';
import { issueCertificates, listCertificates, loadCertificateForPdf, revokeCertificate, verifyCertificate } from './certificates.service.ts';
import { signedIn } from '../../platform/http/sign-in.ts';

const tags = ['certificates'];

/** Where the public verification page of a code is: the configured public address, or this request's host. */
function verifyUrlOf(req: FastifyRequest, deps: AppDeps, code: string) {
  return `${baseUrlOf(req, deps)}/attestati/${code}`;
}

export function certificateRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  
  r.post(
    '/events/:id/certificates',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Issue certificates of attendance (organisers): to everyone eligible not yet certified, or to the `registrationIds` named — all of whom must reach the threshold',
        params: idParam,
        body: issueCertificatesBody,
        response: { 201: issuedCertificates },
      },
    },
    async (req, reply) => reply.status(201).send(await issueCertificates(ctxOf(req, deps), req.params.id, req.body ?? {})),
  );
  r.get(
    '/events/:id/certificates',
    { ...signedIn, schema: { tags, summary: 'The certificates of an event, live and revoked (organisers)', params: idParam, response: { 200: certificateList } } },
    (req) => listCertificates(ctxOf(req, deps), req.params.id),
  );
  r.get(
    '/certificates/:code',
    {
      schema: { tags, summary: 'Public verification of a certificate code: valid or revoked, event, dates, hours, holder masked (no sign-in; rate-limited)', params: certificateCodeParams, response: { 200: certificateVerification } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    (req) => verifyCertificate(ctxOf(req, deps), req.params.code),
  );
  r.get(
    '/certificates/:code/pdf',
    { ...signedIn, schema: { tags, summary: 'The certificate as a tagged PDF (its event’s organisers and its holder)', params: certificateCodeParams, response: { 200: z.any().describe('application/pdf') } } },
    async (req, reply) => {
      const { row, event, firstAt, lastAt } = await loadCertificateForPdf(ctxOf(req, deps), req.params.code);
      const code = formatCertificateCode(row.code);
      const pdf = await renderCertificatePdf({
        code,
        // The stored form (no dashes) in the address, so a printed link never breaks across lines.
        verifyUrl: verifyUrlOf(req, deps, row.code),
        holderName: row.holderName,
        eventTitle: event.title,
        eventKind: event.kind,
        organizer: event.organizerName,
        firstAt,
        lastAt,
        hours: row.hours,
        totalHours: row.totalHours,
        percent: row.percent,
        issuedAt: row.issuedAt.toISOString(),
        revoked: row.revokedAt ? { at: row.revokedAt.toISOString(), reason: row.revokeReason } : null,
      });
      return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="attestato-${code}.pdf"`).header('cache-control', 'private, no-store').send(pdf);
    },
  );
  r.post(
    '/certificates/:code/revoke',
    { ...signedIn, schema: { tags, summary: 'Revoke a certificate with the reason (its event’s organisers); verification then shows it as revoked', params: certificateCodeParams, body: revokeCertificateBody, response: { 200: certificate } } },
    (req) => revokeCertificate(ctxOf(req, deps), req.params.code, req.body.reason),
  );
}
