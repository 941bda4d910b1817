import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';

/** The rows of a raw SQL query (the participation figures are computed in SQL, across the shared tables). */
export async function queryRows(db: DbOrTx, query: SQL): Promise<Record<string, unknown>[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows;
}

export const num = (v: unknown) => Number(v ?? 0);
/** Hours to one decimal: session lengths are in minutes, often 90 or 150. */
export const roundHours = (v: unknown) => Math.round(num(v) * 10) / 10;
