import type { transitionRequest } from '@mosaico/contracts/reports';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertRowVersion, loadReport, statusLabel } from './report-loader.ts';
import { assertCanRead, mayTransition, TRANSITION_RULES } from './reports.policy.ts';
import { reports, reportTransitions } from './reports.schema.ts';
import { getReport, publicPathOf } from './reports.service.ts';

/**
 * Moves a report along its workflow (see REPORT_TRANSITIONS for who does what). Return and withdraw need a
 * note; publishing fixes the published version and gives the public path; withdrawing hides it again.
 */
export async function transitionReport(ctx: Ctx, id: number, body: z.infer<typeof transitionRequest>, ifMatch?: number) {
  const row = await loadReport(ctx.db, id);
  const place = { councilId: row.r.councilId, regionId: row.regionId };
  const actor = assertCanRead(ctx.actor, place);
  if (!mayTransition(actor, place, body.transition)) throw new AppError('forbidden', 'forbidden');
  const rule = TRANSITION_RULES[body.transition];
  const note = body.note?.trim() || null;
  if (rule.noteRequired && !note) throw fieldError(ctx.lang, body.transition === 'withdraw' ? 'report_withdraw_reason_required' : 'report_return_note_required', 'note');
  await ctx.db.transaction(async (tx) => {
    const { r } = await loadReport(tx, id, { lock: true });
    assertRowVersion(r, ifMatch);
    if (!rule.from.includes(r.status)) throw new AppError('conflict', 'report_transition_not_allowed', { transition: body.transition, status: statusLabel(r.status, ctx.lang) }, { status: r.status });
    const now = new Date();
    const changes: Partial<typeof reports.$inferInsert> = { status: rule.to, version: r.version + 1, updatedAt: now };
    if (body.transition === 'publish') Object.assign(changes, { publishedVersion: r.currentVersion, publishedAt: now, withdrawnReason: null });
    if (body.transition === 'withdraw') changes.withdrawnReason = note;
    await tx.update(reports).set(changes).where(eq(reports.id, id));
    await tx.insert(reportTransitions).values({ reportId: id, transition: body.transition, fromStatus: r.status, toStatus: rule.to, note, actorId: actor.id, at: now });
    await recordAudit(tx, ctx, {
      action: body.transition,
      entityType: 'report',
      entityId: id,
      before: { status: r.status, version: r.currentVersion },
      after: { status: rule.to, version: r.currentVersion, note, ...(body.transition === 'publish' ? { publicPath: publicPathOf(id) } : {}) },
      ...place,
    });
  });
  return getReport(ctx, id);
}
