import { formatNumberIt } from '@mosaico/contracts/report-chart-options';
import { useMemo } from 'react';
import { useFormat } from '../../ui/format.ts';

/** Formats a report figure with its decimals and unit, in the interface language; null is a dash. */
export function useReportNumber() {
  const { locale } = useFormat();
  return useMemo(() => {
    const cache = new Map<number, Intl.NumberFormat>();
    const fmt = (decimals: number) => {
      let f = cache.get(decimals);
      if (!f) {
        f = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
        cache.set(decimals, f);
      }
      return f;
    };
    // Italian figures as the PDF prints them (formatNumberIt groups 4-digit numbers too: 4.660, not 4660).
    const number = (v: number | null | undefined, decimals = 0) => (v == null ? '—' : locale === 'it-IT' ? formatNumberIt(v, decimals) : fmt(decimals).format(v));
    const withUnit = (v: number | null | undefined, decimals = 0, unit?: string | null) => {
      if (v == null) return '—';
      const n = number(v, decimals);
      if (!unit) return n;
      return unit === '%' ? `${n}%` : `${n} ${unit}`;
    };
    /** A change with its sign: +1,2 or −0,4. */
    const signed = (v: number | null | undefined, decimals = 0, unit?: string | null) => {
      if (v == null) return '—';
      const sign = v > 0 ? '+' : v < 0 ? '−' : '';
      return `${sign}${withUnit(Math.abs(v), decimals, unit === '%' ? null : unit)}${unit === '%' ? ' p.p.' : ''}`;
    };
    return { number, withUnit, signed };
  }, [locale]);
}
