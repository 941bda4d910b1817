import { defaultBaseUrl } from '../users/users.service.ts';
import type { registrationBody } from '@mosaico/contracts/events';
import { and, asc, count, eq, inArray, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { users } from '../users/users.schema.ts';
import { eraseCertificateHolder } from './certificates.service.ts';
import { auditPlaceOf, type EventRow, loadOrganizedEvent, loadReadableEvent } from './event-access.ts';
import { promotionMail } from './event-mails.ts';
import { canOrganizeEvent } from './events.policy.ts';
import { eventRegistrations, eventSessions, events } from './events.schema.ts';
import { sessionsOf } from './events.queries.ts';

// Registrations: seats, the waiting list in order of registration, cancellation with promotion, and the external
// participants' personal data (visible to organisers only, exported and erased on request).

type RegistrationRow = typeof eventRegistrations.$inferSelect;
type Body = z.infer<typeof registrationBody>;

/** What the audit keeps of a registration: never a name or an address, so an erasure leaves nothing behind. */
const auditView = (r: RegistrationRow) => ({ registrationId: r.id, kind: r.userId != null ? 'user' : 'external', userId: r.userId, status: r.status, erased: r.erasedAt != null });

const waitingOrder = [asc(eventRegistrations.createdAt), asc(eventRegistrations.id)];

/** Registrations as organisers see them, with each waiting person's place in the queue. */
async function present(db: DbOrTx, rows: RegistrationRow[]) {
  const userIds = [...new Set(rows.map((r) => r.userId).filter((id): id is number => id != null))];
  const people = new Map((userIds.length ? await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, userIds)) : []).map((u) => [u.id, u]));
  const queues = new Map<number, number[]>();
  const eventIds = [...new Set(rows.filter((r) => r.status === 'waiting').map((r) => r.eventId))];
  for (const eventId of eventIds) {
    const waiting = await db.select({ id: eventRegistrations.id }).from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'waiting'))).orderBy(...waitingOrder);
    queues.set(eventId, waiting.map((w) => w.id));
  }
  return rows.map((r) => ({
    id: r.id,
    eventId: r.eventId,
    kind: (r.userId != null ? 'user' : 'external') as 'user' | 'external',
    user: r.userId != null ? (people.get(r.userId) ?? null) : null,
    fullName: r.fullName,
    organizationName: r.organizationName,
    email: r.email,
    consentAt: r.consentAt?.toISOString() ?? null,
    status: r.status,
    position: r.status === 'waiting' ? (queues.get(r.eventId)?.indexOf(r.id) ?? -1) + 1 : null,
    createdAt: r.createdAt.toISOString(),
    erasedAt: r.erasedAt?.toISOString() ?? null,
  }));
}

async function seatsTaken(db: DbOrTx, eventId: number) {
  const [{ n }] = await db.select({ n: count() }).from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'registered')));
  return n;
}

async function queueMailTo(tx: DbOrTx, ctx: Ctx, e: EventRow, r: RegistrationRow) {
  const to = r.userId != null ? (await tx.select({ email: users.email }).from(users).where(eq(users.id, r.userId)))[0]?.email : r.email;
  if (!to) return;
  await ctx.mailer.queue(tx, promotionMail(to, e, await sessionsOf(tx, [e.id]), eventLink(ctx, e.id)));
}

export const eventLink = (ctx: Ctx, id: number) => `${defaultBaseUrl(ctx.config).replace(/\/$/, '')}/eventi/${id}`;

/**
 * Gives free seats to the people waiting, first come first served, inside the caller's transaction (the event row
 * locked); each promoted person is told by e-mail. Returns the promoted registrations' ids.
 */
export async function promoteWaiting(tx: DbOrTx, ctx: Ctx, e: EventRow): Promise<number[]> {
  // A seat freed on a cancelled event, or once its last session is over, is nobody's to take: no "seat confirmed" mail.
  if (e.status === 'cancelled' || (await hasEnded(tx, e.id))) return [];
  const free = e.capacity == null ? Number.POSITIVE_INFINITY : e.capacity - (await seatsTaken(tx, e.id));
  if (free <= 0) return [];
  const query = tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, e.id), eq(eventRegistrations.status, 'waiting'))).orderBy(...waitingOrder);
  const next = Number.isFinite(free) ? await query.limit(free) : await query;
  for (const r of next) {
    await tx.update(eventRegistrations).set({ status: 'registered', updatedAt: new Date() }).where(eq(eventRegistrations.id, r.id));
    await queueMailTo(tx, ctx, e, r);
    await recordAudit(tx, ctx, { action: 'promote_registration', entityType: 'event', entityId: e.id, before: auditView(r), after: { ...auditView(r), status: 'registered' }, ...auditPlaceOf(e) });
  }
  return next.map((r) => r.id);
}

async function hasEnded(tx: DbOrTx, eventId: number): Promise<boolean> {
  const [last] = await tx.select({ endsAt: max(eventSessions.endsAt) }).from(eventSessions).where(eq(eventSessions.eventId, eventId));
  return last?.endsAt != null && last.endsAt.getTime() <= Date.now();
}

/** A 409 naming who is already registered. */
function duplicate(existing: RegistrationRow, who: string): AppError {
  return new AppError('conflict', existing.status === 'waiting' ? 'event_registration_duplicate_waiting' : 'event_registration_duplicate', { who });
}

/** The existing registration of the same person (by user, by e-mail, or a user's e-mail given as an external one). */
async function findSamePerson(tx: DbOrTx, eventId: number, person: { userId: number | null; email: string | null }) {
  const r = eventRegistrations;
  const rows = await tx
    .select({ reg: r, userEmail: users.email })
    .from(r)
    .leftJoin(users, eq(users.id, r.userId))
    .where(
      and(
        eq(r.eventId, eventId),
        person.userId != null
          ? sql`(${r.userId} = ${person.userId} or lower(${r.email}) = ${person.email})`
          : sql`(lower(${r.email}) = ${person.email} or lower(${users.email}) = ${person.email})`,
      ),
    );
  return rows.map((x) => x.reg);
}

/**
 * Registers a person: the caller themself (a published event with open registration they read, not over yet), or
 * — organisers only — a platform user or an external participant who consented. Over capacity the registration
 * waits. A cancelled registration of the same person is taken up again, at the end of the queue.
 */
export async function registerToEvent(ctx: Ctx, eventId: number, body: Body) {
  const { actor } = await loadReadableEvent(ctx, eventId);
  return ctx.db.transaction(async (tx) => {
    const [e] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
    const organiser = canOrganizeEvent(actor, e);
    if (body.kind !== 'self' && !organiser) throw new AppError('forbidden', 'forbidden');
    if (e.status === 'cancelled') throw new AppError('conflict', 'event_cancelled');
    let person: { userId: number | null; email: string | null; who: string; fullName: string | null; organizationName: string | null };
    if (body.kind === 'external') {
      person = { userId: null, email: body.email, who: body.email, fullName: body.fullName, organizationName: body.organizationName };
    } else {
      const userId = body.kind === 'self' ? actor.id : body.userId;
      const [u] = userId != null ? await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId)) : [];
      if (!u) throw fieldError(ctx.lang, 'event_user_not_found', 'userId', { id: userId ?? 0 });
      person = { userId: u.id, email: u.email.toLowerCase(), who: u.name, fullName: null, organizationName: null };
    }
    if (body.kind === 'self') await assertSelfRegistrationOpen(tx, e);
    const same = await findSamePerson(tx, eventId, person);
    const active = same.find((r) => r.status !== 'cancelled');
    if (active) throw duplicate(active, person.who);
    const status = e.capacity != null && (await seatsTaken(tx, eventId)) >= e.capacity ? ('waiting' as const) : ('registered' as const);
    const now = new Date();
    const values = {
      status,
      fullName: person.fullName,
      organizationName: person.organizationName,
      email: person.userId != null ? null : person.email,
      consentAt: body.kind === 'external' ? now : null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
      erasedAt: null,
    };
    const reused = same.find((r) => r.userId === person.userId && (person.userId != null || r.email != null));
    const [row] = reused
      ? await tx.update(eventRegistrations).set(values).where(eq(eventRegistrations.id, reused.id)).returning()
      : await tx.insert(eventRegistrations).values({ eventId, userId: person.userId, ...values }).returning();
    await recordAudit(tx, ctx, { action: 'register', entityType: 'event', entityId: eventId, before: reused ? auditView(reused) : undefined, after: auditView(row), ...auditPlaceOf(e) });
    return (await present(tx, [row]))[0];
  });
}

async function assertSelfRegistrationOpen(tx: DbOrTx, e: EventRow) {
  if (e.status !== 'published' || !e.registrationOpen) throw new AppError('conflict', 'event_registration_closed');
  const sessions = await sessionsOf(tx, [e.id]);
  if (sessions.length && Math.max(...sessions.map((s) => s.endsAt.getTime())) < Date.now()) throw new AppError('conflict', 'event_over');
}

/**
 * The registrations of an event, seats first then the waiting list in order, then cancellations: organisers see
 * everyone; any other reader only their own registration.
 */
export async function listRegistrations(ctx: Ctx, eventId: number) {
  const { actor, row: e } = await loadReadableEvent(ctx, eventId);
  const organiser = canOrganizeEvent(actor, e);
  const r = eventRegistrations;
  const rows = await ctx.db
    .select()
    .from(r)
    .where(and(eq(r.eventId, eventId), organiser ? undefined : eq(r.userId, actor.id ?? -1)))
    .orderBy(sql`case ${r.status} when 'registered' then 0 when 'waiting' then 1 else 2 end`, ...waitingOrder);
  const counts = { registered: rows.filter((x) => x.status === 'registered').length, waiting: rows.filter((x) => x.status === 'waiting').length };
  if (!organiser) Object.assign(counts, { registered: await seatsTaken(ctx.db, eventId), waiting: 0 });
  return { items: await present(ctx.db, rows), registeredCount: counts.registered, waitingCount: counts.waiting, capacity: e.capacity };
}

async function loadRegistration(tx: DbOrTx, eventId: number, id: number) {
  const [row] = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.id, id), eq(eventRegistrations.eventId, eventId))).for('update');
  if (!row) throw new AppError('not_found', 'event_registration_not_found', { id });
  return row;
}

/**
 * Cancels a registration — its organisers, or the registered user themself. A freed seat goes to the first person
 * waiting, in the same transaction.
 */
export async function cancelRegistration(ctx: Ctx, eventId: number, registrationId: number) {
  const { actor } = await loadReadableEvent(ctx, eventId);
  return ctx.db.transaction(async (tx) => {
    const [e] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
    const row = await loadRegistration(tx, eventId, registrationId);
    if (!canOrganizeEvent(actor, e) && (actor.id == null || row.userId !== actor.id)) throw new AppError('forbidden', 'forbidden');
    if (row.status === 'cancelled') throw new AppError('conflict', 'event_registration_already_cancelled');
    const [cancelled] = await tx.update(eventRegistrations).set({ status: 'cancelled', updatedAt: new Date() }).where(eq(eventRegistrations.id, row.id)).returning();
    await recordAudit(tx, ctx, { action: 'cancel_registration', entityType: 'event', entityId: eventId, before: auditView(row), after: auditView(cancelled), ...auditPlaceOf(e) });
    const promotedIds = await promoteWaiting(tx, ctx, e);
    const promoted = promotedIds.length ? await tx.select().from(eventRegistrations).where(inArray(eventRegistrations.id, promotedIds)).orderBy(...waitingOrder) : [];
    const visible = canOrganizeEvent(actor, e) ? promoted : [];
    const [c, ...p] = await present(tx, [cancelled, ...visible]);
    return { cancelled: c, promoted: p };
  });
}

/**
 * Erases an external participant's personal data on request — organisers only. Name, organisation and e-mail are
 * blanked and the moment recorded; the row stays, so attendance and hours remain as anonymous counts.
 */
export async function eraseRegistration(ctx: Ctx, eventId: number, registrationId: number) {
  return ctx.db.transaction(async (tx) => {
    const { row: e } = await loadOrganizedEvent(tx, ctx, eventId);
    const row = await loadRegistration(tx, eventId, registrationId);
    if (row.userId != null) throw new AppError('conflict', 'event_registration_not_external');
    if (row.erasedAt) throw new AppError('conflict', 'event_registration_already_erased');
    const [erased] = await tx
      .update(eventRegistrations)
      .set({ fullName: null, organizationName: null, email: null, erasedAt: new Date(), updatedAt: new Date() })
      .where(eq(eventRegistrations.id, row.id))
      .returning();
    await eraseCertificateHolder(tx, row.id);
    await recordAudit(tx, ctx, { action: 'erase_registration', entityType: 'event', entityId: eventId, before: auditView(row), after: auditView(erased), ...auditPlaceOf(e) });
    return (await present(tx, [erased]))[0];
  });
}

/** The export of an event's participants (organisers only): the personal data kept, as a spreadsheet reads it. */
export async function exportRegistrations(ctx: Ctx, eventId: number) {
  const { actor, row: e } = await loadReadableEvent(ctx, eventId);
  if (!canOrganizeEvent(actor, e)) throw new AppError('forbidden', 'forbidden');
  const { items } = await listRegistrations(ctx, eventId);
  return { event: e, items };
}
