import { AWAITED_STATUSES, type campaignOverview, type contribution, type overviewQuery, type overviewRow } from '@mosaico/contracts/campaign-overview';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '@mosaico/contracts/campaigns';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { forbidden, invalidFields, notFound } from '../../platform/http/errors.ts';
import { requireActor } from '../auth/scope.ts';
import type { FormDefinition } from '@mosaico/form-engine/definition';
import { councils, councilTerritories } from '../councils/councils.schema.ts';
import { formVersions } from '../forms/forms.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { validAt } from '../territories/territories.service.ts';
import { overviewVisibility } from './campaign-overview.policy.ts';
import { providerOrganizations } from './campaigns.policy.ts';
import { getCampaign } from './campaigns.service.ts';
import { campaigns, submissionAssignments, submissions } from './campaigns.schema.ts';
import { italianDay } from '../../platform/italian-time.ts';

export type OverviewQuery = z.infer<typeof overviewQuery>;
export type OverviewRow = z.infer<typeof overviewRow>;
export type CampaignOverview = z.infer<typeof campaignOverview>;

/** Councils map to the provinces of the 2017–2025 layout; any day inside it picks them. */
const COUNCIL_LAYOUT_DAY = '2025-12-31';

const NO_REGION = { it: 'Regione inesistente: {code}.', en: 'No such region: {code}.' };

/** Past the deadline day and not yet submitted, approved or locked. */
export function isOverdue(status: SubmissionStatus, deadline: string, asOf: string): boolean {
  return asOf > deadline && (AWAITED_STATUSES as readonly string[]).includes(status);
}

/**
 * The campaign overview: every submission the caller oversees (national: all; region; council) with
 * status, completeness, errors, overdue and last activity; counts by status; the regions to filter by.
 * The council side only (data providers: 403). Filters narrow the caller's reach, never widen it.
 */
export async function getCampaignOverview(ctx: Ctx, id: number, q: OverviewQuery): Promise<CampaignOverview> {
  const actor = requireActor(ctx.actor);
  // Only the campaign's own columns: the form definition it points to is large and not needed here.
  const [campaign] = await ctx.db
    .select({ id: campaigns.id, name: campaigns.name, year: campaigns.year, deadline: campaigns.deadline })
    .from(campaigns)
    .where(eq(campaigns.id, id));
  if (!campaign) throw notFound(`campagna ${id}`);
  const visible = overviewVisibility(actor);
  const region = q.region ? await regionByCode(ctx, q.region) : null;
  const asOf = italianDay();
  const found = await ctx.db
    .select({
      id: submissions.id,
      status: submissions.status,
      reviewLevel: submissions.reviewLevel,
      filled: submissions.filled,
      expected: submissions.expected,
      errorCount: submissions.errorCount,
      lastActivityAt: submissions.lastActivityAt,
      council: { id: councils.id, code: councils.code, name: councils.name },
      region: { id: territories.id, code: territories.code, name: territories.name },
    })
    .from(submissions)
    .innerJoin(councils, eq(councils.id, submissions.councilId))
    .innerJoin(territories, eq(territories.id, councils.regionId))
    .where(and(eq(submissions.campaignId, id), visible))
    .orderBy(asc(territories.name), asc(councils.name));
  // As for the campaign itself: one the caller reaches no submission of is not theirs to see.
  if (visible !== undefined && !found.length) throw forbidden();
  const provinces = await provinceCodesOf(
    ctx,
    found.map((r) => r.council.id),
  );
  // At most one row per council (about 110): the summary and the region list need the rows the other
  // filters leave out, so the filters are applied here rather than in SQL.
  const all: OverviewRow[] = found.map((r) => ({
    submissionId: r.id,
    council: r.council,
    region: r.region,
    provinceCodes: provinces.get(r.council.id) ?? [],
    status: r.status,
    reviewLevel: r.reviewLevel,
    completeness: { filled: r.filled, expected: r.expected },
    errorCount: r.errorCount,
    overdue: isOverdue(r.status, campaign.deadline, asOf),
    lastActivityAt: r.lastActivityAt?.toISOString() ?? null,
  }));
  const inRegion = region ? all.filter((r) => r.region.id === region.id) : all;
  const rows = inRegion.filter((r) => (q.status === undefined || r.status === q.status) && (q.overdue === undefined || r.overdue === q.overdue));
  return {
    campaign: { id: campaign.id, name: campaign.name, year: campaign.year, deadline: campaign.deadline },
    asOf,
    region,
    summary: summarise(inRegion),
    regions: regionsOf(all),
    rows,
  };
}

/** The overview's rows alone (same reach and filters). */
export async function listCampaignSubmissions(ctx: Ctx, id: number, q: OverviewQuery = {}): Promise<OverviewRow[]> {
  return (await getCampaignOverview(ctx, id, q)).rows;
}

async function regionByCode(ctx: Ctx, code: string) {
  const [r] = await ctx.db
    .select({ id: territories.id, code: territories.code, name: territories.name })
    .from(territories)
    .where(and(eq(territories.level, 'region'), eq(territories.code, code)))
    .limit(1);
  if (!r) throw invalidFields([{ field: 'querystring.region', code: 'not_found', message: NO_REGION[ctx.lang].replace('{code}', code) }]);
  return r;
}

/** council id → codes of the provinces it covers in the 2017–2025 layout (the map's areas). */
async function provinceCodesOf(ctx: Ctx, councilIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!councilIds.length) return out;
  const rows = await ctx.db
    .select({ councilId: councilTerritories.councilId, code: territories.code })
    .from(councilTerritories)
    .innerJoin(territories, eq(territories.id, councilTerritories.territoryId))
    .where(and(inArray(councilTerritories.councilId, councilIds), eq(territories.level, 'province'), validAt(territories, COUNCIL_LAYOUT_DAY)))
    .orderBy(asc(territories.code));
  for (const r of rows) out.set(r.councilId, [...(out.get(r.councilId) ?? []), r.code]);
  return out;
}

function summarise(rows: OverviewRow[]): CampaignOverview['summary'] {
  const byStatus = Object.fromEntries(SUBMISSION_STATUSES.map((s) => [s, 0])) as Record<SubmissionStatus, number>;
  let filled = 0;
  let expected = 0;
  for (const r of rows) {
    byStatus[r.status] += 1;
    filled += r.completeness.filled;
    expected += r.completeness.expected;
  }
  return { total: rows.length, byStatus, overdue: rows.filter((r) => r.overdue).length, completeness: { filled, expected } };
}

function regionsOf(rows: OverviewRow[]): CampaignOverview['regions'] {
  const byId = new Map<number, CampaignOverview['regions'][number]>();
  for (const r of rows) {
    const seen = byId.get(r.region.id);
    if (seen) seen.count += 1;
    else byId.set(r.region.id, { ...r.region, count: 1 });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

/**
 * The submissions of a campaign to which the caller's organisations contribute, with the sections assigned
 * to them: a data provider's way into the campaign. Anyone who sees the campaign; others' organisations never.
 */
export async function listContributions(ctx: Ctx, id: number): Promise<z.infer<typeof contribution>[]> {
  const campaign = await getCampaign(ctx, id);
  const orgs = providerOrganizations(requireActor(ctx.actor));
  if (!orgs.length) return [];
  const [version] = await ctx.db.select({ definition: formVersions.definition }).from(formVersions).where(eq(formVersions.id, campaign.form.versionId));
  // Sections in the form's order, named in the request's language.
  const sections = ((version?.definition as FormDefinition | undefined)?.sections ?? []).map((s) => ({ code: s.code, title: s.title[ctx.lang] ?? s.title.it }));
  const rows = await ctx.db
    .select({
      submissionId: submissions.id,
      status: submissions.status,
      section: submissionAssignments.sectionCode,
      council: { id: councils.id, code: councils.code, name: councils.name },
    })
    .from(submissionAssignments)
    .innerJoin(submissions, eq(submissions.id, submissionAssignments.submissionId))
    .innerJoin(councils, eq(councils.id, submissions.councilId))
    .where(and(eq(submissions.campaignId, id), inArray(submissionAssignments.organizationId, orgs)))
    .orderBy(asc(councils.name));
  const bySubmission = new Map<number, { row: (typeof rows)[number]; codes: Set<string> }>();
  for (const r of rows) {
    const seen = bySubmission.get(r.submissionId);
    if (seen) seen.codes.add(r.section);
    else bySubmission.set(r.submissionId, { row: r, codes: new Set([r.section]) });
  }
  return [...bySubmission.values()].map(({ row, codes }) => ({
    submissionId: row.submissionId,
    council: row.council,
    status: row.status,
    sections: sections.filter((s) => codes.has(s.code)),
  }));
}
