import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventSummary } from './api.ts';
import { useEventTime } from './useEventTime.ts';
import { romeDay } from '../../ui/format.ts';

/** "2030-03" → the first day of the next or previous month. */
function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first and last day of a month, for the list query. */
export function monthBounds(month: string) {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Weeks (Monday first) of the month, each day as YYYY-MM-DD or null outside the month. */
function weeksOf(month: string): (string | null)[][] {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/**
 * A month as a table: a column per weekday, a row per week, each day listing the sessions held that day (Rome time)
 * as links to their event. Screen readers get the weekday names and the month in the caption.
 */
export function EventCalendar({ month, events, hrefForMonth }: { month: string; events: EventSummary[]; hrefForMonth: (month: string) => string }) {
  const { t } = useTranslation();
  const time = useEventTime();
  const monthName = new Intl.DateTimeFormat(time.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const weekday = (i: number, style: 'long' | 'short') => new Intl.DateTimeFormat(time.locale, { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i)));
  const byDay = new Map<string, { event: EventSummary; startsAt: string }[]>();
  for (const e of events) {
    for (const s of e.sessionTimes) {
      const day = romeDay(s.startsAt);
      byDay.set(day, [...(byDay.get(day) ?? []), { event: e, startsAt: s.startsAt }]);
    }
  }
  for (const list of byDay.values()) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <>
      <nav className="d-flex justify-content-between align-items-center mb-3" aria-label={t('events.calendar.monthNav')}>
        <Link className="btn btn-outline-primary btn-sm" to={hrefForMonth(shiftMonth(month, -1))}>
          {t('events.calendar.previous')}
        </Link>
        <h2 className="h4 mb-0 text-capitalize">{monthName}</h2>
        <Link className="btn btn-outline-primary btn-sm" to={hrefForMonth(shiftMonth(month, 1))}>
          {t('events.calendar.next')}
        </Link>
      </nav>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="table-responsive mb-4" aria-label={t('events.calendar.caption', { month: monthName })} tabIndex={0}>
        <table className="table table-bordered event-calendar">
          <caption className="visually-hidden">{t('events.calendar.caption', { month: monthName })}</caption>
          <thead>
            <tr>
              {Array.from({ length: 7 }, (_, i) => (
                <th key={weekday(i, 'long')} scope="col" abbr={weekday(i, 'long')} className="text-center">
                  {weekday(i, 'short')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(month).map((week) => (
              <tr key={week.find(Boolean) ?? ''}>
                {week.map((day, i) =>
                  day ? (
                    <td key={day} className="align-top" style={{ width: '14.28%', minWidth: '7rem' }}>
                      <div className="fw-semibold small">{Number(day.slice(8))}</div>
                      {(byDay.get(day) ?? []).length > 0 && (
                        <ul className="list-unstyled mb-0 small">
                          {(byDay.get(day) ?? []).map(({ event, startsAt }) => (
                            <li key={`${event.id}-${startsAt}`} className="mb-1">
                              <Link to={`/eventi/${event.id}`}>
                                {time.time(startsAt)} {event.title}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: blank cells before and after the month have no other identity
                    <td key={`blank-${i}`} className="bg-light" />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
