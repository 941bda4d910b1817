import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { libraryDocumentVersions } from './library.schema.ts';

// Bytes go in and out of SQL as base64: on PGlite that is far faster than bytea parameters (see import-files.ts).

export interface NewVersion {
  documentId: number;
  n: number;
  fileName: string;
  fileType: string;
  size: number;
  sha256: string;
  note: string | null;
  uploadedBy: number | null;
  content: Buffer;
}

/** Stores one uploaded file of a document. */
export async function storeLibraryVersion(tx: DbOrTx, v: NewVersion) {
  const b64 = v.content.toString('base64');
  await tx.execute(sql`insert into ${libraryDocumentVersions}
    (document_id, n, file_name, file_type, size, sha256, note, uploaded_by, content)
    values (${v.documentId}, ${v.n}, ${v.fileName}, ${v.fileType}, ${v.size}, ${v.sha256}, ${v.note}, ${v.uploadedBy}, decode(${b64}, 'base64'))`);
}

/** The bytes of one version, as uploaded; null when there is no such version. */
export async function readLibraryContent(db: DbOrTx, documentId: number, n: number): Promise<Buffer | null> {
  const [row] = await db
    .select({ b64: sql<string>`encode(${libraryDocumentVersions.content}, 'base64')` })
    .from(libraryDocumentVersions)
    .where(and(eq(libraryDocumentVersions.documentId, documentId), eq(libraryDocumentVersions.n, n)));
  return row ? Buffer.from(row.b64.replace(/\s/g, ''), 'base64') : null;
}
