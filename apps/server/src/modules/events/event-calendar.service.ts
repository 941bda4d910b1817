import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { type EventRow, loadReadableEvent } from './event-access.ts';
import { type CalendarEntry, renderCalendar } from './event-calendar.ts';
import { EVENT_KIND_LABELS } from './event-kind-labels.ts';
import { eventSessions, events } from './events.schema.ts';
import { inRegion, type SessionRow } from './events.queries.ts';

// Calendar files: one event for whoever reads it, and public feeds of the published events of the nation, a region
// (its councils' and the interregional ones included) or a council. Feeds carry no personal data: titles, times,
// places and organisers only.

/** How far back a feed reaches: two years of past sessions are enough to look back on. */
const FEED_PAST_DAYS = 730;

const STATUS = { draft: 'TENTATIVE', published: 'CONFIRMED', cancelled: 'CANCELLED' } as const;

/** Entries of some sessions of an event; `skipped` earlier sessions and `total` number them "(2/3)". */
function entriesOf(e: EventRow, sessions: SessionRow[], baseUrl: string, skipped = 0, total = sessions.length): CalendarEntry[] {
  const host = new URL(baseUrl).hostname || 'mosaico';
  const link = `${baseUrl}/eventi/${e.id}`;
  return sessions.map((s, i) => ({
    uid: `evento-${e.id}-sessione-${s.id}@${host}`,
    start: s.startsAt,
    end: s.endsAt,
    summary: total > 1 ? `${e.title} (${skipped + i + 1}/${total})${s.title ? `: ${s.title}` : ''}` : e.title,
    description: [`${EVENT_KIND_LABELS[e.kind]} – ${e.organizerName}`, s.agenda ? `Programma:\n${s.agenda}` : null, s.onlineUrl ? `Collegamento: ${s.onlineUrl}` : null, link].filter(Boolean).join('\n\n'),
    location: s.place ?? s.onlineUrl,
    url: link,
    status: STATUS[e.status],
    sequence: e.version + s.version - 2,
    lastModified: new Date(Math.max(e.updatedAt.getTime(), s.updatedAt.getTime())),
  }));
}

/** The calendar file of one event, a VEVENT per session; whoever reads the event. */
export async function eventIcs(ctx: Ctx, id: number, baseUrl: string) {
  const { row } = await loadReadableEvent(ctx, id);
  const sessions = await ctx.db.select().from(eventSessions).where(eq(eventSessions.eventId, id)).orderBy(asc(eventSessions.startsAt), asc(eventSessions.id));
  return renderCalendar({ name: row.title, entries: entriesOf(row, sessions, baseUrl) });
}

async function feedOf(db: DbOrTx, name: string, where: ReturnType<typeof and>, baseUrl: string) {
  const since = new Date(Date.now() - FEED_PAST_DAYS * 86_400_000);
  const rows = await db
    .select({ e: events, s: eventSessions })
    .from(eventSessions)
    .innerJoin(events, eq(events.id, eventSessions.eventId))
    .where(and(eq(events.status, 'published'), gte(eventSessions.endsAt, since), where))
    .orderBy(asc(eventSessions.startsAt), asc(eventSessions.id));
  const byEvent = new Map<number, { e: EventRow; sessions: SessionRow[] }>();
  for (const r of rows) {
    const item = byEvent.get(r.e.id) ?? { e: r.e, sessions: [] };
    item.sessions.push(r.s);
    byEvent.set(r.e.id, item);
  }
  // Numbering "(2/3)" needs every session of an event, even those older than the feed reaches.
  const counts = new Map((byEvent.size ? await db.select({ id: eventSessions.eventId, n: sql<number>`count(*)::int` }).from(eventSessions).where(inArray(eventSessions.eventId, [...byEvent.keys()])).groupBy(eventSessions.eventId) : []).map((c) => [c.id, c.n]));
  const entries = [...byEvent.values()].flatMap(({ e, sessions }) => {
    const total = counts.get(e.id) ?? sessions.length;
    return entriesOf(e, sessions, baseUrl, total - sessions.length, total);
  });
  return renderCalendar({ name, entries });
}

/** The public feed of the nation's published events (every scope). */
export function nationFeed(ctx: Ctx, baseUrl: string) {
  return feedOf(ctx.db, 'Eventi dei Consigli Territoriali – Italia', undefined, baseUrl);
}

/** The public feed of a region: its own events, its councils' and the interregional ones that include it. */
export async function regionFeed(ctx: Ctx, regionId: number, baseUrl: string) {
  const [region] = await ctx.db.select({ name: territories.name }).from(territories).where(and(eq(territories.id, regionId), eq(territories.level, 'region')));
  if (!region) throw new AppError('not_found', 'event_region_not_found', { id: regionId });
  return feedOf(ctx.db, `Eventi – ${region.name}`, and(inRegion(regionId)), baseUrl);
}

/** The public feed of a council's own events. */
export async function councilFeed(ctx: Ctx, councilId: number, baseUrl: string) {
  const [council] = await ctx.db.select({ name: councils.name }).from(councils).where(eq(councils.id, councilId));
  if (!council) throw new AppError('not_found', 'event_council_not_found', { id: councilId });
  return feedOf(ctx.db, `Eventi – ${council.name}`, and(eq(events.councilId, councilId)), baseUrl);
}
