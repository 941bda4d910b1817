import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { defaultBaseUrl, listRoleHolderEmails } from '../users/users.service.ts';
import { roleAssignments, users } from '../users/users.schema.ts';
import { mayReadSection } from './submission-comments.policy.ts';
import { submissionComments } from './submission-comments.schema.ts';
import type { LoadedSubmission } from './submission-loader.ts';

type Root = typeof submissionComments.$inferSelect;
type Grant = Parameters<typeof listRoleHolderEmails>[1][number];

/**
 * Who answers a question: the council's own tutors; if it has none, the region's; then the national ones;
 * with no tutor at all, the council referent. Never the person who asked.
 */
async function answerersOf(tx: Tx, s: LoadedSubmission, authorEmail: string | undefined): Promise<string[]> {
  const levels: Grant[][] = [
    [{ role: 'tutor', scopeType: 'council', scopeId: s.councilId }],
    [{ role: 'tutor', scopeType: 'region', scopeId: s.regionId }],
    [{ role: 'tutor', scopeType: 'nation', scopeId: null }],
    [{ role: 'council_referent', scopeType: 'council', scopeId: s.councilId }],
  ];
  const author = authorEmail?.toLowerCase();
  for (const level of levels) {
    const emails = (await listRoleHolderEmails(tx, level)).filter((e) => e.toLowerCase() !== author);
    if (emails.length) return emails;
  }
  return [];
}

/**
 * The other people who wrote in a thread and may still read its section: a data provider whose organisation
 * lost the section is not e-mailed its discussion any more.
 */
async function participantsOf(tx: Tx, s: LoadedSubmission, root: Root, authorId: number | null): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: submissionComments.authorId })
    .from(submissionComments)
    .where(and(or(eq(submissionComments.id, root.id), eq(submissionComments.threadId, root.id)), isNotNull(submissionComments.authorId)));
  const ids = rows.map((r) => r.id as number).filter((id) => id !== authorId);
  if (!ids.length) return [];
  const people = await tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  const grants = await tx
    .select({ userId: roleAssignments.userId, role: roleAssignments.role, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId })
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, ids));
  return people
    .filter((p) => mayReadSection({ ...p, roles: grants.filter((g) => g.userId === p.id) }, s, root.sectionCode))
    .map((p) => p.email)
    .sort();
}

function mailText(ctx: Ctx, s: LoadedSubmission, lead: string, body: string) {
  return [
    'Gentile utente,',
    '',
    lead,
    '',
    ...body.split('\n').map((line) => `> ${line}`),
    '',
    `Apri la compilazione per leggere e rispondere: ${defaultBaseUrl(ctx.config)}/compilazioni/${s.id}`,
    '',
    'Questo messaggio è inviato automaticamente da Mosaico.',
  ].join('\n');
}

const where = (s: LoadedSubmission, root: Root) => {
  const label = s.form.items.get(root.itemCode)?.item.label.it ?? root.itemCode;
  return `voce «${label}» (${root.itemCode}) della scheda di monitoraggio ${s.campaign.year} del ${s.council.name}`;
};

/** Queues the notice of a new question to the council's answerers (inside the transaction). Returns the recipients. */
export async function noticeQuestion(tx: Tx, ctx: Ctx, s: LoadedSubmission, root: Root): Promise<string[]> {
  const to = await answerersOf(tx, s, ctx.actor?.email);
  const subject = `Domanda sulla scheda ${s.campaign.year} – ${s.council.name}: voce ${root.itemCode}`;
  const text = mailText(ctx, s, `${ctx.actor?.name ?? 'Mosaico'} ha posto una domanda sulla ${where(s, root)}:`, root.body);
  for (const email of to) await ctx.mailer.queue(tx, { to: email, subject, body: text });
  return to;
}

/**
 * Queues the notice of a reply to the thread's other participants. When nobody else has written yet (the
 * asker adds to their own question), the reply still waits for an answer: it goes where a question goes.
 */
export async function noticeReply(tx: Tx, ctx: Ctx, s: LoadedSubmission, root: Root, body: string): Promise<string[]> {
  const others = await participantsOf(tx, s, root, ctx.actor?.id ?? null);
  const to = others.length ? others : await answerersOf(tx, s, ctx.actor?.email);
  const subject = `Risposta sulla scheda ${s.campaign.year} – ${s.council.name}: voce ${root.itemCode}`;
  const text = mailText(ctx, s, `${ctx.actor?.name ?? 'Mosaico'} ha scritto nella discussione sulla ${where(s, root)}:`, body);
  for (const email of to) await ctx.mailer.queue(tx, { to: email, subject, body: text });
  return to;
}
