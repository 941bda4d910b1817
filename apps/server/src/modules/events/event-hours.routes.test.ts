import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { insertEvent, insertRegistrations, TWELVE } from './attendance.fixtures.ts';
import { users } from '../users/users.schema.ts';
import { pdfText } from './attendance.test-helpers.ts';
import { eventRegistrations, eventSessions } from './events.schema.ts';

let t: TestApp;
let c: Cast;
let eventId: number;
let sessionIds: number[];
let regs: { id: number; fullName: string | null }[];

// Ten sessions making 30 hours, one of them of 2 hours, so 21 h and 20 h can both be attended.
const LENGTHS = [3, 3, 3, 3, 3, 3, 3, 2, 3, 4];
// Which sessions (by index) each of the twelve attended.
const ATTENDED: number[][] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], // 30 h
  [0, 1, 2, 3, 4, 5, 6], // 21 h: exactly 70%
  [0, 1, 2, 3, 4, 5, 7], // 20 h: 66.6%
  [0, 1, 2, 3, 4, 5, 6, 7], // 23 h
  [9], // 4 h
  [], // never came
  [0, 1, 2, 3, 4, 5, 6, 8, 9], // 28 h
  [1, 3, 5, 7, 9], // 15 h
  [0, 2, 4, 6, 8, 9], // 19 h
  [0, 1, 2, 3, 4, 5, 6, 8], // 24 h
  [7], // 2 h
  [0, 1, 2, 3, 4, 5, 8, 9], // 25 h
];

beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
  eventId = (await insertEvent(t, { councilId: c.milanoCouncil, title: 'Corso di 30 ore' })).id;
  const first = Date.UTC(2026, 0, 12, 8);
  const sessions = await t.database.db
    .insert(eventSessions)
    .values(LENGTHS.map((h, i) => ({ eventId, startsAt: new Date(first + i * 7 * 86_400_000), endsAt: new Date(first + i * 7 * 86_400_000 + h * 3_600_000) })))
    .returning();
  sessionIds = sessions.map((s) => s.id);
  regs = await insertRegistrations(t, eventId, TWELVE);
  await insertRegistrations(t, eventId, ['Ada In Attesa'], 'waiting');
  // Recorded through the API, as an organiser would: one check-in per session.
  for (const [i, sessionId] of sessionIds.entries()) {
    const entries = regs.map((r, k) => ({ registrationId: r.id, present: ATTENDED[k].includes(i) }));
    const res = await c.milano.put(`/api/v1/events/${eventId}/sessions/${sessionId}/attendance`, { entries });
    if (res.statusCode !== 200) throw new Error(res.body);
  }
});
afterAll(() => t.close());

describe('hours per person', () => {
  it('totals the event from its sessions and lists who holds a seat, never who waits', async () => {
    const res = await c.milano.get(`/api/v1/events/${eventId}/hours`);
    expect(res.statusCode).toBe(200);
    const h = res.json();
    expect(h.totalHours).toBe(30);
    expect(h.event).toMatchObject({ id: eventId, kind: 'course', certificateThreshold: 70 });
    expect(h.sessions.map((s: { hours: number }) => s.hours)).toEqual(LENGTHS);
    expect(h.sessions.every((s: { recorded: number }) => s.recorded === 12)).toBe(true);
    expect(h.rows).toHaveLength(12);
    expect(h.rows.map((r: { fullName: string }) => r.fullName)).not.toContain('Ada In Attesa');
  });

  it.each(TWELVE.map((name, k) => [name, k] as const))('%s: sessions, hours, percent and eligibility', async (name, k) => {
    const row = (await c.milano.get(`/api/v1/events/${eventId}/hours`)).json().rows.find((r: { fullName: string }) => r.fullName === name);
    const hours = ATTENDED[k].reduce((s, i) => s + LENGTHS[i], 0);
    expect(row).toMatchObject({ sessionsAttended: ATTENDED[k].length, hoursAttended: hours, percent: Math.floor((hours / 30) * 1000 + 1e-6) / 10, eligible: hours >= 21, erased: false, certificateCode: null });
  });

  it('reaches 70% of 30 h at 21 h, not at 20 h', async () => {
    const rows = (await c.milano.get(`/api/v1/events/${eventId}/hours`)).json().rows;
    expect(rows.find((r: { fullName: string }) => r.fullName === TWELVE[1])).toMatchObject({ hoursAttended: 21, percent: 70, eligible: true });
    expect(rows.find((r: { fullName: string }) => r.fullName === TWELVE[2])).toMatchObject({ hoursAttended: 20, percent: 66.6, eligible: false });
  });

  it('keeps an erased participant’s hours, anonymised', async () => {
    await t.database.db.update(eventRegistrations).set({ fullName: null, email: null, organizationName: null, erasedAt: new Date() }).where(eq(eventRegistrations.id, regs[6].id));
    const rows = (await c.milano.get(`/api/v1/events/${eventId}/hours`)).json().rows;
    const erased = rows.find((r: { registrationId: number }) => r.registrationId === regs[6].id);
    expect(erased).toMatchObject({ fullName: null, organizationName: null, erased: true, hoursAttended: 28 });
    expect(rows[rows.length - 1].registrationId).toBe(regs[6].id);
  });

  it('is shown to organisers only', async () => {
    expect((await c.lombardia.get(`/api/v1/events/${eventId}/hours`)).statusCode).toBe(200);
    expect((await c.napoli.get(`/api/v1/events/${eventId}/hours`)).statusCode).toBe(403);
    expect((await c.provider.get(`/api/v1/events/${eventId}/hours`)).statusCode).toBe(403);
    expect((await c.anon.get(`/api/v1/events/${eventId}/hours`)).statusCode).toBe(401);
    expect((await c.milano.get('/api/v1/events/999999/hours')).statusCode).toBe(404);
  });

  it('names a platform user by their account, on the hours, the check-in list, the sign-in sheet and the certificate', async () => {
    const [user] = await t.database.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, 'napoli@attori.test'));
    const [reg] = await t.database.db.insert(eventRegistrations).values({ eventId, userId: user.id, status: 'registered' }).returning();
    for (const sessionId of sessionIds) {
      const res = await c.milano.put(`/api/v1/events/${eventId}/sessions/${sessionId}/attendance`, { entries: [{ registrationId: reg.id, present: true }] });
      expect(res.statusCode).toBe(200);
    }
    const row = (await c.milano.get(`/api/v1/events/${eventId}/hours`)).json().rows.find((r: { registrationId: number }) => r.registrationId === reg.id);
    expect(row).toMatchObject({ fullName: user.name, hoursAttended: 30, eligible: true });
    const list = (await c.milano.get(`/api/v1/events/${eventId}/sessions/${sessionIds[0]}/attendance`)).json();
    expect(JSON.stringify(list)).toContain(user.name);
    const sheet = await c.milano.get(`/api/v1/events/${eventId}/sessions/${sessionIds[0]}/sign-in-sheet.pdf`);
    expect(pdfText(sheet.rawPayload)).toContain(user.name);
    const issued = (await c.milano.post(`/api/v1/events/${eventId}/certificates`, { registrationIds: [reg.id] })).json();
    expect(issued.issued).toEqual([expect.objectContaining({ registrationId: reg.id, holderName: user.name })]);
  });
});
