import type { CompiledForm, CompiledItem } from '@mosaico/form-engine/compile-form';
import type { ValueType } from '@mosaico/form-engine/form-index';
import { checkValue, isBlank } from '@mosaico/form-engine/value-checks';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { formVersions, forms } from '../forms/forms.schema.ts';
import { accessOf, canReadSection } from './campaigns.policy.ts';
import { campaigns, submissions } from './campaigns.schema.ts';
import { compiledFormOf, loadSubmission, readValues } from './submission-loader.ts';

/** What a value key stands for in one form version: its item, and the type of the value entered there. */
function slotOf(form: CompiledForm, key: string): { item: CompiledItem; type: string } | null {
  const known = form.keys.get(key);
  if (!known) return null;
  return { item: known.item, type: known.cell?.type ?? known.item.item.type };
}

/** A repeat's rows kept to the children that still exist with the same type and a value the new version accepts. */
function carryRows(before: CompiledItem, after: CompiledItem, raw: unknown): Record<string, unknown>[] {
  if (!Array.isArray(raw)) return [];
  const children = new Map(after.children.map((c) => [c.code, c]));
  const old = new Map(before.children.map((c) => [c.code, c]));
  const rows: Record<string, unknown>[] = [];
  for (const row of raw) {
    if (!row || typeof row !== 'object') continue;
    const kept: Record<string, unknown> = {};
    for (const [code, value] of Object.entries(row as Record<string, unknown>)) {
      const child = children.get(code);
      if (!child || child.calculate || old.get(code)?.item.type !== child.item.type || isBlank(value)) continue;
      if (!checkValue(child.item.type as ValueType, value, child.limits).issue) kept[code] = value;
    }
    if (Object.keys(kept).length) rows.push(kept);
  }
  return rows;
}

/**
 * The values of one version that can be offered in another: the key still exists, on an item of the same
 * type (and, for a cell, of the same cell type), is entered rather than calculated, lies in a section the
 * caller reads, and its value passes the new version's own checks (a choice that was dropped, a new maximum).
 */
export function carriedValues(before: CompiledForm, after: CompiledForm, stored: Record<string, unknown>, reads: (section: string) => boolean) {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(stored)) {
    const was = slotOf(before, key);
    const now = slotOf(after, key);
    if (!was || !now || now.item.calculate || !reads(now.item.section)) continue;
    if (was.type !== now.type || was.item.item.type !== now.item.item.type) continue;
    if (now.item.item.type === 'repeat') {
      const rows = carryRows(was.item, now.item, raw);
      if (rows.length) out[key] = rows;
    } else if (!isBlank(raw) && !checkValue(now.type as ValueType, raw, now.item.limits).issue) {
      out[key] = raw;
    }
  }
  return out;
}

/**
 * Last year's values for "copy last year's value": the same council's submission in the most recent campaign
 * of an earlier year with the same form code (any version), limited to the sections the caller reads. Whoever
 * reads the submission may ask; an empty answer when there is no earlier campaign for the council.
 */
export async function getPreviousValues(ctx: Ctx, id: number) {
  const s = await loadSubmission(ctx.db, id);
  const access = accessOf(ctx.actor, s);
  const [prev] = await ctx.db
    .select({
      submissionId: submissions.id,
      status: submissions.status,
      campaign: { id: campaigns.id, name: campaigns.name, year: campaigns.year },
      versionId: formVersions.id,
      version: formVersions.version,
      definition: formVersions.definition,
    })
    .from(submissions)
    .innerJoin(campaigns, eq(campaigns.id, submissions.campaignId))
    .innerJoin(formVersions, eq(formVersions.id, campaigns.formVersionId))
    .innerJoin(forms, eq(forms.id, formVersions.formId))
    .where(and(eq(submissions.councilId, s.councilId), eq(forms.code, s.formVersion.code), lt(campaigns.year, s.campaign.year)))
    .orderBy(desc(campaigns.year), desc(campaigns.createdAt), desc(campaigns.id))
    .limit(1);
  if (!prev) return { previous: null, values: {} };
  const stored = await readValues(ctx.db, prev.submissionId);
  const values = carriedValues(compiledFormOf(prev.versionId, prev.definition), s.form, stored, (section) => canReadSection(access, section));
  return { previous: { campaign: prev.campaign, formVersion: prev.version, status: prev.status }, values };
}
