import { and, count, eq } from 'drizzle-orm';
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
 * One council per province of the 2017–2025 layout (107), covering that province; in Sardinia each council
 * also covers the 2026 units that received most of its comuni. Runs once, on an empty table.
 */
export async function seedCouncils(db: DbOrTx): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(councils);
  if (n > 0) return 0;
  const at = '2025-12-31';
  const provinces = await db
    .select()
    .from(territories)
    .where(and(eq(territories.level, 'province'), validAt(territories, at)))
    .orderBy(territories.code);
  const successors = await db.select().from(territoryChanges);
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
    const covered = [p.id];
    if (p.validFrom === LAYOUT_2017 && p.validTo) {
      // A 2026 unit goes to the council whose province gave it most comuni (province changes note how many).
      for (const ch of successors.filter((s) => s.fromId === p.id && s.note)) {
        const best = successors
          .filter((s) => s.toId === ch.toId && s.note)
          .sort((a, b) => Number.parseInt(b.note as string, 10) - Number.parseInt(a.note as string, 10))[0];
        if (best?.fromId === p.id) covered.push(ch.toId);
      }
    }
    await db.insert(councilTerritories).values(covered.map((territoryId) => ({ councilId: c.id, territoryId })));
  }
  return provinces.length;
}
