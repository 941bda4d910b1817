import { EDITABLE_STATUSES } from '@mosaico/contracts/campaigns';
import { evaluateForm } from '@mosaico/form-engine/evaluate-form';
import { isBlank } from '@mosaico/form-engine/value-checks';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { AppError, type FieldIssue, invalidFields } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { syncSubmissionDataValues } from '../data-values/data-values.service.ts';
import { dataValuesOf } from '../data-values/form-data-values.ts';
import { accessOf, canWriteSection } from './campaigns.policy.ts';
import { submissions, submissionValueHistory, submissionValues } from './campaigns.schema.ts';
import { errorCountOf, itemOfKey, loadSubmission, presentEvaluation, readValues } from './submission-loader.ts';

/** Issues about a value itself; required/missing issues and rules block submitting, not saving. */
const VALUE_ISSUES = new Set(['type', 'range', 'constraint', 'choice', 'total_mismatch']);

const UNKNOWN_KEY = { it: 'Voce inesistente in questo modulo.', en: 'No such item in this form.' };
const CALCULATED = { it: 'Voce calcolata: il valore si ricava dalle altre, non si inserisce.', en: 'Calculated item: its value comes from the others and is not entered.' };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves a batch of values (null clears one). The council referent writes every section, data providers the
 * sections assigned to their organisation, nobody once submitted. The engine is the authority: any value-level
 * issue on a key of the batch rejects the whole batch and nothing is written. Revision-checked when asked.
 * `dryRun` runs every check and answers as a save would, writing nothing (the upload's verification).
 */
export async function saveValues(ctx: Ctx, id: number, batch: Record<string, unknown>, expectedRevision?: number, opts: { dryRun?: boolean } = {}) {
  return ctx.db.transaction(async (tx) => {
    const s = await loadSubmission(tx, id, true);
    const access = accessOf(ctx.actor, s);
    if (access.write !== 'all' && !access.write.size) throw new AppError('forbidden', 'forbidden');
    if (!EDITABLE_STATUSES.includes(s.status)) throw new AppError('conflict', 'submission_locked', { status: s.status });

    const keys = Object.keys(batch);
    const items = new Map(keys.map((k) => [k, itemOfKey(s.form, k)]));
    const unknown: FieldIssue[] = keys
      .filter((k) => !items.get(k) || k.includes('[') || items.get(k)?.calculated)
      .map((k) => (items.get(k)?.calculated ? { field: k, code: 'calculated', message: CALCULATED[ctx.lang] } : { field: k, code: 'unknown', message: UNKNOWN_KEY[ctx.lang] }));
    if (unknown.length) throw invalidFields(unknown);
    const denied = keys.filter((k) => !canWriteSection(access, items.get(k)?.section ?? ''));
    if (denied.length) throw new AppError('forbidden', 'section_not_assigned', { keys: denied.join(', ') }, { keys: denied });

    const current = await readValues(tx, id);
    if (expectedRevision !== undefined && expectedRevision !== s.revision) {
      // Long texts are written by several people: give back the server's text so both can be shown.
      const texts = Object.fromEntries(keys.filter((k) => items.get(k)?.type === 'long_text').map((k) => [k, current[k] ?? null]));
      throw new AppError('conflict', 'version_conflict', { current: s.revision }, { currentVersion: s.revision, currentRevision: s.revision, currentValues: texts });
    }

    const merged: Record<string, unknown> = { ...current };
    for (const k of keys) {
      if (isBlank(batch[k])) delete merged[k];
      else merged[k] = batch[k];
    }
    const evaluation = evaluateForm(s.form, merged);
    const batchItems = new Set(keys.map((k) => items.get(k)?.code));
    const rejected = evaluation.issues.filter((i) => VALUE_ISSUES.has(i.code) && (i.item in batch || batchItems.has(itemOfKey(s.form, i.item)?.code)));
    if (rejected.length) throw invalidFields(rejected.map((i) => ({ field: i.item, code: i.code, message: i.message[ctx.lang] })));

    const changed = keys.filter((k) => !same(current[k] ?? null, merged[k] ?? null));
    if (opts.dryRun) return { revision: s.revision, changed, ...presentEvaluation(evaluation, s.form, ctx.lang, access.read) };
    const now = new Date();
    const by = ctx.actor?.id ?? null;
    if (changed.length) {
      const cleared = changed.filter((k) => merged[k] === undefined);
      const written = changed.filter((k) => merged[k] !== undefined);
      if (cleared.length) await tx.delete(submissionValues).where(and(eq(submissionValues.submissionId, id), inArray(submissionValues.valueKey, cleared)));
      if (written.length) {
        await tx
          .insert(submissionValues)
          .values(written.map((k) => ({ submissionId: id, valueKey: k, itemCode: items.get(k)?.code as string, value: merged[k], updatedBy: by, updatedAt: now })))
          .onConflictDoUpdate({
            target: [submissionValues.submissionId, submissionValues.valueKey],
            set: { value: sql`excluded.value`, updatedBy: by, updatedAt: now },
          });
      }
      await tx
        .insert(submissionValueHistory)
        .values(changed.map((k) => ({ submissionId: id, valueKey: k, before: current[k] ?? null, after: merged[k] ?? null, changedBy: by, changedAt: now })));
      if (s.territoryId !== null) {
        const source = { submissionId: id, councilId: s.councilId, territoryId: s.territoryId, period: String(s.campaign.year), provisional: true };
        await syncSubmissionDataValues(tx, source, dataValuesOf(s.form, evaluation, merged));
      }
    }
    const revision = changed.length ? s.revision + 1 : s.revision;
    await tx
      .update(submissions)
      .set({
        revision,
        filled: evaluation.completeness.overall.filled,
        expected: evaluation.completeness.overall.expected,
        errorCount: errorCountOf(evaluation),
        ...(changed.length ? { lastActivityAt: now } : {}),
      })
      .where(eq(submissions.id, id));
    if (changed.length) {
      await recordAudit(tx, ctx, {
        action: 'save_values',
        entityType: 'submission',
        entityId: id,
        before: { revision: s.revision },
        after: { revision, keys: changed },
        councilId: s.councilId,
        regionId: s.regionId,
      });
    }
    return { revision, changed, ...presentEvaluation(evaluation, s.form, ctx.lang, access.read) };
  });
}
