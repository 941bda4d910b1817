import type {
  contactCreate,
  organizationCreate,
  organizationExportQuery,
  organizationPatch,
  organizationQuery,
} from '@mosaico/contracts/organizations';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { AppError, fieldError, invalidFields, requireVersion, versionConflict } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Reach } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { getTerritoriesByIds, resolveTerritory } from '../territories/territories.service.ts';
import { roleAssignments, users } from '../users/users.schema.ts';
import {
  duplicateError,
  guardUniqueName,
  type OrganizationPlan,
  type OrganizationRow,
  type OrganizationValues,
  planOrganization,
} from './organizations-plan.ts';
import {
  assertCanChange,
  assertCanEdit,
  assertCanRead,
  assertCanReadLog,
  canEdit,
  canEditOwnContacts,
  editReachOf,
  readReachOf,
} from './organizations.policy.ts';
import { organizationContacts, organizations } from './organizations.schema.ts';

type Filters = z.infer<typeof organizationExportQuery>;

/** Organisations as the API shows them: territory, council and region by name. */
export async function presentOrganizations(db: DbOrTx, rows: OrganizationRow[]) {
  if (!rows.length) return [];
  const places = await getTerritoriesByIds(db, rows.flatMap((r) => (r.regionId ? [r.territoryId, r.regionId] : [r.territoryId])));
  const councilIds = [...new Set(rows.map((r) => r.councilId).filter((id): id is number => id != null))];
  const councilRows = councilIds.length
    ? await db.select({ id: councils.id, code: councils.code, name: councils.name }).from(councils).where(inArray(councils.id, councilIds))
    : [];
  const byId = new Map(councilRows.map((c) => [c.id, c]));
  return rows.map((r) => {
    const t = places.get(r.territoryId);
    const region = r.regionId ? places.get(r.regionId) : undefined;
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      territory: { id: r.territoryId, code: t?.code ?? '', name: t?.name ?? '', level: t?.level ?? '' },
      council: r.councilId ? (byId.get(r.councilId) ?? null) : null,
      region: region ? { id: region.id, code: region.code, name: region.name } : null,
      collectionStatus: r.collectionStatus,
      taxCode: r.taxCode,
      email: r.email,
      phone: r.phone,
      website: r.website,
      address: r.address,
      contactPerson: r.contactPerson,
      notes: r.notes,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}
export type PresentedOrganization = Awaited<ReturnType<typeof presentOrganizations>>[number];

function scopeCondition(reach: Reach): SQL | undefined {
  if (reach.all) return undefined;
  return (
    or(
      reach.regionIds.length ? inArray(organizations.regionId, reach.regionIds) : undefined,
      reach.councilIds.length ? inArray(organizations.councilId, reach.councilIds) : undefined,
      reach.organizationIds.length ? inArray(organizations.id, reach.organizationIds) : undefined,
    ) ?? sql`false`
  );
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

async function filterConditions(ctx: Ctx, q: Filters): Promise<SQL | undefined> {
  const where: (SQL | undefined)[] = [scopeCondition(readReachOf(ctx.actor))];
  if (q.region) {
    const region = await resolveTerritory(ctx.db, q.region).then((r) => r.t, () => null);
    const code = region ? (region.level === 'region' ? null : 'region_expected') : 'territory_not_found';
    if (code) throw fieldError(ctx.lang, code, 'querystring.region', { code: q.region });
    where.push(eq(organizations.regionId, (region as { id: number }).id));
  }
  if (q.councilId) where.push(eq(organizations.councilId, q.councilId));
  if (q.kind) where.push(eq(organizations.kind, q.kind));
  if (q.status) where.push(eq(organizations.collectionStatus, q.status));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(or(ilike(organizations.name, p), ilike(organizations.taxCode, p), ilike(organizations.email, p), ilike(organizations.contactPerson, p)));
  }
  return and(...where);
}

function orderOf(sort: Filters['sort']) {
  const byName = sql`lower(${organizations.name})`;
  switch (sort) {
    case '-name':
      return [desc(byName), desc(organizations.id)];
    case 'updatedAt':
      return [asc(organizations.updatedAt), asc(organizations.id)];
    case '-updatedAt':
      return [desc(organizations.updatedAt), desc(organizations.id)];
    default:
      return [asc(byName), asc(organizations.id)];
  }
}

/** Lists the organisations in the caller's reach, filtered, sorted and paged; any signed-in role. */
export async function listOrganizations(ctx: Ctx, q: z.infer<typeof organizationQuery>) {
  const cond = await filterConditions(ctx, q);
  const [{ total }] = await ctx.db.select({ total: count() }).from(organizations).where(cond);
  const rows = await ctx.db
    .select()
    .from(organizations)
    .where(cond)
    .orderBy(...orderOf(q.sort))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await presentOrganizations(ctx.db, rows), total, page: q.page, pageSize: q.pageSize };
}

/** Every organisation in the caller's reach matching the filters, unpaged (for the CSV export); any signed-in role. */
export async function findAllOrganizations(ctx: Ctx, q: Filters) {
  const rows = await ctx.db
    .select()
    .from(organizations)
    .where(await filterConditions(ctx, q))
    .orderBy(...orderOf(q.sort));
  return presentOrganizations(ctx.db, rows);
}

async function loadRow(db: DbOrTx, id: number, lock = false): Promise<OrganizationRow> {
  const query = db.select().from(organizations).where(eq(organizations.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'organization_not_found', { id });
  return row;
}

/** One organisation; whoever reads it (council side in scope, or its own members). */
export async function getOrganization(ctx: Ctx, id: number) {
  const row = await loadRow(ctx.db, id);
  assertCanRead(ctx.actor, row);
  return (await presentOrganizations(ctx.db, [row]))[0];
}

function rejectIssues(plan: OrganizationPlan) {
  if (plan.issues.length) throw invalidFields(plan.issues);
  if (plan.duplicate) throw duplicateError(plan.duplicate);
}

/** Inserts a planned organisation and audits it, inside the caller's transaction (API create and CSV import). */
export async function insertOrganization(tx: Tx, ctx: Ctx, values: OrganizationValues) {
  const [row] = await tx.insert(organizations).values(values).returning();
  const [after] = await presentOrganizations(tx, [row]);
  await recordAudit(tx, ctx, { action: 'create', entityType: 'organization', entityId: row.id, after, ...placeOf(row) });
  return after;
}

/** Writes a planned change with a version bump and audits before/after, inside the caller's transaction. */
export async function writeOrganizationChange(tx: Tx, ctx: Ctx, current: OrganizationRow, values: OrganizationValues) {
  const [before] = await presentOrganizations(tx, [current]);
  const [row] = await tx
    .update(organizations)
    .set({ ...values, version: sql`${organizations.version} + 1`, updatedAt: new Date() })
    .where(eq(organizations.id, current.id))
    .returning();
  const [after] = await presentOrganizations(tx, [row]);
  await recordAudit(tx, ctx, { action: 'update', entityType: 'organization', entityId: row.id, before, after, ...placeOf(row) });
  return after;
}

/** Bumps the version of an organisation whose record changed elsewhere (an association's profile), inside the caller's transaction. */
export async function touchOrganization(tx: Tx, id: number) {
  await tx.update(organizations).set({ version: sql`${organizations.version} + 1`, updatedAt: new Date() }).where(eq(organizations.id, id));
}

const placeOf = (r: Pick<OrganizationRow, 'id' | 'regionId' | 'councilId'>) => ({ regionId: r.regionId, councilId: r.councilId, organizationId: r.id });

/**
 * Registers an organisation to the council covering its territory (or the one given, which must cover it);
 * national admins, regional coordinators and council referents, in their scope. A body with no council
 * (region or nation territory) only by national admins or that region's coordinators.
 */
export async function createOrganization(ctx: Ctx, body: z.infer<typeof organizationCreate>) {
  editReachOf(ctx.actor);
  let planned: OrganizationValues | null = null;
  return guardUniqueName(ctx.db, () => planned, null, () =>
    ctx.db.transaction(async (tx) => {
      const plan = await planOrganization(tx, ctx.lang, null, body);
      if (plan.issues.length) throw invalidFields(plan.issues);
      assertCanEdit(ctx.actor, plan.values);
      rejectIssues(plan);
      planned = plan.values;
      return insertOrganization(tx, ctx, plan.values);
    }),
  );
}

/**
 * Changes an organisation at the version read (body or If-Match): editors in scope change anything (and
 * must reach where it moves to); its data providers and association members only its contact details.
 */
export async function updateOrganization(ctx: Ctx, id: number, body: z.infer<typeof organizationPatch>, ifMatch?: number) {
  let planned: OrganizationValues | null = null;
  return guardUniqueName(ctx.db, () => planned, id, () => ctx.db.transaction(async (tx) => {
    const current = await loadRow(tx, id, true);
    const actor = assertCanRead(ctx.actor, current);
    if (!canEdit(actor, current) && !canEditOwnContacts(actor, current)) throw new AppError('forbidden', 'forbidden');
    const expected = requireVersion(ctx.lang, body.version, ifMatch);
    if (current.version !== expected) throw versionConflict(current.version);
    const { version: _v, ...input } = body;
    const plan = await planOrganization(tx, ctx.lang, current, input);
    if (plan.issues.length) throw invalidFields(plan.issues);
    assertCanChange(actor, current, plan.values, plan.changed);
    rejectIssues(plan);
    // Saving a form unchanged is not an edit: no new version, nothing to audit.
    if (!plan.changed.length) return (await presentOrganizations(tx, [current]))[0];
    planned = plan.values;
    return writeOrganizationChange(tx, ctx, current, plan.values);
  }));
}

/** Deletes an organisation and its contact log at the version read; editors in scope, once no user role is tied to it. */
export async function deleteOrganization(ctx: Ctx, id: number, version?: number) {
  await ctx.db.transaction(async (tx) => {
    const current = await loadRow(tx, id, true);
    assertCanEdit(ctx.actor, current);
    if (current.version !== requireVersion(ctx.lang, version)) throw versionConflict(current.version);
    const [{ n }] = await tx
      .select({ n: count() })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.scopeType, 'organization'), eq(roleAssignments.scopeId, id)));
    if (n > 0) throw new AppError('conflict', 'organization_has_roles', { count: n });
    const [before] = await presentOrganizations(tx, [current]);
    const contacts = await contactsOf(tx, id);
    await tx.delete(organizations).where(eq(organizations.id, id));
    // The contact log goes with the organisation (cascade), so the audit keeps it with the before image.
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'organization', entityId: id, before: { ...before, contacts }, ...placeOf(current) });
  });
}

async function contactsOf(db: DbOrTx, organizationId: number, contactId?: number) {
  const rows = await db
    .select({ c: organizationContacts, createdBy: users.name })
    .from(organizationContacts)
    .leftJoin(users, eq(users.id, organizationContacts.createdBy))
    .where(and(eq(organizationContacts.organizationId, organizationId), contactId ? eq(organizationContacts.id, contactId) : undefined))
    .orderBy(desc(organizationContacts.date), desc(organizationContacts.id));
  return rows.map(({ c, createdBy }) => ({
    id: c.id,
    organizationId: c.organizationId,
    date: c.date,
    kind: c.kind,
    summary: c.summary,
    createdBy,
    createdAt: c.createdAt.toISOString(),
  }));
}

/** The dated log of contacts, meetings and agreements with an organisation, newest first; the council side in scope. */
export async function listContacts(ctx: Ctx, id: number) {
  const row = await loadRow(ctx.db, id);
  assertCanReadLog(ctx.actor, row);
  return { items: await contactsOf(ctx.db, id) };
}

/** Records a contact, meeting or agreement with an organisation; editors in scope. */
export async function addContact(ctx: Ctx, id: number, body: z.infer<typeof contactCreate>) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadRow(tx, id);
    assertCanEdit(ctx.actor, row);
    const [c] = await tx
      .insert(organizationContacts)
      .values({ organizationId: id, date: body.date, kind: body.kind, summary: body.summary, createdBy: ctx.actor?.id ?? null })
      .returning({ id: organizationContacts.id });
    const [after] = await contactsOf(tx, id, c.id);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'organization_contact', entityId: c.id, after, ...placeOf(row) });
    return after;
  });
}
