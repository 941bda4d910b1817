import { createHash } from 'node:crypto';
import { LIBRARY_FILE_TYPES, type LibraryFileType } from '@mosaico/contracts/library';
import type { eventMaterialFields } from '@mosaico/contracts/events';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireActor } from '../auth/scope.ts';
import { checkLibraryFile } from '../library/library-files.ts';
import { users } from '../users/users.schema.ts';
import { auditPlaceOf, loadOrganizedEvent, loadReadableEvent } from './event-access.ts';
import { eventMaterials } from './event-materials.schema.ts';
import { eventSessions } from './events.schema.ts';

// Files of an event: checked like the library's (the bytes must be of the type the name says, no markup, no
// macros), stored in the database, read by whoever reads the event, kept by its organisers.

export interface UploadedFile {
  name: string;
  content: Buffer;
}

const columns = {
  id: eventMaterials.id,
  eventId: eventMaterials.eventId,
  sessionId: eventMaterials.sessionId,
  title: eventMaterials.title,
  fileName: eventMaterials.fileName,
  fileType: eventMaterials.fileType,
  size: eventMaterials.size,
  sha256: eventMaterials.sha256,
  uploadedAt: eventMaterials.uploadedAt,
  uploaderId: users.id,
  uploaderName: users.name,
};

type MaterialRow = { id: number; eventId: number; sessionId: number | null; title: string | null; fileName: string; fileType: string; size: number; sha256: string; uploadedAt: Date; uploaderId: number | null; uploaderName: string | null };

function present(m: MaterialRow) {
  return {
    id: m.id,
    eventId: m.eventId,
    sessionId: m.sessionId,
    title: m.title,
    fileName: m.fileName,
    fileType: m.fileType,
    contentType: LIBRARY_FILE_TYPES[m.fileType as LibraryFileType],
    size: m.size,
    sha256: m.sha256,
    uploadedBy: m.uploaderId != null ? { id: m.uploaderId, name: m.uploaderName ?? '' } : null,
    uploadedAt: m.uploadedAt.toISOString(),
  };
}

async function loadMaterial(db: DbOrTx, eventId: number, id: number) {
  const [row] = await db.select(columns).from(eventMaterials).leftJoin(users, eq(users.id, eventMaterials.uploadedBy)).where(and(eq(eventMaterials.id, id), eq(eventMaterials.eventId, eventId)));
  if (!row) throw new AppError('not_found', 'event_material_not_found', { id });
  return row;
}

/** The materials of an event (metadata only), by session then upload; whoever reads the event. */
export async function listMaterials(ctx: Ctx, eventId: number) {
  await loadReadableEvent(ctx, eventId);
  const rows = await ctx.db
    .select(columns)
    .from(eventMaterials)
    .leftJoin(users, eq(users.id, eventMaterials.uploadedBy))
    .where(eq(eventMaterials.eventId, eventId))
    .orderBy(sql`${eventMaterials.sessionId} nulls first`, asc(eventMaterials.uploadedAt), asc(eventMaterials.id));
  return { items: rows.map(present), maxUploadMb: ctx.config.LIBRARY_MAX_UPLOAD_MB };
}

/** The library's verdict, under the events' own message codes (which speak of materials, not of the library). */
function acceptFile(ctx: Ctx, file: UploadedFile | null) {
  if (!file) throw fieldError(ctx.lang, 'event_material_file_required', 'file');
  const check = checkLibraryFile(file.name, file.content);
  if (!check.ok) throw fieldError(ctx.lang, check.code.replace(/^library_/, 'event_material_'), 'file', check.params);
  return { ...check, size: file.content.length, sha256: createHash('sha256').update(file.content).digest('hex') };
}

/** Adds a file to an event, or to one of its sessions; its organisers. */
export async function addMaterial(ctx: Ctx, eventId: number, file: UploadedFile | null, fields: z.infer<typeof eventMaterialFields>) {
  requireActor(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const { actor, row: e } = await loadOrganizedEvent(tx, ctx, eventId);
    if (fields.sessionId != null) {
      const [s] = await tx.select({ id: eventSessions.id }).from(eventSessions).where(and(eq(eventSessions.id, fields.sessionId), eq(eventSessions.eventId, eventId)));
      if (!s) throw fieldError(ctx.lang, 'event_material_session_not_found', 'sessionId', { id: fields.sessionId });
    }
    const accepted = acceptFile(ctx, file);
    const b64 = (file as UploadedFile).content.toString('base64');
    // Bytes travel as base64 in SQL: far faster than bytea parameters on PGlite (as in the library).
    const inserted = await tx.execute(sql`insert into ${eventMaterials} (event_id, session_id, title, file_name, file_type, size, sha256, uploaded_by, content)
        values (${eventId}, ${fields.sessionId ?? null}, ${fields.title}, ${accepted.fileName}, ${accepted.fileType}, ${accepted.size}, ${accepted.sha256}, ${actor.id}, decode(${b64}, 'base64')) returning id`);
    const [{ id }] = (inserted as unknown as { rows: { id: number }[] }).rows;
    const after = present(await loadMaterial(tx, eventId, Number(id)));
    await recordAudit(tx, ctx, { action: 'add_material', entityType: 'event', entityId: eventId, after, ...auditPlaceOf(e) });
    return after;
  });
}

/** The bytes of a material with what a download needs; whoever reads the event. */
export async function readMaterial(ctx: Ctx, eventId: number, id: number) {
  await loadReadableEvent(ctx, eventId);
  const meta = present(await loadMaterial(ctx.db, eventId, id));
  const [row] = await ctx.db.select({ b64: sql<string>`encode(${eventMaterials.content}, 'base64')` }).from(eventMaterials).where(eq(eventMaterials.id, id));
  return { ...meta, content: Buffer.from(row.b64.replace(/\s/g, ''), 'base64') };
}

/** Deletes a material; the event's organisers. The audit keeps what it was (not its bytes). */
export async function deleteMaterial(ctx: Ctx, eventId: number, id: number) {
  requireActor(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const { row: e } = await loadOrganizedEvent(tx, ctx, eventId);
    const before = present(await loadMaterial(tx, eventId, id));
    await tx.delete(eventMaterials).where(eq(eventMaterials.id, id));
    await recordAudit(tx, ctx, { action: 'delete_material', entityType: 'event', entityId: eventId, before, ...auditPlaceOf(e) });
  });
}
