import { createHash } from 'node:crypto';
import { LIBRARY_FILE_TYPES, type LibraryFileType, type libraryDocumentFields, type libraryQuery, type libraryVersionFields } from '@mosaico/contracts/library';
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, fieldError, requireVersion, versionConflict } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireActor } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { users } from '../users/users.schema.ts';
import { checkLibraryFile } from './library-files.ts';
import { loadPlaceReadReach } from '../auth/place-reach.ts';
import { readLibraryContent, storeLibraryVersion } from './library-storage.ts';
import { assertCanKeep, canKeepPlace, canReadPlace, keeperReachOf, type PlaceReadReach, requireKeeper, type SharedPlace } from '../auth/place-policy.ts';
import { libraryDocuments, libraryDocumentVersions } from './library.schema.ts';

export interface UploadedFile {
  name: string;
  content: Buffer;
}
type DocumentRow = typeof libraryDocuments.$inferSelect;

const versionColumns = {
  documentId: libraryDocumentVersions.documentId,
  n: libraryDocumentVersions.n,
  fileName: libraryDocumentVersions.fileName,
  fileType: libraryDocumentVersions.fileType,
  size: libraryDocumentVersions.size,
  sha256: libraryDocumentVersions.sha256,
  note: libraryDocumentVersions.note,
  uploadedAt: libraryDocumentVersions.uploadedAt,
  uploaderId: users.id,
  uploaderName: users.name,
};
type VersionRow = { documentId: number; n: number; fileName: string; fileType: string; size: number; sha256: string; note: string | null; uploadedAt: Date; uploaderId: number | null; uploaderName: string | null };

function presentVersion(v: VersionRow) {
  const fileType = v.fileType as LibraryFileType;
  return {
    n: v.n,
    fileName: v.fileName,
    fileType,
    contentType: LIBRARY_FILE_TYPES[fileType],
    size: v.size,
    sha256: v.sha256,
    uploadedBy: v.uploaderId != null ? { id: v.uploaderId, name: v.uploaderName ?? '' } : null,
    uploadedAt: v.uploadedAt.toISOString(),
    note: v.note,
  };
}

/** Metadata (never bytes) of the given versions, or of every version of the documents, newest first. */
async function versionsOf(db: DbOrTx, documentIds: number[], onlyN?: Map<number, number>) {
  if (!documentIds.length) return [] as VersionRow[];
  const rows = await db
    .select(versionColumns)
    .from(libraryDocumentVersions)
    .leftJoin(users, eq(users.id, libraryDocumentVersions.uploadedBy))
    .where(inArray(libraryDocumentVersions.documentId, documentIds))
    .orderBy(desc(libraryDocumentVersions.n));
  return onlyN ? rows.filter((r) => onlyN.get(r.documentId) === r.n) : rows;
}

/** Documents as the API shows them: scope by name, newest version, number of versions, whether the caller keeps it. */
async function presentDocuments(db: DbOrTx, actor: Actor, rows: DocumentRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const current = new Map((await versionsOf(db, ids, new Map(rows.map((r) => [r.id, r.currentVersion])))).map((v) => [v.documentId, v]));
  const counts = new Map(
    (await db.select({ id: libraryDocumentVersions.documentId, n: count() }).from(libraryDocumentVersions).where(inArray(libraryDocumentVersions.documentId, ids)).groupBy(libraryDocumentVersions.documentId)).map((c) => [c.id, c.n]),
  );
  const regionIds = [...new Set(rows.map((r) => r.regionId).filter((id): id is number => id != null))];
  const councilIds = [...new Set(rows.map((r) => r.councilId).filter((id): id is number => id != null))];
  const regions = new Map((regionIds.length ? await db.select({ id: territories.id, code: territories.code, name: territories.name }).from(territories).where(inArray(territories.id, regionIds)) : []).map((r) => [r.id, r]));
  const councilRefs = new Map((councilIds.length ? await db.select({ id: councils.id, code: councils.code, name: councils.name }).from(councils).where(inArray(councils.id, councilIds)) : []).map((c) => [c.id, c]));
  return rows.map((r) => {
    const v = current.get(r.id);
    if (!v) throw new Error(`library document ${r.id} has no version ${r.currentVersion}`);
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      description: r.description,
      year: r.year,
      tags: r.tags,
      scopeType: r.scopeType,
      region: r.regionId != null ? (regions.get(r.regionId) ?? null) : null,
      council: r.councilId != null ? (councilRefs.get(r.councilId) ?? null) : null,
      current: presentVersion(v),
      versionsCount: counts.get(r.id) ?? 0,
      canEdit: canKeepPlace(actor, r),
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

function readReach(ctx: Ctx): Promise<PlaceReadReach> {
  return loadPlaceReadReach(ctx, true);
}

function scopeCondition(reach: PlaceReadReach): SQL | undefined {
  if (reach.all) return undefined;
  const d = libraryDocuments;
  return or(
    eq(d.scopeType, 'nation'),
    reach.regionIds.length ? inArray(d.regionId, reach.regionIds) : undefined,
    reach.councilIds.length ? inArray(d.councilId, reach.councilIds) : undefined,
    reach.regionRecordIds.length ? and(eq(d.scopeType, 'region'), inArray(d.regionId, reach.regionRecordIds)) : undefined,
  );
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** Lists the documents the caller reads (the nation's and their scope's), filtered and paged; any signed-in user. */
export async function listLibraryDocuments(ctx: Ctx, q: z.infer<typeof libraryQuery>) {
  const actor = requireActor(ctx.actor);
  const d = libraryDocuments;
  const where: (SQL | undefined)[] = [scopeCondition(await readReach(ctx))];
  if (q.kind) where.push(eq(d.kind, q.kind));
  if (q.scope) where.push(eq(d.scopeType, q.scope));
  if (q.year) where.push(eq(d.year, q.year));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(or(ilike(d.title, p), ilike(sql`coalesce(${d.description}, '')`, p), sql`${d.tags}::text ilike ${p}`));
  }
  const cond = and(...where);
  const [{ total }] = await ctx.db.select({ total: count() }).from(d).where(cond);
  const rows = await ctx.db
    .select()
    .from(d)
    .where(cond)
    .orderBy(desc(d.updatedAt), desc(d.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await presentDocuments(ctx.db, actor, rows), total, page: q.page, pageSize: q.pageSize };
}

async function loadRow(db: DbOrTx, id: number, lock = false): Promise<DocumentRow> {
  const query = db.select().from(libraryDocuments).where(eq(libraryDocuments.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'library_document_not_found', { id });
  return row;
}

async function loadReadable(ctx: Ctx, id: number) {
  const row = await loadRow(ctx.db, id);
  if (!canReadPlace(await readReach(ctx), row)) throw new AppError('forbidden', 'forbidden');
  return row;
}

/** One document; any signed-in user who reads its scope. */
export async function getLibraryDocument(ctx: Ctx, id: number) {
  const row = await loadReadable(ctx, id);
  return (await presentDocuments(ctx.db, requireActor(ctx.actor), [row]))[0];
}

/** Every version of a document, newest first; whoever reads the document. */
export async function listLibraryVersions(ctx: Ctx, id: number) {
  await loadReadable(ctx, id);
  return { items: (await versionsOf(ctx.db, [id])).map(presentVersion) };
}

/** The bytes of one version (the newest without `n`), with what a download needs; whoever reads the document. */
export async function readLibraryFile(ctx: Ctx, id: number, n?: number) {
  const row = await loadReadable(ctx, id);
  const wanted = n ?? row.currentVersion;
  const [meta] = await versionsOf(ctx.db, [id], new Map([[id, wanted]]));
  const content = meta ? await readLibraryContent(ctx.db, id, wanted) : null;
  if (!meta || !content) throw new AppError('not_found', 'library_version_not_found', { id, n: wanted });
  return { ...presentVersion(meta), content };
}

/** The nation, a region or a council with its region, from the scope fields; field errors name what is wrong. */
async function resolvePlace(ctx: Ctx, scopeType: string, scopeId: number | undefined): Promise<SharedPlace> {
  if (scopeType === 'nation') {
    if (scopeId != null) throw fieldError(ctx.lang, 'library_scope_id_unexpected', 'scopeId');
    return { regionId: null, councilId: null };
  }
  if (scopeId == null) throw fieldError(ctx.lang, scopeType === 'region' ? 'library_region_required' : 'library_council_required', 'scopeId');
  if (scopeType === 'region') {
    const [region] = await ctx.db.select({ id: territories.id, level: territories.level }).from(territories).where(eq(territories.id, scopeId));
    if (region?.level !== 'region') throw fieldError(ctx.lang, 'library_region_not_found', 'scopeId', { id: scopeId });
    return { regionId: region.id, councilId: null };
  }
  const [council] = await ctx.db.select({ id: councils.id, regionId: councils.regionId }).from(councils).where(eq(councils.id, scopeId));
  if (!council) throw fieldError(ctx.lang, 'library_council_not_found', 'scopeId', { id: scopeId });
  return { regionId: council.regionId, councilId: council.id };
}

/** The checked file: the allowed type its bytes show, its cleaned name and its hash; a 400 naming `file` otherwise. */
function acceptFile(ctx: Ctx, file: UploadedFile | null) {
  if (!file) throw fieldError(ctx.lang, 'library_file_required', 'file');
  const check = checkLibraryFile(file.name, file.content);
  if (!check.ok) throw fieldError(ctx.lang, check.code, 'file', check.params);
  return { ...check, size: file.content.length, sha256: createHash('sha256').update(file.content).digest('hex'), content: file.content };
}

const placeOf = (r: SharedPlace) => ({ regionId: r.regionId, councilId: r.councilId });

/**
 * Adds a document with its first version. National admins anywhere, regional coordinators in their region
 * (and its councils), council referents and tutors in their council.
 */
export async function createLibraryDocument(ctx: Ctx, file: UploadedFile | null, fields: z.infer<typeof libraryDocumentFields>) {
  const actor = requireKeeper(ctx.actor);
  const place = await resolvePlace(ctx, fields.scopeType, fields.scopeId);
  assertCanKeep(actor, place);
  const accepted = acceptFile(ctx, file);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(libraryDocuments)
      .values({ kind: fields.kind, title: fields.title, description: fields.description, year: fields.year ?? null, tags: fields.tags, scopeType: fields.scopeType, ...place, createdBy: actor.id })
      .returning();
    await storeLibraryVersion(tx, { documentId: row.id, n: 1, fileName: accepted.fileName, fileType: accepted.fileType, size: accepted.size, sha256: accepted.sha256, note: fields.note, uploadedBy: actor.id, content: accepted.content });
    const [after] = await presentDocuments(tx, actor, [row]);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'library_document', entityId: row.id, after, ...placeOf(row) });
    return after;
  });
}

/** Uploads a new version of a document at the document version read (field or If-Match); whoever keeps it. */
export async function addLibraryVersion(ctx: Ctx, id: number, file: UploadedFile | null, fields: z.infer<typeof libraryVersionFields>, ifMatch?: number) {
  const actor = requireKeeper(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const current = await loadRow(tx, id, true);
    assertCanKeep(actor, current);
    if (current.version !== requireVersion(ctx.lang, fields.version, ifMatch)) throw versionConflict(current.version);
    const accepted = acceptFile(ctx, file);
    const [before] = await presentDocuments(tx, actor, [current]);
    const n = current.currentVersion + 1;
    await storeLibraryVersion(tx, { documentId: id, n, fileName: accepted.fileName, fileType: accepted.fileType, size: accepted.size, sha256: accepted.sha256, note: fields.note, uploadedBy: actor.id, content: accepted.content });
    const [row] = await tx
      .update(libraryDocuments)
      .set({ currentVersion: n, version: sql`${libraryDocuments.version} + 1`, updatedAt: new Date() })
      .where(eq(libraryDocuments.id, id))
      .returning();
    const [after] = await presentDocuments(tx, actor, [row]);
    await recordAudit(tx, ctx, { action: 'add_version', entityType: 'library_document', entityId: id, before, after, ...placeOf(row) });
    return after;
  });
}

/** Deletes a document with all its versions, at the version read; whoever keeps it. The audit keeps what it was. */
export async function deleteLibraryDocument(ctx: Ctx, id: number, version?: number) {
  const actor = requireKeeper(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const current = await loadRow(tx, id, true);
    assertCanKeep(actor, current);
    if (current.version !== requireVersion(ctx.lang, version)) throw versionConflict(current.version);
    const [before] = await presentDocuments(tx, actor, [current]);
    const versions = (await versionsOf(tx, [id])).map(presentVersion);
    await tx.delete(libraryDocuments).where(eq(libraryDocuments.id, id));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'library_document', entityId: id, before: { ...before, versions }, ...placeOf(current) });
  });
}

/** The places the caller may upload into, by name (nation first, then regions, then councils); any signed-in user. */
export async function listLibraryScopes(ctx: Ctx) {
  const actor = requireActor(ctx.actor);
  const reach = keeperReachOf(actor);
  const items: { scopeType: 'nation' | 'region' | 'council'; scopeId: number | null; name: string }[] = [];
  if (reach.all) items.push({ scopeType: 'nation', scopeId: null, name: ctx.lang === 'en' ? 'Italy' : 'Italia' });
  if (reach.all || reach.regionIds.length) {
    const regions = await ctx.db
      .select({ id: territories.id, name: territories.name })
      .from(territories)
      .where(and(eq(territories.level, 'region'), isNull(territories.validTo), reach.all ? undefined : inArray(territories.id, reach.regionIds)))
      .orderBy(asc(territories.name));
    for (const r of regions) items.push({ scopeType: 'region', scopeId: r.id, name: r.name });
  }
  if (reach.all || reach.regionIds.length || reach.councilIds.length) {
    const rows = await ctx.db
      .select({ id: councils.id, name: councils.name })
      .from(councils)
      .where(reach.all ? undefined : or(reach.regionIds.length ? inArray(councils.regionId, reach.regionIds) : undefined, reach.councilIds.length ? inArray(councils.id, reach.councilIds) : undefined))
      .orderBy(asc(councils.name));
    for (const c of rows) items.push({ scopeType: 'council', scopeId: c.id, name: c.name });
  }
  return { items, maxUploadMb: ctx.config.LIBRARY_MAX_UPLOAD_MB };
}
