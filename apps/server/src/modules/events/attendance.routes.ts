import { attendanceBody, eventHours, sessionAttendance, sessionParams } from '@mosaico/contracts/attendance';
import { idParam } from '@mosaico/contracts/common';
import type { FastifyInstance, } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { getSessionAttendance, recordSessionAttendance } from './attendance.service.ts';
import { certificateRoutes } from './certificates.routes.ts';
import { getEventHours } from './event-hours.service.ts';
import { renderSessionSignInSheet } from './sign-in-sheet.service.ts';
import { signedIn } from '../../platform/http/sign-in.ts';

const tags = ['attendance'];

/** Attendance per session, hours per person, sign-in sheets — and the certificates that follow from them. */
export function attendanceRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  
  r.get(
    '/events/:id/sessions/:sessionId/attendance',
    { ...signedIn, schema: { tags, summary: 'The check-in list of a session: who holds a seat and what was recorded, by whom and when (organisers)', params: sessionParams, response: { 200: sessionAttendance } } },
    (req) => getSessionAttendance(ctxOf(req, deps), req.params.id, req.params.sessionId),
  );
  r.put(
    '/events/:id/sessions/:sessionId/attendance',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Record who was present at a started session (organisers): `entries` of {registrationId, present}, registrations holding a seat; all or nothing',
        params: sessionParams,
        body: attendanceBody,
        response: { 200: sessionAttendance },
      },
    },
    (req) => recordSessionAttendance(ctxOf(req, deps), req.params.id, req.params.sessionId, req.body),
  );
  r.get(
    '/events/:id/hours',
    { ...signedIn, schema: { tags, summary: 'Hours per person: sessions and hours attended, percent of the event’s hours, whether the certificate threshold is reached (organisers)', params: idParam, response: { 200: eventHours } } },
    (req) => getEventHours(ctxOf(req, deps), req.params.id),
  );
  r.get(
    '/events/:id/sessions/:sessionId/sign-in-sheet.pdf',
    { ...signedIn, schema: { tags, summary: 'The printable sign-in sheet of a session (tagged PDF; organisers)', params: sessionParams, response: { 200: z.any().describe('application/pdf') } } },
    async (req, reply) => {
      const { pdf, fileName } = await renderSessionSignInSheet(ctxOf(req, deps), req.params.id, req.params.sessionId);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${fileName}"`).header('cache-control', 'private, no-store').send(pdf);
    },
  );
  certificateRoutes(app, deps);
}
