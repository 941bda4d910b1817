import { gunzipSync, gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { importFiles } from './imports.schema.ts';

// Statistics files compress about tenfold; base64 in and out of SQL is far faster than bytea parameters on PGlite.

/** Stores an import's uploaded file. */
export async function storeImportFile(tx: DbOrTx, importId: number, content: Buffer) {
  const b64 = gzipSync(content, { level: 6 }).toString('base64');
  await tx.execute(sql`insert into ${importFiles} (import_id, content) values (${importId}, decode(${b64}, 'base64'))`);
}

/** An import's uploaded file, as uploaded. */
export async function readImportFile(db: DbOrTx, importId: number): Promise<Buffer> {
  const [row] = await db
    .select({ b64: sql<string>`encode(${importFiles.content}, 'base64')` })
    .from(importFiles)
    .where(eq(importFiles.importId, importId));
  if (!row) throw new Error(`import ${importId} has no stored file`);
  return gunzipSync(Buffer.from(row.b64.replace(/\s/g, ''), 'base64'));
}
