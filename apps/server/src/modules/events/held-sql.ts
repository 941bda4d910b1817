import { type SQL, sql } from 'drizzle-orm';

// The SQL every participation figure shares — the programme's targets, the overview, an association's participation,
// a working group's training — so that they count the same hours in the same years.

/** A session's length in hours (`s` is the alias of event_sessions in the query). */
export const sessionHoursOf = (s: string): SQL => sql.raw(`(extract(epoch from (${s}.ends_at - ${s}.starts_at)) / 3600.0)`);

/** A session is held once it has ended. */
export const sessionHeld = (s: string): SQL => sql.raw(`${s}.ends_at <= now()`);

/** A moment's calendar year in Italy. */
export const italianYearOf = (at: SQL): SQL => sql`extract(year from ${at} at time zone 'Europe/Rome')::int`;
