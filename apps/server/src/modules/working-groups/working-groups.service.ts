import type { workingGroupCreate, workingGroupPatch, workingGroupQuery } from '@mosaico/contracts/working-groups';
import { and, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { AppError, type FieldIssue, invalidFields, requireVersion, versionConflict } from '../../platform/http/errors.ts';
import { translate } from '../../platform/http/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireKeeper } from '../auth/place-policy.ts';
import { loadPlaceReadReach } from '../auth/place-reach.ts';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { assertCanKeepGroup, assertCanReadGroup, canKeepGroup, readableGroups } from './working-groups.policy.ts';
import { workingGroupMembers, workingGroups } from './working-groups.schema.ts';
import { auditMember, listMeetings, listMembers } from './working-group-members.ts';

export type GroupRow = typeof workingGroups.$inferSelect;

async function present(db: DbOrTx, actor: Actor | null, rows: GroupRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const regions = await db.select({ id: territories.id, code: territories.code, name: territories.name }).from(territories).where(inArray(territories.id, rows.map((r) => r.regionId)));
  const councilIds = rows.map((r) => r.councilId).filter((id): id is number => id != null);
  const councilRows = councilIds.length ? await db.select({ id: councils.id, code: councils.code, name: councils.name }).from(councils).where(inArray(councils.id, councilIds)) : [];
  const members = await db.select({ id: workingGroupMembers.groupId, n: count() }).from(workingGroupMembers).where(inArray(workingGroupMembers.groupId, ids)).groupBy(workingGroupMembers.groupId);
  const meetings = await db.execute(sql`select working_group_id as id, count(*)::int as n from events where working_group_id in ${ids} and status <> 'draft' group by 1`);
  const meetingsOf = new Map((meetings as unknown as { rows: { id: number; n: number }[] }).rows.map((m) => [Number(m.id), Number(m.n)]));
  const regionOf = new Map(regions.map((r) => [r.id, r]));
  const councilOf = new Map(councilRows.map((c) => [c.id, c]));
  const membersOf = new Map(members.map((m) => [m.id, m.n]));
  return rows.map((g) => ({
    id: g.id,
    name: g.name,
    region: regionOf.get(g.regionId) ?? { id: g.regionId, code: '', name: '' },
    council: g.councilId ? (councilOf.get(g.councilId) ?? null) : null,
    area: g.area,
    description: g.description,
    formedOn: g.formedOn,
    active: g.active,
    membersCount: membersOf.get(g.id) ?? 0,
    meetingsCount: meetingsOf.get(g.id) ?? 0,
    canEdit: !!actor && canKeepGroup(actor, g),
    version: g.version,
    updatedAt: g.updatedAt.toISOString(),
  }));
}

/** The working groups the caller reads (their region's and council's), filtered and paged, by name. */
export async function listWorkingGroups(ctx: Ctx, q: z.infer<typeof workingGroupQuery>) {
  const reach = await loadPlaceReadReach(ctx, true);
  const where = and(
    readableGroups(reach),
    q.councilId ? eq(workingGroups.councilId, q.councilId) : undefined,
    q.regionId ? eq(workingGroups.regionId, q.regionId) : undefined,
    q.active ? eq(workingGroups.active, q.active === 'true') : undefined,
    q.q ? or(ilike(workingGroups.name, `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`), ilike(workingGroups.area, `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)) : undefined,
  );
  const [{ total }] = await ctx.db.select({ total: count() }).from(workingGroups).where(where);
  const rows = await ctx.db
    .select()
    .from(workingGroups)
    .where(where)
    .orderBy(sql`lower(${workingGroups.name})`, workingGroups.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await present(ctx.db, ctx.actor, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function loadGroup(db: DbOrTx, id: number, lock = false): Promise<GroupRow> {
  const query = db.select().from(workingGroups).where(eq(workingGroups.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'working_group_not_found', { id });
  return row;
}

/** The group, for whoever reads its place; 404 before 403 would tell nothing, so the scope is checked after. */
export async function loadReadableGroup(ctx: Ctx, id: number): Promise<GroupRow> {
  const row = await loadGroup(ctx.db, id);
  assertCanReadGroup(await loadPlaceReadReach(ctx, true), row);
  return row;
}

/** One group with its members (and their training hours) and its meetings. */
export async function getWorkingGroup(ctx: Ctx, id: number) {
  const row = await loadReadableGroup(ctx, id);
  const [g] = await present(ctx.db, ctx.actor, [row]);
  return { ...g, members: await listMembers(ctx.db, row, g.canEdit), meetings: await listMeetings(ctx.db, row, g.canEdit) };
}

type GroupInput = Omit<z.infer<typeof workingGroupPatch>, 'version'>;

/** Where the group sits: a council's (and its region) or a region's; with every problem as a field issue. */
async function placeOf(ctx: Ctx, db: DbOrTx, input: GroupInput, current: GroupRow | null) {
  const issues: FieldIssue[] = [];
  let councilId = input.councilId === undefined ? (current?.councilId ?? null) : input.councilId;
  let regionId = input.regionId === undefined ? (current?.regionId ?? null) : input.regionId;
  if (councilId != null) {
    const [c] = await db.select({ regionId: councils.regionId }).from(councils).where(eq(councils.id, councilId));
    if (!c) issues.push({ field: 'councilId', code: 'council_not_found', message: translate('working_group_council_not_found', ctx.lang, { id: councilId }) });
    else if (input.regionId != null && input.regionId !== c.regionId) {
      issues.push({ field: 'regionId', code: 'working_group_region_mismatch', message: translate('working_group_region_mismatch', ctx.lang) });
    } else regionId = c.regionId;
  } else if (regionId == null) {
    issues.push({ field: 'regionId', code: 'working_group_place_required', message: translate('working_group_place_required', ctx.lang) });
  } else {
    const [t] = await db.select({ level: territories.level }).from(territories).where(eq(territories.id, regionId));
    if (t?.level !== 'region') issues.push({ field: 'regionId', code: 'working_group_region_not_found', message: translate('working_group_region_not_found', ctx.lang, { id: regionId }) });
    councilId = null;
  }
  return { issues, place: { regionId: regionId as number, councilId } };
}

/** Creates a group where the caller keeps (the region's coordinators, the council's referents and tutors). */
export async function createWorkingGroup(ctx: Ctx, body: z.infer<typeof workingGroupCreate>) {
  requireKeeper(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const { issues, place } = await placeOf(ctx, tx, body, null);
    if (issues.length) throw invalidFields(issues);
    const actor = assertCanKeepGroup(ctx.actor, place);
    const [row] = await tx
      .insert(workingGroups)
      .values({ name: body.name, ...place, area: body.area, description: body.description, formedOn: body.formedOn ?? null, active: body.active, createdBy: actor.id })
      .returning();
    await recordAudit(tx, ctx, { action: 'create', entityType: 'working_group', entityId: row.id, after: row, ...place });
    return (await present(tx, ctx.actor, [row]))[0];
  });
}

/** Changes a group at the version read; its keepers, who must keep where it moves to as well. */
export async function updateWorkingGroup(ctx: Ctx, id: number, body: z.infer<typeof workingGroupPatch>, ifMatch?: number) {
  return ctx.db.transaction(async (tx) => {
    const current = await loadGroup(tx, id, true);
    assertCanKeepGroup(ctx.actor, current);
    const expected = requireVersion(ctx.lang, body.version, ifMatch);
    if (current.version !== expected) throw versionConflict(current.version);
    const { version: _v, ...input } = body;
    const { issues, place } = await placeOf(ctx, tx, input, current);
    if (issues.length) throw invalidFields(issues);
    assertCanKeepGroup(ctx.actor, place);
    const values = {
      name: input.name ?? current.name,
      ...place,
      area: input.area === undefined ? current.area : input.area,
      description: input.description === undefined ? current.description : input.description,
      formedOn: input.formedOn === undefined ? current.formedOn : input.formedOn,
      active: input.active ?? current.active,
    };
    const changed = (Object.keys(values) as (keyof typeof values)[]).some((k) => values[k] !== current[k]);
    if (!changed) return (await present(tx, ctx.actor, [current]))[0];
    const [row] = await tx
      .update(workingGroups)
      .set({ ...values, version: sql`${workingGroups.version} + 1`, updatedAt: new Date() })
      .where(eq(workingGroups.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: 'update', entityType: 'working_group', entityId: id, before: current, after: row, regionId: row.regionId, councilId: row.councilId });
    return (await present(tx, ctx.actor, [row]))[0];
  });
}

/** Deletes a group and its members at the version read; its meetings stay, no longer tied to it. */
export async function deleteWorkingGroup(ctx: Ctx, id: number, version?: number) {
  await ctx.db.transaction(async (tx) => {
    const current = await loadGroup(tx, id, true);
    assertCanKeepGroup(ctx.actor, current);
    if (current.version !== requireVersion(ctx.lang, version)) throw versionConflict(current.version);
    const members = await tx.select().from(workingGroupMembers).where(eq(workingGroupMembers.groupId, id));
    await tx.delete(workingGroups).where(eq(workingGroups.id, id));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'working_group', entityId: id, before: { ...current, members: members.map(auditMember) }, regionId: current.regionId, councilId: current.councilId });
  });
}

/** Bumps the group's version when its members change, so an edit form notices. */
export async function touchGroup(tx: Tx, id: number) {
  await tx.update(workingGroups).set({ version: sql`${workingGroups.version} + 1`, updatedAt: new Date() }).where(eq(workingGroups.id, id));
}
