import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { dataSources } from './data-sources.schema.ts';
import { applyImport, createImport } from './imports.service.ts';

const DATA = path.resolve(import.meta.dirname, '../../../../../data');

/** The shipped statistics the demo imports, with the data source each comes from (if the inventory has it). */
export const DEMO_STATISTICS = [
  { file: 'statistics/istat_bilancio_stranieri_province_2019_2023_POPSTRBIL1.csv', source: 'istat-popstrbil1' },
  { file: 'statistics/ondata_cruscotto_accoglienza.csv', source: 'ministero-cruscotto-accoglienza' },
  { file: 'reference/comuni_popolazione_superficie_situas_2024.csv', source: 'istat-popolazione-comuni' },
] as const;

/**
 * Imports the shipped statistics through the real services (dry run with the shipped mapping, then apply:
 * inline here, as no job queue runs yet at first start), each linked to its data source when one with that
 * code exists. Returns what each import stored.
 */
export async function loadDemoStatistics(ctx: Ctx) {
  const out: { file: string; importId: number; status: string; new: number; unresolved: number }[] = [];
  for (const s of DEMO_STATISTICS) {
    const [source] = await ctx.db.select({ id: dataSources.id }).from(dataSources).where(eq(dataSources.code, s.source));
    const content = fs.readFileSync(path.join(DATA, s.file));
    const dry = await createImport(ctx, { name: path.basename(s.file), content }, { dryRun: true, ...(source ? { dataSourceId: source.id } : {}) });
    const applied = await applyImport(ctx, dry.id, {});
    out.push({ file: path.basename(s.file), importId: applied.id, status: applied.status, new: applied.counts.new, unresolved: applied.counts.unresolved });
  }
  return out;
}
