import { useMemo } from 'react';
import { ROME, useFormat } from '../../ui/format.ts';

/** Session dates and times in Rome time, in the interface's language. */
export function useEventTime() {
  const f = useFormat();
  const locale = f.locale;
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { timeZone: ROME, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const short = new Intl.DateTimeFormat(locale, { timeZone: ROME, day: 'numeric', month: 'short', year: 'numeric' });
    const time = new Intl.DateTimeFormat(locale, { timeZone: ROME, hour: '2-digit', minute: '2-digit' });
    return {
      locale,
      day: (iso: string) => day.format(new Date(iso)),
      short: (iso: string | null) => (iso ? short.format(new Date(iso)) : '—'),
      time: (iso: string) => time.format(new Date(iso)),
      /** "sabato 2 marzo 2030, 09:00–13:00". */
      range: (s: { startsAt: string; endsAt: string }) => `${day.format(new Date(s.startsAt))}, ${time.format(new Date(s.startsAt))}–${time.format(new Date(s.endsAt))}`,
      hours: f.number,
    };
  }, [locale, f]);
}
