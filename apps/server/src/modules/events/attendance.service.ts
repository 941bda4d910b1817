import { loadSession } from './event-sessions.service.ts';
import type { attendanceBody } from '@mosaico/contracts/attendance';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, type FieldIssue, invalidFields } from '../../platform/http/errors.ts';
import { translate } from '../../platform/http/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { users } from '../users/users.schema.ts';
import { sessionHours } from './event-hours.ts';
import { auditPlaceOf, loadOrganizedEvent, registrantName } from './event-access.ts';
import { eventAttendance, eventRegistrations, eventSessions, } from './events.schema.ts';



/** The check-in list of a session: every registration holding a seat (and any other recorded), with what was recorded; organisers only. */
export async function getSessionAttendance(ctx: Ctx, eventId: number, sessionId: number) {
  const { row: event } = await loadOrganizedEvent(ctx.db, ctx, eventId, false);
  const session = await loadSession(ctx.db, event.id, sessionId, false);
  const r = eventRegistrations;
  const a = eventAttendance;
  const rows = await ctx.db
    .select({
      registrationId: r.id,
      fullName: registrantName,
      organizationName: r.organizationName,
      erasedAt: r.erasedAt,
      status: r.status,
      present: a.present,
      recordedAt: a.recordedAt,
      recorderId: users.id,
      recorderName: users.name,
    })
    .from(r)
    .leftJoin(a, and(eq(a.registrationId, r.id), eq(a.sessionId, session.id)))
    .leftJoin(users, eq(users.id, a.recordedBy))
    .where(and(eq(r.eventId, event.id), sql`(${r.status} = 'registered' or ${a.present} is not null)`))
    .orderBy(sql`${r.erasedAt} is not null`, asc(sql`lower(coalesce(${registrantName}, ''))`), asc(r.id));
  const last = rows.filter((x) => x.recordedAt).sort((x, y) => (y.recordedAt?.getTime() ?? 0) - (x.recordedAt?.getTime() ?? 0))[0];
  return {
    event: { id: event.id, title: event.title },
    session: {
      id: session.id,
      title: session.title,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      place: session.place,
      hours: sessionHours(session.startsAt, session.endsAt),
      started: session.startsAt.getTime() <= Date.now(),
    },
    rows: rows.map((x) => ({
      registrationId: x.registrationId,
      fullName: x.erasedAt ? null : x.fullName,
      organizationName: x.erasedAt ? null : x.organizationName,
      erased: x.erasedAt != null,
      present: x.present,
      recordedAt: x.recordedAt?.toISOString() ?? null,
      recordedBy: x.recorderId != null ? { id: x.recorderId, name: x.recorderName ?? '' } : null,
    })),
    lastRecordedAt: last?.recordedAt?.toISOString() ?? null,
    lastRecordedBy: last?.recorderId != null ? { id: last.recorderId, name: last.recorderName ?? '' } : null,
  };
}

/**
 * Records who was present at a session; organisers only, once the session has started, for registrations of this
 * event that hold a seat. Every entry is checked first and all problems are reported together; nothing is written
 * unless all are right. One audit entry per recording, with what changed, in the same transaction.
 */
export async function recordSessionAttendance(ctx: Ctx, eventId: number, sessionId: number, body: z.infer<typeof attendanceBody>) {
  await ctx.db.transaction(async (tx) => {
    const { row: event, actor } = await loadOrganizedEvent(tx, ctx, eventId);
    const session = await loadSession(tx, event.id, sessionId, false);
    if (event.status === 'cancelled') throw new AppError('conflict', 'attendance_event_cancelled');
    if (session.startsAt.getTime() > Date.now()) throw new AppError('conflict', 'attendance_session_not_started', { startsAt: session.startsAt.toISOString() });

    const ids = [...new Set(body.entries.map((e) => e.registrationId))];
    const found = new Map(
      (
        await tx
          .select({ id: eventRegistrations.id, eventId: eventRegistrations.eventId, status: eventRegistrations.status, fullName: registrantName })
          .from(eventRegistrations)
          .where(inArray(eventRegistrations.id, ids))
      ).map((r) => [r.id, r]),
    );
    const issues: FieldIssue[] = [];
    const seen = new Set<number>();
    body.entries.forEach((entry, i) => {
      const field = `entries.${i}.registrationId`;
      const reg = found.get(entry.registrationId);
      const issue = (code: string, params: Record<string, string | number> = {}) => issues.push({ field, code, message: translate(code, ctx.lang, { id: entry.registrationId, ...params }) });
      if (seen.has(entry.registrationId)) issue('attendance_duplicate');
      else if (!reg || reg.eventId !== event.id) issue('attendance_registration_not_of_event');
      else if (reg.status === 'waiting') issue('attendance_registration_waiting', { name: reg.fullName ?? `#${reg.id}` });
      else if (reg.status === 'cancelled') issue('attendance_registration_cancelled', { name: reg.fullName ?? `#${reg.id}` });
      seen.add(entry.registrationId);
    });
    if (issues.length) throw invalidFields(issues);

    const before = await tx
      .select({ registrationId: eventAttendance.registrationId, present: eventAttendance.present })
      .from(eventAttendance)
      .where(and(eq(eventAttendance.sessionId, session.id), inArray(eventAttendance.registrationId, ids)));
    const now = new Date();
    await tx
      .insert(eventAttendance)
      .values(body.entries.map((e) => ({ sessionId: session.id, registrationId: e.registrationId, present: e.present, recordedBy: actor.id, recordedAt: now })))
      .onConflictDoUpdate({
        target: [eventAttendance.sessionId, eventAttendance.registrationId],
        set: { present: sql`excluded.present`, recordedBy: sql`excluded.recorded_by`, recordedAt: sql`excluded.recorded_at` },
      });
    const split = (list: { registrationId: number; present: boolean }[]) => ({
      present: list.filter((x) => x.present).map((x) => x.registrationId).sort((a, b) => a - b),
      absent: list.filter((x) => !x.present).map((x) => x.registrationId).sort((a, b) => a - b),
    });
    await recordAudit(tx, ctx, {
      action: 'record_attendance',
      entityType: 'event_session',
      entityId: session.id,
      before: { eventId: event.id, ...split(before) },
      after: { eventId: event.id, ...split(body.entries) },
      ...auditPlaceOf(event),
    });
  });
  return getSessionAttendance(ctx, eventId, sessionId);
}


/** How many registrations have a record per session of the event. */
export async function countRecordedBySession(db: DbOrTx, eventId: number) {
  const rows = await db
    .select({ sessionId: eventAttendance.sessionId, n: sql<number>`count(*)::int` })
    .from(eventAttendance)
    .innerJoin(eventSessions, eq(eventSessions.id, eventAttendance.sessionId))
    .where(eq(eventSessions.eventId, eventId))
    .groupBy(eventAttendance.sessionId)
    .orderBy(desc(eventAttendance.sessionId));
  return new Map(rows.map((r) => [r.sessionId, r.n]));
}
