import type { BlockSource, ResolvedBlock } from '@mosaico/contracts/reports';
import { eq, sql } from 'drizzle-orm';
import { dataElements } from '../../data-values/data-values.schema.ts';
import { disaggregationKey } from '../../data-values/form-data-values.ts';
import { readSeriesTotals, type SeriesSpec } from '../../indicators/indicators.queries.ts';
import { seriesAlt } from './indicator-blocks.ts';
import { type SnapshotContext, yearsEnding } from './snapshot-context.ts';
import { formatNumber, formatValue, type Lang, pick, say, sentenceUnit, WORDS } from './snapshot-text.ts';

type ElementSource = Extract<BlockSource, { type: 'element' }>;
type ChartKind = Extract<ResolvedBlock, { kind: 'chart' }>['chart'];
interface Grid {
  /** x axis (or rows of a table): years, or the options of `category`. */
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  byYear: boolean;
}

/** A chart or table with nothing to show and a sentence saying why (a missing element is not a crash). */
function empty(key: string, title: string, chart: ChartKind | null, why: string, lang: Lang): ResolvedBlock {
  if (chart) {
    const series = chart === 'pyramid' ? [WORDS.noData, WORDS.noData].map((w) => ({ name: say(w, lang), values: [] })) : [];
    return { kind: 'chart', key, title, chart, categories: [], series, unit: null, alt: `${title}: ${why}`, sources: [] };
  }
  return { kind: 'table', key, title, columns: [{ label: say(WORDS.item, lang), numeric: false, unit: null, decimals: 0 }], rows: [], note: why, sources: [] };
}

/**
 * The options stored for a category of the element in the years, in the form's order when it defines them. Read
 * from the canonical breakdown text ('area=UE;sesso=F') through the (element, breakdown, period) index rather than
 * from the JSON dimensions.
 */
async function optionsOf(ctx: SnapshotContext, elementId: number, category: string, years: number[]) {
  const result = await ctx.db.execute(sql`
    select distinct disaggregation as d from data_values
    where data_element_id = ${elementId} and disaggregation like ${`%${category}=%`} and period >= ${String(years[0])} and period < ${String(ctx.year + 1)}`);
  const found = new Set<string>();
  for (const r of (result as unknown as { rows: { d: string }[] }).rows) {
    for (const part of r.d.split(';')) {
      const [cat, option] = part.split('=');
      if (cat === category && option !== undefined) found.add(option);
    }
  }
  const order = ctx.form.optionOrder(category);
  const rank = (o: string) => {
    const i = order.indexOf(o.toLowerCase());
    return i < 0 ? order.length : i;
  };
  return [...found].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** "…, Milano 2023: Maschi 230.000 (48,4%), Femmine 245.171 (51,6%)": each category's share of the whole. */
function compositionAlt(title: string, place: string, year: number, grid: Grid, unit: string | null, lang: Lang) {
  const sums = grid.categories.map((c, i) => ({ c, v: grid.series.reduce((s, x) => s + (x.values[i] ?? 0), 0), any: grid.series.some((x) => x.values[i] !== null) }));
  const total = sums.reduce((s, x) => s + x.v, 0);
  if (!sums.some((s) => s.any)) return `${title}, ${place} ${year}: ${say(WORDS.noData, lang).toLowerCase()}.`;
  const parts = sums.filter((s) => s.any).map((s) => `${s.c} ${formatValue(s.v, 0, unit, lang)}${total ? ` (${formatNumber((s.v / total) * 100, 1, lang)}%)` : ''}`);
  const split = grid.series.length > 1 ? `; ${grid.series.map((s) => `${s.name} ${formatNumber(s.values.reduce<number>((a, v) => a + (v ?? 0), 0), 0, lang)}`).join(', ')}` : '';
  return `${title}, ${place} ${year}: ${say(WORDS.total, lang).toLowerCase()} ${formatValue(total, 0, unit, lang)}; ${parts.join(', ')}${split}.`;
}

/** A population pyramid's message: total, the split by sex and the largest age band. */
function pyramidAlt(title: string, place: string, year: number, grid: Grid, unit: string | null, lang: Lang) {
  const [m, f] = grid.series;
  const sumOf = (s: (number | null)[]) => s.reduce<number>((a, v) => a + (v ?? 0), 0);
  const total = sumOf(m?.values ?? []) + sumOf(f?.values ?? []);
  if (!total) return `${title}, ${place} ${year}: ${say(WORDS.noData, lang).toLowerCase()}.`;
  const bands = grid.categories.map((c, i) => ({ c, v: (m?.values[i] ?? 0) + (f?.values[i] ?? 0) })).sort((a, b) => b.v - a.v);
  const share = (v: number) => `${formatNumber((v / total) * 100, 1, lang)}%`;
  const sexes = [m, f].filter(Boolean).map((s) => `${s.name} ${formatNumber(sumOf(s.values), 0, lang)} (${share(sumOf(s.values))})`);
  const largest = lang === 'it' ? 'classe più numerosa' : 'largest band';
  return `${title}, ${place} ${year}: ${say(WORDS.total, lang).toLowerCase()} ${formatValue(total, 0, unit, lang)}; ${sexes.join(', ')}; ${largest}: ${bands[0].c} (${share(bands[0].v)}).`;
}

export async function resolveElementSource(ctx: SnapshotContext, key: string, title: string, source: ElementSource, chart: ChartKind | null): Promise<ResolvedBlock> {
  const [element] = await ctx.db.select().from(dataElements).where(eq(dataElements.code, source.element));
  if (!element) return empty(key, title, chart, say(WORDS.unknownElement(source.element), ctx.lang), ctx.lang);
  const missing = [source.category, source.by].find((c) => c && !element.categories.includes(c));
  if (missing) return empty(key, title, chart, say(WORDS.unknownCategory(missing, source.element), ctx.lang), ctx.lang);
  const pyramid = chart === 'pyramid';
  const years = pyramid || source.by ? [ctx.year] : yearsEnding(ctx.year, source.years);
  const cats = source.category ? await optionsOf(ctx, element.id, source.category, years) : [];
  let bys = source.by ? await optionsOf(ctx, element.id, source.by, years) : [];
  // A pyramid puts males left and females right: M/m first.
  if (pyramid) bys = [...bys].sort((a, b) => Number(!/^m/i.test(a)) - Number(!/^m/i.test(b))).slice(0, 2);

  // The cells asked for, each a series of the indicators' reader (same roll-up and visibility as indicators). The
  // stock rule takes a year's last observation, as the pivot view does for elements.
  const filters: Record<string, string>[] = source.category ? cats.flatMap((c) => (source.by ? bys.map((b) => ({ [source.category as string]: c, [source.by as string]: b })) : [{ [source.category as string]: c }])) : [{}];
  const specs: SeriesSpec[] = filters.map((f) => ({ key: disaggregationKey(f), elementId: element.id, filterKey: disaggregationKey(f), filter: f, categoryCount: element.categories.length }));
  const totals = ctx.shared
    ? await ctx.shared.sharedTotals(specs, years.map(String))
    : await readSeriesTotals(ctx.db, { series: specs, levels: ['province', 'region'], years: years.map(String), timeRule: 'stock', scope: { all: false, councilIds: [ctx.council.id] } });
  // Figures published by region only are shown for the region, and said so.
  const atProvince = totals.some((t) => t.level === 'province' && t.territoryId === ctx.province.id);
  const atRegion = totals.some((t) => t.level === 'region' && t.territoryId === ctx.region.id);
  const place = atProvince || !atRegion ? ctx.province : ctx.region;
  const value = new Map(totals.filter((t) => t.territoryId === place.id).map((t) => [`${t.series}|${t.year}`, t.value]));
  const v = (f: Record<string, string>, y: number) => value.get(`${disaggregationKey(f)}|${y}`) ?? null;

  const label = (cat: string, o: string) => ctx.form.optionLabel(cat, o);
  const name = pick(element.name, ctx.lang);
  let grid: Grid;
  if (source.category && source.by) {
    const c = source.category;
    const b = source.by;
    grid = { categories: cats.map((o) => label(c, o)), series: bys.map((bo) => ({ name: label(b, bo), values: cats.map((co) => v({ [c]: co, [b]: bo }, ctx.year)) })), byYear: false };
  } else if (source.category && years.length > 1) {
    const c = source.category;
    grid = { categories: years.map(String), series: cats.map((o) => ({ name: label(c, o), values: years.map((y) => v({ [c]: o }, y)) })), byYear: true };
  } else if (source.category) {
    const c = source.category;
    grid = { categories: cats.map((o) => label(c, o)), series: [{ name, values: cats.map((o) => v({ [c]: o }, ctx.year)) }], byYear: false };
  } else {
    grid = { categories: years.map(String), series: [{ name, values: years.map((y) => v({}, y)) }], byYear: true };
  }

  const unit = element.unit ? pick(element.unit, ctx.lang) : null;
  const decimals = element.valueType === 'percentage' ? 1 : 0;
  const sources = ctx.sources.addAll(ctx.provenance.refs([element.code], years[0], ctx.year));
  const regional = place.id === ctx.region.id ? say(WORDS.regionalOnly([name], ctx.region.name), ctx.lang) : null;
  const noData = grid.series.every((s) => s.values.every((x) => x === null));
  if (chart) {
    const altUnit = sentenceUnit(unit);
    let alt: string;
    if (pyramid) alt = pyramidAlt(title, place.name, ctx.year, grid, altUnit, ctx.lang);
    else if (grid.byYear) alt = seriesAlt(`${title}, ${place.name}`, grid.categories, grid.series.map((s) => ({ ...s, decimals, unit: altUnit })), ctx.lang);
    else alt = compositionAlt(title, place.name, ctx.year, grid, altUnit, ctx.lang);
    if (regional) alt += ` ${regional}`;
    const series = pyramid && grid.series.length < 2 ? [...grid.series, ...[WORDS.noData, WORDS.noData].slice(grid.series.length).map((w) => ({ name: say(w, ctx.lang), values: [] }))] : grid.series;
    return { kind: 'chart', key, title, chart, categories: grid.categories, series, unit, alt, sources };
  }
  const head = grid.byYear ? (ctx.lang === 'it' ? 'Anno' : 'Year') : source.category ? (ctx.form.form?.definition.categories?.find((c) => c.code === source.category)?.label.it ?? source.category) : '';
  return {
    kind: 'table',
    key,
    title,
    columns: [{ label: head, numeric: false, unit: null, decimals: 0 }, ...grid.series.map((s) => ({ label: s.name, numeric: true, unit, decimals }))],
    rows: grid.categories.map((c, i) => [c, ...grid.series.map((s) => s.values[i])]),
    note: [regional, noData ? `${say(WORDS.noData, ctx.lang)}.` : null].filter(Boolean).join(' ') || null,
    sources,
  };
}
