import type { boundaryQuery, territoryQuery } from '@mosaico/contracts/territories';
import { and, asc, count, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { boundarySets, territories, territoryChanges, territoryCodes } from './territories.schema.ts';

export type TerritoryRow = typeof territories.$inferSelect;

export const today = () => new Date().toISOString().slice(0, 10);

/** Rows in force on a date: valid_from ≤ at ≤ valid_to (open-ended when valid_to is null). */
export const validAt = (t: { validFrom: AnyPgColumn; validTo: AnyPgColumn }, at: string) =>
  and(lte(t.validFrom, at), or(isNull(t.validTo), gte(t.validTo, at)));

const parent = alias(territories, 'parent');
const selection = {
  t: territories,
  parentCode: parent.code,
};

function present(r: { t: TerritoryRow; parentCode: string | null }) {
  const { parentId: _p, ...t } = r.t;
  return { ...t, parentCode: r.parentCode };
}

/** Lists territories valid at a date, by level and parent (parent given by any of its codes). Public. */
export async function listTerritories(ctx: Ctx, q: z.infer<typeof territoryQuery>) {
  const at = q.at ?? today();
  const where: (SQL | undefined)[] = [validAt(territories, at)];
  if (q.level) where.push(eq(territories.level, q.level));
  if (q.parent) {
    const p = await resolveTerritory(ctx.db, q.parent, at);
    // Children of a territory that has since changed are those valid while it was.
    const childAt = p.t.validTo && p.t.validTo < at ? p.t.validTo : at;
    where[0] = validAt(territories, childAt);
    where.push(descendantOf(p.t, q.level));
  } else if (!q.level) {
    where.push(eq(territories.level, 'region'));
  }
  if (q.q) where.push(ilike(territories.name, `%${q.q}%`));
  const rows = await ctx.db
    .select(selection)
    .from(territories)
    .leftJoin(parent, eq(parent.id, territories.parentId))
    .where(and(...where))
    .orderBy(asc(territories.code));
  return { at, items: rows.map(present) };
}

const LEVELS = ['nation', 'region', 'province', 'comune'] as const;

/** Territories `level` steps below the parent (direct children when no level is asked). */
function descendantOf(parent: TerritoryRow, level?: string): SQL {
  const depth = level ? LEVELS.indexOf(level as (typeof LEVELS)[number]) - LEVELS.indexOf(parent.level) : 1;
  if (depth < 1) return sql`false`;
  if (depth === 1) return eq(territories.parentId, parent.id);
  let ids = sql`select id from territories where parent_id = ${parent.id}`;
  for (let i = 2; i < depth; i++) ids = sql`select id from territories where parent_id in (${ids})`;
  return sql`${territories.parentId} in (${ids})`;
}

export interface Resolved {
  t: TerritoryRow;
  resolvedFrom: string | null;
}

/**
 * Finds the territory a code means at a date: its own code, then its other codes (ISTAT historic, ITTER107,
 * NUTS, car plate); a code no longer valid at that date is followed through its recode to its successor.
 */
export async function resolveTerritory(db: DbOrTx, rawCode: string, at: string = today()): Promise<Resolved> {
  const code = rawCode.trim().toUpperCase();
  const own = await db.select().from(territories).where(and(eq(territories.code, code), validAt(territories, at))).limit(1);
  if (own[0]) return { t: own[0], resolvedFrom: null };
  const byAlias = await db
    .select({ t: territories })
    .from(territoryCodes)
    .innerJoin(territories, eq(territories.id, territoryCodes.territoryId))
    .where(and(sql`upper(${territoryCodes.code}) = ${code}`, validAt(territoryCodes, at)))
    .orderBy(sql`case ${territories.level} when 'province' then 0 when 'region' then 1 else 2 end`)
    .limit(1);
  if (byAlias[0]) return { t: byAlias[0].t, resolvedFrom: rawCode };
  // Not valid at that date: take the latest version of the code and follow a one-to-one recode forward.
  const [any] = await db
    .select({ t: territories })
    .from(territories)
    .where(eq(territories.code, code))
    .orderBy(sql`${territories.validFrom} desc`)
    .limit(1)
    .then(async (r) =>
      r.length
        ? r
        : db
            .select({ t: territories })
            .from(territoryCodes)
            .innerJoin(territories, eq(territories.id, territoryCodes.territoryId))
            .where(sql`upper(${territoryCodes.code}) = ${code}`)
            .orderBy(sql`${territoryCodes.validFrom} desc`)
            .limit(1),
    );
  if (!any) throw new AppError('not_found', 'territory_not_found', { code: rawCode });
  let current = any.t;
  for (let hops = 0; hops < 5 && current.validTo && current.validTo < at; hops++) {
    const next = await db
      .select({ t: territories })
      .from(territoryChanges)
      .innerJoin(territories, eq(territories.id, territoryChanges.toId))
      .where(and(eq(territoryChanges.fromId, current.id), eq(territoryChanges.kind, 'recode')));
    if (next.length !== 1) break;
    current = next[0].t;
  }
  return { t: current, resolvedFrom: current.code === code ? null : rawCode };
}

/** One territory with its ancestors, other codes and code changes. Public. */
export async function getTerritory(ctx: Ctx, code: string, at?: string) {
  const { t, resolvedFrom } = await resolveTerritory(ctx.db, code, at ?? today());
  const ancestors: { code: string; level: TerritoryRow['level']; name: string }[] = [];
  let pid = t.parentId;
  while (pid) {
    const [p] = await ctx.db.select().from(territories).where(eq(territories.id, pid));
    ancestors.unshift({ code: p.code, level: p.level, name: p.name });
    pid = p.parentId;
  }
  const [{ childCount }] = await ctx.db.select({ childCount: count() }).from(territories).where(eq(territories.parentId, t.id));
  const aliases = await ctx.db
    .select({ scheme: territoryCodes.scheme, code: territoryCodes.code, validFrom: territoryCodes.validFrom, validTo: territoryCodes.validTo })
    .from(territoryCodes)
    .where(eq(territoryCodes.territoryId, t.id));
  const linked = async (dir: 'from' | 'to') => {
    const other = dir === 'from' ? territoryChanges.fromId : territoryChanges.toId;
    const self = dir === 'from' ? territoryChanges.toId : territoryChanges.fromId;
    return ctx.db
      .select({ code: territories.code, name: territories.name, kind: territoryChanges.kind, effectiveDate: territoryChanges.effectiveDate })
      .from(territoryChanges)
      .innerJoin(territories, eq(territories.id, other))
      .where(eq(self, t.id));
  };
  const parentCode = ancestors.length ? ancestors[ancestors.length - 1].code : null;
  const { parentId: _p, ...rest } = t;
  return {
    ...rest,
    parentCode,
    ancestors,
    childCount,
    aliases,
    predecessors: await linked('from'),
    successors: await linked('to'),
    resolvedFrom,
  };
}

/** The boundaries valid at a date, as TopoJSON whose features carry territory `code` and `name`. Public. */
export async function getBoundaries(ctx: Ctx, q: z.infer<typeof boundaryQuery>) {
  const at = q.at ?? today();
  const [set] = await ctx.db
    .select()
    .from(boundarySets)
    .where(and(eq(boundarySets.level, q.level), validAt(boundarySets, at)))
    .limit(1);
  if (!set) throw new AppError('not_found', 'not_found', { what: `confini ${q.level} ${at}` });
  let topology = set.topology as { objects: Record<string, { geometries: { properties: Record<string, unknown> }[] }> };
  if (q.region) {
    const region = await resolveTerritory(ctx.db, q.region, at);
    const inRegion = await ctx.db
      .select({ code: territories.code })
      .from(territories)
      .where(and(eq(territories.parentId, region.t.id), validAt(territories, at)));
    const codes = new Set(inRegion.map((r) => r.code));
    topology = {
      ...topology,
      objects: Object.fromEntries(
        Object.entries(topology.objects).map(([k, o]) => [k, { ...o, geometries: o.geometries.filter((g) => codes.has(String(g.properties.code))) }]),
      ),
    };
  }
  return { id: set.id, at, attribution: set.attribution, topology };
}

/** Territories by id (for presenting other modules' records). */
export async function getTerritoriesByIds(db: DbOrTx, ids: number[]) {
  if (!ids.length) return new Map<number, TerritoryRow>();
  const rows = await db.select().from(territories).where(inArray(territories.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The region a territory belongs to (itself when a region). */
export async function regionOf(db: DbOrTx, t: TerritoryRow): Promise<TerritoryRow> {
  let cur = t;
  while (cur.level !== 'region') {
    if (!cur.parentId) throw new AppError('invalid', 'territory_not_found', { code: t.code });
    const [p] = await db.select().from(territories).where(eq(territories.id, cur.parentId));
    cur = p;
  }
  return cur;
}

/** The province a territory lies in (itself when a province), or null for a region or the nation. */
export async function provinceOf(db: DbOrTx, t: TerritoryRow): Promise<TerritoryRow | null> {
  if (t.level === 'province') return t;
  if (t.level !== 'comune' || !t.parentId) return null;
  const [p] = await db.select().from(territories).where(eq(territories.id, t.parentId));
  return p;
}
