import type { ReviewLevel, SubmissionStatus, transitionBody } from '@mosaico/contracts/campaigns';
import { evaluateForm } from '@mosaico/form-engine/evaluate-form';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, type FieldIssue, invalidFields } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hasNationRole } from '../auth/scope.ts';
import { setSubmissionDataProvisional } from '../data-values/data-values.service.ts';
import { defaultBaseUrl, listRoleHolderEmails } from '../users/users.service.ts';
import { assertCanTransition } from './campaigns.policy.ts';
import { submissions, submissionTransitions } from './campaigns.schema.ts';
import { type LoadedSubmission, loadSubmission, readValues } from './submission-loader.ts';

type Body = z.infer<typeof transitionBody>;

/** The workflow: which target each status may move to, and the audit action of the move. */
const MOVES: Record<SubmissionStatus, Partial<Record<SubmissionStatus, string>>> = {
  draft: { submitted: 'submit' },
  returned: { submitted: 'submit' },
  submitted: { returned: 'return', approved: 'approve' },
  approved: { locked: 'lock', draft: 'reopen' },
  locked: { draft: 'reopen' },
};

const REASON_REQUIRED = { it: 'Indica il motivo.', en: 'State the reason.' };
const JUSTIFY = {
  it: (m: string) => `Avviso da motivare prima dell’invio: ${m}`,
  en: (m: string) => `Warning to justify before submitting: ${m}`,
};

/**
 * Moves a submission along the workflow: the council referent submits (no error left, every failed warning
 * justified); the reviewers of each approval level in turn (region's coordinator, then national admins, as the
 * campaign says) return it with a reason or approve it; the last approval makes it approved and its figures
 * final; a national admin locks, or reopens to draft (with a reason). Audited; the people concerned are e-mailed.
 */
export async function transitionSubmission(ctx: Ctx, id: number, body: Body) {
  const result = await ctx.db.transaction(async (tx) => {
    const s = await loadSubmission(tx, id, true);
    assertCanTransition(ctx.actor, s, body.to);
    let action = MOVES[s.status][body.to];
    if (!action) throw new AppError('conflict', 'transition_not_allowed', { from: s.status, to: body.to });
    const reason = body.reason?.trim() || null;
    if ((action === 'return' || action === 'reopen') && !reason) throw invalidFields([{ field: 'reason', code: 'required', message: REASON_REQUIRED[ctx.lang] }]);
    let justifications: Record<string, string> | null = null;
    if (action === 'submit') justifications = await checkSubmittable(tx, ctx, s, body.justifications ?? {});

    const levels = s.campaign.approvalLevels;
    // The Ministry decides for every level: a national admin's approval is final.
    const byMinistry = hasNationRole(ctx.actor, 'national_admin');
    const deciding = action === 'approve' || action === 'return' ? (byMinistry ? 'nation' : s.reviewLevel) : null;
    let status: SubmissionStatus = body.to;
    let reviewLevel: ReviewLevel | null = null;
    if (action === 'submit') reviewLevel = levels[0];
    if (action === 'approve' && deciding !== null && !byMinistry && levels.indexOf(deciding) < levels.length - 1) {
      // An intermediate level approves: the form stays submitted and waits for the next level.
      action = 'approve_level';
      status = 'submitted';
      reviewLevel = levels[levels.indexOf(deciding) + 1];
    }
    const [row] = await tx.update(submissions).set({ status, reviewLevel, lastActivityAt: new Date() }).where(eq(submissions.id, id)).returning();
    await tx
      .insert(submissionTransitions)
      .values({ submissionId: id, fromStatus: s.status, toStatus: status, level: deciding, byUser: ctx.actor?.id ?? null, reason, justifications });
    if (action === 'approve') await setSubmissionDataProvisional(tx, id, false);
    if (action === 'reopen') await setSubmissionDataProvisional(tx, id, true);
    await recordAudit(tx, ctx, {
      action,
      entityType: 'submission',
      entityId: id,
      before: { status: s.status, reviewLevel: s.reviewLevel },
      after: { status, reviewLevel, level: deciding, reason, justifications },
      councilId: s.councilId,
      regionId: s.regionId,
    });
    await notify(tx, ctx, s, action, reason, reviewLevel);
    return { id, status: row.status, reviewLevel: row.reviewLevel, revision: row.revision };
  });
  await ctx.mailer.deliverPending(ctx.db);
  return result;
}

/** Every blocking problem at once: error issues by item key, failed error rules, unjustified failed warnings. */
async function checkSubmittable(tx: Tx, ctx: Ctx, s: LoadedSubmission, given: Record<string, string>) {
  const evaluation = evaluateForm(s.form, await readValues(tx, s.id));
  const blocking: FieldIssue[] = evaluation.issues.map((i) => ({ field: i.item, code: i.code, message: i.message[ctx.lang] }));
  const justifications: Record<string, string> = {};
  for (const r of evaluation.rules) {
    if (r.status !== 'failed') continue;
    if (r.severity === 'error') blocking.push({ field: r.rule, code: 'rule', message: r.message[ctx.lang] });
    else if (given[r.rule]?.trim()) justifications[r.rule] = given[r.rule].trim();
    else blocking.push({ field: `justifications.${r.rule}`, code: 'justification_required', message: JUSTIFY[ctx.lang](r.message[ctx.lang]) });
  }
  if (blocking.length) throw new AppError('invalid', 'submission_blocked', { count: blocking.length }, { issues: blocking });
  return justifications;
}

/** The council's referents, or the reviewers of one approval level. */
function recipients(tx: Tx, s: LoadedSubmission, who: 'council' | ReviewLevel) {
  if (who === 'council') return listRoleHolderEmails(tx, [{ role: 'council_referent', scopeType: 'council', scopeId: s.councilId }]);
  return listRoleHolderEmails(
    tx,
    who === 'region' ? [{ role: 'regional_coordinator', scopeType: 'region', scopeId: s.regionId }] : [{ role: 'national_admin', scopeType: 'nation', scopeId: null }],
  );
}

const SUBJECTS: Record<string, string> = {
  submit: 'inviata per approvazione',
  return: 'restituita per correzioni',
  approve_level: 'approvata dalla Regione, in attesa del Ministero',
  approve: 'approvata',
  reopen: 'riaperta',
};

/**
 * Queues the Italian notices of a transition (inside the transaction; delivered after commit): a form waiting
 * for a decision goes to that level's reviewers, every decision to the council's referents. Locking notifies no one.
 */
async function notify(tx: Tx, ctx: Ctx, s: LoadedSubmission, action: string, reason: string | null, awaited: ReviewLevel | null) {
  if (!SUBJECTS[action]) return;
  const to = new Set<string>();
  if (awaited) for (const email of await recipients(tx, s, awaited)) to.add(email);
  if (action !== 'submit') for (const email of await recipients(tx, s, 'council')) to.add(email);
  const subject = `Scheda di monitoraggio ${s.campaign.year} – ${s.council.name}: ${SUBJECTS[action]}`;
  const body = [
    'Gentile utente,',
    '',
    `la scheda di monitoraggio ${s.campaign.year} del ${s.council.name} (campagna «${s.campaign.name}») è stata ${SUBJECTS[action]} da ${ctx.actor?.name ?? 'Mosaico'}.`,
    ...(reason ? ['', `Motivo: ${reason}`] : []),
    '',
    `Apri la compilazione: ${defaultBaseUrl(ctx.config)}/compilazioni/${s.id}`,
    '',
    'Questo messaggio è inviato automaticamente da Mosaico.',
  ].join('\n');
  for (const email of to) await ctx.mailer.queue(tx, { to: email, subject, body });
}
