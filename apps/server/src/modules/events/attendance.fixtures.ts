import { count, eq } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { councils } from '../councils/councils.schema.ts';
import { eventCertificates } from './certificates.schema.ts';
import { eventAttendance, eventRegistrations, eventSessions, events } from './events.schema.ts';

// Events, sessions and registrations written straight into the shared tables, so attendance, hours, certificates
// and targets are tested without depending on the events module's own services.

type EventInsert = typeof events.$inferInsert;
const HOUR = 3_600_000;

/** A published event of a council (its region filled in), by default a course with a 70% threshold. */
export async function insertEvent(t: TestApp, over: Partial<EventInsert> & { councilId?: number | null } = {}) {
  let regionId = over.regionId ?? null;
  if (over.councilId != null && regionId == null) {
    const [c] = await t.database.db.select({ regionId: councils.regionId }).from(councils).where(eq(councils.id, over.councilId));
    regionId = c.regionId;
  }
  const scopeType = over.scopeType ?? (over.councilId != null ? 'council' : regionId != null ? 'region' : 'nation');
  const [row] = await t.database.db
    .insert(events)
    .values({
      kind: 'course',
      title: 'Percorso formativo per il Gruppo di Lavoro Locale',
      organizerName: 'Prefettura di Milano – UTG',
      status: 'published',
      certificateThreshold: 70,
      ...over,
      scopeType,
      regionId,
      regionIds: over.regionIds ?? (regionId != null ? [regionId] : []),
    })
    .returning();
  return row;
}

/** `n` sessions of `hours` each, a week apart, the first at `first` (by default ten weeks ago, 9:00 UTC). */
export async function insertSessions(t: TestApp, eventId: number, n: number, opts: { hours?: number; first?: Date } = {}) {
  const hours = opts.hours ?? 3;
  const first = opts.first ?? new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 70, 9));
  const values = Array.from({ length: n }, (_, i) => {
    const startsAt = new Date(first.getTime() + i * 7 * 24 * HOUR);
    return { eventId, title: `Modulo ${i + 1}`, startsAt, endsAt: new Date(startsAt.getTime() + hours * HOUR), place: 'Prefettura di Milano, sala Conferenze' };
  });
  return t.database.db.insert(eventSessions).values(values).returning();
}

/** External participants registered to the event (status `registered` unless said). */
export async function insertRegistrations(t: TestApp, eventId: number, names: string[], status: 'registered' | 'waiting' | 'cancelled' = 'registered', userId?: number) {
  return t.database.db
    .insert(eventRegistrations)
    .values(
      names.map((fullName, i) => ({
        eventId,
        fullName,
        organizationName: i % 2 ? 'Comune di Milano' : 'ATS Città Metropolitana di Milano',
        email: `${fullName.toLowerCase().replace(/\W+/g, '.')}.${eventId}@esempio.it`,
        consentAt: new Date(),
        status,
        userId: i === 0 ? (userId ?? null) : null,
      })),
    )
    .returning();
}

/** Marks attendance directly (as if recorded): each registration present at its first `k` sessions. */
export async function insertAttendance(t: TestApp, sessionIds: number[], presentAt: Map<number, number>) {
  const values = [];
  for (const [registrationId, k] of presentAt) for (const [i, sessionId] of sessionIds.entries()) values.push({ sessionId, registrationId, present: i < k });
  if (values.length) await t.database.db.insert(eventAttendance).values(values);
}

/** Rows of what attendance and certificates write, to show a refused request changed nothing. */
export async function countAttendanceRows(t: TestApp) {
  const db = t.database.db;
  const [a] = await db.select({ n: count() }).from(eventAttendance);
  const [c] = await db.select({ n: count() }).from(eventCertificates);
  const [l] = await db.select({ n: count() }).from(auditLog);
  const present = await db.select({ s: eventAttendance.sessionId, r: eventAttendance.registrationId, p: eventAttendance.present }).from(eventAttendance);
  return { attendance: a.n, certificates: c.n, audit: l.n, snapshot: JSON.stringify(present.sort((x, y) => x.s - y.s || x.r - y.r)) };
}

export const TWELVE = [
  'Mario Rossi',
  'Giulia Bianchi',
  'Amina Diallo',
  'Luca Ferrari',
  'Fatima Zahra El Idrissi',
  'Paolo Esposito',
  'Sara Colombo',
  'Ionut Popescu',
  'Chiara Romano',
  'Omar Haddad',
  'Elena Ricci',
  'Kwame Mensah',
];
