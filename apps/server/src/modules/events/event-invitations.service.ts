import type { invitationBody } from '@mosaico/contracts/events';
import { desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireActor } from '../auth/scope.ts';
import { users } from '../users/users.schema.ts';
import { auditPlaceOf, loadOrganizedEvent } from './event-access.ts';
import { invitationMail } from './event-mails.ts';
import { eventLink } from './event-registrations.service.ts';
import { eventInvitations } from './event-invitations.schema.ts';
import { sessionsOf } from './events.queries.ts';

/**
 * Invites people to a published event by e-mail — addresses and platform users, each once per sending; its
 * organisers. The mails go to the outbox in the same transaction as the record of who was invited.
 */
export async function inviteToEvent(ctx: Ctx, eventId: number, body: z.infer<typeof invitationBody>) {
  requireActor(ctx.actor);
  const sent = await ctx.db.transaction(async (tx) => {
    const { actor, row: e } = await loadOrganizedEvent(tx, ctx, eventId);
    if (e.status !== 'published') throw new AppError('conflict', 'event_invite_not_published');
    const found = body.userIds.length ? await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, body.userIds)) : [];
    const missing = body.userIds.find((id) => !found.some((u) => u.id === id));
    if (missing != null) throw fieldError(ctx.lang, 'event_user_not_found', 'userIds', { id: missing });
    const recipients = new Map<string, number | null>();
    for (const u of found) recipients.set(u.email.toLowerCase(), u.id);
    for (const email of body.emails) if (!recipients.has(email)) recipients.set(email, null);
    const sessions = await sessionsOf(tx, [eventId]);
    const link = eventLink(ctx, eventId);
    for (const [email, userId] of recipients) {
      await tx.insert(eventInvitations).values({ eventId, email, userId, invitedBy: actor.id });
      await ctx.mailer.queue(tx, invitationMail(email, e, sessions, link, body.message));
    }
    // The audit counts the invitations; the addresses stay in the invitations table, which organisers alone read.
    await recordAudit(tx, ctx, { action: 'invite', entityType: 'event', entityId: eventId, after: { invited: recipients.size, users: found.length }, ...auditPlaceOf(e) });
    return recipients.size;
  });
  await ctx.mailer.deliverPending(ctx.db);
  return { sent };
}

/** Who was invited to an event, newest first; its organisers. */
export async function listInvitations(ctx: Ctx, eventId: number) {
  requireActor(ctx.actor);
  await ctx.db.transaction((tx) => loadOrganizedEvent(tx, ctx, eventId));
  const invitee = alias(users, 'invitee');
  const rows = await ctx.db
    .select({ id: eventInvitations.id, email: eventInvitations.email, userId: invitee.id, userName: invitee.name, byId: users.id, byName: users.name, invitedAt: eventInvitations.invitedAt })
    .from(eventInvitations)
    .leftJoin(invitee, eq(invitee.id, eventInvitations.userId))
    .leftJoin(users, eq(users.id, eventInvitations.invitedBy))
    .where(eq(eventInvitations.eventId, eventId))
    .orderBy(desc(eventInvitations.invitedAt), desc(eventInvitations.id));
  return {
    items: rows.map((r) => ({
      id: r.id,
      email: r.email,
      user: r.userId != null ? { id: r.userId, name: r.userName ?? '' } : null,
      invitedBy: r.byId != null ? { id: r.byId, name: r.byName ?? '' } : null,
      invitedAt: r.invitedAt.toISOString(),
    })),
  };
}
