import { createHash, randomBytes } from 'node:crypto';
import type { invitationCreateBody } from '@mosaico/contracts/questionnaires';
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertCanKeep, canKeepPlace, requireKeeper } from '../auth/place-policy.ts';
import { eventRegistrations } from '../events/events.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { users } from '../users/users.schema.ts';
import { isAnswerable, loadQuestionnaireRow, loadReadableQuestionnaire, notAnswerable, type QuestionnaireRow } from './questionnaires.service.ts';
import { questionnaireInvitations, questionnaireResponses } from './questionnaires.schema.ts';

/** A one-time link's token: 32 random bytes, URL-safe. Only its hash is stored. */
export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const answerLink = (baseUrl: string, token: string) => `${baseUrl.replace(/\/$/, '')}/questionari/rispondi/${token}`;

interface Recipient {
  email: string;
  userId: number | null;
  organizationId: number | null;
}

const italianDate = (d: Date) => d.toLocaleDateString('it-IT', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Rome' });

/** The invitation e-mail, in Italian: what it is about, whether it is anonymous, until when, and the link. */
function invitationMail(q: QuestionnaireRow, to: string, link: string) {
  const body = [
    'Gentile partecipante,',
    '',
    `la invitiamo a rispondere al questionario «${q.title}».`,
    ...(q.description ? ['', q.description] : []),
    '',
    q.anonymous ? 'Le risposte sono anonime: non viene registrato chi le ha date.' : 'Le risposte sono nominative e le vedono solo i referenti che hanno inviato il questionario.',
    ...(q.closesAt ? [`Può rispondere fino al ${italianDate(q.closesAt)}.`] : []),
    '',
    `Risponda da qui (il link vale per una sola risposta, senza bisogno di accedere): ${link}`,
    '',
    'Questo messaggio è inviato automaticamente da Mosaico.',
  ];
  return { to, subject: `Questionario: ${q.title}`, body: body.join('\n') };
}

/** Everyone to invite, from the lists given; each a field error when unknown, without an address or out of scope. */
async function gatherRecipients(ctx: Ctx, q: QuestionnaireRow, body: z.infer<typeof invitationCreateBody>): Promise<Recipient[]> {
  const out: Recipient[] = body.emails.map((email) => ({ email, userId: null, organizationId: null }));
  if (body.userIds.length) {
    const found = await ctx.db.select({ id: users.id, email: users.email }).from(users).where(and(inArray(users.id, body.userIds), eq(users.active, true)));
    const missing = body.userIds.filter((id) => !found.some((u) => u.id === id));
    if (missing.length) throw fieldError(ctx.lang, 'questionnaire_user_not_found', 'userIds', { ids: missing.join(', ') });
    for (const u of found) out.push({ email: u.email.toLowerCase(), userId: u.id, organizationId: null });
  }
  if (body.organizationIds.length) {
    const found = await ctx.db.select({ id: organizations.id, name: organizations.name, email: organizations.email, regionId: organizations.regionId, councilId: organizations.councilId }).from(organizations).where(inArray(organizations.id, body.organizationIds));
    const missing = body.organizationIds.filter((id) => !found.some((o) => o.id === id));
    if (missing.length) throw fieldError(ctx.lang, 'questionnaire_organization_not_found', 'organizationIds', { ids: missing.join(', ') });
    // A council's questionnaire goes to its own actors; the nation's and a region's keepers reach wider.
    const outside = found.filter((o) => q.councilId != null ? o.councilId !== q.councilId : q.regionId != null && o.regionId !== q.regionId);
    if (outside.length) throw fieldError(ctx.lang, 'questionnaire_organization_other_scope', 'organizationIds', { names: outside.map((o) => o.name).join(', ') });
    const noEmail = found.filter((o) => !o.email);
    if (noEmail.length) throw fieldError(ctx.lang, 'questionnaire_organization_no_email', 'organizationIds', { names: noEmail.map((o) => o.name).join(', ') });
    for (const o of found) out.push({ email: (o.email as string).toLowerCase(), userId: null, organizationId: o.id });
  }
  if (body.eventParticipants) {
    if (q.eventId == null) throw fieldError(ctx.lang, 'questionnaire_no_event', 'eventParticipants');
    const regs = await ctx.db
      .select({ email: eventRegistrations.email, userId: eventRegistrations.userId, organizationId: eventRegistrations.organizationId, userEmail: users.email })
      .from(eventRegistrations)
      .leftJoin(users, eq(users.id, eventRegistrations.userId))
      .where(and(eq(eventRegistrations.eventId, q.eventId), eq(eventRegistrations.status, 'registered'), isNull(eventRegistrations.erasedAt)))
      .orderBy(asc(eventRegistrations.id));
    const reachable = regs.filter((r) => r.email || r.userEmail);
    if (!reachable.length) throw fieldError(ctx.lang, 'questionnaire_event_no_participants', 'eventParticipants');
    for (const r of reachable) out.push({ email: (r.email ?? (r.userEmail as string)).toLowerCase(), userId: r.userId, organizationId: r.organizationId });
  }
  // An address that is a platform user's is that user: one answer per person holds whether they answer by the link
  // or signed in.
  const unresolved = [...new Set(out.filter((r) => r.userId == null).map((r) => r.email))];
  if (unresolved.length) {
    const known = await ctx.db.select({ id: users.id, email: users.email }).from(users).where(and(inArray(sql`lower(${users.email})`, unresolved), eq(users.active, true)));
    const byEmail = new Map(known.map((u) => [u.email.toLowerCase(), u.id]));
    for (const r of out) if (r.userId == null) r.userId = byEmail.get(r.email) ?? null;
  }
  return out;
}

/**
 * Sends one-time answer links to a list (e-mails, users, organisations, the event's registered participants),
 * by e-mail through the outbox; addresses already invited are skipped. The questionnaire must be open.
 * Whoever keeps it.
 */
export async function sendInvitations(ctx: Ctx, id: number, body: z.infer<typeof invitationCreateBody>, baseUrl: string) {
  const { sent, skipped } = await issueInvitations(ctx, id, body, baseUrl);
  return { sent, skipped };
}

/** sendInvitations, also giving back each new link's token: for the demo data only, never over HTTP. */
export async function issueInvitations(ctx: Ctx, id: number, body: z.infer<typeof invitationCreateBody>, baseUrl: string) {
  const actor = requireKeeper(ctx.actor);
  const q = await loadQuestionnaireRow(ctx.db, id);
  assertCanKeep(actor, q);
  if (q.status === 'draft') throw new AppError('conflict', 'questionnaire_not_open');
  if (!isAnswerable(q)) throw notAnswerable(q, ctx.lang);
  if (!body.emails.length && !body.userIds.length && !body.organizationIds.length && !body.eventParticipants) {
    throw fieldError(ctx.lang, 'questionnaire_recipients_required', 'emails');
  }
  const recipients = await gatherRecipients(ctx, q, body);
  const result = await ctx.db.transaction(async (tx) => {
    await loadQuestionnaireRow(tx, id, true);
    const already = new Set(
      (await tx.select({ email: questionnaireInvitations.email }).from(questionnaireInvitations).where(eq(questionnaireInvitations.questionnaireId, id))).map((r) => r.email?.toLowerCase()),
    );
    const skipped: string[] = [];
    const sent: { id: number; email: string }[] = [];
    const tokens: string[] = [];
    for (const r of recipients) {
      if (already.has(r.email)) {
        if (!skipped.includes(r.email)) skipped.push(r.email);
        continue;
      }
      already.add(r.email);
      const token = newToken();
      const [inv] = await tx
        .insert(questionnaireInvitations)
        .values({ questionnaireId: id, tokenHash: hashToken(token), userId: r.userId, email: r.email, organizationId: r.organizationId, sentAt: new Date() })
        .returning({ id: questionnaireInvitations.id });
      await ctx.mailer.queue(tx, invitationMail(q, r.email, answerLink(baseUrl, token)));
      sent.push({ id: inv.id, email: r.email });
      tokens.push(token);
    }
    if (sent.length) {
      await recordAudit(tx, ctx, { action: 'invite', entityType: 'questionnaire', entityId: id, after: { invitations: sent, skipped }, regionId: q.regionId, councilId: q.councilId });
    }
    return { sent: sent.length, skipped, tokens };
  });
  if (result.sent) await ctx.mailer.deliverPending(ctx.db);
  return result;
}

/**
 * How many were invited and answered, and the answers given without an invitation; the list of invitations
 * (addresses included) only to those who keep the questionnaire. Whoever reads it.
 */
export async function getInvitationStatus(ctx: Ctx, id: number) {
  const q = await loadReadableQuestionnaire(ctx, id);
  const keeps = canKeepPlace(ctx.actor as NonNullable<Ctx['actor']>, q);
  const rows = await ctx.db
    .select({ inv: questionnaireInvitations, userName: users.name, orgName: organizations.name })
    .from(questionnaireInvitations)
    .leftJoin(users, eq(users.id, questionnaireInvitations.userId))
    .leftJoin(organizations, eq(organizations.id, questionnaireInvitations.organizationId))
    .where(eq(questionnaireInvitations.questionnaireId, id))
    .orderBy(asc(questionnaireInvitations.id));
  const answered = rows.filter((r) => r.inv.answeredAt).length;
  const [{ n: linked }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.questionnaireId, id), isNotNull(questionnaireResponses.invitationId)));
  const [{ n: total }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(questionnaireResponses).where(eq(questionnaireResponses.questionnaireId, id));
  // Anonymous answers keep no invitation: those by link are the invitations used.
  const byLink = q.anonymous ? answered : linked;
  return {
    invited: rows.length,
    answered,
    rate: rows.length ? answered / rows.length : null,
    directResponses: Math.max(0, total - byLink),
    items: keeps
      ? rows.map((r) => ({
          id: r.inv.id,
          email: r.inv.email,
          user: r.inv.userId != null ? { id: r.inv.userId, name: r.userName ?? '' } : null,
          organization: r.inv.organizationId != null ? { id: r.inv.organizationId, name: r.orgName ?? '' } : null,
          sentAt: r.inv.sentAt?.toISOString() ?? null,
          answered: r.inv.answeredAt != null,
          // For an anonymous questionnaire, when a link was used would point at the answer given that day.
          answeredAt: q.anonymous ? null : (r.inv.answeredAt?.toISOString() ?? null),
        }))
      : [],
  };
}
