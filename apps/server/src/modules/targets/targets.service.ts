import type { targetBody, targetPatchBody } from '@mosaico/contracts/targets';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, type FieldIssue, invalidFields, requireVersion, versionConflict } from '../../platform/http/errors.ts';
import { translate } from '../../platform/http/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireActor } from '../auth/scope.ts';
import { territories } from '../territories/territories.schema.ts';
import { selectRegionsWithCouncils, selectTargetProgress } from './targets.queries.ts';
import { programmeTargets } from './targets.schema.ts';

type TargetRow = typeof programmeTargets.$inferSelect;
type TargetFields = z.infer<typeof targetBody>;
type Region = Awaited<ReturnType<typeof selectRegionsWithCouncils>>[number];

/** National admins keep every target; regional coordinators the targets of their region. */
export function canKeepTarget(actor: Actor, t: { scopeType: string; regionId: number | null }): boolean {
  return actor.roles.some(
    (g) => (g.role === 'national_admin' && g.scopeType === 'nation') || (t.scopeType === 'region' && g.role === 'regional_coordinator' && g.scopeType === 'region' && g.scopeId === t.regionId),
  );
}
const canCreateTargets = (actor: Actor) => actor.roles.some((g) => (g.role === 'national_admin' && g.scopeType === 'nation') || (g.role === 'regional_coordinator' && g.scopeType === 'region'));

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A target with its progress: the total (nation, or the target's region) and one row per region. */
async function presentTarget(db: DbOrTx, actor: Actor, t: TargetRow, regions: Region[]) {
  const byRegion = new Map((await selectTargetProgress(db, t)).map((r) => [r.regionId, r.value]));
  const years = t.yearTo - t.yearFrom + 1;
  const perCouncils = t.metric === 'councils_with_event_per_year';
  const goalOf = (councils: number) => (perCouncils ? Math.round(councils * years * t.targetValue) / 100 : t.targetValue);
  const percentOf = (value: number, goal: number | null) => (goal ? round1((value / goal) * 100) : null);
  const shown = t.scopeType === 'region' ? regions.filter((r) => r.id === t.regionId) : regions;
  const rows = shown.map((r) => {
    const value = byRegion.get(r.id) ?? 0;
    // A region's share of a national count has no goal of its own; councils per year always has one.
    const goal = perCouncils || t.scopeType === 'region' ? goalOf(r.councils) : null;
    return { region: { id: r.id, code: r.code, name: r.name }, value, goal, percent: percentOf(value, goal), councils: perCouncils ? r.councils : null };
  });
  const totalValue = Math.round([...byRegion.values()].reduce((a, b) => a + b, 0) * 100) / 100;
  const councils = shown.reduce((a, r) => a + r.councils, 0);
  const totalGoal = goalOf(councils);
  const region = t.regionId != null ? (regions.find((r) => r.id === t.regionId) ?? null) : null;
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    scopeType: t.scopeType,
    region: region ? { id: region.id, code: region.code, name: region.name } : null,
    metric: t.metric,
    eventKind: t.eventKind,
    yearFrom: t.yearFrom,
    yearTo: t.yearTo,
    targetValue: t.targetValue,
    version: t.version,
    canEdit: canKeepTarget(actor, t),
    progress: { total: { region: null, value: totalValue, goal: totalGoal, percent: percentOf(totalValue, totalGoal), councils: perCouncils ? councils : null }, regions: rows },
  };
}

/** Every programme target with its progress computed from the events held; any signed-in user (counts only, no one's data). */
export async function listTargets(ctx: Ctx) {
  const actor = requireActor(ctx.actor);
  const rows = await ctx.db.select().from(programmeTargets).orderBy(asc(programmeTargets.yearFrom), asc(programmeTargets.scopeType), asc(programmeTargets.id));
  const regions = await selectRegionsWithCouncils(ctx.db);
  const items = [];
  for (const t of rows) items.push(await presentTarget(ctx.db, actor, t, regions));
  return { items, canCreate: canCreateTargets(actor) };
}

/** The rules zod cannot see alone: scope and region agree, the years are in order, a share is at most 100%. All at once. */
async function checkTarget(ctx: Ctx, t: TargetFields) {
  const issues: FieldIssue[] = [];
  const issue = (field: string, code: string, params: Record<string, string | number> = {}) => issues.push({ field, code, message: translate(code, ctx.lang, params) });
  if (t.scopeType === 'region' && t.regionId == null) issue('regionId', 'target_region_required');
  if (t.scopeType === 'nation' && t.regionId != null) issue('regionId', 'target_region_unexpected');
  if (t.scopeType === 'region' && t.regionId != null) {
    const [r] = await ctx.db.select({ level: territories.level }).from(territories).where(eq(territories.id, t.regionId));
    if (r?.level !== 'region') issue('regionId', 'target_region_not_found', { id: t.regionId });
  }
  if (t.yearTo < t.yearFrom) issue('yearTo', 'target_years_order', { yearFrom: t.yearFrom, yearTo: t.yearTo });
  if (t.metric === 'councils_with_event_per_year' && t.targetValue > 100) issue('targetValue', 'target_share_over_100');
  if (issues.length) throw invalidFields(issues);
}

const auditable = (t: TargetRow) => ({ name: t.name, scopeType: t.scopeType, regionId: t.regionId, metric: t.metric, eventKind: t.eventKind, yearFrom: t.yearFrom, yearTo: t.yearTo, targetValue: t.targetValue });

/** Adds a target: national admins anywhere, regional coordinators for their region. */
export async function createTarget(ctx: Ctx, body: TargetFields) {
  const actor = requireActor(ctx.actor);
  if (!canCreateTargets(actor)) throw new AppError('forbidden', 'forbidden');
  await checkTarget(ctx, body);
  const fields = { ...body, regionId: body.scopeType === 'region' ? (body.regionId ?? null) : null };
  if (!canKeepTarget(actor, fields)) throw new AppError('forbidden', 'forbidden');
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx.insert(programmeTargets).values({ ...fields, createdBy: actor.id }).returning();
    await recordAudit(tx, ctx, { action: 'create', entityType: 'programme_target', entityId: created.id, after: auditable(created), regionId: created.regionId });
    return created;
  });
  return presentTarget(ctx.db, actor, row, await selectRegionsWithCouncils(ctx.db));
}

async function loadKept(ctx: Ctx, db: DbOrTx, id: number, lock: boolean) {
  const actor = requireActor(ctx.actor);
  const q = db.select().from(programmeTargets).where(eq(programmeTargets.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found', 'target_not_found', { id });
  if (!canKeepTarget(actor, row)) throw new AppError('forbidden', 'forbidden');
  return { row, actor };
}

/** Changes a target at the version read; whoever keeps it (and, moved to another region, keeps that one too). */
export async function updateTarget(ctx: Ctx, id: number, patch: z.infer<typeof targetPatchBody>, ifMatch?: number) {
  const version = requireVersion(ctx.lang, patch.version, ifMatch);
  const { version: _v, ...changes } = patch;
  const row = await ctx.db.transaction(async (tx) => {
    const { row: current, actor } = await loadKept(ctx, tx, id, true);
    if (current.version !== version) throw versionConflict(current.version);
    const next = { ...auditable(current), description: current.description, ...changes } as TargetFields;
    if (next.scopeType === 'nation') next.regionId = null;
    await checkTarget(ctx, next);
    if (!canKeepTarget(actor, { scopeType: next.scopeType, regionId: next.regionId ?? null })) throw new AppError('forbidden', 'forbidden');
    const [updated] = await tx
      .update(programmeTargets)
      .set({ ...next, regionId: next.regionId ?? null, version: current.version + 1, updatedAt: new Date() })
      .where(eq(programmeTargets.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: 'update', entityType: 'programme_target', entityId: id, before: auditable(current), after: auditable(updated), regionId: updated.regionId });
    return updated;
  });
  return presentTarget(ctx.db, requireActor(ctx.actor), row, await selectRegionsWithCouncils(ctx.db));
}

/** Deletes a target at the version read; whoever keeps it. The events counted are untouched. */
export async function deleteTarget(ctx: Ctx, id: number, version?: number) {
  const v = requireVersion(ctx.lang, version);
  await ctx.db.transaction(async (tx) => {
    const { row } = await loadKept(ctx, tx, id, true);
    if (row.version !== v) throw versionConflict(row.version);
    await tx.delete(programmeTargets).where(eq(programmeTargets.id, id));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'programme_target', entityId: id, before: auditable(row), regionId: row.regionId });
  });
}
