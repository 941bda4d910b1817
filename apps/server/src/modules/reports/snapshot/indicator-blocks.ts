import type { BlockSource, KeyFigure, ResolvedBlock } from '@mosaico/contracts/reports';
import { type SnapshotContext, yearsEnding } from './snapshot-context.ts';
import { describeMove, formatValue, joinList, type Lang, pick, say, sentenceUnit, WORDS } from './snapshot-text.ts';

type Chart = Extract<ResolvedBlock, { kind: 'chart' }>;
type Table = Extract<ResolvedBlock, { kind: 'table' }>;
type IndicatorsSource = Extract<BlockSource, { type: 'indicators' }>;

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** An indicator's label, unit and decimals in the report's language (the code itself when it is not defined). */
export function describeIndicator(ctx: SnapshotContext, code: string) {
  const row = ctx.figures.row(code);
  return { known: !!row, label: row ? pick(row.name, ctx.lang) : code, unit: row?.unit ? pick(row.unit, ctx.lang) : null, decimals: row?.decimals ?? 0 };
}

/** The source lines of an indicator's figures over [from … to], registered in the report's list. */
export const indicatorSources = (ctx: SnapshotContext, codes: string[], from: number, to: number) =>
  ctx.sources.addAll(ctx.provenance.refs([...new Set(codes.flatMap((c) => ctx.figures.elementsOf(c)))], from, to));

/** One key figure: the province's value, the previous year and the change, the region and Italy. */
function keyFigure(ctx: SnapshotContext, code: string): KeyFigure {
  const d = describeIndicator(ctx, code);
  const base = { indicator: code, label: d.label, unit: d.unit, decimals: d.decimals, period: String(ctx.year) };
  if (!d.known) return { ...base, value: null, previous: null, change: null, region: null, italy: null, provisional: false, reason: 'unknown_indicator' };
  const now = ctx.figures.at(code, ctx.province.id, ctx.year);
  const before = ctx.figures.at(code, ctx.province.id, ctx.year - 1);
  const region = ctx.figures.at(code, ctx.region.id, ctx.year);
  const italy = ctx.figures.at(code, ctx.nation.id, ctx.year);
  return {
    ...base,
    value: now.value,
    previous: before.value,
    change: now.value !== null && before.value !== null ? round(now.value - before.value, d.decimals) : null,
    region: region.value,
    italy: italy.value,
    // The council's own unapproved figures also enter the region's and Italy's totals.
    provisional: now.trace.provisional || region.trace.provisional || italy.trace.provisional,
    reason: now.reason,
  };
}

export function resolveKeyFigures(ctx: SnapshotContext, spec: { key: string; indicators: string[] }, title: string | null): ResolvedBlock {
  return { kind: 'key_figures', key: spec.key, title, items: spec.indicators.map((c) => keyFigure(ctx, c)), sources: indicatorSources(ctx, spec.indicators, ctx.year - 1, ctx.year) };
}

/**
 * An indicator's yearly series in the province. Figures published only by region (the Ministry's reception data)
 * leave the province empty: the region's series is shown instead, labelled as such, rather than an empty chart.
 */
function seriesOf(ctx: SnapshotContext, code: string, years: number[]) {
  const d = describeIndicator(ctx, code);
  const own = years.map((y) => ctx.figures.at(code, ctx.province.id, y).value);
  if (own.some((v) => v !== null) || !d.known) return { ...d, code, name: d.label, values: own, regional: false };
  const region = years.map((y) => ctx.figures.at(code, ctx.region.id, y).value);
  if (region.every((v) => v === null)) return { ...d, code, name: d.label, values: own, regional: false };
  return { ...d, code, name: d.label + say(WORDS.regionalSuffix(ctx.region.name), ctx.lang), values: region, regional: true };
}

/** "Stranieri residenti 2019–2023: da 458.000 a 475.171 (+3,8%)", one clause per series. */
export function seriesAlt(title: string, categories: string[], series: { name: string; values: (number | null)[]; decimals: number; unit: string | null }[], lang: Lang) {
  const clauses = series.flatMap((x) => {
    const s = { ...x, unit: sentenceUnit(x.unit) };
    const points = s.values.map((v, i) => ({ v, at: categories[i] })).filter((p): p is { v: number; at: string } => p.v !== null);
    if (!points.length) return [];
    const first = points[0];
    const last = points[points.length - 1];
    if (points.length === 1) return [`${s.name} ${last.at}: ${formatValue(last.v, s.decimals, s.unit, lang)}`];
    return [`${s.name} ${first.at}–${last.at}: ${describeMove(first.v, last.v, s.decimals, s.unit, lang)}`];
  });
  return clauses.length ? `${title}. ${clauses.join('; ')}.` : `${title}: ${say(WORDS.noData, lang).toLowerCase()}.`;
}

export function resolveIndicatorSource(ctx: SnapshotContext, key: string, title: string, source: IndicatorsSource, chart: Chart['chart'] | null): ResolvedBlock {
  const years = yearsEnding(ctx.year, source.years);
  const sources = indicatorSources(ctx, source.indicators, years[0], ctx.year);
  const series = source.indicators.map((c) => seriesOf(ctx, c, years));
  const unknown = series.filter((s) => !s.known).map((s) => say(WORDS.unknownIndicator(s.code), ctx.lang));
  const regional = series.filter((s) => s.regional).map((s) => s.label);
  const notes = [...unknown, ...(regional.length ? [say(WORDS.regionalOnly(regional, ctx.region.name), ctx.lang)] : [])];
  if (chart) {
    const categories = years.map(String);
    const units = new Set(series.map((s) => s.unit));
    const alt = seriesAlt(title, categories, series, ctx.lang) + (notes.length ? ` ${notes.join(' ')}` : '');
    return { kind: 'chart', key, title, chart, categories, series: series.map((s) => ({ name: s.name, values: s.values })), unit: units.size === 1 ? [...units][0] : null, alt, sources };
  }
  if (years.length === 1) {
    // One year: each indicator beside the region and Italy (columns by indicator, each with its own unit).
    const places = [ctx.province, ctx.region, ctx.nation];
    const rows = places.map((p) => [p.name, ...source.indicators.map((c) => ctx.figures.at(c, p.id, ctx.year).value)]);
    const columns = [{ label: say(WORDS.province, ctx.lang), numeric: false, unit: null, decimals: 0 }, ...series.map((s) => ({ label: s.label, numeric: true, unit: s.unit, decimals: s.decimals }))];
    return { kind: 'table', key, title, columns, rows, note: notes.join(' ') || null, sources } satisfies Table;
  }
  const columns = [{ label: ctx.lang === 'it' ? 'Anno' : 'Year', numeric: false, unit: null, decimals: 0 }, ...series.map((s) => ({ label: s.name, numeric: true, unit: s.unit, decimals: s.decimals }))];
  const rows = years.map((y, i) => [String(y), ...series.map((s) => s.values[i])]);
  return { kind: 'table', key, title, columns, rows, note: notes.join(' ') || null, sources } satisfies Table;
}

/** The region's provinces with the indicator's value in the report's year, highest first (missing last). */
export function regionValues(ctx: SnapshotContext, code: string) {
  return ctx.regionProvinces
    .map((p) => ({ code: p.code, name: p.name, id: p.id, value: ctx.figures.at(code, p.id, ctx.year).value }))
    .sort((a, b) => (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY) || a.name.localeCompare(b.name, 'it'));
}

/** "…: il valore più alto è di Milano (14,5%), il più basso di Sondrio (5,1%); Milano 14,5%, 1ª di 12 province." */
export function rankAlt(ctx: SnapshotContext, title: string, code: string, values: ReturnType<typeof regionValues>) {
  const d = describeIndicator(ctx, code);
  const known = values.filter((v): v is typeof v & { value: number } => v.value !== null);
  const f = (v: number | null) => formatValue(v, d.decimals, sentenceUnit(d.unit), ctx.lang);
  if (!known.length) return `${title}, ${ctx.region.name} ${ctx.year}: ${say(WORDS.noData, ctx.lang).toLowerCase()}.`;
  const top = known[0];
  const bottom = known[known.length - 1];
  const rank = known.findIndex((v) => v.id === ctx.province.id) + 1;
  const own = values.find((v) => v.id === ctx.province.id);
  if (ctx.lang === 'en') {
    const where = rank ? `${ctx.province.name} ${f(own?.value ?? null)}, ranked ${rank} of ${known.length}` : `${ctx.province.name}: no figure`;
    return `${title} (${ctx.region.name}, ${ctx.year}): highest ${top.name} (${f(top.value)}), lowest ${bottom.name} (${f(bottom.value)}); ${where}.`;
  }
  const where = rank ? `${ctx.province.name} ${f(own?.value ?? null)}, ${rank}ª di ${known.length} province` : `${ctx.province.name}: dato non disponibile`;
  return `${title} (${ctx.region.name}, ${ctx.year}): il valore più alto è di ${top.name} (${f(top.value)}), il più basso di ${bottom.name} (${f(bottom.value)}); ${where}.`;
}

export function resolveCompareSource(ctx: SnapshotContext, key: string, title: string, code: string, chart: Chart['chart'] | null): ResolvedBlock {
  const d = describeIndicator(ctx, code);
  const values = regionValues(ctx, code);
  const sources = indicatorSources(ctx, [code], ctx.year, ctx.year);
  const note = d.known ? null : say(WORDS.unknownIndicator(code), ctx.lang);
  if (chart) {
    const alt = rankAlt(ctx, title, code, values) + (note ? ` ${note}` : '');
    return { kind: 'chart', key, title, chart, categories: values.map((v) => v.name), series: [{ name: `${d.label} ${ctx.year}`, values: values.map((v) => v.value) }], unit: d.unit, alt, sources };
  }
  const missing = values.filter((v) => v.value === null).map((v) => v.name);
  const notes = [note, missing.length && d.known ? `${say(WORDS.noData, ctx.lang)}: ${joinList(missing, ctx.lang)}.` : null].filter(Boolean);
  return {
    kind: 'table',
    key,
    title,
    columns: [
      { label: say(WORDS.province, ctx.lang), numeric: false, unit: null, decimals: 0 },
      { label: `${d.label} ${ctx.year}`, numeric: true, unit: d.unit, decimals: d.decimals },
    ],
    rows: values.map((v) => [v.name, v.value]),
    note: notes.join(' ') || null,
    sources,
  };
}
