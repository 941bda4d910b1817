import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

function localeOf(lang: string) {
  return lang === 'en' ? 'en-GB' : 'it-IT';
}

/** Number and date formatting in the interface language (it-IT or en-GB). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return useMemo(() => {
    const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const dec = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
    return {
      locale,
      integer: (n: number | null | undefined) => (n == null ? '—' : int.format(n)),
      decimal: (n: number | null | undefined) => (n == null ? '—' : dec.format(n)),
      /** Hours as people write them: 30, 7,5, 2,25. */
      hours: (n: number | null | undefined) => (n == null ? '—' : hours.format(n)),
      /** A share (0.667) as a percentage: 66,7%. */
      share: (n: number | null | undefined) => (n == null ? '—' : share.format(n)),
      /** A calendar date (YYYY-MM-DD), written out. */
      date: (iso: string | null | undefined) => (iso ? date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '—'),
      /** A moment, in the browser's time zone. */
      dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—'),
    };
  }, [locale]);
}
