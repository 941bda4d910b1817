import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const ROME = 'Europe/Rome';
const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ROME, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeKeyFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ROME, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The Rome calendar day of an instant, as YYYY-MM-DD: events are planned in Italian time. */
export const romeDay = (iso: string) => dayKeyFormat.format(new Date(iso));
/** The Rome wall-clock time of an instant, as HH:MM (for the session form). */
export const romeTime = (iso: string) => timeKeyFormat.format(new Date(iso));

/** Session dates and times in Rome time, in the interface's language. */
export function useEventTime() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'it-IT';
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { timeZone: ROME, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const short = new Intl.DateTimeFormat(locale, { timeZone: ROME, day: 'numeric', month: 'short', year: 'numeric' });
    const time = new Intl.DateTimeFormat(locale, { timeZone: ROME, hour: '2-digit', minute: '2-digit' });
    const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    return {
      locale,
      day: (iso: string) => day.format(new Date(iso)),
      short: (iso: string | null) => (iso ? short.format(new Date(iso)) : '—'),
      time: (iso: string) => time.format(new Date(iso)),
      /** "sabato 2 marzo 2030, 09:00–13:00". */
      range: (s: { startsAt: string; endsAt: string }) => `${day.format(new Date(s.startsAt))}, ${time.format(new Date(s.startsAt))}–${time.format(new Date(s.endsAt))}`,
      hours: (h: number) => hours.format(h),
    };
  }, [locale]);
}
