import type { dataSourceCreate } from '@mosaico/contracts/data-sources';
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { FieldIssue } from '../../platform/http/errors.ts';
import { translate } from '../../platform/http/messages.ts';
import { getCouncilRow } from '../councils/councils.service.ts';
import { canRead } from '../organizations/organizations.policy.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { resolveTerritory } from '../territories/territories.service.ts';
import { dataSources } from './data-sources.schema.ts';

export type DataSourceRow = typeof dataSources.$inferSelect;
export type DataSourceValues = Omit<DataSourceRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type DataSourceInput = z.infer<typeof dataSourceCreate>;

export interface DataSourcePlan {
  values: DataSourceValues;
  issues: FieldIssue[];
}

/**
 * Works out the stored values of a new or changed entry and everything wrong with them, without writing:
 * its owning scope (region by any code, council by id), its publisher (a registered organisation the caller
 * reads, or a name), the territories it covers (any code), the order of its dates and a free code.
 */
export async function planDataSource(ctx: Ctx, db: DbOrTx, id: number | null, input: DataSourceInput): Promise<DataSourcePlan> {
  const issues: FieldIssue[] = [];
  const issue = (field: string, code: string, params: Record<string, string | number> = {}) =>
    issues.push({ field, code, message: translate(code, ctx.lang, params) });

  let regionId: number | null = null;
  let councilId: number | null = null;
  if (input.scopeType === 'region') {
    if (!input.regionCode) issue('regionCode', 'data_source_region_required');
    else {
      const region = await resolveTerritory(db, input.regionCode).then((r) => r.t, () => null);
      if (!region) issue('regionCode', 'territory_not_found', { code: input.regionCode });
      else if (region.level !== 'region') issue('regionCode', 'region_expected', { code: input.regionCode });
      else regionId = region.id;
    }
  } else if (input.scopeType === 'council') {
    if (input.councilId == null) issue('councilId', 'data_source_council_required');
    else {
      const council = await getCouncilRow(db, input.councilId);
      if (!council) issue('councilId', 'council_not_found', { code: input.councilId });
      else {
        councilId = council.id;
        regionId = council.regionId;
      }
    }
  }

  let publisherName = input.publisherName ?? '';
  if (input.publisherOrganizationId != null) {
    const [org] = await db.select().from(organizations).where(eq(organizations.id, input.publisherOrganizationId));
    // An organisation the caller cannot read is reported as missing: its existence is not theirs to learn.
    if (!org || !ctx.actor || !canRead(ctx.actor, org)) issue('publisherOrganizationId', 'data_source_publisher_not_found', { id: input.publisherOrganizationId });
    else publisherName = org.name;
  } else if (!publisherName) issue('publisherName', 'data_source_publisher_required');

  const spatialTerritoryIds: number[] = [];
  for (const [i, code] of input.spatial.entries()) {
    const t = await resolveTerritory(db, code).then((r) => r.t, () => null);
    if (!t) issue(`spatial.${i}`, 'territory_not_found', { code });
    else if (!spatialTerritoryIds.includes(t.id)) spatialTerritoryIds.push(t.id);
  }

  if (input.temporalStart && input.temporalEnd && input.temporalEnd < input.temporalStart) issue('temporalEnd', 'data_source_end_before_start');
  if (input.issued && input.modified && input.modified < input.issued) issue('modified', 'data_source_modified_before_issued');

  const [taken] = await db
    .select({ id: dataSources.id })
    .from(dataSources)
    .where(and(eq(dataSources.code, input.code), id != null ? ne(dataSources.id, id) : undefined));
  if (taken) issue('code', 'data_source_code_taken', { code: input.code });

  return {
    issues,
    values: {
      code: input.code,
      title: { it: input.title.it, en: input.title.en ?? null },
      description: { it: input.description.it, en: input.description.en ?? null },
      scopeType: input.scopeType,
      regionId,
      councilId,
      publisherOrganizationId: input.publisherOrganizationId ?? null,
      publisherName,
      publisherIpaCode: input.publisherIpaCode ?? null,
      rightsHolderName: input.rightsHolderName,
      rightsHolderIpaCode: input.rightsHolderIpaCode ?? null,
      content: input.content ?? null,
      themes: input.themes,
      keywords: input.keywords,
      spatialTerritoryIds,
      detailLevel: input.detailLevel ?? null,
      temporalStart: input.temporalStart ?? null,
      temporalEnd: input.temporalEnd ?? null,
      periods: input.periods ?? null,
      frequency: input.frequency,
      formats: input.formats,
      licenseUri: input.licenseUri ?? null,
      accessRights: input.accessRights,
      accessConditions: input.accessConditions ?? null,
      contactName: input.contactName ?? null,
      contactEmail: input.contactEmail ?? null,
      landingPage: input.landingPage ?? null,
      accessUrl: input.accessUrl ?? null,
      reachability: input.reachability,
      reachabilityCheckedAt: input.reachabilityCheckedAt ?? null,
      reachabilityNote: input.reachabilityNote ?? null,
      issued: input.issued ?? null,
      modified: input.modified ?? null,
      languages: input.languages,
    },
  };
}
