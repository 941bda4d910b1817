import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Client, TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { outbox } from '../../platform/mail/mail.schema.ts';
import { workingGroups } from '../working-groups/working-groups.schema.ts';
import { eventInvitations } from './event-invitations.schema.ts';
import { eventMaterials } from './event-materials.schema.ts';
import { eventRegistrations, eventSessions, events } from './events.schema.ts';

export const EVENTS = '/api/v1/events';

/** A new event's body; defaults to a course of the given council. */
export const eventBody = (councilId: number, over: Record<string, unknown> = {}) => ({
  kind: 'course',
  title: 'Corso per il gruppo di lavoro locale',
  description: 'Trenta ore sulla governance dell’accoglienza.',
  scopeType: 'council',
  councilId,
  organizerName: 'Prefettura – UTG di Milano',
  topics: ['governance', 'reception'],
  targetGroups: ['public_officials', 'third_sector'],
  capacity: 20,
  certificateThreshold: 70,
  ...over,
});

/** A session's body: day offset from 2030-03-02 (a Saturday far ahead, so events are never over), 09:00–13:00 Rome. */
export const sessionBody = (n = 0, over: Record<string, unknown> = {}) => {
  const day = new Date(Date.UTC(2030, 2, 2 + n)).toISOString().slice(0, 10);
  return { title: `Modulo ${n + 1}`, startsAt: `${day}T09:00:00+01:00`, endsAt: `${day}T13:00:00+01:00`, place: 'Prefettura di Milano, Sala Consiglio', agenda: 'Apertura; lavori di gruppo; sintesi.', ...over };
};

/** Creates an event through the API and returns it (throws with the body on failure). */
export async function makeEvent(who: Client, body: Record<string, unknown>) {
  const res = await who.post(EVENTS, body);
  if (res.statusCode !== 201) throw new Error(`create event: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; version: number };
}

/** An event with `sessions` sessions, published (unless `publish` is false), as the given organiser. */
export async function makePublishedEvent(who: Client, body: Record<string, unknown>, sessions = 1, publish = true) {
  const e = await makeEvent(who, body);
  for (let i = 0; i < sessions; i++) {
    const s = await who.post(`${EVENTS}/${e.id}/sessions`, sessionBody(i));
    if (s.statusCode !== 201) throw new Error(`add session: ${s.statusCode} ${s.body}`);
  }
  if (!publish) return e;
  const res = await who.patch(`${EVENTS}/${e.id}`, { status: 'published', version: e.version });
  if (res.statusCode !== 200) throw new Error(`publish: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; version: number };
}

export const external = (n: number, over: Record<string, unknown> = {}) => ({
  kind: 'external',
  fullName: `Partecipante ${n}`,
  organizationName: 'Associazione Ponti',
  email: `persona${n}@esterni.test`,
  consent: true,
  ...over,
});

/** A working group inserted directly: its own module keeps it, these tests only need one to point at. */
export async function makeWorkingGroup(t: TestApp, g: { name: string; regionId: number; councilId?: number | null }) {
  const [row] = await t.database.db.insert(workingGroups).values({ name: g.name, regionId: g.regionId, councilId: g.councilId ?? null }).returning();
  return row.id;
}

/** Row counts of what this module writes (and the audit and outbox), to show a refused request changed nothing. */
export async function countEventRows(t: TestApp) {
  const db = t.database.db;
  const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0].n;
  return {
    events: await n(events),
    sessions: await n(eventSessions),
    registrations: await n(eventRegistrations),
    invitations: await n(eventInvitations),
    materials: await n(eventMaterials),
    audit: await n(auditLog),
    outbox: await n(outbox),
  };
}
