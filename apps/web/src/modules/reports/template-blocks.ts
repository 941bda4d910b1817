import { type BlockSpec, CHART_KINDS } from '@mosaico/contracts/reports';

export const BLOCK_KINDS = ['narrative', 'key_figures', 'table', 'chart', 'map', 'evaluation', 'good_practices', 'activities', 'sources'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];
export { CHART_KINDS };

/** What the "add a block" form asks; the fields a kind does not use are ignored. */
export interface NewBlock {
  kind: BlockKind;
  key: string;
  title: string;
  /** Indicator codes, comma-separated (key figures, tables, charts); one code (maps). */
  indicators: string;
  chart: (typeof CHART_KINDS)[number];
  hint: string;
}

export const EMPTY_BLOCK: NewBlock = { kind: 'narrative', key: '', title: '', indicators: '', chart: 'bar', hint: '' };

const codes = (s: string) =>
  s
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

/** The block spec the form describes; the server validates it (key pattern, known indicators) on save. */
export function blockOf(b: NewBlock): BlockSpec {
  const key = b.key.trim();
  const title = b.title.trim() ? { it: b.title.trim() } : undefined;
  const named = { it: b.title.trim() };
  switch (b.kind) {
    case 'narrative':
      return { kind: 'narrative', key, title, hint: b.hint.trim() ? { it: b.hint.trim() } : undefined };
    case 'key_figures':
      return { kind: 'key_figures', key, title, indicators: codes(b.indicators) };
    case 'table':
      return { kind: 'table', key, title: named, source: { type: 'indicators', indicators: codes(b.indicators), years: 1 } };
    case 'chart':
      return { kind: 'chart', key, title: named, chart: b.chart, source: { type: 'indicators', indicators: codes(b.indicators), years: 5 } };
    case 'map':
      return { kind: 'map', key, title: named, indicator: b.indicators.trim() };
    default:
      return { kind: b.kind, key, title };
  }
}
