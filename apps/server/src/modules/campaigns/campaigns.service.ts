import type { campaignCreateBody } from '@mosaico/contracts/campaigns';
import type { FormDefinition } from '@mosaico/form-engine/definition';
import { evaluateForm } from '@mosaico/form-engine/evaluate-form';
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Ctx } from '../../platform/context.ts';
import { AppError, type FieldIssue, invalidFields, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { reachOf, requireActor } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { councilTerritoriesAt } from '../councils/councils.service.ts';
import { registerFormDataElements } from '../data-values/data-values.service.ts';
import { formVersions, forms } from '../forms/forms.schema.ts';
import { assertCanCreateCampaign, COUNCIL_READ_ROLES, providerOrganizations } from './campaigns.policy.ts';
import { campaigns, submissionAssignments, submissions } from './campaigns.schema.ts';
import { compiledFormOf, errorCountOf } from './submission-loader.ts';

const MESSAGES = {
  notPublished: { it: 'Versione inesistente o non pubblicata di questo modulo.', en: 'No such published version of this form.' },
  noForm: { it: 'Modulo inesistente.', en: 'No such form.' },
  noCouncil: { it: 'Consiglio territoriale inesistente o non attivo.', en: 'No such active territorial council.' },
  duplicate: { it: 'Consiglio indicato più volte.', en: 'Council listed more than once.' },
};

/**
 * The submissions a caller sees, as a condition: the council side by reach (nation, region, council),
 * data providers those where their organisation fills a section. `undefined` means all.
 */
export function visibleSubmissions(actor: Actor): SQL | undefined {
  const reach = reachOf(actor, COUNCIL_READ_ROLES);
  if (reach.all) return undefined;
  const orgs = providerOrganizations(actor);
  const parts = [
    reach.councilIds.length ? inArray(submissions.councilId, reach.councilIds) : undefined,
    reach.regionIds.length ? inArray(councils.regionId, reach.regionIds) : undefined,
    orgs.length
      ? sql`exists (select 1 from ${submissionAssignments} where ${submissionAssignments.submissionId} = ${submissions.id} and ${inArray(submissionAssignments.organizationId, orgs)})`
      : undefined,
  ].filter((p): p is SQL => !!p);
  if (!parts.length) throw new AppError('forbidden', 'forbidden');
  return or(...parts);
}

/** Opens a campaign: a published form version × year × councils (default: every active one) × deadline. National admins. */
export async function createCampaign(ctx: Ctx, body: z.infer<typeof campaignCreateBody>) {
  assertCanCreateCampaign(ctx.actor);
  const t = (m: { it: string; en: string }) => m[ctx.lang];
  const issues: FieldIssue[] = [];
  const [form] = await ctx.db.select().from(forms).where(eq(forms.id, body.formId));
  const [version] = form
    ? await ctx.db
        .select()
        .from(formVersions)
        .where(and(eq(formVersions.formId, form.id), eq(formVersions.version, body.version), eq(formVersions.status, 'published')))
    : [];
  if (!form) issues.push({ field: 'formId', code: 'not_found', message: t(MESSAGES.noForm) });
  else if (!version) issues.push({ field: 'version', code: 'not_published', message: t(MESSAGES.notPublished) });
  const active = await ctx.db.select({ id: councils.id }).from(councils).where(eq(councils.active, true)).orderBy(asc(councils.code));
  const activeIds = new Set(active.map((c) => c.id));
  const councilIds = body.councilIds ?? active.map((c) => c.id);
  const seen = new Set<number>();
  councilIds.forEach((id, i) => {
    if (!activeIds.has(id)) issues.push({ field: `councilIds.${i}`, code: 'not_found', message: t(MESSAGES.noCouncil) });
    else if (seen.has(id)) issues.push({ field: `councilIds.${i}`, code: 'duplicate', message: t(MESSAGES.duplicate) });
    seen.add(id);
  });
  if (issues.length || !version || !form) throw invalidFields(issues);
  const definition = version.definition as FormDefinition;
  // Every new submission is empty, so one evaluation gives the starting completeness of all of them.
  const compiled = compiledFormOf(version.id, definition);
  const empty = evaluateForm(compiled, {});
  const name = body.name ?? `${definition.title.it} ${body.year}`;
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .insert(campaigns)
      .values({ name, formVersionId: version.id, year: body.year, deadline: body.deadline, approvalLevels: body.approvalLevels, createdBy: ctx.actor?.id ?? null })
      .returning();
    await registerFormDataElements(tx, compiled);
    const territoryOf = await councilTerritoriesAt(tx, councilIds, `${body.year}-12-31`);
    await tx.insert(submissions).values(
      councilIds.map((councilId) => ({
        campaignId: c.id,
        councilId,
        territoryId: territoryOf.get(councilId) ?? null,
        filled: empty.completeness.overall.filled,
        expected: empty.completeness.overall.expected,
        errorCount: errorCountOf(empty),
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'campaign',
      entityId: c.id,
      after: { name, form: form.code, version: version.version, year: body.year, deadline: body.deadline, approvalLevels: body.approvalLevels, councils: councilIds.length },
    });
    return present(c, { id: form.id, code: form.code, version: version.version, versionId: version.id }, councilIds.length);
  });
}

function present(c: typeof campaigns.$inferSelect, form: { id: number; code: string; version: number; versionId: number }, submissionCount: number) {
  return { id: c.id, name: c.name, year: c.year, deadline: c.deadline, approvalLevels: c.approvalLevels, form, submissionCount, createdAt: c.createdAt.toISOString() };
}

async function campaignsWithCounts(ctx: Ctx, id?: number) {
  const actor = requireActor(ctx.actor);
  const visible = visibleSubmissions(actor);
  const counted = ctx.db
    .select({ campaignId: submissions.campaignId, n: count().as('n') })
    .from(submissions)
    .innerJoin(councils, eq(councils.id, submissions.councilId))
    .where(visible)
    .groupBy(submissions.campaignId)
    .as('counted');
  const rows = await ctx.db
    .select({ c: campaigns, v: formVersions, code: forms.code, n: counted.n })
    .from(campaigns)
    .innerJoin(formVersions, eq(formVersions.id, campaigns.formVersionId))
    .innerJoin(forms, eq(forms.id, formVersions.formId))
    .leftJoin(counted, eq(counted.campaignId, campaigns.id))
    .where(id === undefined ? undefined : eq(campaigns.id, id))
    .orderBy(desc(campaigns.year), desc(campaigns.id));
  // National admins see every campaign; others those with a submission they reach.
  return rows
    .filter((r) => visible === undefined || Number(r.n ?? 0) > 0)
    .map((r) => present(r.c, { id: r.v.formId, code: r.code, version: r.v.version, versionId: r.v.id }, Number(r.n ?? 0)));
}

/** Campaigns in which the caller reaches a submission, with the count of those submissions; any signed-in role. */
export async function listCampaigns(ctx: Ctx) {
  return campaignsWithCounts(ctx);
}

/** One campaign, if the caller reaches one of its submissions (national admins: any). */
export async function getCampaign(ctx: Ctx, id: number) {
  const [c] = await campaignsWithCounts(ctx, id);
  if (c) return c;
  const [exists] = await ctx.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, id));
  if (exists) throw new AppError('forbidden', 'forbidden');
  throw notFound(`campagna ${id}`);
}
