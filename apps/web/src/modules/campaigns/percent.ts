/** Completeness as a whole percentage ("—" when nothing is expected). */
export function percent(c: { filled: number; expected: number }, locale: string): string {
  if (!c.expected) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(c.filled / c.expected);
}
