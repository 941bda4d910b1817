import { and, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { countRecordedBySession } from './attendance.service.ts';
import { sessionsOf } from './events.queries.ts';
import { type EventRow, loadOrganizedEvent } from './event-access.ts';
import { eventCertificates } from './certificates.schema.ts';
import { attendancePercent, reachesThreshold, sessionHours } from './event-hours.ts';
import { type HoursSqlRow, selectHours } from './event-hours.queries.ts';

export interface PersonHours extends Omit<HoursSqlRow, 'eventId'> {
  percent: number;
  eligible: boolean;
}

/** One row of the SQL with the rules of hours applied; erased people keep their hours but lose their name. */
export function toPersonHours(r: HoursSqlRow, threshold: number | null): PersonHours {
  return {
    registrationId: r.registrationId,
    fullName: r.erased ? null : r.fullName,
    organizationName: r.erased ? null : r.organizationName,
    erased: r.erased,
    userId: r.userId,
    sessionsAttended: r.sessionsAttended,
    hoursAttended: r.hoursAttended,
    totalHours: r.totalHours,
    percent: attendancePercent(r.hoursAttended, r.totalHours),
    eligible: reachesThreshold(r.hoursAttended, r.totalHours, threshold),
  };
}

/** Hours per person of one event (no policy: callers have checked the organiser). */
export async function computeEventHours(db: DbOrTx, event: EventRow): Promise<PersonHours[]> {
  return (await selectHours(db, [event.id])).map((r) => toPersonHours(r, event.certificateThreshold));
}

/** Live certificate codes by registration, for the hours table. */
export async function liveCertificateCodes(db: DbOrTx, registrationIds: number[]) {
  if (!registrationIds.length) return new Map<number, string>();
  const rows = await db
    .select({ registrationId: eventCertificates.registrationId, code: eventCertificates.code })
    .from(eventCertificates)
    .where(and(inArray(eventCertificates.registrationId, registrationIds), isNull(eventCertificates.revokedAt)));
  return new Map(rows.map((r) => [r.registrationId, r.code]));
}

/** Hours per person of an event, with its sessions and total hours; organisers only. */
export async function getEventHours(ctx: Ctx, eventId: number) {
  const { row: event } = await loadOrganizedEvent(ctx.db, ctx, eventId, false);
  const sessions = await sessionsOf(ctx.db, [event.id]);
  const recorded = await countRecordedBySession(ctx.db, event.id);
  const people = await computeEventHours(ctx.db, event);
  const codes = await liveCertificateCodes(
    ctx.db,
    people.map((p) => p.registrationId),
  );
  const totalHours = Math.round(sessions.reduce((sum, s) => sum + sessionHours(s.startsAt, s.endsAt), 0) * 100) / 100;
  return {
    event: { id: event.id, title: event.title, kind: event.kind, certificateThreshold: event.certificateThreshold },
    totalHours,
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      hours: sessionHours(s.startsAt, s.endsAt),
      recorded: recorded.get(s.id) ?? 0,
    })),
    rows: people.map((p) => ({
      registrationId: p.registrationId,
      fullName: p.fullName,
      organizationName: p.organizationName,
      erased: p.erased,
      sessionsAttended: p.sessionsAttended,
      hoursAttended: p.hoursAttended,
      percent: p.percent,
      eligible: p.eligible,
      certificateCode: codes.get(p.registrationId) ?? null,
    })),
  };
}

