import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { countAttendanceRows, insertEvent, insertRegistrations, insertSessions, TWELVE } from './attendance.fixtures.ts';
import { pdfText } from './attendance.test-helpers.ts';
import { eventRegistrations, eventSessions } from './events.schema.ts';

let t: TestApp;
let c: Cast;
let eventId: number;
let sessionIds: number[];
let regs: { id: number; fullName: string | null }[];
let waiting: { id: number }[];
let cancelled: { id: number }[];
let napoliRegs: { id: number }[];
let napoliEvent: number;
let napoliSession: number;

beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
  const e = await insertEvent(t, { councilId: c.milanoCouncil, title: 'Corso GdLL Milano' });
  eventId = e.id;
  sessionIds = (await insertSessions(t, eventId, 10)).map((s) => s.id);
  regs = await insertRegistrations(t, eventId, TWELVE);
  waiting = await insertRegistrations(t, eventId, ['Ada In Attesa'], 'waiting');
  cancelled = await insertRegistrations(t, eventId, ['Bruno Annullato'], 'cancelled');
  const n = await insertEvent(t, { councilId: c.napoliCouncil, title: 'Corso GdLL Napoli', organizerName: 'Prefettura di Napoli – UTG' });
  napoliEvent = n.id;
  napoliSession = (await insertSessions(t, napoliEvent, 1))[0].id;
  napoliRegs = await insertRegistrations(t, napoliEvent, ['Gennaro Esposito']);
});
afterAll(() => t.close());

const url = (e: number, s: number) => `/api/v1/events/${e}/sessions/${s}/attendance`;
const all = (present: boolean, list: { id: number }[] = regs) => ({ entries: list.map((r) => ({ registrationId: r.id, present })) });

describe('recording attendance', () => {
  it('records a session, shows who recorded it and when, and audits it in the same write', async () => {
    const body = { entries: regs.map((r, i) => ({ registrationId: r.id, present: i < 8 })) };
    const res = await c.milano.put(url(eventId, sessionIds[0]), body);
    expect(res.statusCode).toBe(200);
    const got = res.json();
    expect(got.session).toMatchObject({ id: sessionIds[0], hours: 3, started: true });
    expect(got.rows).toHaveLength(12);
    expect(got.rows.filter((r: { present: boolean }) => r.present)).toHaveLength(8);
    expect(got.rows.every((r: { recordedBy: { name: string } }) => r.recordedBy.name === 'milano')).toBe(true);
    expect(got.lastRecordedBy).toMatchObject({ name: 'milano' });
    expect(got.rows.map((r: { fullName: string }) => r.fullName)).not.toContain('Ada In Attesa');
    const [a] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'event_session'), eq(auditLog.entityId, String(sessionIds[0])))).orderBy(desc(auditLog.id));
    expect(a).toMatchObject({ action: 'record_attendance', actorEmail: 'milano@attori.test', councilId: c.milanoCouncil });
    expect((a.after as { present: number[] }).present).toHaveLength(8);
    expect((a.before as { present: number[] }).present).toEqual([]);
  });

  it('changes what was recorded, keeping the others, and audits before and after', async () => {
    const res = await c.tutor.put(url(eventId, sessionIds[0]), { entries: [{ registrationId: regs[0].id, present: false }] });
    expect(res.statusCode).toBe(200);
    const row = res.json().rows.find((r: { registrationId: number }) => r.registrationId === regs[0].id);
    expect(row).toMatchObject({ present: false, recordedBy: { name: 'tutor' } });
    expect(res.json().rows.filter((r: { present: boolean }) => r.present)).toHaveLength(7);
    const [a] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, String(sessionIds[0]))).orderBy(desc(auditLog.id));
    expect(a.before).toMatchObject({ present: [regs[0].id], absent: [] });
    expect(a.after).toMatchObject({ present: [], absent: [regs[0].id] });
  });

  it('lets the organisers read the check-in list: the council, its tutor, the region and the nation', async () => {
    for (const who of [c.milano, c.tutor, c.lombardia, c.admin]) expect((await who.get(url(eventId, sessionIds[0]))).statusCode).toBe(200);
  });
});

describe('who may record and read attendance', () => {
  it('refuses the anonymous (401) and everyone outside the organisers (403), writing nothing', async () => {
    const before = await countAttendanceRows(t);
    expect((await c.anon.put(url(eventId, sessionIds[1]), all(true))).statusCode).toBe(401);
    expect((await c.anon.get(url(eventId, sessionIds[1]))).statusCode).toBe(401);
    expect((await c.anon.get(`/api/v1/events/${eventId}/hours`)).statusCode).toBe(401);
    // Napoli's referent cannot touch Milano's course, nor a data provider or an association member of Milano.
    for (const who of [c.napoli, c.provider, c.member]) {
      const res = await who.put(url(eventId, sessionIds[1]), all(true));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe('Non hai i permessi per questa operazione in questo ambito.');
      expect((await who.get(url(eventId, sessionIds[1]))).statusCode).toBe(403);
      expect((await who.get(`/api/v1/events/${eventId}/hours`)).statusCode).toBe(403);
      expect((await who.get(`/api/v1/events/${eventId}/sessions/${sessionIds[1]}/sign-in-sheet.pdf`)).statusCode).toBe(403);
    }
    // Milano's referent cannot record Napoli's.
    expect((await c.milano.put(url(napoliEvent, napoliSession), all(true, napoliRegs))).statusCode).toBe(403);
    expect((await c.lombardia.put(url(napoliEvent, napoliSession), all(true, napoliRegs))).statusCode).toBe(403);
    expect(await countAttendanceRows(t)).toEqual(before);
    expect((await c.napoli.put(url(napoliEvent, napoliSession), all(true, napoliRegs))).statusCode).toBe(200);
  });

  it('answers 404 for no such event or a session of another event', async () => {
    expect((await c.admin.get(url(999999, sessionIds[0]))).json().error.message).toBe('Evento 999999 inesistente.');
    const res = await c.milano.put(url(eventId, napoliSession), all(true));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe(`Sessione ${napoliSession} inesistente per questo evento.`);
  });
});

describe('bad input is refused with a message per entry, and nothing is written', () => {
  it.each([
    ['no list', {}, 'entries', 'Campo obbligatorio.'],
    ['an empty list', { entries: [] }, 'entries', 'Indica almeno una persona registrata.'],
    ['present not a boolean', { entries: [{ registrationId: 1, present: 'sì' }] }, 'entries.0.present', 'Indica presente (true) o assente (false).'],
    ['a registration that is not a number', { entries: [{ registrationId: 'Mario', present: true }] }, 'entries.0.registrationId', 'Indica la registrazione (numero).'],
    ['an unknown field', { entries: [], note: 'x' }, 'note', 'Campo non previsto: note.'],
  ])('%s', async (_label, body, field, message) => {
    const before = await countAttendanceRows(t);
    const res = await c.milano.put(url(eventId, sessionIds[1]), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toContainEqual(expect.objectContaining({ field, message }));
    expect(await countAttendanceRows(t)).toEqual(before);
  });

  it('refuses waiting, cancelled, other events’ and repeated registrations — all named at once', async () => {
    const before = await countAttendanceRows(t);
    const res = await c.milano.put(url(eventId, sessionIds[1]), {
      entries: [
        { registrationId: regs[0].id, present: true },
        { registrationId: waiting[0].id, present: true },
        { registrationId: cancelled[0].id, present: true },
        { registrationId: napoliRegs[0].id, present: true },
        { registrationId: regs[0].id, present: false },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      { field: 'entries.1.registrationId', code: 'attendance_registration_waiting', message: 'Ada In Attesa è in lista d’attesa: non ha un posto e non può risultare presente.' },
      { field: 'entries.2.registrationId', code: 'attendance_registration_cancelled', message: 'La registrazione di Bruno Annullato è stata annullata.' },
      { field: 'entries.3.registrationId', code: 'attendance_registration_not_of_event', message: `La registrazione ${napoliRegs[0].id} non è di questo evento.` },
      { field: 'entries.4.registrationId', code: 'attendance_duplicate', message: `La registrazione ${regs[0].id} compare più di una volta nell’elenco.` },
    ]);
    expect(await countAttendanceRows(t)).toEqual(before);
  });

  it('speaks English when asked', async () => {
    const res = await c.milano.put(`${url(eventId, sessionIds[1])}?lang=en`, { entries: [{ registrationId: waiting[0].id, present: true }] });
    expect(res.json().error.details.issues[0].message).toBe('Ada In Attesa is on the waiting list: without a seat they cannot be marked present.');
  });

  it('refuses a session that has not started, and a cancelled event', async () => {
    const future = await insertSessions(t, eventId, 1, { first: new Date(Date.now() + 7 * 24 * 3_600_000) });
    const before = await countAttendanceRows(t);
    const res = await c.milano.put(url(eventId, future[0].id), all(true));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/^La sessione non è ancora iniziata/);
    const gone = await insertEvent(t, { councilId: c.milanoCouncil, status: 'cancelled' });
    const s = await insertSessions(t, gone.id, 1);
    const r = await insertRegistrations(t, gone.id, ['Carla Neri']);
    const res2 = await c.milano.put(url(gone.id, s[0].id), all(true, r));
    expect(res2.statusCode).toBe(409);
    expect(res2.json().error.message).toBe('L’evento è annullato: non si registrano presenze. Nulla è stato salvato.');
    expect(await countAttendanceRows(t)).toEqual(before);
    await t.database.db.delete(eventSessions).where(eq(eventSessions.id, future[0].id));
  });
});

describe('the sign-in sheet', () => {
  it('is a tagged PDF listing the seated people with their organisation and a signature column', async () => {
    const res = await c.milano.get(`/api/v1/events/${eventId}/sessions/${sessionIds[2]}/sign-in-sheet.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Foglio firme');
    expect(text).toContain('Corso GdLL Milano');
    expect(text).toContain('Sessione 3 di 10: Modulo 3');
    expect(text).toMatch(/Nome e cognome\s+Organizzazione\s+Firma/);
    for (const name of TWELVE) expect(text).toContain(name);
    expect(text).not.toContain('Ada In Attesa');
    expect(text).not.toContain('Bruno Annullato');
    expect(text).toContain('Partecipanti registrati: 12');
    expect(pdfText(res.rawPayload, 'pdfinfo')).toMatch(/Tagged:\s+yes/);
  });

  it('leaves out people whose data was erased', async () => {
    const [extra] = await insertRegistrations(t, eventId, ['Nome Da Cancellare']);
    await t.database.db.update(eventRegistrations).set({ fullName: null, email: null, organizationName: null, erasedAt: new Date() }).where(eq(eventRegistrations.id, extra.id));
    const text = pdfText((await c.milano.get(`/api/v1/events/${eventId}/sessions/${sessionIds[2]}/sign-in-sheet.pdf`)).rawPayload);
    expect(text).toContain('Partecipanti registrati: 12');
    await t.database.db.delete(eventRegistrations).where(eq(eventRegistrations.id, extra.id));
  });
});
