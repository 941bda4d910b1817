// Italy's calendar: deadlines, meetings and years are counted in Italian days, whatever the server's time zone.

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Italy at an instant, as YYYY-MM-DD. */
export const italianDay = (at: Date = new Date()): string => DAY.format(at);

/** The calendar year in Italy at an instant. */
export const italianYear = (at: Date = new Date()): number => Number(italianDay(at).slice(0, 4));
