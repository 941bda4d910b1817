import type { associationCreate, associationPatch, associationQuery, logCreate, statusChange } from '@mosaico/contracts/associations';
import { ENGAGEMENT_STATUSES } from '@mosaico/contracts/participation';
import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { AppError, fieldError, invalidFields, requireVersion, versionConflict } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Reach } from '../auth/scope.ts';
import { today } from '../territories/territories.service.ts';
import { users } from '../users/users.schema.ts';
import { duplicateError, guardUniqueName, type OrganizationRow, type OrganizationValues, planOrganization } from '../organizations/organizations-plan.ts';
import { assertCanEdit, assertCanRead, assertCanReadLog, canEdit, editReachOf, readReachOf } from '../organizations/organizations.policy.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { insertOrganization, presentOrganizations, touchOrganization, writeOrganizationChange } from '../organizations/organizations.service.ts';
import { associationLog, associationProfiles } from './associations.schema.ts';

type ProfileRow = typeof associationProfiles.$inferSelect;
type Status = (typeof ENGAGEMENT_STATUSES)[number];
type ProfileValues = Pick<ProfileRow, 'legalForm' | 'communities' | 'languages' | 'sectors' | 'activities'>;

/** The profile an association organisation shows before anyone wrote one. */
const DEFAULT_PROFILE: Omit<ProfileRow, 'organizationId'> = {
  legalForm: 'unrecognised_association',
  communities: [],
  languages: [],
  sectors: [],
  activities: null,
  engagementStatus: 'identified',
  statusChangedOn: null,
  verifiedAt: null,
  verifiedBy: null,
  version: 1,
  updatedAt: new Date(0),
};
const PROFILE_FIELDS = ['legalForm', 'communities', 'languages', 'sectors', 'activities'] as const;

/** Associations as the API shows them: the organisation, its profile (or the defaults) and whether the caller edits it. */
async function present(db: DbOrTx, actor: Actor | null, rows: OrganizationRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const profiles = await db
    .select({ p: associationProfiles, verifier: users.name })
    .from(associationProfiles)
    .leftJoin(users, eq(users.id, associationProfiles.verifiedBy))
    .where(inArray(associationProfiles.organizationId, ids));
  const byId = new Map(profiles.map((p) => [p.p.organizationId, p]));
  const orgs = await presentOrganizations(db, rows);
  return orgs.map((o, i) => {
    const found = byId.get(o.id);
    const p = found?.p ?? DEFAULT_PROFILE;
    return {
      id: o.id,
      name: o.name,
      territory: o.territory,
      council: o.council,
      region: o.region,
      email: o.email,
      phone: o.phone,
      website: o.website,
      address: o.address,
      contactPerson: o.contactPerson,
      notes: o.notes,
      legalForm: p.legalForm,
      communities: p.communities,
      languages: p.languages,
      sectors: p.sectors,
      activities: p.activities,
      engagementStatus: p.engagementStatus,
      statusChangedOn: p.statusChangedOn,
      verifiedAt: p.verifiedAt?.toISOString() ?? null,
      verifiedBy: found?.verifier ?? null,
      hasProfile: !!found,
      canEdit: !!actor && canEdit(actor, rows[i]),
      version: o.version,
      updatedAt: o.updatedAt,
    };
  });
}
export type PresentedAssociation = Awaited<ReturnType<typeof present>>[number];

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
/** Whether a jsonb list of words holds one, regardless of case. */
const listHas = (column: SQL | AnyPgColumn, word: string) =>
  sql`exists (select 1 from jsonb_array_elements_text(${column}) w where lower(w) = lower(${word}))`;

/** Lists the associations the caller reads (the organisations' scope rules), filtered and paged, by name. */
export async function listAssociations(ctx: Ctx, q: z.infer<typeof associationQuery>) {
  const status = sql`coalesce(${associationProfiles.engagementStatus}, 'identified')`;
  const where = and(
    eq(organizations.kind, 'association'),
    scopeCondition(readReachOf(ctx.actor)),
    q.councilId ? eq(organizations.councilId, q.councilId) : undefined,
    q.regionId ? eq(organizations.regionId, q.regionId) : undefined,
    q.status ? sql`${status} = ${q.status}` : undefined,
    q.community ? listHas(associationProfiles.communities, q.community) : undefined,
    q.language ? listHas(associationProfiles.languages, q.language) : undefined,
    q.sector ? sql`${associationProfiles.sectors} ? ${q.sector}` : undefined,
    q.q
      ? or(
          ilike(organizations.name, likePattern(q.q)),
          ilike(organizations.contactPerson, likePattern(q.q)),
          ilike(organizations.email, likePattern(q.q)),
          ilike(associationProfiles.activities, likePattern(q.q)),
          listHas(associationProfiles.communities, q.q),
        )
      : undefined,
  );
  const base = () => ctx.db.select({ o: organizations }).from(organizations).leftJoin(associationProfiles, eq(associationProfiles.organizationId, organizations.id));
  const [{ total }] = await ctx.db
    .select({ total: count() })
    .from(organizations)
    .leftJoin(associationProfiles, eq(associationProfiles.organizationId, organizations.id))
    .where(where);
  const rows = await base()
    .where(where)
    .orderBy(sql`lower(${organizations.name})`, organizations.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await present(ctx.db, ctx.actor, rows.map((r) => r.o)), total, page: q.page, pageSize: q.pageSize };
}

/** The association organisation, or 404 (also for an organisation of another kind). */
export async function loadAssociation(db: DbOrTx, id: number, lock = false): Promise<OrganizationRow> {
  const query = db.select().from(organizations).where(and(eq(organizations.id, id), eq(organizations.kind, 'association')));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'association_not_found', { id });
  return row;
}

async function loadProfile(db: DbOrTx, id: number): Promise<ProfileRow | null> {
  const [p] = await db.select().from(associationProfiles).where(eq(associationProfiles.organizationId, id));
  return p ?? null;
}

export async function getAssociation(ctx: Ctx, id: number) {
  const row = await loadAssociation(ctx.db, id);
  assertCanRead(ctx.actor, row);
  return (await present(ctx.db, ctx.actor, [row]))[0];
}

const placeOf = (r: Pick<OrganizationRow, 'id' | 'regionId' | 'councilId'>) => ({ regionId: r.regionId, councilId: r.councilId, organizationId: r.id });

/** Inserts or updates the profile and audits it, inside the caller's transaction. */
export async function writeProfile(tx: Tx, ctx: Ctx, org: OrganizationRow, values: Partial<ProfileRow>) {
  const before = await loadProfile(tx, org.id);
  const [after] = before
    ? await tx
        .update(associationProfiles)
        .set({ ...values, version: sql`${associationProfiles.version} + 1`, updatedAt: new Date() })
        .where(eq(associationProfiles.organizationId, org.id))
        .returning()
    : await tx
        .insert(associationProfiles)
        .values({ ...values, organizationId: org.id })
        .returning();
  await recordAudit(tx, ctx, { action: before ? 'update' : 'create', entityType: 'association_profile', entityId: org.id, before, after, ...placeOf(org) });
  return after;
}

/** Creates the association's organisation and its profile in one transaction; the organisations' editors, in scope. */
export async function createAssociation(ctx: Ctx, body: z.infer<typeof associationCreate>) {
  editReachOf(ctx.actor);
  const { legalForm, communities, languages, sectors, activities, ...org } = body;
  let planned: OrganizationValues | null = null;
  const id = await guardUniqueName(ctx.db, () => planned, null, () =>
    ctx.db.transaction(async (tx) => {
      const plan = await planOrganization(tx, ctx.lang, null, { ...org, kind: 'association', collectionStatus: 'new', taxCode: null });
      if (plan.issues.length) throw invalidFields(plan.issues);
      assertCanEdit(ctx.actor, plan.values);
      if (plan.duplicate) throw duplicateError(plan.duplicate);
      planned = plan.values;
      const created = await insertOrganization(tx, ctx, plan.values);
      const row = await loadAssociation(tx, created.id);
      await writeProfile(tx, ctx, row, { legalForm, communities, languages, sectors, activities });
      await tx.insert(associationLog).values({ organizationId: row.id, date: today(), kind: 'note', summary: 'Associazione registrata nell’anagrafe.', createdBy: ctx.actor?.id ?? null });
      return row.id;
    }),
  );
  return getAssociation(ctx, id);
}

const sameList = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes registry data at the version read (the organisation's, which any change bumps): the organisations'
 * editors in scope. The engagement status moves only through changeStatus, so its log stays complete.
 */
export async function updateAssociation(ctx: Ctx, id: number, body: z.infer<typeof associationPatch>, ifMatch?: number) {
  let planned: OrganizationValues | null = null;
  await guardUniqueName(ctx.db, () => planned, id, () =>
    ctx.db.transaction(async (tx) => {
      const current = await loadAssociation(tx, id, true);
      assertCanEdit(ctx.actor, current);
      const expected = requireVersion(ctx.lang, body.version, ifMatch);
      if (current.version !== expected) throw versionConflict(current.version);
      const { version: _v, legalForm, communities, languages, sectors, activities, ...org } = body;
      const plan = await planOrganization(tx, ctx.lang, current, org);
      if (plan.issues.length) throw invalidFields(plan.issues);
      assertCanEdit(ctx.actor, plan.values);
      if (plan.duplicate) throw duplicateError(plan.duplicate);
      const profile = (await loadProfile(tx, id)) ?? { ...DEFAULT_PROFILE, organizationId: id };
      const asked: Partial<ProfileValues> = { legalForm, communities, languages, sectors, activities };
      const profileChange: Partial<ProfileValues> = {};
      for (const f of PROFILE_FIELDS) {
        const v = asked[f];
        if (v !== undefined && !sameList(v, profile[f])) (profileChange as Record<string, unknown>)[f] = v;
      }
      const orgChanged = plan.changed.filter((f) => f !== 'kind' && f !== 'collectionStatus' && f !== 'taxCode');
      if (!orgChanged.length && !Object.keys(profileChange).length) return;
      planned = plan.values;
      if (orgChanged.length) await writeOrganizationChange(tx, ctx, current, plan.values);
      // A profile-only change still bumps the organisation's version: one version guards the whole record.
      else await touchOrganization(tx, id);
      if (Object.keys(profileChange).length) await writeProfile(tx, ctx, current, profileChange);
    }),
  );
  return getAssociation(ctx, id);
}

const rank = (s: Status) => ENGAGEMENT_STATUSES.indexOf(s);

/**
 * The pipeline: forward one or more steps (identified → contacted → met → taking part), to inactive from any
 * step, and from inactive back to any step (an association that returns). Never backwards otherwise, and
 * never to the same status: what went wrong is told with the allowed next steps.
 */
export function checkTransition(from: Status, to: Status): string | null {
  if (from === to) return 'association_status_same';
  if (to === 'inactive' || from === 'inactive') return null;
  return rank(to) > rank(from) ? null : 'association_status_backwards';
}

/** Moves the association along the pipeline on a date, with a note on the log; the editors in scope. */
export async function changeStatus(ctx: Ctx, id: number, body: z.infer<typeof statusChange>, ifMatch?: number) {
  await ctx.db.transaction(async (tx) => {
    const org = await loadAssociation(tx, id, true);
    assertCanEdit(ctx.actor, org);
    const expected = body.version ?? ifMatch;
    if (expected != null && org.version !== expected) throw versionConflict(org.version);
    const profile = (await loadProfile(tx, id)) ?? { ...DEFAULT_PROFILE, organizationId: id };
    const from = profile.engagementStatus;
    const wrong = checkTransition(from, body.status);
    const statusWord = (s: Status) => (ctx.lang === 'en' ? s.replace('_', ' ') : STATUS_IT[s]);
    if (wrong) throw fieldError(ctx.lang, wrong, 'status', { from: statusWord(from), to: statusWord(body.status) });
    if (body.date > today()) throw fieldError(ctx.lang, 'association_status_future', 'date');
    if (profile.statusChangedOn && body.date < profile.statusChangedOn) {
      throw fieldError(ctx.lang, 'association_status_before_last', 'date', { last: profile.statusChangedOn });
    }
    await writeProfile(tx, ctx, org, { engagementStatus: body.status, statusChangedOn: body.date });
    await touchOrganization(tx, id);
    const [entry] = await tx
      .insert(associationLog)
      .values({ organizationId: id, date: body.date, kind: 'status_change', fromStatus: from, toStatus: body.status, summary: body.note, createdBy: ctx.actor?.id ?? null })
      .returning();
    await recordAudit(tx, ctx, { action: 'create', entityType: 'association_log', entityId: entry.id, after: entry, ...placeOf(org) });
  });
  return getAssociation(ctx, id);
}

const STATUS_IT: Record<Status, string> = { identified: 'individuata', contacted: 'contattata', met: 'incontrata', taking_part: 'partecipa ai lavori', inactive: 'inattiva' };

async function logOf(db: DbOrTx, organizationId: number, entryId?: number) {
  const rows = await db
    .select({ l: associationLog, createdBy: users.name })
    .from(associationLog)
    .leftJoin(users, eq(users.id, associationLog.createdBy))
    .where(and(eq(associationLog.organizationId, organizationId), entryId ? eq(associationLog.id, entryId) : undefined))
    .orderBy(desc(associationLog.date), desc(associationLog.id));
  return rows.map(({ l, createdBy }) => ({
    id: l.id,
    date: l.date,
    kind: l.kind,
    fromStatus: l.fromStatus,
    toStatus: l.toStatus,
    summary: l.summary,
    createdBy,
    createdAt: l.createdAt.toISOString(),
  }));
}

/** The dated log, newest first: the council side in scope (not the association's own members). */
export async function listLog(ctx: Ctx, id: number) {
  const row = await loadAssociation(ctx.db, id);
  assertCanReadLog(ctx.actor, row);
  return { items: await logOf(ctx.db, id) };
}

/** Writes a contact, meeting or note on the log; the editors in scope. A log date cannot be in the future. */
export async function addLogEntry(ctx: Ctx, id: number, body: z.infer<typeof logCreate>) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadAssociation(tx, id);
    assertCanEdit(ctx.actor, row);
    if (body.date > today()) throw fieldError(ctx.lang, 'association_log_future', 'date');
    const [entry] = await tx
      .insert(associationLog)
      .values({ organizationId: id, date: body.date, kind: body.kind, summary: body.summary, createdBy: ctx.actor?.id ?? null })
      .returning();
    await recordAudit(tx, ctx, { action: 'create', entityType: 'association_log', entityId: entry.id, after: entry, ...placeOf(row) });
    return (await logOf(tx, id, entry.id))[0];
  });
}
