// iCalendar (RFC 5545) for events: one VEVENT per session, times in UTC, text escaped and long lines folded, so
// that any calendar program imports the file or subscribes to a feed.

export interface CalendarEntry {
  /** Globally unique and stable across downloads, so a re-import updates instead of duplicating. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** Grows with every change of the session or its event, as calendar programs expect. */
  sequence: number;
  lastModified: Date;
}

/** 2026-04-14T07:30:00.000Z → 20260414T073000Z (UTC "form #2" of RFC 5545 §3.3.5). */
export function formatUtc(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT values (§3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line to at most 75 octets per physical line (§3.1): continuation lines start with one space, and
 * no multi-byte UTF-8 character is split.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = out.length ? 74 : 75;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function entryLines(e: CalendarEntry, stamp: Date): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${formatUtc(stamp)}`,
    `DTSTART:${formatUtc(e.start)}`,
    `DTEND:${formatUtc(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    `STATUS:${e.status}`,
    `SEQUENCE:${e.sequence}`,
    `LAST-MODIFIED:${formatUtc(e.lastModified)}`,
    'END:VEVENT',
  ];
}

/** A whole calendar: its name, and the entries in the order given. */
export function renderCalendar(cal: { name: string; entries: CalendarEntry[]; stamp?: Date }): string {
  const stamp = cal.stamp ?? new Date();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mosaico//Eventi dei Consigli Territoriali per l’Immigrazione//IT',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    'X-WR-TIMEZONE:Europe/Rome',
    ...cal.entries.flatMap((e) => entryLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
