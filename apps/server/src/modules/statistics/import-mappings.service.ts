import { type ImportMapping, importMapping } from '@mosaico/contracts/imports';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { users } from '../users/users.schema.ts';
import { mappingKey, shippedMappings } from './import-mapping.ts';
import { importMappings } from './imports.schema.ts';
import { requireImporter } from './imports.policy.ts';

/** The mapping saved for a dataflow or table signature, if any. */
export async function findSavedMapping(db: DbOrTx, kind: 'sdmx' | 'table', key: string): Promise<ImportMapping | null> {
  const [row] = await db.select({ mapping: importMappings.mapping }).from(importMappings).where(and(eq(importMappings.kind, kind), eq(importMappings.key, key)));
  if (!row) return null;
  const parsed = importMapping.safeParse(row.mapping);
  return parsed.success ? parsed.data : null;
}

/** Saves a mapping under its dataflow / table signature (the proposal for the next file of the same kind). */
export async function saveMapping(db: DbOrTx, mapping: ImportMapping, userId: number | null) {
  const now = new Date();
  await db
    .insert(importMappings)
    .values({ kind: mapping.kind, key: mappingKey(mapping), mapping, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({ target: [importMappings.kind, importMappings.key], set: { mapping: sql`excluded.mapping`, updatedBy: userId, updatedAt: now } });
}

/** Saved and shipped mappings (without their bodies). National admins only. */
export async function listMappings(ctx: Ctx) {
  requireImporter(ctx);
  const rows = await ctx.db
    .select({ kind: importMappings.kind, key: importMappings.key, updatedAt: importMappings.updatedAt, u: { id: users.id, name: users.name } })
    .from(importMappings)
    .leftJoin(users, eq(users.id, importMappings.updatedBy))
    .orderBy(asc(importMappings.kind), asc(importMappings.key));
  const saved = new Set(rows.map((r) => `${r.kind}|${r.key}`));
  const items: { kind: 'sdmx' | 'table'; key: string; source: 'saved' | 'shipped'; updatedAt: string; updatedBy: { id: number; name: string } | null }[] = rows.map((r) => ({ kind: r.kind, key: r.key, source: 'saved' as const, updatedAt: r.updatedAt.toISOString(), updatedBy: r.u?.id ? r.u : null }));
  for (const [k, m] of shippedMappings()) if (!saved.has(k)) items.push({ kind: m.kind, key: mappingKey(m), source: 'shipped' as const, updatedAt: '', updatedBy: null });
  return { items: items.map((i) => ({ ...i, updatedAt: i.updatedAt || null })) };
}

/** One mapping: the saved one, else the shipped one. National admins only. */
export async function getMapping(ctx: Ctx, kind: 'sdmx' | 'table', key: string) {
  requireImporter(ctx);
  const [row] = await ctx.db
    .select({ m: importMappings, u: { id: users.id, name: users.name } })
    .from(importMappings)
    .leftJoin(users, eq(users.id, importMappings.updatedBy))
    .where(and(eq(importMappings.kind, kind), eq(importMappings.key, key)));
  if (row) return { kind, key, mapping: importMapping.parse(row.m.mapping), source: 'saved' as const, updatedAt: row.m.updatedAt.toISOString(), updatedBy: row.u?.id ? row.u : null };
  const shipped = shippedMappings().get(`${kind}|${key}`);
  if (!shipped) throw notFound(`mappatura ${key}`);
  return { kind, key, mapping: shipped, source: 'shipped' as const, updatedAt: null, updatedBy: null };
}

/** Saves a mapping for a dataflow or table signature; its kind and key must be the address's. National admins only. */
export async function putMapping(ctx: Ctx, kind: 'sdmx' | 'table', key: string, mapping: ImportMapping) {
  const actor = requireImporter(ctx);
  if (mapping.kind !== kind || mappingKey(mapping) !== key) throw new AppError('invalid', 'import_mapping_key', { key });
  await saveMapping(ctx.db, mapping, actor.id);
  return getMapping(ctx, kind, key);
}
