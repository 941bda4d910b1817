import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';

/** A text the API gives in Italian and optionally English, in the interface language. */
export function localized(text: { it: string; en?: string } | null | undefined, lang: string): string {
  if (!text) return '';
  return lang === 'en' && text.en ? text.en : text.it;
}

interface Shown {
  decimals: number;
  unit: { it: string; en?: string } | null;
}

/** Indicator figures in the interface language: its decimals, its unit, signed changes. */
export function useIndicatorFormat() {
  const { i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language;
  return useMemo(() => {
    const cache = new Map<string, Intl.NumberFormat>();
    const nf = (decimals: number, signed = false) => {
      const key = `${decimals}:${signed}`;
      let fmt = cache.get(key);
      if (!fmt) {
        fmt = new Intl.NumberFormat(f.locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: signed ? 'exceptZero' : 'auto' });
        cache.set(key, fmt);
      }
      return fmt;
    };
    const unitOf = (ind: Shown) => localized(ind.unit, lang);
    const withUnit = (text: string, ind: Shown) => {
      const unit = unitOf(ind);
      return unit ? `${text} ${unit}` : text;
    };
    return {
      lang,
      locale: f.locale,
      unitOf,
      /** The value with the indicator's decimals (no unit). */
      number: (v: number | null | undefined, ind: Shown) => (v == null ? '—' : nf(ind.decimals).format(v)),
      /** The value with its unit, e.g. "14,3 %". */
      value: (v: number | null | undefined, ind: Shown) => (v == null ? '—' : withUnit(nf(ind.decimals).format(v), ind)),
      /** A difference with its sign, e.g. "+0,4". */
      change: (v: number | null | undefined, ind: Shown) => (v == null ? '—' : nf(ind.decimals, true).format(v)),
      /** A relative change in percent, e.g. "+2,1 %". */
      changePercent: (v: number | null | undefined) => (v == null ? '—' : `${nf(1, true).format(v)} %`),
      /** Numerators and denominators: counts, shown with up to two decimals when they have them. */
      amount: (v: number | null | undefined) => (v == null ? '—' : Number.isInteger(v) ? f.integer(v) : nf(2).format(v)),
    };
  }, [f, lang]);
}
