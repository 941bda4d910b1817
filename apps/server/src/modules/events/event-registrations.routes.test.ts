import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/mail/mail.schema.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { createTestUser } from '../users/users.fixtures.ts';
import { countEventRows, EVENTS, eventBody, external, makePublishedEvent } from './events.fixtures.ts';
import { eventRegistrations } from './events.schema.ts';

let t: TestApp;
let c: Cast;
let userIds: number[];
beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
  userIds = [];
  for (const n of [1, 2, 3]) userIds.push((await createTestUser(t, { email: `iscritto${n}@eventi.test`, name: `Iscritto ${n}`, roles: [] })).id);
});
afterAll(() => t.close());

type Reg = { id: number; status: string; position: number | null; fullName: string | null; email: string | null };
const register = (eventId: number, body: unknown, who = c.milano) => who.post(`${EVENTS}/${eventId}/registrations`, body);
const list = async (eventId: number, who = c.milano) => (await who.get(`${EVENTS}/${eventId}/registrations`)).json() as { items: Reg[]; registeredCount: number; waitingCount: number };
const auditActions = async (eventId: number) =>
  (await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'event'), eq(auditLog.entityId, String(eventId)))).orderBy(desc(auditLog.id))).map((a) => a.action);

describe('seats and the waiting list', () => {
  it('fills the seats, then queues in order of registration', async () => {
    const e = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { capacity: 2 }));
    const a = await register(e.id, external(1));
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ kind: 'external', fullName: 'Partecipante 1', email: 'persona1@esterni.test', status: 'registered', position: null, consentAt: expect.any(String) });
    expect((await register(e.id, { kind: 'user', userId: userIds[0] })).json()).toMatchObject({ kind: 'user', user: { id: userIds[0], name: 'Iscritto 1' }, status: 'registered' });
    expect((await register(e.id, external(2))).json()).toMatchObject({ status: 'waiting', position: 1 });
    expect((await register(e.id, { kind: 'self' }, c.member)).json()).toMatchObject({ status: 'waiting', position: 2 });
    const l = await list(e.id);
    expect(l).toMatchObject({ registeredCount: 2, waitingCount: 2 });
    expect(l.items.map((r) => [r.status, r.position])).toEqual([['registered', null], ['registered', null], ['waiting', 1], ['waiting', 2]]);
    const detail = (await c.member.get(`${EVENTS}/${e.id}`)).json();
    expect(detail).toMatchObject({ registeredCount: 2, waitingCount: 2, myRegistration: { status: 'waiting', position: 2 }, canRegister: false });
  });

  it('promotes nobody on a cancelled event, and tells nobody a seat is theirs', async () => {
    const e = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { capacity: 1 }));
    const first = (await register(e.id, external(21))).json();
    expect((await register(e.id, external(22))).json()).toMatchObject({ status: 'waiting' });
    const version = (await c.milano.get(`${EVENTS}/${e.id}`)).json().version;
    expect((await c.milano.patch(`${EVENTS}/${e.id}`, { status: 'cancelled', capacity: 5, version })).statusCode).toBe(200);
    const mailsBefore = (await t.database.db.select().from(outbox)).length;
    const res = await c.milano.delete(`${EVENTS}/${e.id}/registrations/${first.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().promoted).toEqual([]);
    expect((await list(e.id)).waitingCount).toBe(1);
    expect((await t.database.db.select().from(outbox)).length).toBe(mailsBefore);
  });

  it('cancelling a seat promotes the first waiting person in the same transaction, tells them, and audits both', async () => {
    const e = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { capacity: 1 }));
    const first = (await register(e.id, external(3))).json();
    const second = (await register(e.id, external(4))).json();
    const third = (await register(e.id, { kind: 'user', userId: userIds[1] })).json();
    expect([second.status, third.status]).toEqual(['waiting', 'waiting']);
    const mailsBefore = (await t.database.db.select().from(outbox)).length;
    const res = await c.milano.delete(`${EVENTS}/${e.id}/registrations/${first.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cancelled: { id: first.id, status: 'cancelled' }, promoted: [{ id: second.id, status: 'registered' }] });
    const l = await list(e.id);
    expect(l.items.map((r) => [r.id, r.status, r.position])).toEqual([[second.id, 'registered', null], [third.id, 'waiting', 1], [first.id, 'cancelled', null]]);
    const mails = (await t.database.db.select().from(outbox)).slice(mailsBefore);
    expect(mails.map((m) => [m.to, m.subject])).toEqual([['persona4@esterni.test', 'Iscrizione confermata: Corso per il gruppo di lavoro locale']]);
    expect(mails[0].body).toContain('si è liberato un posto');
    expect(await auditActions(e.id)).toEqual(expect.arrayContaining(['promote_registration', 'cancel_registration', 'register']));
    const promotion = (await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'promote_registration'), eq(auditLog.entityId, String(e.id)))))[0];
    expect(JSON.stringify(promotion)).not.toContain('persona4');
    expect((await c.milano.delete(`${EVENTS}/${e.id}/registrations/${first.id}`)).statusCode).toBe(409);
  });

  it('raising the capacity (or removing it) gives waiting people their seats in order', async () => {
    const e = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { capacity: 1 }));
    for (const n of [5, 6, 7, 8]) await register(e.id, external(n));
    const raised = await c.milano.patch(`${EVENTS}/${e.id}`, { capacity: 3, version: e.version });
    expect(raised.json()).toMatchObject({ registeredCount: 3, waitingCount: 1 });
    const l = await list(e.id);
    expect(l.items.filter((r) => r.status === 'waiting').map((r) => r.email)).toEqual(['persona8@esterni.test']);
    const open = await c.milano.patch(`${EVENTS}/${e.id}`, { capacity: null, version: e.version + 1 });
    expect(open.json()).toMatchObject({ registeredCount: 4, waitingCount: 0, capacity: null });
  });

  it('refuses the same person twice with a clear message, whether by user, e-mail or a user’s e-mail', async () => {
    const e = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { capacity: 1 }));
    await register(e.id, external(9));
    await register(e.id, { kind: 'user', userId: userIds[2] });
    const before = await countEventRows(t);
    const again = await register(e.id, external(9, { fullName: 'Altro nome', email: 'PERSONA9@esterni.test' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('persona9@esterni.test è già iscritto/a a questo evento.');
    const user = await register(e.id, { kind: 'user', userId: userIds[2] });
    expect(user.json().error.message).toBe('Iscritto 3 è già in lista d’attesa per questo evento.');
    expect((await register(e.id, external(10, { email: 'iscritto3@eventi.test' }))).statusCode).toBe(409);
    expect(await countEventRows(t)).toEqual(before);
    // And the other way round: a user whose address was registered as an external participant.
    await register(e.id, external(17, { email: 'iscritto1@eventi.test' }));
    const mid = await countEventRows(t);
    expect((await register(e.id, { kind: 'user', userId: userIds[0] })).json().error.message).toBe('Iscritto 1 è già in lista d’attesa per questo evento.');
    expect(await countEventRows(t)).toEqual(mid);
  });

  it('takes a cancelled person back at the end of the queue', async () => {
    const e = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { capacity: 1 }));
    const mine = (await register(e.id, { kind: 'self' }, c.tutor)).json();
    await register(e.id, external(11));
    expect((await c.tutor.delete(`${EVENTS}/${e.id}/registrations/${mine.id}`)).json().promoted).toEqual([expect.objectContaining({ status: 'registered' })]);
    const back = await register(e.id, { kind: 'self' }, c.tutor);
    expect(back.json()).toMatchObject({ id: mine.id, status: 'waiting', position: 1 });
  });
});

describe('self-registration', () => {
  it('needs a published event with open registration that has not ended', async () => {
    const draft = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil), 1, false);
    expect((await register(draft.id, { kind: 'self' }, c.milano)).json().error.code).toBe('event_registration_closed');
    const closed = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { registrationOpen: false }));
    const res = await register(closed.id, { kind: 'self' }, c.provider);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Le iscrizioni a questo evento non sono aperte.');
    // Organisers still register people by hand when self-registration is closed.
    expect((await register(closed.id, external(12))).statusCode).toBe(201);
    const past = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil));
    await c.milano.patch(`${EVENTS}/${past.id}/sessions/${(await c.milano.get(`${EVENTS}/${past.id}`)).json().sessions[0].id}`, { startsAt: '2020-03-02T09:00:00+01:00', endsAt: '2020-03-02T13:00:00+01:00', version: 1 });
    expect((await register(past.id, { kind: 'self' }, c.provider)).json().error.code).toBe('event_over');
  });

  it('lets a participant see and cancel only their own registration', async () => {
    const e = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil));
    const other = (await register(e.id, external(13))).json();
    const mine = (await register(e.id, { kind: 'self' }, c.provider)).json();
    const seen = await list(e.id, c.provider);
    expect(seen.items.map((r) => r.id)).toEqual([mine.id]);
    expect(JSON.stringify(seen)).not.toContain('persona13');
    expect(seen.registeredCount).toBe(2);
    expect((await c.provider.delete(`${EVENTS}/${e.id}/registrations/${other.id}`)).statusCode).toBe(403);
    expect((await c.provider.post(`${EVENTS}/${e.id}/registrations/${other.id}/erase`)).statusCode).toBe(403);
    expect((await c.provider.get(`${EVENTS}/${e.id}/registrations.csv`)).statusCode).toBe(403);
    expect((await register(e.id, external(14), c.provider)).statusCode).toBe(403);
    expect((await c.provider.delete(`${EVENTS}/${e.id}/registrations/${mine.id}`)).json().cancelled.status).toBe('cancelled');
  });
});

describe('personal data of external participants', () => {
  it('exports the participants as CSV for organisers', async () => {
    const e = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { capacity: 1 }));
    await register(e.id, external(15, { fullName: 'Amina Diallo', organizationName: '=Associazione' }));
    await register(e.id, { kind: 'user', userId: userIds[0] });
    const res = await c.milano.get(`${EVENTS}/${e.id}/registrations.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="iscritti-evento-${e.id}.csv"`);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id;tipo;nome;organizzazione;e-mail;stato;posizione in attesa;iscritto il;consenso il;dati cancellati il');
    expect(lines[1]).toMatch(/^\d+;partecipante esterno;Amina Diallo;'=Associazione;persona15@esterni\.test;iscritto;;/);
    expect(lines[2]).toMatch(/^\d+;utente della piattaforma;Iscritto 1;;iscritto1@eventi\.test;in lista d’attesa;1;/);
  });

  it('erases an external participant’s data on request, keeps the anonymous row, and audits without the data', async () => {
    const e = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil));
    const r = (await register(e.id, external(16, { fullName: 'Karim Benali', organizationName: 'Comunità marocchina' }))).json();
    const u = (await register(e.id, { kind: 'user', userId: userIds[1] })).json();
    const res = await c.milano.post(`${EVENTS}/${e.id}/registrations/${r.id}/erase`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: r.id, fullName: null, organizationName: null, email: null, status: 'registered', erasedAt: expect.any(String) });
    const [row] = await t.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, r.id));
    expect(row).toMatchObject({ fullName: null, organizationName: null, email: null, status: 'registered' });
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'event'), eq(auditLog.entityId, String(e.id))));
    expect(audits.map((a) => a.action)).toContain('erase_registration');
    expect(JSON.stringify(audits)).not.toMatch(/Karim|Benali|persona16|marocchina/);
    expect((await list(e.id)).registeredCount).toBe(2);
    expect((await c.milano.post(`${EVENTS}/${e.id}/registrations/${r.id}/erase`)).json().error.code).toBe('event_registration_already_erased');
    expect((await c.milano.post(`${EVENTS}/${e.id}/registrations/${u.id}/erase`)).json().error.code).toBe('event_registration_not_external');
    expect((await c.milano.post(`${EVENTS}/${e.id}/registrations/999999/erase`)).statusCode).toBe(404);
  });
});

describe('bad registrations', () => {
  it('names each wrong field in Italian and writes nothing', async () => {
    const e = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil));
    const before = await countEventRows(t);
    const issues = async (body: unknown) => {
      const res = await register(e.id, body);
      expect(res.statusCode).toBe(400);
      return Object.fromEntries(res.json().error.details.issues.map((i: { field: string; message: string }) => [i.field, i.message]));
    };
    expect(await issues({ kind: 'external', fullName: 'Al', email: 'non-una-mail', consent: false, phone: '333' })).toEqual({
      fullName: 'Scrivi almeno 3 caratteri.',
      email: 'Indirizzo e-mail non valido.',
      consent: 'Serve il consenso della persona al trattamento dei dati personali.',
      phone: 'Campo non previsto: phone.',
    });
    expect(await issues({ kind: 'external', fullName: 'Amina Diallo', email: 'amina@esterni.test' })).toEqual({ consent: 'Serve il consenso della persona al trattamento dei dati personali.' });
    expect(Object.keys(await issues({ kind: 'guest' }))).toEqual(['kind']);
    expect(await issues({ kind: 'user', userId: 'uno' })).toEqual({ userId: 'Deve essere un numero.' });
    const ghost = await register(e.id, { kind: 'user', userId: 999999 });
    expect(ghost.json().error.details.issues).toEqual([{ field: 'userId', code: 'event_user_not_found', message: 'Utente 999999 inesistente.' }]);
    expect(await countEventRows(t)).toEqual(before);
  });
});
