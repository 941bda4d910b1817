import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Events, deadlines and certificates are set in Italian time, wherever the browser is. */
export const ROME = 'Europe/Rome';
const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ROME, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeKeyFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ROME, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The Italian calendar day of an instant, as YYYY-MM-DD. */
export const romeDay = (iso: string) => dayKeyFormat.format(new Date(iso));
/** The Italian wall-clock time of an instant, as HH:MM (for time inputs). */
export const romeTime = (iso: string) => timeKeyFormat.format(new Date(iso));
/** Today's date in Italy, as YYYY-MM-DD (for date inputs' defaults and limits). */
export const todayInItaly = () => romeDay(new Date().toISOString());

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
    const measure = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
    const romeDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: ROME });
    const romeDateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: ROME });
    return {
      locale,
      integer: (n: number | null | undefined) => (n == null ? '—' : int.format(n)),
      decimal: (n: number | null | undefined) => (n == null ? '—' : dec.format(n)),
      /** A measure (hours, a mean) as people write it, up to two decimals: 30, 7,5, 2,25. */
      number: (n: number | null | undefined) => (n == null ? '—' : measure.format(n)),
      /** A share (0.667) as a percentage: 66,7%. */
      share: (n: number | null | undefined) => (n == null ? '—' : share.format(n)),
      /** A percentage already on 0–100 (66.7) as written: 66,7%. */
      percent: (n: number | null | undefined) => (n == null ? '—' : `${percent.format(n)}%`),
      /** A calendar date (YYYY-MM-DD), written out. */
      date: (iso: string | null | undefined) => (iso ? date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '—'),
      /** A moment, in the browser's time zone. */
      dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—'),
      /** The Italian calendar day of a moment, written out (not the UTC day). */
      romeDate: (iso: string | null | undefined) => (iso ? romeDate.format(new Date(iso)) : '—'),
      /** A moment in Italian time, as dateTime writes it: "31/12/30, 23:59". */
      romeDateTime: (iso: string | null | undefined) => (iso ? romeDateTime.format(new Date(iso)) : '—'),
    };
  }, [locale]);
}
