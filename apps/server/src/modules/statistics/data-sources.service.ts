import type { DATA_FORMATS, DATA_LANGUAGES, DATA_THEMES, dataSourceCreate, dataSourceQuery, dataSourceUpdate } from '@mosaico/contracts/data-sources';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { AppError, invalidFields, requireVersion, versionConflict } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { councils } from '../councils/councils.schema.ts';
import { getTerritoriesByIds } from '../territories/territories.service.ts';
import { users } from '../users/users.schema.ts';
import { type DataSourceRow, planDataSource } from './data-sources-plan.ts';
import { loadPlaceReadReach } from '../auth/place-reach.ts';
import { assertCanKeep, canKeepPlace, canReadPlace, type PlaceReadReach, requireKeeper } from '../auth/place-policy.ts';
import { dataSources } from './data-sources.schema.ts';
import { imports } from './imports.schema.ts';

/** Entries as the API shows them: scope, publisher and covered territories by name. */
export async function presentDataSources(db: DbOrTx, actor: Actor | null, rows: DataSourceRow[]) {
  if (!rows.length) return [];
  const places = await getTerritoriesByIds(db, rows.flatMap((r) => [...(r.regionId ? [r.regionId] : []), ...r.spatialTerritoryIds]));
  const councilIds = [...new Set(rows.map((r) => r.councilId).filter((id): id is number => id != null))];
  const councilRows = councilIds.length
    ? await db.select({ id: councils.id, code: councils.code, name: councils.name }).from(councils).where(inArray(councils.id, councilIds))
    : [];
  const byId = new Map(councilRows.map((c) => [c.id, c]));
  return rows.map((r) => {
    const region = r.regionId ? places.get(r.regionId) : undefined;
    return {
      id: r.id,
      code: r.code,
      title: { it: r.title.it, en: r.title.en ?? null },
      description: { it: r.description.it, en: r.description.en ?? null },
      scopeType: r.scopeType,
      region: region ? { id: region.id, code: region.code, name: region.name } : null,
      council: r.councilId ? (byId.get(r.councilId) ?? null) : null,
      publisher: { organizationId: r.publisherOrganizationId, name: r.publisherName, ipaCode: r.publisherIpaCode },
      rightsHolder: { name: r.rightsHolderName, ipaCode: r.rightsHolderIpaCode },
      content: r.content,
      themes: r.themes as (typeof DATA_THEMES)[number][],
      keywords: r.keywords,
      spatial: r.spatialTerritoryIds.flatMap((id) => {
        const t = places.get(id);
        return t ? [{ code: t.code, name: t.name, level: t.level }] : [];
      }),
      detailLevel: r.detailLevel,
      temporalStart: r.temporalStart,
      temporalEnd: r.temporalEnd,
      periods: r.periods,
      frequency: r.frequency,
      formats: r.formats as (typeof DATA_FORMATS)[number][],
      licenseUri: r.licenseUri,
      accessRights: r.accessRights,
      accessConditions: r.accessConditions,
      contactName: r.contactName,
      contactEmail: r.contactEmail,
      landingPage: r.landingPage,
      accessUrl: r.accessUrl,
      reachability: r.reachability,
      reachabilityCheckedAt: r.reachabilityCheckedAt,
      reachabilityNote: r.reachabilityNote,
      issued: r.issued,
      modified: r.modified,
      languages: r.languages as (typeof DATA_LANGUAGES)[number][],
      canEdit: !!actor && canKeepPlace(actor, r),
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}
export type PresentedDataSource = Awaited<ReturnType<typeof presentDataSources>>[number];

function readReach(ctx: Ctx): Promise<PlaceReadReach> {
  return loadPlaceReadReach(ctx, false);
}

function scopeCondition(reach: PlaceReadReach): SQL | undefined {
  if (reach.all) return undefined;
  return or(
    eq(dataSources.scopeType, 'nation'),
    reach.regionIds.length ? inArray(dataSources.regionId, reach.regionIds) : undefined,
    reach.councilIds.length ? inArray(dataSources.councilId, reach.councilIds) : undefined,
    reach.regionRecordIds.length ? and(eq(dataSources.scopeType, 'region'), inArray(dataSources.regionId, reach.regionRecordIds)) : undefined,
  );
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** Lists the entries the caller reads (the nation's and their scope's), filtered and paged; any signed-in user. */
export async function listDataSources(ctx: Ctx, q: z.infer<typeof dataSourceQuery>) {
  const where: (SQL | undefined)[] = [scopeCondition(await readReach(ctx))];
  if (q.theme) where.push(sql`${dataSources.themes} @> ${JSON.stringify([q.theme])}::jsonb`);
  if (q.scope) where.push(eq(dataSources.scopeType, q.scope));
  if (q.access) where.push(eq(dataSources.accessRights, q.access));
  if (q.frequency) where.push(eq(dataSources.frequency, q.frequency));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(
      or(
        ilike(dataSources.code, p),
        sql`${dataSources.title}->>'it' ilike ${p}`,
        sql`coalesce(${dataSources.title}->>'en', '') ilike ${p}`,
        sql`${dataSources.description}->>'it' ilike ${p}`,
        ilike(dataSources.publisherName, p),
        ilike(dataSources.rightsHolderName, p),
        sql`${dataSources.keywords}::text ilike ${p}`,
      ),
    );
  }
  const cond = and(...where);
  const [{ total }] = await ctx.db.select({ total: count() }).from(dataSources).where(cond);
  const rows = await ctx.db
    .select()
    .from(dataSources)
    .where(cond)
    .orderBy(asc(sql`lower(${dataSources.title}->>'it')`), asc(dataSources.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await presentDataSources(ctx.db, ctx.actor, rows), total, page: q.page, pageSize: q.pageSize };
}

async function loadRow(db: DbOrTx, id: number, lock = false): Promise<DataSourceRow> {
  const query = db.select().from(dataSources).where(eq(dataSources.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'data_source_not_found', { id });
  return row;
}

async function loadReadable(ctx: Ctx, id: number) {
  const row = await loadRow(ctx.db, id);
  if (!canReadPlace(await readReach(ctx), row)) throw new AppError('forbidden', 'forbidden');
  return row;
}

/** One entry; any signed-in user who reads its scope. */
export async function getDataSource(ctx: Ctx, id: number) {
  const row = await loadReadable(ctx, id);
  return (await presentDataSources(ctx.db, ctx.actor, [row]))[0];
}

const placeOf = (r: Pick<DataSourceRow, 'regionId' | 'councilId'>) => ({ regionId: r.regionId, councilId: r.councilId });

/** Adds an entry to the inventory; national admins anywhere, coordinators in their region, council referents and tutors in their council. */
export async function createDataSource(ctx: Ctx, body: z.infer<typeof dataSourceCreate>) {
  requireKeeper(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const plan = await planDataSource(ctx, tx, null, body);
    if (plan.issues.length) throw invalidFields(plan.issues);
    assertCanKeep(ctx.actor, plan.values);
    const [row] = await tx.insert(dataSources).values(plan.values).returning();
    const [after] = await presentDataSources(tx, ctx.actor, [row]);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'data_source', entityId: row.id, after, ...placeOf(row) });
    return after;
  });
}

/** Replaces an entry at the version read (body or If-Match); editors who reach it where it is and where it goes. */
export async function updateDataSource(ctx: Ctx, id: number, body: z.infer<typeof dataSourceUpdate>, ifMatch?: number) {
  return ctx.db.transaction(async (tx: Tx) => {
    const current = await loadRow(tx, id, true);
    assertCanKeep(ctx.actor, current);
    const expected = requireVersion(ctx.lang, body.version, ifMatch);
    if (current.version !== expected) throw versionConflict(current.version);
    const { version: _v, ...input } = body;
    const plan = await planDataSource(ctx, tx, id, input);
    if (plan.issues.length) throw invalidFields(plan.issues);
    assertCanKeep(ctx.actor, plan.values);
    const [before] = await presentDataSources(tx, ctx.actor, [current]);
    const [row] = await tx
      .update(dataSources)
      .set({ ...plan.values, version: sql`${dataSources.version} + 1`, updatedAt: new Date() })
      .where(eq(dataSources.id, id))
      .returning();
    const [after] = await presentDataSources(tx, ctx.actor, [row]);
    await recordAudit(tx, ctx, { action: 'update', entityType: 'data_source', entityId: id, before, after, ...placeOf(row) });
    return after;
  });
}

/** Deletes an entry at the version read; editors in scope, once no import refers to it (the history stays whole). */
export async function deleteDataSource(ctx: Ctx, id: number, version?: number) {
  await ctx.db.transaction(async (tx) => {
    const current = await loadRow(tx, id, true);
    assertCanKeep(ctx.actor, current);
    if (current.version !== requireVersion(ctx.lang, version)) throw versionConflict(current.version);
    const [{ n }] = await tx.select({ n: count() }).from(imports).where(eq(imports.dataSourceId, id));
    if (n > 0) throw new AppError('conflict', 'data_source_has_imports', { count: n });
    const [before] = await presentDataSources(tx, ctx.actor, [current]);
    await tx.delete(dataSources).where(eq(dataSources.id, id));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'data_source', entityId: id, before, ...placeOf(current) });
  });
}

/** The files imported from an entry, newest first; whoever reads the entry. */
export async function listDataSourceImports(ctx: Ctx, id: number) {
  await loadReadable(ctx, id);
  const rows = await ctx.db
    .select({ i: imports, createdBy: users.name })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(eq(imports.dataSourceId, id))
    .orderBy(desc(imports.createdAt), desc(imports.id));
  return {
    items: rows.map(({ i, createdBy }) => ({
      id: i.id,
      kind: i.kind,
      fileName: i.fileName,
      dataflow: i.dataflow,
      status: i.status,
      counts: i.counts,
      createdBy,
      createdAt: i.createdAt.toISOString(),
      appliedAt: i.appliedAt?.toISOString() ?? null,
      rolledBackAt: i.rolledBackAt?.toISOString() ?? null,
    })),
  };
}

/** Every public entry (access rights PUBLIC), whatever its scope, for the open catalogue; no sign-in needed. */
export async function listPublicDataSources(db: DbOrTx) {
  const rows = await db.select().from(dataSources).where(eq(dataSources.accessRights, 'PUBLIC')).orderBy(asc(dataSources.code));
  return presentDataSources(db, null, rows);
}
