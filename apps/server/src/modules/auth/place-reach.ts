import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { councils } from '../councils/councils.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { type PlaceReadReach, placeReadReachOf } from './place-policy.ts';
import { requireActor } from './scope.ts';

/**
 * The signed-in caller's read reach over records shared at a place (see place-policy), with the places of their
 * council roles — and of their organisation roles when `withOrganizations` — looked up. 401 without a caller.
 */
export async function loadPlaceReadReach(ctx: Ctx, withOrganizations: boolean): Promise<PlaceReadReach> {
  const actor = requireActor(ctx.actor);
  const ids = (scope: string) => actor.roles.filter((g) => g.scopeType === scope && g.scopeId != null).map((g) => g.scopeId as number);
  const councilIds = ids('council');
  const orgIds = withOrganizations ? ids('organization') : [];
  const councilRows = councilIds.length ? await ctx.db.select({ id: councils.id, regionId: councils.regionId }).from(councils).where(inArray(councils.id, councilIds)) : [];
  const orgRows = orgIds.length
    ? await ctx.db.select({ id: organizations.id, councilId: organizations.councilId, regionId: organizations.regionId }).from(organizations).where(inArray(organizations.id, orgIds))
    : [];
  return placeReadReachOf(actor, {
    councilRegion: new Map(councilRows.map((r) => [r.id, r.regionId])),
    organization: withOrganizations ? new Map(orgRows.map((o) => [o.id, o])) : undefined,
  });
}
