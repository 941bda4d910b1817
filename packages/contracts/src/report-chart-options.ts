import type { ResolvedBlock } from './reports.ts';

/**
 * ECharts options for a report's chart and map blocks, shared by the server (SVG for PDF and DOCX) and the web
 * app (the HTML view), so a figure looks the same everywhere. Pure TypeScript: no zod, no echarts import.
 *
 * Colours come from the Bootstrap Italia palette and every one used for marks or text keeps at least 3:1
 * contrast against white (WCAG 1.4.11 non-text contrast); text colours keep 4.5:1.
 */

export type ChartBlock = Extract<ResolvedBlock, { kind: 'chart' }>;
export type MapBlock = Extract<ResolvedBlock, { kind: 'map' }>;

export interface ChartOptionOptions {
  /** Font family for every label (the PDF embeds Titillium Web under this name). */
  fontFamily?: string;
  /** false on the server (static SVG), true in the browser. */
  animation?: boolean;
  /** Decimals for value labels; defaults to 0 for counts. */
  decimals?: number;
}

/** Bootstrap Italia primary blue, its dark shades and accessible complements (all ≥ 3:1 on white). */
export const REPORT_PALETTE = ['#0066CC', '#CC334D', '#008055', '#995C00', '#5C6F82', '#003366', '#7A3DB8', '#00596B'] as const;
/** Text (≥ 4.5:1 on white): Bootstrap Italia's dark grey-blue, and a lighter one for axis lines. */
export const REPORT_TEXT = '#17324D';
export const REPORT_MUTED = '#5C6F82';
export const REPORT_GRID = '#D9DADB';
/**
 * Choropleth classes, light to dark blue. Labels on the map are dark (#17324D) on the first three (≥ 4.5:1) and
 * white on the last two (≥ 5.5:1): no text halo, which SVG-to-PDF converters do not draw faithfully.
 */
export const MAP_CLASS_COLOURS = ['#D9E8F7', '#99C2EB', '#5C9CE0', '#0066CC', '#003D7A'] as const;
const MAP_DARK_CLASSES = new Set<string>(['#0066CC', '#003D7A']);
export const MAP_NO_DATA = '#F2F2F2';
export const MAP_FOCUS_BORDER = '#CC334D';
export const REPORT_FONT = 'Titillium Web';

const numberFormats = new Map<number, Intl.NumberFormat>();
/** Italian number formatting (1.234,5), cached per decimals. */
export function formatNumberIt(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  let f = numberFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('it-IT', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
    numberFormats.set(decimals, f);
  }
  // Intl only groups 4-digit numbers in it-IT from 5 digits (minimumGroupingDigits 2); reports group 1.234 too.
  const s = f.format(value);
  return /^-?\d{4}(,|$)/.test(s) ? s.replace(/^(-?\d)(\d{3})/, '$1.$2') : s;
}

/** Short axis labels: 475.171 → 475 mila, 1.200.000 → 1,2 mln. */
export function formatAxisIt(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${formatNumberIt(value / 1_000_000, abs % 1_000_000 === 0 ? 0 : 1)} mln`;
  if (abs >= 10_000) return `${formatNumberIt(value / 1000, 0)} mila`;
  return formatNumberIt(value, Number.isInteger(value) ? 0 : 1);
}

function withUnit(text: string, unit: string | null): string {
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

function baseText(opts: ChartOptionOptions) {
  return { fontFamily: opts.fontFamily ?? REPORT_FONT, color: REPORT_TEXT, fontSize: 12 };
}

function axisCommon(opts: ChartOptionOptions) {
  const t = baseText(opts);
  return {
    axisLine: { lineStyle: { color: REPORT_MUTED } },
    axisTick: { lineStyle: { color: REPORT_MUTED } },
    axisLabel: { color: REPORT_TEXT, fontFamily: t.fontFamily, fontSize: 11 },
    splitLine: { lineStyle: { color: REPORT_GRID } },
    nameTextStyle: { color: REPORT_TEXT, fontFamily: t.fontFamily },
  };
}

function legend(opts: ChartOptionOptions, names: string[]) {
  return { show: names.length > 1, bottom: 0, data: names, textStyle: { ...baseText(opts), fontSize: 12 }, itemGap: 16 };
}

/** An ECharts option for a chart block: bar, line, stacked bar or population pyramid (males on the left). */
export function chartOption(block: ChartBlock, opts: ChartOptionOptions = {}): Record<string, unknown> {
  // Counts print without decimals; rates and shares with one, as the snapshot rounded them.
  const decimals = opts.decimals ?? (block.series.some((s) => s.values.some((v) => v !== null && !Number.isInteger(v))) ? 1 : 0);
  const percent = block.unit === '%' ? '%' : '';
  const names = block.series.map((s) => s.name);
  const base = {
    animation: opts.animation ?? false,
    color: [...REPORT_PALETTE],
    textStyle: baseText(opts),
    aria: { enabled: true, label: { description: block.alt } },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => withUnit(formatNumberIt(v, decimals), block.unit) },
    legend: { ...legend(opts, names), bottom: 4 },
  };
  if (block.chart === 'pyramid') return pyramidOption(block, base, opts, decimals);

  const horizontal = block.chart === 'bar' && block.categories.length > 8;
  const categoryAxis = { type: 'category', data: block.categories, ...axisCommon(opts), splitLine: { show: false }, axisLabel: { ...axisCommon(opts).axisLabel, interval: 0, hideOverlap: true } };
  const valueAxis = { type: 'value', ...axisCommon(opts), axisLabel: { ...axisCommon(opts).axisLabel, formatter: (v: number) => `${formatAxisIt(v)}${percent}` } };
  const labelled = block.series.length === 1 && block.categories.length <= 12;
  return {
    ...base,
    grid: { left: 8, right: horizontal ? 56 : 24, top: 24, bottom: names.length > 1 ? 40 : 12, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: block.series.map((s, i) => ({
      name: s.name,
      type: block.chart === 'line' ? 'line' : 'bar',
      data: s.values,
      stack: block.chart === 'stacked' ? 'total' : undefined,
      barMaxWidth: 48,
      symbolSize: 7,
      lineStyle: block.chart === 'line' ? { width: 2.5 } : undefined,
      // Distinct symbols and dash patterns so lines stay distinguishable without colour (WCAG 1.4.1).
      symbol: ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin'][i % 6],
      itemStyle: block.chart === 'stacked' ? { borderColor: '#FFFFFF', borderWidth: 1 } : undefined,
      label: {
        show: labelled || block.chart === 'stacked',
        position: block.chart === 'stacked' ? 'inside' : horizontal ? 'right' : 'top',
        color: block.chart === 'stacked' ? '#FFFFFF' : REPORT_TEXT,
        fontFamily: opts.fontFamily ?? REPORT_FONT,
        fontSize: 10,
        formatter: (p: { value: number | null }) => (p.value === null ? '' : `${formatNumberIt(p.value, decimals)}${percent}`),
      },
      labelLayout: { hideOverlap: true },
    })),
  };
}

function pyramidOption(block: ChartBlock, base: Record<string, unknown>, opts: ChartOptionOptions, decimals: number): Record<string, unknown> {
  const [male, female] = block.series;
  const max = Math.max(1, ...block.series.flatMap((s) => s.values.map((v) => Math.abs(v ?? 0))));
  const text = baseText(opts);
  const labelOf = (p: { value: number | null }) => (p.value === null ? '' : formatNumberIt(Math.abs(p.value), decimals));
  return {
    ...base,
    color: [REPORT_PALETTE[0], REPORT_PALETTE[1]],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => withUnit(formatNumberIt(Math.abs(v), decimals), block.unit) },
    grid: { left: 8, right: 8, top: 24, bottom: 40, containLabel: true },
    xAxis: {
      type: 'value',
      min: -max * 1.15,
      max: max * 1.15,
      ...axisCommon(opts),
      axisLabel: { ...axisCommon(opts).axisLabel, formatter: (v: number) => formatAxisIt(Math.abs(v)) },
    },
    yAxis: { type: 'category', data: block.categories, ...axisCommon(opts), axisTick: { show: false }, splitLine: { show: false } },
    series: [
      // Males are drawn as negative values so they extend to the left; labels and tooltips show the absolute value.
      { name: male?.name ?? 'Maschi', type: 'bar', stack: 'pyramid', data: (male?.values ?? []).map((v) => (v === null ? null : -Math.abs(v))), barCategoryGap: '15%', label: { show: block.categories.length <= 12, position: 'left', formatter: labelOf, ...text, fontSize: 10 } },
      { name: female?.name ?? 'Femmine', type: 'bar', stack: 'pyramid', data: female?.values ?? [], barCategoryGap: '15%', label: { show: block.categories.length <= 12, position: 'right', formatter: labelOf, ...text, fontSize: 10 } },
    ],
  };
}

/** Class breaks for the choropleth: quantiles of the present values, rounded to the block's decimals. */
export function mapClasses(block: MapBlock, count = MAP_CLASS_COLOURS.length): { min: number; max: number; label: string; color: string }[] {
  const values = block.values
    .map((v) => v.value)
    .filter((v): v is number => v !== null && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (values.length === 0) return [];
  const factor = 10 ** block.decimals;
  const round = (v: number) => Math.round(v * factor) / factor;
  const edges: number[] = [values[0]];
  const n = Math.min(count, new Set(values).size);
  for (let i = 1; i < n; i++) edges.push(round(values[Math.floor((i * values.length) / n)]));
  edges.push(values[values.length - 1]);
  const unique = [...new Set(edges)];
  const classes: { min: number; max: number; label: string; color: string }[] = [];
  const colours = spreadColours(Math.max(1, unique.length - 1));
  for (let i = 0; i < Math.max(1, unique.length - 1); i++) {
    const min = unique[i];
    const max = unique[i + 1] ?? unique[i];
    const last = i === unique.length - 2 || unique.length === 1;
    const fmt = (v: number) => withUnit(formatNumberIt(v, block.decimals), block.unit);
    classes.push({ min, max: last ? max : max - 1 / factor / 10, label: min === max ? fmt(min) : `${fmt(min)} – ${last ? fmt(max) : `meno di ${fmt(max)}`}`, color: colours[i] });
  }
  return classes;
}

function spreadColours(n: number): string[] {
  if (n >= MAP_CLASS_COLOURS.length) return [...MAP_CLASS_COLOURS];
  // Fewer classes: take evenly spaced shades so the contrast between neighbours stays large.
  return Array.from({ length: n }, (_, i) => MAP_CLASS_COLOURS[n === 1 ? 3 : Math.round((i * (MAP_CLASS_COLOURS.length - 1)) / (n - 1))]);
}

/**
 * An ECharts option for a map block: a choropleth of the region's provinces (registered under `mapName` with
 * `nameProperty: 'code'`), classes named in the legend, the focus province outlined and labelled.
 */
export function mapOption(block: MapBlock, mapName: string, opts: ChartOptionOptions = {}): Record<string, unknown> {
  const classes = mapClasses(block);
  const text = baseText(opts);
  const fmt = (v: number | null) => withUnit(formatNumberIt(v, block.decimals), block.unit);
  return {
    animation: opts.animation ?? false,
    textStyle: text,
    aria: { enabled: true, label: { description: block.alt } },
    tooltip: { trigger: 'item', formatter: (p: { data?: { provinceName?: string; value?: number | null } }) => `${p.data?.provinceName ?? ''}: ${fmt(p.data?.value ?? null)}` },
    visualMap: {
      type: 'piecewise',
      pieces: classes.map((c) => ({ min: c.min, max: c.max, label: c.label, color: c.color })),
      outOfRange: { color: MAP_NO_DATA },
      orient: 'vertical',
      left: 0,
      bottom: 0,
      itemWidth: 18,
      itemHeight: 12,
      itemSymbol: 'rect',
      textStyle: { ...text, fontSize: 11 },
      text: [block.unit ? `Valore (${block.unit})` : 'Valore'],
      showLabel: true,
      selectedMode: false,
    },
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: 'code',
        roam: false,
        // The box right of the legend; the map keeps its aspect inside it.
        left: '37%',
        right: 4,
        top: 4,
        bottom: 4,
        aspectScale: 0.75,
        selectedMode: false,
        itemStyle: { borderColor: '#FFFFFF', borderWidth: 1, areaColor: MAP_NO_DATA },
        emphasis: { disabled: true },
        label: {
          show: true,
          ...text,
          fontSize: 9,
          color: REPORT_TEXT,
          formatter: (p: { data?: { provinceName?: string } }) => p.data?.provinceName ?? '',
        },
        data: block.values.map((v) => {
          const colour = classes.find((c) => v.value !== null && v.value >= c.min && v.value <= c.max)?.color;
          const labelColour = colour && MAP_DARK_CLASSES.has(colour) ? '#FFFFFF' : REPORT_TEXT;
          const focus = v.code === block.focusCode;
          return {
            name: v.code,
            provinceName: v.name,
            value: v.value,
            label: { color: labelColour, ...(focus ? { fontWeight: 'bold', fontSize: 11 } : {}) },
            ...(focus ? { itemStyle: { borderColor: MAP_FOCUS_BORDER, borderWidth: 3 } } : {}),
          };
        }),
      },
    ],
  };
}
