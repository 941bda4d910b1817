import { sessionCreateBody, type sessionUpdateBody } from '@mosaico/contracts/events';
import { and, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, invalidFields, requireVersion, versionConflict } from '../../platform/http/errors.ts';
import { toFieldIssues } from '../../platform/http/validation.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireActor } from '../auth/scope.ts';
import { auditPlaceOf, loadOrganizedEvent } from './event-access.ts';
import { eventAttendance, eventSessions } from './events.schema.ts';
import { presentSession, type SessionRow } from './events.queries.ts';

// Sessions of an event: kept by its organisers, with agenda before and minutes after.

/** A session of that event (one of another event is not found here), locked for the transaction unless `lock` is false. */
export async function loadSession(tx: DbOrTx, eventId: number, id: number, lock = true): Promise<SessionRow> {
  const query = tx.select().from(eventSessions).where(and(eq(eventSessions.id, id), eq(eventSessions.eventId, eventId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'event_session_not_found', { id });
  return row;
}

/** Adds a session to an event; its organisers. */
export async function createSession(ctx: Ctx, eventId: number, body: z.infer<typeof sessionCreateBody>) {
  requireActor(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const { row: e } = await loadOrganizedEvent(tx, ctx, eventId);
    if (e.status === 'cancelled') throw new AppError('conflict', 'event_cancelled');
    const [row] = await tx
      .insert(eventSessions)
      .values({ eventId, title: body.title, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt), place: body.place, onlineUrl: body.onlineUrl, capacity: body.capacity, agenda: body.agenda, minutes: body.minutes })
      .returning();
    const after = presentSession(row);
    await recordAudit(tx, ctx, { action: 'create_session', entityType: 'event', entityId: eventId, after, ...auditPlaceOf(e) });
    return after;
  });
}

/** Changes a session at the version read (times, place, agenda, minutes); the event's organisers. */
export async function updateSession(ctx: Ctx, eventId: number, sessionId: number, patch: z.infer<typeof sessionUpdateBody>, ifMatch?: number) {
  requireActor(ctx.actor);
  const version = requireVersion(ctx.lang, patch.version, ifMatch);
  return ctx.db.transaction(async (tx) => {
    const { row: e } = await loadOrganizedEvent(tx, ctx, eventId);
    const row = await loadSession(tx, eventId, sessionId);
    if (row.version !== version) throw versionConflict(row.version);
    const before = presentSession(row);
    const { version: _v, ...changes } = patch;
    const stored = { title: before.title, startsAt: before.startsAt, endsAt: before.endsAt, place: before.place, onlineUrl: before.onlineUrl, capacity: before.capacity, agenda: before.agenda, minutes: before.minutes };
    // The merged session is checked whole: a new end must still follow the stored start, and so on.
    const merged = sessionCreateBody.safeParse({ ...stored, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) }, { reportInput: true });
    if (!merged.success) throw invalidFields(toFieldIssues(merged.error.issues, ctx.lang));
    const b = merged.data;
    const [updated] = await tx
      .update(eventSessions)
      .set({ title: b.title, startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt), place: b.place, onlineUrl: b.onlineUrl, capacity: b.capacity, agenda: b.agenda, minutes: b.minutes, version: sql`${eventSessions.version} + 1`, updatedAt: new Date() })
      .where(eq(eventSessions.id, sessionId))
      .returning();
    const after = presentSession(updated);
    await recordAudit(tx, ctx, { action: 'update_session', entityType: 'event', entityId: eventId, before, after, ...auditPlaceOf(e) });
    return after;
  });
}

/**
 * Deletes a session at the version read; the event's organisers. A session with attendance recorded is kept: its
 * hours already count for people.
 */
export async function deleteSession(ctx: Ctx, eventId: number, sessionId: number, version?: number) {
  requireActor(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const { row: e } = await loadOrganizedEvent(tx, ctx, eventId);
    const row = await loadSession(tx, eventId, sessionId);
    if (row.version !== requireVersion(ctx.lang, version)) throw versionConflict(row.version);
    const [{ n }] = await tx.select({ n: count() }).from(eventAttendance).where(eq(eventAttendance.sessionId, sessionId));
    if (n) throw new AppError('conflict', 'event_session_has_attendance', { n });
    await tx.delete(eventSessions).where(eq(eventSessions.id, sessionId));
    await recordAudit(tx, ctx, { action: 'delete_session', entityType: 'event', entityId: eventId, before: presentSession(row), ...auditPlaceOf(e) });
  });
}
