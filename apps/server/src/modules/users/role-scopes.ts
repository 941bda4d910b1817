import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RoleGrant } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type Lang, translate } from '../../platform/http/messages.ts';
import type { Placement } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { resolveTerritory } from '../territories/territories.service.ts';
import type { ScopeType } from './users.schema.ts';

/** A role grant with where its scope lies (region, council, organisation) and the scope's name. */
export type PlacedGrant<T extends RoleGrant = RoleGrant> = T & {
  placement: Required<Placement>;
  scopeName: string | null;
  /** false when the scope id points at nothing (or, for a region, at a territory that is not a region). */
  exists: boolean;
};

const NATION_NAME = 'Italia';

/**
 * Places grants in the territory: a council lies in its region, an organisation in its council and region.
 * Scope checks compare these placements with the reach of the actor.
 */
export async function placeGrants<T extends RoleGrant>(db: DbOrTx, grants: T[]): Promise<PlacedGrant<T>[]> {
  const idsOf = (type: ScopeType) => [...new Set(grants.filter((g) => g.scopeType === type && g.scopeId != null).map((g) => g.scopeId as number))];
  const regionIds = idsOf('region');
  const councilIds = idsOf('council');
  const orgIds = idsOf('organization');
  const regions = new Map(
    regionIds.length
      ? (
          await db
            .select({ id: territories.id, name: territories.name })
            .from(territories)
            .where(and(inArray(territories.id, regionIds), eq(territories.level, 'region')))
        ).map((r) => [r.id, r])
      : [],
  );
  const councilRows = new Map(
    councilIds.length
      ? (await db.select({ id: councils.id, name: councils.name, regionId: councils.regionId }).from(councils).where(inArray(councils.id, councilIds))).map((r) => [
          r.id,
          r,
        ])
      : [],
  );
  const orgRows = new Map(
    orgIds.length
      ? (
          await db
            .select({ id: organizations.id, name: organizations.name, councilId: organizations.councilId, regionId: organizations.regionId })
            .from(organizations)
            .where(inArray(organizations.id, orgIds))
        ).map((r) => [r.id, r])
      : [],
  );
  return grants.map((g) => {
    const none = { regionId: null, councilId: null, organizationId: null };
    const id = g.scopeId as number;
    switch (g.scopeType) {
      case 'nation':
        return { ...g, placement: none, scopeName: NATION_NAME, exists: g.scopeId == null };
      case 'region': {
        const r = regions.get(id);
        return { ...g, placement: { ...none, regionId: r ? id : null }, scopeName: r?.name ?? null, exists: !!r };
      }
      case 'council': {
        const c = councilRows.get(id);
        return { ...g, placement: { ...none, regionId: c?.regionId ?? null, councilId: c ? id : null }, scopeName: c?.name ?? null, exists: !!c };
      }
      default: {
        const o = orgRows.get(id);
        return {
          ...g,
          placement: { regionId: o?.regionId ?? null, councilId: o?.councilId ?? null, organizationId: o ? id : null },
          scopeName: o?.name ?? null,
          exists: !!o,
        };
      }
    }
  });
}

/** Places one grant; a scope that does not exist is a 400 naming the field of the scope. */
export async function placeExistingGrant<T extends RoleGrant>(db: DbOrTx, grant: T, field: string, lang: Lang): Promise<PlacedGrant<T>> {
  const [placed] = await placeGrants(db, [grant]);
  if (!placed.exists) {
    const params = { scopeType: grant.scopeType, scopeId: String(grant.scopeId ?? '') };
    throw new AppError('invalid', 'scope_not_found', params, { issues: [{ field, code: 'scope_not_found', message: translate('scope_not_found', lang, params) }] });
  }
  return placed;
}

/**
 * The id of a scope given the way an administrator writes it: a region by ISTAT code ("03") or name,
 * a council by code ("CTI-MI") or id, an organisation by id. Used by the command line.
 */
export async function resolveScopeRef(db: DbOrTx, scopeType: ScopeType, ref: string | undefined): Promise<number | null> {
  const notFound = () => new AppError('invalid', 'scope_not_found', { scopeType, scopeId: ref ?? '' });
  if (scopeType === 'nation') return null;
  if (!ref) throw notFound();
  const text = ref.trim();
  if (scopeType === 'region') {
    const [byName] = await db
      .select({ id: territories.id })
      .from(territories)
      .where(and(eq(territories.level, 'region'), sql`lower(${territories.name}) = ${text.toLowerCase()}`))
      .limit(1);
    if (byName) return byName.id;
    try {
      const { t } = await resolveTerritory(db, text);
      if (t.level === 'region') return t.id;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
    throw notFound();
  }
  if (scopeType === 'council') {
    const where = /^\d+$/.test(text) ? eq(councils.id, Number(text)) : sql`upper(${councils.code}) = ${text.toUpperCase()}`;
    const [c] = await db.select({ id: councils.id }).from(councils).where(where);
    if (c) return c.id;
    throw notFound();
  }
  if (!/^\d+$/.test(text)) throw notFound();
  const [o] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, Number(text)));
  if (o) return o.id;
  throw notFound();
}
