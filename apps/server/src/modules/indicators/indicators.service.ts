import type { formulaValidateBody, Indicator, indicatorCreate, indicatorListQuery, indicatorUpdate } from '@mosaico/contracts/indicators';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, type FieldIssue, forbidden, notFound, versionConflict } from '../../platform/http/errors.ts';
import { translate } from '../../platform/http/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { reachOf, reaches, requireActor } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { COLLECTED_READERS } from '../data-values/data-values.service.ts';
import { territories } from '../territories/territories.schema.ts';
import { resolveTerritory } from '../territories/territories.service.ts';
import { users } from '../users/users.schema.ts';
import type { CollectedScope } from './indicators.queries.ts';
import { indicators, indicatorThemes } from './indicators.schema.ts';
import { checkFormulas } from './indicator-formulas.ts';

type Row = typeof indicators.$inferSelect;

/** The collected values a reader sees while provisional: the councils on whose side they stand (as their submissions). */
export async function collectedScopeOf(db: DbOrTx, actor: Actor): Promise<CollectedScope> {
  const reach = reachOf(actor, COLLECTED_READERS);
  if (reach.all) return { all: true, councilIds: [] };
  const inRegions = reach.regionIds.length ? await db.select({ id: councils.id }).from(councils).where(inArray(councils.regionId, reach.regionIds)) : [];
  return { all: false, councilIds: [...new Set([...reach.councilIds, ...inRegions.map((c) => c.id)])] };
}

/** The regions whose custom indicators a user sees: any role in the nation, the region, or a council of it. */
async function visibleRegions(db: DbOrTx, actor: Actor): Promise<'all' | Set<number>> {
  const reach = reachOf(actor, ['national_admin', 'regional_coordinator', 'council_referent', 'tutor', 'data_provider', 'association_member']);
  if (reach.all) return 'all';
  const viaCouncils = reach.councilIds.length ? await db.select({ r: councils.regionId }).from(councils).where(inArray(councils.id, reach.councilIds)) : [];
  return new Set([...reach.regionIds, ...viaCouncils.map((c) => c.r)]);
}

const canSee = (regions: 'all' | Set<number>, row: Row) => row.regionId === null || regions === 'all' || regions.has(row.regionId);

/** Who may define an indicator: national admins any; regional coordinators the custom ones of their region. */
function mayEdit(actor: Actor, regionId: number | null): boolean {
  if (regionId === null) return reaches(reachOf(actor, ['national_admin']), {});
  return reaches(reachOf(actor, ['national_admin', 'regional_coordinator']), { regionId });
}

async function present(db: DbOrTx, rows: Row[]): Promise<Indicator[]> {
  const userIds = [...new Set(rows.flatMap((r) => [r.createdBy, r.updatedBy]).filter((x): x is number => x != null))];
  const regionIds = [...new Set(rows.map((r) => r.regionId).filter((x): x is number => x != null))];
  const names = new Map(userIds.length ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.name]) : []);
  const regions = new Map(regionIds.length ? (await db.select({ id: territories.id, code: territories.code }).from(territories).where(inArray(territories.id, regionIds))).map((t) => [t.id, t.code]) : []);
  const who = (id: number | null) => (id != null && names.has(id) ? { id, name: names.get(id) as string } : null);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    description: r.description ?? null,
    themes: r.themes,
    numerator: r.numerator,
    denominator: r.denominator,
    factor: r.factor,
    unit: r.unit ?? null,
    decimals: r.decimals,
    aggregation: r.aggregation,
    weight: r.weight,
    timeRule: r.timeRule,
    key: r.key,
    origin: r.origin,
    regionCode: r.regionId != null ? (regions.get(r.regionId) ?? null) : null,
    elements: r.elements,
    indicators: r.uses,
    createdBy: who(r.createdBy),
    updatedBy: who(r.updatedBy),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}

/** The themes, in their order; any signed-in user. */
export async function listThemes(ctx: Ctx) {
  requireActor(ctx.actor);
  return ctx.db.select().from(indicatorThemes).orderBy(asc(indicatorThemes.order));
}

/** Indicators the user sees (national ones and the custom ones of their regions); any signed-in user. */
export async function listIndicators(ctx: Ctx, q: z.infer<typeof indicatorListQuery>) {
  const actor = requireActor(ctx.actor);
  const regions = await visibleRegions(ctx.db, actor);
  const filters = [
    q.key !== undefined ? eq(indicators.key, q.key) : undefined,
    q.theme ? sql`${indicators.themes} ? ${q.theme}` : undefined,
    q.q ? sql`(${indicators.code} ilike ${`%${q.q}%`} or ${indicators.name}->>'it' ilike ${`%${q.q}%`} or ${indicators.name}->>'en' ilike ${`%${q.q}%`})` : undefined,
  ].filter((f) => f !== undefined);
  const rows = await ctx.db.select().from(indicators).where(filters.length ? and(...filters) : undefined).orderBy(asc(indicators.code));
  return present(ctx.db, rows.filter((r) => canSee(regions, r)));
}

/** One indicator row the user sees, or 404 (also for another region's custom one: its existence is not told). */
export async function findVisibleIndicator(ctx: Ctx, code: string): Promise<Row> {
  const actor = requireActor(ctx.actor);
  const [row] = await ctx.db.select().from(indicators).where(eq(indicators.code, code));
  if (!row || !canSee(await visibleRegions(ctx.db, actor), row)) throw notFound(`indicatore ${code}`);
  return row;
}

export async function getIndicator(ctx: Ctx, code: string) {
  const [out] = await present(ctx.db, [await findVisibleIndicator(ctx, code)]);
  return out;
}

/** Checks formulas without saving; any signed-in user (the editor's live check). */
export async function validateIndicatorFormulas(ctx: Ctx, body: z.infer<typeof formulaValidateBody>) {
  requireActor(ctx.actor);
  const check = await checkFormulas(ctx.db, body, ctx.lang);
  return { valid: check.issues.length === 0, ...check };
}

type Fields = z.infer<typeof indicatorUpdate> | z.infer<typeof indicatorCreate>;

/** Every rule of an indicator's fields at once: formulas, themes, weight; throws 400 `invalid_formula` / validation_failed. */
async function checkFields(ctx: Ctx, code: string, body: Fields) {
  const check = await checkFormulas(ctx.db, { code, numerator: body.numerator, denominator: body.denominator, weight: body.weight }, ctx.lang);
  const issues: FieldIssue[] = [...check.issues];
  if (body.aggregation === 'weighted_average' && !body.weight) {
    issues.push({ field: 'weight', code: 'weight_required', message: translate('indicator_weight_required', ctx.lang) });
  }
  if (body.themes.length) {
    const known = new Set((await ctx.db.select({ code: indicatorThemes.code }).from(indicatorThemes)).map((t) => t.code));
    body.themes.forEach((t, i) => {
      if (!known.has(t)) issues.push({ field: `themes.${i}`, code: 'unknown_theme', message: translate('indicator_unknown_theme', ctx.lang, { theme: t }) });
    });
  }
  if (issues.length) {
    const formulaOnly = issues.every((i) => i.position !== undefined);
    throw new AppError('invalid', formulaOnly ? 'invalid_formula' : 'validation_failed', { count: issues.length }, { issues });
  }
  return { elements: check.elements, uses: check.indicators };
}

const fieldsOf = (b: Fields) => ({
  name: b.name,
  description: b.description,
  themes: b.themes,
  numerator: b.numerator,
  denominator: b.denominator,
  factor: b.factor,
  unit: b.unit,
  decimals: b.decimals,
  aggregation: b.aggregation,
  weight: b.aggregation === 'weighted_average' ? b.weight : null,
  timeRule: b.timeRule,
  key: b.key,
});

/** Defines an indicator: national admins (national or regional), regional coordinators (custom ones of their region). */
export async function createIndicator(ctx: Ctx, body: z.infer<typeof indicatorCreate>) {
  const actor = requireActor(ctx.actor);
  let regionId: number | null = null;
  if (body.regionCode) {
    const region = await resolveTerritory(ctx.db, body.regionCode).catch(() => null);
    if (region?.t.level !== 'region') {
      throw new AppError('invalid', 'validation_failed', {}, { issues: [{ field: 'regionCode', code: 'unknown_region', message: translate('indicator_unknown_region', ctx.lang, { code: body.regionCode }) }] });
    }
    regionId = region.t.id;
  } else if (!mayEdit(actor, null)) {
    // A regional coordinator defines for their own region (the one they hold, when only one).
    const mine = reachOf(actor, ['regional_coordinator']).regionIds;
    if (mine.length === 1) regionId = mine[0];
  }
  if (!mayEdit(actor, regionId)) throw forbidden();
  const refs = await checkFields(ctx, body.code, body);
  return ctx.db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.code, body.code));
    if (exists) throw new AppError('conflict', 'indicator_exists', { code: body.code }, { issues: [{ field: 'code', code: 'taken', message: translate('indicator_exists', ctx.lang, { code: body.code }) }] });
    const [row] = await tx
      .insert(indicators)
      .values({ code: body.code, ...fieldsOf(body), ...refs, origin: 'custom', regionId, createdBy: actor.id, updatedBy: actor.id })
      .returning();
    await recordAudit(tx, ctx, { action: 'create', entityType: 'indicator', entityId: row.code, after: row, regionId });
    const [out] = await present(tx, [row]);
    return out;
  });
}

/** Replaces an indicator's definition at `version`; same authors as create (the shipped ones: national admins). */
export async function updateIndicator(ctx: Ctx, code: string, body: z.infer<typeof indicatorUpdate>) {
  const actor = requireActor(ctx.actor);
  const current = await findVisibleIndicator(ctx, code);
  if (!mayEdit(actor, current.regionId)) throw forbidden();
  const refs = await checkFields(ctx, code, body);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(indicators)
      .set({ ...fieldsOf(body), ...refs, updatedBy: actor.id, updatedAt: new Date(), version: sql`${indicators.version} + 1` })
      .where(and(eq(indicators.code, code), eq(indicators.version, body.version)))
      .returning();
    if (!row) {
      const [now] = await tx.select({ version: indicators.version }).from(indicators).where(eq(indicators.code, code));
      throw versionConflict(now?.version ?? 0);
    }
    await recordAudit(tx, ctx, { action: 'update', entityType: 'indicator', entityId: code, before: current, after: row, regionId: row.regionId });
    const [out] = await present(tx, [row]);
    return out;
  });
}
