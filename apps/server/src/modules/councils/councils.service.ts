import type { councilCreate, councilPatch, councilQuery } from '@mosaico/contracts/councils';
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, notFound, requireVersion, versionConflict } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { authorize } from '../auth/scope.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { provinceOf, resolveTerritory, type TerritoryRow } from '../territories/territories.service.ts';
import { councils, councilTerritories } from './councils.schema.ts';

type CouncilRow = typeof councils.$inferSelect;

async function present(db: DbOrTx, rows: CouncilRow[], withCounts = false) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const regionRows = await db.select().from(territories).where(inArray(territories.id, [...new Set(rows.map((r) => r.regionId))]));
  const regions = new Map(regionRows.map((r) => [r.id, r]));
  const covered = await db
    .select({ councilId: councilTerritories.councilId, id: territories.id, code: territories.code, name: territories.name, level: territories.level })
    .from(councilTerritories)
    .innerJoin(territories, eq(territories.id, councilTerritories.territoryId))
    .where(inArray(councilTerritories.councilId, ids))
    .orderBy(asc(territories.validFrom), asc(territories.code));
  const counts = new Map<number, number>();
  if (withCounts) {
    const rowsN = await db
      .select({ councilId: organizations.councilId, n: count() })
      .from(organizations)
      .where(inArray(organizations.councilId, ids))
      .groupBy(organizations.councilId);
    for (const r of rowsN) counts.set(r.councilId as number, r.n);
  }
  return rows.map((c) => {
    const region = regions.get(c.regionId) as TerritoryRow;
    return {
      id: c.id,
      code: c.code,
      name: c.name,
      prefecture: c.prefecture,
      region: { id: region.id, code: region.code, name: region.name },
      territories: covered.filter((t) => t.councilId === c.id).map(({ councilId: _c, ...t }) => t),
      email: c.email,
      active: c.active,
      version: c.version,
      ...(withCounts ? { organizationCount: counts.get(c.id) ?? 0 } : {}),
    };
  });
}

/** Lists councils, optionally of one region or matching a name. Public: councils are public bodies. */
export async function listCouncils(ctx: Ctx, q: z.infer<typeof councilQuery>) {
  const where: (SQL | undefined)[] = [];
  if (q.region) where.push(eq(councils.regionId, (await resolveTerritory(ctx.db, q.region)).t.id));
  if (q.q) where.push(or(ilike(councils.name, `%${q.q}%`), ilike(councils.code, `%${q.q}%`)));
  const rows = await ctx.db.select().from(councils).where(and(...where)).orderBy(asc(councils.name));
  return present(ctx.db, rows, true);
}

export async function getCouncil(ctx: Ctx, id: number) {
  const [row] = await ctx.db.select().from(councils).where(eq(councils.id, id));
  if (!row) throw notFound(`consiglio ${id}`);
  return (await present(ctx.db, [row], true))[0];
}

async function resolveCoverage(db: DbOrTx, codes: string[]) {
  const out: TerritoryRow[] = [];
  for (const code of codes) {
    const { t } = await resolveTerritory(db, code);
    if (t.level !== 'province' && t.level !== 'comune') {
      throw new AppError('invalid', 'validation_failed', {}, { issues: [{ field: 'territoryCodes', code: 'level', message: `${code}: province o comuni` }] });
    }
    out.push(t);
  }
  return out;
}

/** Creates a council; national admins only. */
export async function createCouncil(ctx: Ctx, body: z.infer<typeof councilCreate>) {
  authorize(ctx.actor, ['national_admin'], {});
  return ctx.db.transaction(async (tx) => {
    const covered = await resolveCoverage(tx, body.territoryCodes);
    const [dupe] = await tx.select({ id: councils.id }).from(councils).where(eq(councils.code, body.code));
    if (dupe) throw new AppError('conflict', 'validation_failed', {}, { issues: [{ field: 'code', code: 'taken', message: body.code }] });
    const region = await regionOfTerritory(tx, covered[0]);
    const [row] = await tx
      .insert(councils)
      .values({ code: body.code, name: body.name, prefecture: body.prefecture, email: body.email, regionId: region })
      .returning();
    await tx.insert(councilTerritories).values(covered.map((t) => ({ councilId: row.id, territoryId: t.id })));
    const [out] = await present(tx, [row]);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'council', entityId: row.id, after: out, regionId: region, councilId: row.id });
    return out;
  });
}

async function regionOfTerritory(db: DbOrTx, t: TerritoryRow): Promise<number> {
  const p = t.level === 'province' ? t : await provinceOf(db, t);
  return p?.parentId as number;
}

/** Edits a council (name, prefecture, contacts, coverage, active); national admins only, with a version check. */
export async function updateCouncil(ctx: Ctx, id: number, body: z.infer<typeof councilPatch>, ifMatch?: number) {
  authorize(ctx.actor, ['national_admin'], {});
  const expected = requireVersion(ctx.lang, body.version, ifMatch);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(councils).where(eq(councils.id, id)).for('update');
    if (!row) throw notFound(`consiglio ${id}`);
    if (row.version !== expected) throw versionConflict(row.version);
    const [before] = await present(tx, [row]);
    const { territoryCodes, version: _v, ...fields } = body;
    const [updated] = await tx
      .update(councils)
      .set({ ...fields, version: sql`${councils.version} + 1`, updatedAt: new Date() })
      .where(eq(councils.id, id))
      .returning();
    if (territoryCodes) {
      const covered = await resolveCoverage(tx, territoryCodes);
      await tx.delete(councilTerritories).where(eq(councilTerritories.councilId, id));
      await tx.insert(councilTerritories).values(covered.map((t) => ({ councilId: id, territoryId: t.id })));
    }
    const [after] = await present(tx, [updated]);
    await recordAudit(tx, ctx, { action: 'update', entityType: 'council', entityId: id, before, after, regionId: row.regionId, councilId: id });
    return after;
  });
}

/** The council covering a territory: the one covering it or its province (for a comune). */
export async function findCouncilForTerritory(db: DbOrTx, t: TerritoryRow): Promise<CouncilRow | null> {
  const candidates = [t.id];
  const p = await provinceOf(db, t);
  if (p && p.id !== t.id) candidates.push(p.id);
  const rows = await db
    .select({ c: councils })
    .from(councilTerritories)
    .innerJoin(councils, eq(councils.id, councilTerritories.councilId))
    .where(inArray(councilTerritories.territoryId, candidates));
  return rows[0]?.c ?? null;
}

export async function getCouncilRow(db: DbOrTx, id: number): Promise<CouncilRow | null> {
  const [row] = await db.select().from(councils).where(eq(councils.id, id));
  return row ?? null;
}

/**
 * The territory each council's figures are attributed to at a date: the province (or 2026 unit) it covers that
 * is in force then, else the last one it covered. Councils covering nothing are left out.
 */
export async function councilTerritoriesAt(db: DbOrTx, councilIds: number[], at: string): Promise<Map<number, number>> {
  if (!councilIds.length) return new Map();
  const rows = await db
    .select({ councilId: councilTerritories.councilId, id: territories.id, validFrom: territories.validFrom, validTo: territories.validTo })
    .from(councilTerritories)
    .innerJoin(territories, eq(territories.id, councilTerritories.territoryId))
    .where(inArray(councilTerritories.councilId, councilIds))
    .orderBy(asc(territories.validFrom), asc(territories.id));
  const chosen = new Map<number, { id: number; inForce: boolean }>();
  for (const t of rows) {
    const inForce = t.validFrom <= at && (t.validTo === null || t.validTo >= at);
    // Sorted by validity: the first in force sticks; until one is found, later versions replace earlier ones.
    if (!chosen.get(t.councilId)?.inForce) chosen.set(t.councilId, { id: t.id, inForce });
  }
  return new Map([...chosen].map(([council, t]) => [council, t.id]));
}
