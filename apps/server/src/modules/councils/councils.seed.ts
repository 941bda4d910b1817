import { and, count, eq, gt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.ts';
import { LAYOUT_2017 } from '../territories/reference-data.ts';
import { territories, territoryChanges } from '../territories/territories.schema.ts';
import { validAt } from '../territories/territories.service.ts';
import { councils, councilTerritories } from './councils.schema.ts';

// Where the State's territorial office is not a prefecture.
const SPECIAL_PREFECTURES: Record<string, string> = {
  AO: 'Presidenza della Regione Valle d’Aosta (funzioni prefettizie)',
  BZ: 'Commissariato del Governo per la Provincia di Bolzano',
  TN: 'Commissariato del Governo per la Provincia di Trento',
};

/**
 * One council per province of the 2017–2025 layout (107), covering that province. In Sardinia each 2026 unit
 * is also covered by the council of the old province its capital belonged to (Cagliari 118006 was 092009).
 * Runs once, on an empty table.
 */
export async function seedCouncils(db: DbOrTx): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(councils);
  if (n > 0) return 0;
  const provinces = await db
    .select()
    .from(territories)
    .where(and(eq(territories.level, 'province'), validAt(territories, '2025-12-31')))
    .orderBy(territories.code);
  const councilOfProvince = new Map<number, number>();
  for (const p of provinces) {
    const plate = p.carPlate ?? p.code;
    const [c] = await db
      .insert(councils)
      .values({
        code: `CTI-${plate}`,
        name: `Consiglio Territoriale per l’Immigrazione di ${p.name}`,
        prefecture: SPECIAL_PREFECTURES[plate] ?? `Prefettura – UTG di ${p.name}`,
        regionId: p.parentId as number,
      })
      .returning({ id: councils.id });
    councilOfProvince.set(p.id, c.id);
    await db.insert(councilTerritories).values({ councilId: c.id, territoryId: p.id });
  }
  // Units that begin after the 2017 layout: find the old province of their capital through its recode.
  const oldCapital = alias(territories, 'old_capital');
  const newUnits = await db
    .select({ unitId: territories.parentId, oldProvinceId: oldCapital.parentId })
    .from(territories)
    .innerJoin(territoryChanges, and(eq(territoryChanges.toId, territories.id), eq(territoryChanges.kind, 'recode')))
    .innerJoin(oldCapital, eq(oldCapital.id, territoryChanges.fromId))
    .where(and(eq(territories.level, 'comune'), eq(territories.isCapital, true), gt(territories.validFrom, LAYOUT_2017)));
  // A unit with two capitals (e.g. Medio Campidano) goes to the council of the first.
  const covered = new Set<number>();
  for (const u of newUnits) {
    const councilId = councilOfProvince.get(u.oldProvinceId as number);
    if (!councilId || !u.unitId || covered.has(u.unitId)) continue;
    covered.add(u.unitId);
    await db.insert(councilTerritories).values({ councilId, territoryId: u.unitId });
  }
  return provinces.length;
}
