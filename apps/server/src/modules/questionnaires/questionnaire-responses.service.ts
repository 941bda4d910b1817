import type { FormDefinition } from '@mosaico/form-engine/definition';
import { evaluateForm } from '@mosaico/form-engine/evaluate-form';
import { isBlank } from '@mosaico/form-engine/value-checks';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, type FieldIssue } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireActor } from '../auth/scope.ts';
import { markOf } from './answer-marks.ts';
import { hashToken } from './questionnaire-invitations.service.ts';
import { questionnaireAnswerMarks } from './questionnaire-marks.schema.ts';
import { isAnswerable, loadQuestionnaireRow, loadReadableQuestionnaire, notAnswerable, type QuestionnaireRow } from './questionnaires.service.ts';
import { questionnaireInvitations, questionnaireResponses } from './questionnaires.schema.ts';

type InvitationRow = typeof questionnaireInvitations.$inferSelect;

const topCode = (key: string) => key.split(/[.[]/)[0];

/**
 * The answers as the form engine reads them: every issue (required, type, range, choice, constraint, unknown
 * question, failed rule) at once, each on its question, in the caller's language, or the values to store —
 * only those of questions that apply, blanks left out.
 */
export function checkAnswers(ctx: Pick<Ctx, 'lang'>, definition: FormDefinition, values: Record<string, unknown>): Record<string, unknown> {
  const evaluation = evaluateForm(definition, values);
  const issues: FieldIssue[] = evaluation.issues.map((i) => ({ field: `values.${i.item}`, code: i.code, message: i.message[ctx.lang] }));
  for (const r of evaluation.rules) if (r.status === 'failed' && r.severity === 'error') issues.push({ field: `values.${r.rule}`, code: 'rule', message: r.message[ctx.lang] });
  if (issues.length) throw new AppError('invalid', 'questionnaire_values_invalid', {}, { issues });
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => !isBlank(v) && evaluation.relevant[topCode(k)] !== false && !(k in evaluation.calculated)));
}

/**
 * For an anonymous questionnaire the moment is kept to the day: an exact time could be matched with the
 * invitation used or the audit log and so point at the person.
 */
const dayOf = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** The organisation a signed-in person answers for: the one they hold a role in, when exactly one. */
function organizationOf(actor: Actor): number | null {
  const orgs = actor.roles.filter((g) => g.scopeType === 'organization' && g.scopeId != null).map((g) => g.scopeId as number);
  return orgs.length === 1 ? orgs[0] : null;
}

/** Stores one answer, marking the invitation used; keeps nothing that links a person to an anonymous answer. */
async function storeAnswer(tx: DbOrTx, ctx: Ctx, q: QuestionnaireRow, values: Record<string, unknown>, who: { userId: number | null; organizationId: number | null; invitation: InvitationRow | null }) {
  const now = new Date();
  if (who.invitation) await tx.update(questionnaireInvitations).set({ answeredAt: q.anonymous ? dayOf(now) : now }).where(eq(questionnaireInvitations.id, who.invitation.id));
  const place = { regionId: q.regionId, councilId: q.councilId };
  if (q.anonymous) {
    if (who.userId != null) await tx.insert(questionnaireAnswerMarks).values({ questionnaireId: q.id, mark: markOf(q.id, who.userId) });
    await tx.insert(questionnaireResponses).values({ questionnaireId: q.id, values, submittedAt: dayOf(now) });
    // The audit says an anonymous answer arrived, not from whom nor which one.
    await recordAudit(tx, { actor: null, requestId: null }, { action: 'answer_anonymous', entityType: 'questionnaire', entityId: q.id, ...place });
    return { submittedAt: dayOf(now).toISOString(), anonymous: true };
  }
  const [row] = await tx
    .insert(questionnaireResponses)
    .values({ questionnaireId: q.id, invitationId: who.invitation?.id ?? null, userId: who.userId, organizationId: who.organizationId, values, submittedAt: now })
    .returning({ id: questionnaireResponses.id });
  await recordAudit(tx, ctx, { action: 'answer', entityType: 'questionnaire_response', entityId: row.id, after: { questionnaireId: q.id, invitationId: who.invitation?.id ?? null, questions: Object.keys(values).length }, ...place, organizationId: who.organizationId });
  return { submittedAt: now.toISOString(), anonymous: false };
}

/** Whether a user has answered: their named response, their anonymous mark, or their invitation used. */
async function hasAnswered(tx: DbOrTx, q: QuestionnaireRow, userId: number): Promise<boolean> {
  const [named] = await tx.select({ id: questionnaireResponses.id }).from(questionnaireResponses).where(and(eq(questionnaireResponses.questionnaireId, q.id), eq(questionnaireResponses.userId, userId))).limit(1);
  if (named) return true;
  const [mark] = await tx.select({ m: questionnaireAnswerMarks.mark }).from(questionnaireAnswerMarks).where(and(eq(questionnaireAnswerMarks.questionnaireId, q.id), eq(questionnaireAnswerMarks.mark, markOf(q.id, userId)))).limit(1);
  if (mark) return true;
  const [used] = await tx
    .select({ id: questionnaireInvitations.id })
    .from(questionnaireInvitations)
    .where(and(eq(questionnaireInvitations.questionnaireId, q.id), eq(questionnaireInvitations.userId, userId), isNotNull(questionnaireInvitations.answeredAt)))
    .limit(1);
  return !!used;
}

/**
 * Records a signed-in person's answer: once per person (anonymous questionnaires included, through a mark kept
 * apart from the answers), while open. Any signed-in user who reads the questionnaire's place.
 */
export async function answerQuestionnaire(ctx: Ctx, id: number, values: Record<string, unknown>) {
  const actor = requireActor(ctx.actor);
  const q = await loadReadableQuestionnaire(ctx, id);
  if (!isAnswerable(q)) throw notAnswerable(q, ctx.lang);
  const clean = checkAnswers(ctx, q.definition as FormDefinition, values);
  const userId = actor.id as number;
  return ctx.db.transaction(async (tx) => {
    // The row lock makes "has this person answered?" and the insert one step, even for two tabs at once.
    const locked = await loadQuestionnaireRow(tx, id, true);
    if (!isAnswerable(locked)) throw notAnswerable(locked, ctx.lang);
    if (await hasAnswered(tx, locked, userId)) throw new AppError('conflict', 'questionnaire_already_answered');
    const [invitation] = await tx
      .select()
      .from(questionnaireInvitations)
      .where(and(eq(questionnaireInvitations.questionnaireId, id), eq(questionnaireInvitations.userId, userId), isNull(questionnaireInvitations.answeredAt)))
      .limit(1);
    return storeAnswer(tx, ctx, locked, clean, { userId, organizationId: invitation?.organizationId ?? organizationOf(actor), invitation: invitation ?? null });
  });
}

async function loadInvitation(ctx: Ctx, token: string): Promise<{ invitation: InvitationRow; q: QuestionnaireRow }> {
  const [invitation] = await ctx.db.select().from(questionnaireInvitations).where(eq(questionnaireInvitations.tokenHash, hashToken(token)));
  if (!invitation) throw new AppError('not_found', 'questionnaire_invitation_invalid');
  return { invitation, q: await loadQuestionnaireRow(ctx.db, invitation.questionnaireId) };
}

/** What an invitation link opens: the questionnaire while it can be answered, or why not. No sign-in. */
export async function getByToken(ctx: Ctx, token: string) {
  const { invitation, q } = await loadInvitation(ctx, token);
  const state = invitation.answeredAt ? 'answered' : q.status !== 'open' ? 'closed' : !isAnswerable(q) ? 'expired' : 'open';
  return {
    state: state as 'open' | 'answered' | 'closed' | 'expired',
    title: q.title,
    description: q.description,
    anonymous: q.anonymous,
    closesAt: q.closesAt?.toISOString() ?? null,
    definition: state === 'open' ? (q.definition as FormDefinition) : null,
  };
}

/** Records the answer given through an invitation link: one per invitation, while open. No sign-in. */
export async function answerByToken(ctx: Ctx, token: string, values: Record<string, unknown>) {
  const { invitation, q } = await loadInvitation(ctx, token);
  if (invitation.answeredAt) throw new AppError('conflict', 'questionnaire_invitation_used');
  if (!isAnswerable(q)) throw notAnswerable(q, ctx.lang);
  const clean = checkAnswers(ctx, q.definition as FormDefinition, values);
  return ctx.db.transaction(async (tx) => {
    const locked = await loadQuestionnaireRow(tx, q.id, true);
    if (!isAnswerable(locked)) throw notAnswerable(locked, ctx.lang);
    const [fresh] = await tx.select().from(questionnaireInvitations).where(eq(questionnaireInvitations.id, invitation.id));
    if (!fresh || fresh.answeredAt) throw new AppError('conflict', 'questionnaire_invitation_used');
    if (fresh.userId != null && (await hasAnswered(tx, locked, fresh.userId))) throw new AppError('conflict', 'questionnaire_already_answered');
    return storeAnswer(tx, ctx, locked, clean, { userId: fresh.userId, organizationId: fresh.organizationId, invitation: fresh });
  });
}
