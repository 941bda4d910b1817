import type { organizationPatch } from '@mosaico/contracts/organizations';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, type FieldIssue } from '../../platform/http/errors.ts';
import { type Lang, translate } from '../../platform/http/messages.ts';
import { councilTerritories } from '../councils/councils.schema.ts';
import { findCouncilForTerritory, getCouncilRow } from '../councils/councils.service.ts';
import { territories } from '../territories/territories.schema.ts';
import { provinceOf, regionOf, resolveTerritory, type TerritoryRow } from '../territories/territories.service.ts';
import { organizations } from './organizations.schema.ts';

export type OrganizationRow = typeof organizations.$inferSelect;
export type OrganizationValues = Omit<OrganizationRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
/** A change as the API names it: a field left undefined keeps its value (or takes its default on create). */
export type OrganizationInput = Omit<z.infer<typeof organizationPatch>, 'version'>;

export interface OrganizationPlan {
  values: OrganizationValues;
  /** API names of the fields whose value changes. */
  changed: string[];
  issues: FieldIssue[];
  /** Another organisation already holding this name in the same council (or region). */
  duplicate: { id: number; name: string } | null;
  territory: TerritoryRow | null;
}

/** Lookups shared by the rows of one import, so a file of thousands of rows resolves each code once. */
export interface PlanCache {
  memo: Map<string, Promise<unknown>>;
}
export const newPlanCache = (): PlanCache => ({ memo: new Map() });

function remember<T>(cache: PlanCache, key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.memo.set(key, p);
  }
  return p;
}

const SIMPLE_FIELDS = ['name', 'kind', 'collectionStatus', 'taxCode', 'email', 'phone', 'website', 'address', 'contactPerson', 'notes'] as const;

/**
 * Works out the stored values of a new or changed organisation and everything wrong with them, without
 * writing: the territory (any code), its region, and the council — the one asked for if it covers the
 * territory, else the current one while it still covers it, else the one covering the territory
 * (none for a region or the nation).
 */
export async function planOrganization(
  db: DbOrTx,
  lang: Lang,
  current: OrganizationRow | null,
  input: OrganizationInput,
  cache: PlanCache = newPlanCache(),
): Promise<OrganizationPlan> {
  const issues: FieldIssue[] = [];
  let territory: TerritoryRow | null = null;
  if (input.territoryCode !== undefined) {
    const code = input.territoryCode;
    territory = await remember(cache, `t:${code.toUpperCase()}`, () => resolveTerritory(db, code).then((r) => r.t, () => null));
    if (!territory) issues.push({ field: 'territoryCode', code: 'territory_not_found', message: translate('territory_not_found', lang, { code }) });
  } else if (current) {
    const id = current.territoryId;
    territory = await remember(cache, `tid:${id}`, async () => (await db.select().from(territories).where(eq(territories.id, id)))[0] ?? null);
  }

  let councilId: number | null = current?.councilId ?? null;
  let regionId: number | null = current?.regionId ?? null;
  if (territory) {
    const t = territory;
    regionId = t.level === 'nation' ? null : (await remember(cache, `r:${t.id}`, () => regionOf(db, t))).id;
    const asked = input.councilId;
    if (typeof asked === 'number') {
      const council = await remember(cache, `c:${asked}`, () => getCouncilRow(db, asked));
      if (!council) {
        issues.push({ field: 'councilId', code: 'council_not_found', message: translate('council_not_found', lang, { code: asked }) });
      } else if (!(await covers(db, cache, asked, t))) {
        issues.push({
          field: 'councilId',
          code: 'council_territory_mismatch',
          message: translate('council_territory_mismatch', lang, { code: t.code, council: council.code }),
        });
      }
      councilId = asked;
    } else if (asked === undefined && current?.councilId && (await covers(db, cache, current.councilId, t))) {
      councilId = current.councilId;
    } else {
      councilId = (await remember(cache, `d:${t.id}`, () => findCouncilForTerritory(db, t)))?.id ?? null;
      if (councilId == null && (t.level === 'province' || t.level === 'comune')) {
        issues.push({ field: 'councilId', code: 'council_required', message: translate('council_required', lang) });
      }
    }
  }

  const base: OrganizationValues = current
    ? { ...current }
    : {
        name: '',
        kind: 'other',
        territoryId: 0,
        councilId: null,
        regionId: null,
        collectionStatus: 'new',
        taxCode: null,
        email: null,
        phone: null,
        website: null,
        address: null,
        contactPerson: null,
        notes: null,
      };
  const values: OrganizationValues = {
    name: base.name,
    kind: base.kind,
    territoryId: territory?.id ?? base.territoryId,
    councilId,
    regionId,
    collectionStatus: base.collectionStatus,
    taxCode: base.taxCode,
    email: base.email,
    phone: base.phone,
    website: base.website,
    address: base.address,
    contactPerson: base.contactPerson,
    notes: base.notes,
  };
  for (const f of SIMPLE_FIELDS) {
    const v = input[f];
    if (v !== undefined) (values as Record<string, unknown>)[f] = v ?? null;
  }

  const changed: string[] = [];
  for (const f of SIMPLE_FIELDS) if (!current || values[f] !== current[f]) changed.push(f);
  if (!current || values.territoryId !== current.territoryId) changed.push('territoryCode');
  if (!current || values.councilId !== current.councilId) changed.push('councilId');

  let duplicate: OrganizationPlan['duplicate'] = null;
  if (!issues.length && (changed.includes('name') || changed.includes('councilId') || changed.includes('territoryCode'))) {
    duplicate = await findNamesake(db, values, current?.id ?? null);
  }
  return { values, changed, issues, duplicate, territory };
}

/** A council covers a territory when it covers it or, for a comune, its province. */
async function covers(db: DbOrTx, cache: PlanCache, councilId: number, t: TerritoryRow): Promise<boolean> {
  return remember(cache, `cov:${councilId}:${t.id}`, async () => {
    const ids = [t.id];
    const p = await provinceOf(db, t);
    if (p && p.id !== t.id) ids.push(p.id);
    const rows = await db
      .select({ id: councilTerritories.territoryId })
      .from(councilTerritories)
      .where(and(eq(councilTerritories.councilId, councilId), inArray(councilTerritories.territoryId, ids)));
    return rows.length > 0;
  });
}

/** The organisation that would clash with these values on the one-name-per-council rule. */
export async function findNamesake(db: DbOrTx, v: Pick<OrganizationValues, 'name' | 'councilId' | 'regionId'>, exceptId: number | null) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(
      and(
        sql`coalesce(${organizations.councilId}, 0) = ${v.councilId ?? 0}`,
        sql`coalesce(${organizations.regionId}, 0) = ${v.regionId ?? 0}`,
        sql`lower(${organizations.name}) = lower(${v.name})`,
        exceptId == null ? undefined : ne(organizations.id, exceptId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export function duplicateError(d: { id: number; name: string }) {
  return new AppError('conflict', 'organization_exists', { name: d.name, id: d.id }, { id: d.id });
}

/**
 * Two editors saving the same name at once: the unique index decides, and the loser gets a 409, not a 500.
 * Wraps the whole transaction, so the namesake is looked up once the failed transaction is over.
 */
export async function guardUniqueName<T>(
  db: DbOrTx,
  planned: () => Pick<OrganizationValues, 'name' | 'councilId' | 'regionId'> | null,
  exceptId: number | null,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    const v = planned();
    if ((e.code ?? e.cause?.code) !== '23505' || !v) throw err;
    const d = await findNamesake(db, v, exceptId);
    throw duplicateError(d ?? { id: 0, name: v.name });
  }
}
