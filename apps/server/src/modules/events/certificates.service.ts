import type { issueCertificatesBody } from '@mosaico/contracts/attendance';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, type FieldIssue, invalidFields } from '../../platform/http/errors.ts';
import { translate } from '../../platform/http/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireActor } from '../auth/scope.ts';
import { users } from '../users/users.schema.ts';
import { auditPlaceOf, loadOrganizedEvent } from './event-access.ts';
import { formatCertificateCode, generateCertificateCode, maskHolderName, normaliseCertificateCode } from './certificates.code.ts';
import { eventCertificates } from './certificates.schema.ts';
import { computeEventHours } from './event-hours.service.ts';
import { canOrganizeEvent } from './events.policy.ts';
import { eventRegistrations, eventSessions, events } from './events.schema.ts';

type CertificateRow = typeof eventCertificates.$inferSelect;
const ANONYMISED = 'Partecipante anonimizzato';

async function presentCertificates(db: DbOrTx, rows: CertificateRow[]) {
  const issuerIds = [...new Set(rows.map((r) => r.issuedBy).filter((id): id is number => id != null))];
  const issuers = new Map(issuerIds.length ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, issuerIds))).map((u) => [u.id, u.name]) : []);
  const erased = new Set(
    rows.length
      ? (
          await db
            .select({ id: eventRegistrations.id })
            .from(eventRegistrations)
            .where(and(inArray(eventRegistrations.id, rows.map((r) => r.registrationId)), isNotNull(eventRegistrations.erasedAt)))
        ).map((r) => r.id)
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    code: formatCertificateCode(r.code),
    registrationId: r.registrationId,
    holderName: erased.has(r.registrationId) ? ANONYMISED : r.holderName,
    hours: r.hours,
    percent: r.percent,
    issuedAt: r.issuedAt.toISOString(),
    issuedBy: r.issuedBy != null ? { id: r.issuedBy, name: issuers.get(r.issuedBy) ?? '' } : null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokeReason: r.revokeReason,
  }));
}

/** Every certificate of an event, live and revoked, newest first; organisers only. */
export async function listCertificates(ctx: Ctx, eventId: number) {
  const { row: event } = await loadOrganizedEvent(ctx.db, ctx, eventId, false);
  const rows = await ctx.db.select().from(eventCertificates).where(eq(eventCertificates.eventId, event.id)).orderBy(asc(eventCertificates.holderName), desc(eventCertificates.id));
  return { items: await presentCertificates(ctx.db, rows) };
}

/**
 * Issues certificates of attendance; organisers only, for events with a threshold. Without a list: to everyone
 * eligible who has no live certificate. With a list: to those named, every one of whom must be eligible — one who
 * is not is named with their hours and nothing is issued. The event row is locked so two clicks issue once.
 */
export async function issueCertificates(ctx: Ctx, eventId: number, body: z.infer<typeof issueCertificatesBody>) {
  return ctx.db.transaction(async (tx) => {
    const { row: event, actor } = await loadOrganizedEvent(tx, ctx, eventId);
    await tx.select({ id: events.id }).from(events).where(eq(events.id, event.id)).for('update');
    if (event.certificateThreshold == null) throw new AppError('conflict', 'certificates_not_offered');
    const people = await computeEventHours(tx, event);
    const live = new Set(
      (
        await tx
          .select({ registrationId: eventCertificates.registrationId })
          .from(eventCertificates)
          .where(and(eq(eventCertificates.eventId, event.id), isNull(eventCertificates.revokedAt)))
      ).map((r) => r.registrationId),
    );
    let chosen = people.filter((p) => p.eligible && !p.erased && !live.has(p.registrationId));
    if (body.registrationIds) {
      const byId = new Map(people.map((p) => [p.registrationId, p]));
      const issues: FieldIssue[] = [];
      body.registrationIds.forEach((id, i) => {
        const p = byId.get(id);
        const issue = (code: string, params: Record<string, string | number> = {}) => issues.push({ field: `registrationIds.${i}`, code, message: translate(code, ctx.lang, { id, ...params }) });
        if (!p) issue('certificate_registration_not_of_event');
        else if (p.erased) issue('certificate_registration_erased');
        else if (!p.eligible)
          issue('certificate_not_eligible', { name: p.fullName ?? `#${id}`, hours: fmt(p.hoursAttended), total: fmt(p.totalHours), percent: fmt(p.percent), threshold: event.certificateThreshold ?? 0 });
      });
      if (issues.length) throw invalidFields(issues);
      const wanted = new Set(body.registrationIds);
      chosen = chosen.filter((p) => wanted.has(p.registrationId));
    }
    const issued: CertificateRow[] = [];
    for (const p of chosen) {
      const [row] = await tx
        .insert(eventCertificates)
        .values({ code: generateCertificateCode(), eventId: event.id, registrationId: p.registrationId, holderName: p.fullName ?? '', hours: p.hoursAttended, totalHours: p.totalHours, percent: p.percent, issuedBy: actor.id })
        .returning();
      issued.push(row);
      await recordAudit(tx, ctx, {
        action: 'issue_certificate',
        entityType: 'event_certificate',
        entityId: row.id,
        after: { eventId: event.id, registrationId: p.registrationId, hours: p.hoursAttended, totalHours: p.totalHours, percent: p.percent },
        ...auditPlaceOf(event),
      });
    }
    const alreadyIssued = people.filter((p) => live.has(p.registrationId) && (!body.registrationIds || body.registrationIds.includes(p.registrationId))).length;
    return { issued: await presentCertificates(tx, issued), alreadyIssued };
  });
}

const fmt = (n: number) => String(n).replace('.', ',');

async function loadByCode(db: DbOrTx, typed: string) {
  const code = normaliseCertificateCode(typed);
  const [row] = code ? await db.select().from(eventCertificates).where(eq(eventCertificates.code, code)) : [];
  if (!row) throw new AppError('not_found', 'certificate_not_found', { code: typed });
  const [event] = await db.select().from(events).where(eq(events.id, row.eventId));
  const [span] = await db
    .select({ first: sql<Date | null>`min(${eventSessions.startsAt})`, last: sql<Date | null>`max(${eventSessions.endsAt})` })
    .from(eventSessions)
    .where(eq(eventSessions.eventId, event.id));
  const toIso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());
  return { row, event, firstAt: toIso(span?.first ?? null), lastAt: toIso(span?.last ?? null) };
}

/**
 * What anyone may learn from a code (public, rate-limited): whether it is valid or revoked, the event, dates and
 * hours, the issuer and the holder masked to first name and initial. Read from the database every time.
 */
export async function verifyCertificate(ctx: Ctx, typed: string) {
  const { row, event, firstAt, lastAt } = await loadByCode(ctx.db, typed);
  const [reg] = await ctx.db.select({ erasedAt: eventRegistrations.erasedAt }).from(eventRegistrations).where(eq(eventRegistrations.id, row.registrationId));
  return {
    code: formatCertificateCode(row.code),
    valid: row.revokedAt == null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    holder: reg?.erasedAt ? ANONYMISED : maskHolderName(row.holderName),
    eventTitle: event.title,
    eventKind: event.kind,
    issuer: event.organizerName,
    firstDate: firstAt,
    lastDate: lastAt,
    hours: row.hours,
    totalHours: row.totalHours,
    issuedAt: row.issuedAt.toISOString(),
  };
}

/** A certificate with what its PDF prints; its event's organisers and its holder (the registered user) only. */
export async function loadCertificateForPdf(ctx: Ctx, typed: string) {
  const actor = requireActor(ctx.actor);
  const found = await loadByCode(ctx.db, typed);
  const [reg] = await ctx.db.select({ userId: eventRegistrations.userId, erasedAt: eventRegistrations.erasedAt }).from(eventRegistrations).where(eq(eventRegistrations.id, found.row.registrationId));
  const isHolder = actor.id != null && reg?.userId === actor.id;
  if (!isHolder && !canOrganizeEvent(actor, found.event)) throw new AppError('forbidden', 'forbidden');
  if (reg?.erasedAt) throw new AppError('conflict', 'certificate_holder_erased');
  return found;
}

/** Revokes a live certificate with the reason; its event's organisers only. The public page then shows it as revoked. */
export async function revokeCertificate(ctx: Ctx, typed: string, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const { row } = await loadByCode(tx, typed);
    const { row: event, actor } = await loadOrganizedEvent(tx, ctx, row.eventId);
    if (row.revokedAt) throw new AppError('conflict', 'certificate_already_revoked', { code: formatCertificateCode(row.code) });
    const [updated] = await tx
      .update(eventCertificates)
      .set({ revokedAt: new Date(), revokedBy: actor.id, revokeReason: reason })
      .where(and(eq(eventCertificates.id, row.id), isNull(eventCertificates.revokedAt)))
      .returning();
    if (!updated) throw new AppError('conflict', 'certificate_already_revoked', { code: formatCertificateCode(row.code) });
    await recordAudit(tx, ctx, {
      action: 'revoke_certificate',
      entityType: 'event_certificate',
      entityId: row.id,
      before: { revokedAt: null },
      after: { revokedAt: updated.revokedAt, reason },
      ...auditPlaceOf(event),
    });
    return (await presentCertificates(tx, [updated]))[0];
  });
}

/**
 * Blanks the holder's name on the certificates of an erased registration (called by the registration's erasure,
 * in its transaction): the certificates stay, verifiable, as an anonymised participant's.
 */
export async function eraseCertificateHolder(tx: DbOrTx, registrationId: number) {
  await tx.update(eventCertificates).set({ holderName: '' }).where(eq(eventCertificates.registrationId, registrationId));
}
