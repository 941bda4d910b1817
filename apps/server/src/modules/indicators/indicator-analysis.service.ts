import type { IndicatorValue, indicatorValuesQuery, PivotResponse, pivotQuery, ProfileResponse, profileQuery } from '@mosaico/contracts/indicators';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { translate } from '../../platform/http/messages.ts';
import { requireActor } from '../auth/scope.ts';
import { dataElements } from '../data-values/data-values.schema.ts';
import { resolveTerritory } from '../territories/territories.service.ts';
import { computeIndicator, computeIndicators, type IndicatorRow, presentValue, territoryTree } from './indicator-values.ts';
import { readElementBreakdown } from './indicator-pivot.queries.ts';
import { LEVEL_DEPTH, type RollupLevel } from './indicators.queries.ts';
import { indicators } from './indicators.schema.ts';
import { collectedScopeOf, findVisibleIndicator } from './indicators.service.ts';

async function allIndicators(ctx: Ctx) {
  const rows = await ctx.db.select().from(indicators).orderBy(asc(indicators.code));
  return new Map<string, IndicatorRow>(rows.map((r) => [r.code, r]));
}

/** The ids of `level` territories at or below `code`; 400 naming `territory` when it lies below the level. */
async function restrictTo(ctx: Ctx, code: string, level: RollupLevel, year?: string): Promise<Set<number>> {
  const at = year ? `${year}-01-01` : undefined;
  const { t } = await resolveTerritory(ctx.db, code, at);
  if (t.level === 'comune' || LEVEL_DEPTH[t.level] > LEVEL_DEPTH[level]) {
    throw new AppError('invalid', 'validation_failed', {}, { issues: [{ field: 'territory', code: 'below_level', message: translate('indicator_territory_below_level', ctx.lang, { code, level }) }] });
  }
  const tree = await territoryTree(ctx.db);
  const byId = new Map(tree.map((n) => [n.id, n]));
  const under = (id: number) => {
    for (let cur = byId.get(id); cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) if (cur.id === t.id) return true;
    return false;
  };
  return new Set(tree.filter((n) => n.level === level && under(n.id)).map((n) => n.id));
}

/**
 * An indicator's values for the territories of a level, computed now from the data values the user may read:
 * imported ones, collected ones of their councils (even provisional), approved collected ones of others.
 */
export async function getIndicatorValues(ctx: Ctx, code: string, q: z.infer<typeof indicatorValuesQuery>): Promise<IndicatorValue[]> {
  const actor = requireActor(ctx.actor);
  await findVisibleIndicator(ctx, code);
  const only = q.territory ? await restrictTo(ctx, q.territory, q.level, q.period) : undefined;
  const rows = await computeIndicator(ctx.db, {
    code,
    all: await allIndicators(ctx),
    level: q.level,
    years: q.period ? [q.period] : null,
    only,
    scope: await collectedScopeOf(ctx.db, actor),
  });
  return rows.map(presentValue);
}

/** The key indicators of a province or region beside its region and Italy, every year, with year-on-year change. */
export async function getTerritoryProfile(ctx: Ctx, q: z.infer<typeof profileQuery>): Promise<ProfileResponse> {
  const actor = requireActor(ctx.actor);
  const { t } = await resolveTerritory(ctx.db, q.territory, q.period ? `${q.period}-12-31` : undefined);
  if (t.level !== 'province' && t.level !== 'region') {
    throw new AppError('invalid', 'validation_failed', {}, { issues: [{ field: 'territory', code: 'not_province_or_region', message: translate('indicator_profile_level', ctx.lang, { code: q.territory }) }] });
  }
  const tree = await territoryTree(ctx.db);
  const byId = new Map(tree.map((n) => [n.id, n]));
  const ref = (id: number) => {
    const n = byId.get(id);
    if (!n) throw notFound(`territorio ${id}`);
    return { id: n.id, code: n.code, name: n.name, level: n.level };
  };
  const region = t.level === 'province' && t.parentId ? ref(t.parentId) : null;
  const nationNode = tree.find((n) => n.level === 'nation');
  if (!nationNode) throw notFound('Italia');
  const places: { id: number; level: RollupLevel }[] = [{ id: t.id, level: t.level }];
  if (region) places.push({ id: region.id, level: 'region' });
  places.push({ id: nationNode.id, level: 'nation' });

  const all = await allIndicators(ctx);
  const scope = await collectedScopeOf(ctx.db, actor);
  const periods = new Set<string>();
  const out: ProfileResponse['indicators'] = [];
  const keyRows = [...all.values()].filter((r) => r.key && r.regionId === null);
  // Every key indicator at the three places from one read of their series (not one computation per place).
  const computed = await computeIndicators(ctx.db, {
    codes: keyRows.map((r) => r.code),
    all,
    levels: [...new Set(places.map((p) => p.level))],
    years: null,
    only: new Set(places.map((p) => p.id)),
    scope,
  });
  for (const row of keyRows) {
    const series = [];
    const rows = computed.get(row.code) ?? [];
    for (const place of places) {
      const values = rows.filter((v) => v.territory.id === place.id);
      const points = values
        .filter((v) => !q.period || v.year <= q.period)
        .map((v, i, list) => {
          periods.add(v.year);
          const before = i > 0 && Number(list[i - 1].year) === Number(v.year) - 1 ? list[i - 1].computed.value : null;
          const change = before !== null && v.computed.value !== null ? v.computed.value - before : null;
          return {
            period: v.year,
            value: v.computed.value,
            numerator: v.computed.numerator,
            denominator: v.computed.denominator,
            reason: v.computed.reason,
            provisional: v.computed.trace.provisional,
            change: change === null ? null : Math.round(change * 10 ** row.decimals) / 10 ** row.decimals,
            changePercent: change === null || !before ? null : Math.round((change / Math.abs(before)) * 1000) / 10,
          };
        });
      series.push({ territory: ref(place.id), points });
    }
    out.push({
      indicator: { code: row.code, name: row.name, unit: row.unit ?? null, decimals: row.decimals, factor: row.factor, themes: row.themes, aggregation: row.aggregation, timeRule: row.timeRule },
      series,
    });
  }
  return { territory: ref(t.id), region, nation: ref(nationNode.id), periods: [...periods].sort(), indicators: out };
}

/** Rows territory × period × breakdown option of an indicator or a data element, for the pivot view and its exports. */
export async function getPivot(ctx: Ctx, q: z.infer<typeof pivotQuery>): Promise<PivotResponse> {
  const actor = requireActor(ctx.actor);
  const [kind, code] = q.measure.split(/:(.*)/s) as ['indicator' | 'element', string];
  const years = q.periods ? q.periods.split(',') : null;
  const only = q.territory ? await restrictTo(ctx, q.territory, q.level) : undefined;
  const scope = await collectedScopeOf(ctx.db, actor);
  if (kind === 'indicator') {
    if (q.breakdown) {
      throw new AppError('invalid', 'validation_failed', {}, { issues: [{ field: 'breakdown', code: 'not_for_indicator', message: translate('indicator_pivot_breakdown', ctx.lang) }] });
    }
    const row = await findVisibleIndicator(ctx, code);
    const values = await computeIndicator(ctx.db, { code, all: await allIndicators(ctx), level: q.level, years, only, scope });
    return {
      measure: { kind, code, name: row.name },
      level: q.level,
      breakdown: null,
      periods: [...new Set(values.map((v) => v.year))].sort(),
      options: [],
      rows: values.map((v) => {
        const p = presentValue(v);
        return { territory: p.territory, period: p.period, option: null, value: p.value, numerator: p.numerator, denominator: p.denominator, reason: p.reason, provisional: p.provisional };
      }),
    };
  }
  const [element] = await ctx.db.select().from(dataElements).where(eq(dataElements.code, code));
  if (!element) throw notFound(`dato ${code}`);
  if (q.breakdown && !element.categories.includes(q.breakdown)) {
    throw new AppError('invalid', 'validation_failed', {}, {
      issues: [{ field: 'breakdown', code: 'unknown_category', message: translate('indicator_pivot_category', ctx.lang, { category: q.breakdown, element: code, categories: element.categories.join(', ') || '—' }) }],
    });
  }
  const result = await readElementBreakdown(ctx.db, { element: { id: element.id, categories: element.categories }, breakdown: q.breakdown ?? null, level: q.level, years, scope });
  const tree = await territoryTree(ctx.db);
  const byId = new Map(tree.map((n) => [n.id, n]));
  const rows = result.rows
    .filter((r) => !only || only.has(r.territoryId))
    .map((r) => {
      const n = byId.get(r.territoryId);
      return n ? { territory: { id: n.id, code: n.code, name: n.name, level: n.level }, period: r.year, option: r.option, value: r.value, numerator: null, denominator: null, reason: null, provisional: r.provisional } : null;
    })
    .filter((r) => r !== null)
    .sort((a, b) => a.period.localeCompare(b.period) || a.territory.code.localeCompare(b.territory.code) || (a.option ?? '').localeCompare(b.option ?? ''));
  return {
    measure: { kind, code, name: element.name },
    level: q.level,
    breakdown: q.breakdown ?? null,
    periods: [...new Set(rows.map((r) => r.period))].sort(),
    options: result.options,
    rows,
  };
}
