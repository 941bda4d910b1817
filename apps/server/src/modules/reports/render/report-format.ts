import { formatNumberIt } from '@mosaico/contracts/report-chart-options';
import type { KeyFigure, ResolvedBlock, SourceRef } from '@mosaico/contracts/reports';

/** Formatting shared by the PDF and DOCX renderers, so both print the same figures the same way. */

export function formatValue(value: number | null, decimals: number, unit: string | null): string {
  if (value === null) return 'n.d.';
  const n = formatNumberIt(value, decimals);
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** A change with its sign; a share changes by percentage points. */
export function formatChange(f: KeyFigure): string {
  if (f.change === null) return '–';
  const sign = f.change > 0 ? '+' : f.change < 0 ? '−' : '';
  const n = formatNumberIt(Math.abs(f.change), f.decimals);
  if (f.unit === '%') return `${sign}${n} p.p.`;
  const pct = f.previous ? ` (${sign}${formatNumberIt((Math.abs(f.change) / Math.abs(f.previous)) * 100, 1)}%)` : '';
  return `${sign}${n}${f.unit ? ` ${f.unit}` : ''}${pct}`;
}

/** The indicators' VALUE_REASONS in words, as the web app says them. */
const REASONS: Record<string, string> = {
  no_data: 'nessun dato',
  no_denominator: 'denominatore mancante',
  zero_denominator: 'denominatore pari a zero',
  no_previous_period: 'manca l’anno precedente',
  not_stored: 'non disponibile',
};

export function keyFigureRows(block: Extract<ResolvedBlock, { kind: 'key_figures' }>, regionName: string) {
  return {
    header: ['Indicatore', 'Valore', 'Variazione sull’anno precedente', regionName, 'Italia'],
    rows: block.items.map((f) => {
      // A unit in words (persone, per 1.000) is said once beside the label, so the figures stay on one line.
      const cellUnit = f.unit === '%' ? '%' : null;
      const figure: KeyFigure = { ...f, unit: cellUnit };
      return [
        `${f.label} (${f.unit && f.unit !== '%' ? `${f.unit}, ` : ''}${f.period}${f.provisional ? ', provvisorio' : ''})`,
        f.value === null && f.reason ? `n.d. (${REASONS[f.reason] ?? f.reason})` : formatValue(f.value, f.decimals, cellUnit),
        formatChange(figure),
        formatValue(f.region, f.decimals, cellUnit),
        formatValue(f.italy, f.decimals, cellUnit),
      ];
    }),
  };
}

export function tableCellText(v: string | number | null, col: { numeric: boolean; unit: string | null; decimals: number }): string {
  if (v === null) return '–';
  // The column header names the unit; cells repeat only a percent sign.
  if (typeof v === 'number') return formatValue(v, col.decimals, col.unit === '%' ? '%' : null);
  return v;
}

/** "Fonte: …" line under a figure or table, from the block's source indexes. */
export function sourceLine(sources: SourceRef[], indexes: number[]): string | null {
  // Attributions usually start with "Fonte:"; say it once for the line.
  const names = [...new Set(indexes.map((i) => sources[i]).filter(Boolean).map((s) => (s.attribution ?? s.name).replace(/^Fonte:\s*/i, '')))];
  return names.length > 0 ? `Fonte: ${names.join('; ')}.` : null;
}

export function formatDateIt(iso: string | null): string {
  if (!iso) return 'data non indicata';
  const d = new Date(iso.length === 4 ? `${iso}-01-01` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('it-IT', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export const STATUS_LABELS: Record<string, string> = {
  draft: 'Bozza',
  in_review: 'Bozza in revisione',
  approved: 'Approvata, non ancora pubblicata',
  published: 'Pubblicata',
  withdrawn: 'Ritirata',
};

/** Lines describing each source for the sources chapter. */
export function sourceEntries(sources: SourceRef[]): { title: string; detail: string; url: string | null }[] {
  return sources.map((s) => ({
    title: s.name,
    detail: [s.attribution, s.licence ? `Licenza: ${s.licence}` : 'Licenza non indicata', `Dati riferiti al ${formatDateIt(s.date)}`].filter(Boolean).join(' · '),
    url: s.url,
  }));
}

/** Whether a chart or map has anything to draw; the snapshot explains a missing figure in its alt text. */
export function hasFigureData(block: ResolvedBlock): boolean {
  if (block.kind === 'chart') return block.categories.length > 0 && block.series.some((x) => x.values.some((v) => v !== null));
  if (block.kind === 'map') return block.geojson.features.length > 0 && block.values.some((v) => v.value !== null);
  return true;
}
