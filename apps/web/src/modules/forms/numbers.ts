/** Reading and writing numbers as people type them, in Italian (1.234,5) or English (1,234.5). */

export type NumberKind = 'integer' | 'decimal' | 'percentage';

/**
 * The number in a typed text, or null when empty; undefined when it is not a number of that kind.
 * With both separators the last one is the decimal one; a lone comma is decimal; a lone dot is decimal
 * unless it groups thousands exactly (1.234 in Italian).
 */
export function parseNumber(text: string, kind: NumberKind, lang: string): number | null | undefined {
  let s = text.replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return null;
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    s = s.split(thousands).join('').replace(decimal, '.');
  } else if (comma >= 0) {
    s = lang === 'en' && /^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (dot >= 0 && lang !== 'en' && /^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) return undefined;
  if (kind === 'integer' && !Number.isInteger(n)) return undefined;
  return n;
}

/** A number as the text box shows it (no grouping, so it can be edited and read back unchanged). */
export function formatForInput(n: number | null, lang: string): string {
  if (n == null) return '';
  const s = String(n);
  return lang === 'en' ? s : s.replace('.', ',');
}

/** A number for reading (totals, computed values), grouped in the interface language. */
export function formatNumber(n: number | null, lang: string): string {
  if (n == null) return '';
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: 6 }).format(n);
}
