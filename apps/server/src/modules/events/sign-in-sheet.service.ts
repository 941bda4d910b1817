import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { loadSession } from './event-sessions.service.ts';
import { sessionsOf } from './events.queries.ts';
import { loadOrganizedEvent, registrantName } from './event-access.ts';
import { sessionHours } from './event-hours.ts';
import { eventRegistrations } from './events.schema.ts';
import { renderSignInSheetPdf } from './sign-in-sheet.pdf.ts';
import { italianDay } from '../../platform/italian-time.ts';

/**
 * The sign-in sheet of a session as a PDF: the people holding a seat (not waiting, cancelled or erased), by name;
 * organisers only, since it lists participants.
 */
export async function renderSessionSignInSheet(ctx: Ctx, eventId: number, sessionId: number) {
  const { row: event } = await loadOrganizedEvent(ctx.db, ctx, eventId, false);
  const session = await loadSession(ctx.db, event.id, sessionId, false);
  const sessions = await sessionsOf(ctx.db, [event.id]);
  const r = eventRegistrations;
  const people = await ctx.db
    .select({ fullName: registrantName, organizationName: r.organizationName })
    .from(r)
    .where(and(eq(r.eventId, event.id), eq(r.status, 'registered'), isNull(r.erasedAt)))
    .orderBy(asc(sql`lower(coalesce(${registrantName}, ''))`), asc(r.id));
  const pdf = await renderSignInSheetPdf({
    eventTitle: event.title,
    organizer: event.organizerName,
    sessionTitle: session.title,
    sessionNumber: sessions.findIndex((s) => s.id === session.id) + 1,
    sessionsCount: sessions.length,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    hours: sessionHours(session.startsAt, session.endsAt),
    place: session.place,
    onlineUrl: session.onlineUrl,
    people: people.map((p) => ({ fullName: p.fullName ?? '', organizationName: p.organizationName })),
    printedAt: new Date().toISOString(),
  });
  const day = italianDay(session.startsAt);
  return { pdf, fileName: `foglio-firme-${event.id}-${day}.pdf` };
}
