import { evaluateForm } from '@mosaico/form-engine/evaluate-form';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { AppError, forbidden, invalidFields, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { users } from '../users/users.schema.ts';
import { accessOf, assertCanAssign, canReadSection, canWriteSection } from './campaigns.policy.ts';
import { submissionAssignments, submissionValueHistory } from './campaigns.schema.ts';
import { itemOfKey, type LoadedSubmission, loadSubmission, presentEvaluation, readValues } from './submission-loader.ts';
import { EDITABLE_STATUSES } from '@mosaico/contracts/campaigns';

async function presentAssignments(ctx: Ctx, s: LoadedSubmission) {
  const ids = [...new Set(s.assignments.values())];
  const orgs = ids.length ? await ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, ids)) : [];
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return s.form.sections.map((section) => {
    const org = s.assignments.get(section.code);
    return { sectionCode: section.code, organization: org ? (byId.get(org) ?? null) : null };
  });
}

/** One submission with its values and the engine's verdict; the council side reads all, data providers their sections. */
export async function getSubmission(ctx: Ctx, id: number) {
  const s = await loadSubmission(ctx.db, id);
  const access = accessOf(ctx.actor, s);
  const all = await readValues(ctx.db, id);
  const values = Object.fromEntries(Object.entries(all).filter(([key]) => canReadSection(access, itemOfKey(s.form, key)?.section ?? '')));
  const evaluation = evaluateForm(s.form, all);
  const sections = s.form.sections.map((x) => x.code);
  const editable = EDITABLE_STATUSES.includes(s.status);
  return {
    id: s.id,
    status: s.status,
    reviewLevel: s.reviewLevel,
    revision: s.revision,
    campaign: s.campaign,
    council: s.council,
    region: s.region,
    formVersion: s.formVersion,
    readableSections: sections.filter((c) => canReadSection(access, c)),
    writableSections: editable ? sections.filter((c) => canWriteSection(access, c)) : [],
    values,
    evaluation: presentEvaluation(evaluation, s.form, ctx.lang, access.read),
    assignments: await presentAssignments(ctx, s),
    lastActivityAt: s.lastActivityAt?.toISOString() ?? null,
  };
}

/** Assigns a section to an organisation registered to the submission's council, or clears it. The council referent or a national admin. */
export async function assignSection(ctx: Ctx, id: number, sectionCode: string, organizationId: number | null) {
  return ctx.db.transaction(async (tx) => {
    const s = await loadSubmission(tx, id, true);
    assertCanAssign(ctx.actor, s);
    if (!s.form.sections.some((x) => x.code === sectionCode)) throw notFound(`sezione ${sectionCode}`);
    if (!EDITABLE_STATUSES.includes(s.status)) throw new AppError('conflict', 'submission_locked', { status: s.status });
    if (organizationId !== null) {
      const [org] = await tx.select({ councilId: organizations.councilId }).from(organizations).where(eq(organizations.id, organizationId));
      if (!org || org.councilId !== s.councilId) {
        const message = ctx.lang === 'en' ? 'The organisation is not registered to this submission’s council.' : 'L’attore non è registrato al consiglio di questa compilazione.';
        throw invalidFields([{ field: 'organizationId', code: 'organization_not_in_council', message }]);
      }
    }
    const before = s.assignments.get(sectionCode) ?? null;
    await tx.delete(submissionAssignments).where(and(eq(submissionAssignments.submissionId, id), eq(submissionAssignments.sectionCode, sectionCode)));
    if (organizationId !== null) await tx.insert(submissionAssignments).values({ submissionId: id, sectionCode, organizationId, assignedBy: ctx.actor?.id ?? null });
    await recordAudit(tx, ctx, {
      action: 'assign_section',
      entityType: 'submission',
      entityId: id,
      before: { sectionCode, organizationId: before },
      after: { sectionCode, organizationId },
      councilId: s.councilId,
      regionId: s.regionId,
      organizationId,
    });
    if (organizationId === null) s.assignments.delete(sectionCode);
    else s.assignments.set(sectionCode, organizationId);
    return presentAssignments({ ...ctx, db: tx as Ctx['db'] }, s);
  });
}

/**
 * The history of values (who, when, before → after), newest first: of one value key, of an item with all its
 * cells, or of the whole submission; a data provider reads only their sections' keys.
 */
export async function listHistory(ctx: Ctx, id: number, key?: string, itemCode?: string) {
  const s = await loadSubmission(ctx.db, id);
  const access = accessOf(ctx.actor, s);
  if (key !== undefined) {
    const item = itemOfKey(s.form, key);
    if (!item) throw notFound(`voce ${key}`);
    if (!canReadSection(access, item.section)) throw forbidden();
  }
  if (itemCode !== undefined) {
    const item = s.form.items.get(itemCode);
    if (!item || item.repeat !== null) throw notFound(`voce ${itemCode}`);
    if (!canReadSection(access, item.section)) throw forbidden();
  }
  const h = submissionValueHistory;
  const ofItem = itemCode === undefined ? undefined : or(eq(h.valueKey, itemCode), sql`starts_with(${h.valueKey}, ${`${itemCode}.`})`);
  const rows = await ctx.db
    .select({ h: submissionValueHistory, userId: users.id, userName: users.name })
    .from(submissionValueHistory)
    .leftJoin(users, eq(users.id, submissionValueHistory.changedBy))
    .where(and(eq(h.submissionId, id), key === undefined ? undefined : eq(h.valueKey, key), ofItem))
    .orderBy(desc(submissionValueHistory.changedAt), desc(submissionValueHistory.id), asc(submissionValueHistory.valueKey));
  return rows
    .filter((r) => canReadSection(access, itemOfKey(s.form, r.h.valueKey)?.section ?? ''))
    .map((r) => ({
      key: r.h.valueKey,
      at: r.h.changedAt.toISOString(),
      by: r.userId != null ? { id: r.userId, name: r.userName ?? '' } : null,
      before: r.h.before ?? null,
      after: r.h.after ?? null,
    }));
}
