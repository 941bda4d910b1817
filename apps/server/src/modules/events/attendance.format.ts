/** Dates and times as printed on sign-in sheets and certificates: Italian, in Italy's time zone. */
const day = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: 'numeric', month: 'long', year: 'numeric' });
const weekday = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const time = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit' });

export const formatDay = (d: Date | string) => day.format(new Date(d));
export const formatWeekday = (d: Date | string) => weekday.format(new Date(d));
export const formatTime = (d: Date | string) => time.format(new Date(d));
/** Hours with a decimal comma and no useless zeros: 30, 4,5, 0,33. */
export const formatHours = (h: number) => (Math.round(h * 100) / 100).toLocaleString('it-IT', { maximumFractionDigits: 2 });

