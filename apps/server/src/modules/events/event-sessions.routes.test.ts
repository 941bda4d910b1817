import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { eventAttendance } from './events.schema.ts';
import { countEventRows, EVENTS, eventBody, external, makeEvent, sessionBody } from './events.fixtures.ts';

let t: TestApp;
let c: Cast;
beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
});
afterAll(() => t.close());

const issuesOf = (res: { statusCode: number; json(): { error: { details: { issues: { field: string; message: string }[] } } } }) => {
  expect(res.statusCode).toBe(400);
  return Object.fromEntries(res.json().error.details.issues.map((i) => [i.field, i.message]));
};

describe('sessions', () => {
  it('adds sessions in order with their hours, changes one at its version (minutes after the meeting) and deletes one', async () => {
    const e = await makeEvent(c.milano, eventBody(c.milanoCouncil));
    const second = (await c.milano.post(`${EVENTS}/${e.id}/sessions`, sessionBody(1, { place: null, onlineUrl: 'https://meet.example.org/corso' }))).json();
    const first = await c.tutor.post(`${EVENTS}/${e.id}/sessions`, sessionBody(0, { endsAt: '2030-03-02T16:30:00+01:00' }));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ hours: 7.5, startsAt: '2030-03-02T08:00:00.000Z', place: 'Prefettura di Milano, Sala Consiglio', version: 1 });
    const detail = (await c.milano.get(`${EVENTS}/${e.id}`)).json();
    expect(detail.sessions.map((s: { title: string }) => s.title)).toEqual(['Modulo 1', 'Modulo 2']);
    expect(detail.hours).toBe(11.5);
    const changed = await c.milano.patch(`${EVENTS}/${e.id}/sessions/${second.id}`, { minutes: 'Presenti 18 persone; deciso il calendario.', version: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.json()).toMatchObject({ minutes: 'Presenti 18 persone; deciso il calendario.', onlineUrl: 'https://meet.example.org/corso', version: 2 });
    expect((await c.milano.patch(`${EVENTS}/${e.id}/sessions/${second.id}`, { minutes: 'x', version: 1 })).statusCode).toBe(409);
    expect((await c.milano.delete(`${EVENTS}/${e.id}/sessions/${second.id}`)).statusCode).toBe(400);
    expect((await c.milano.delete(`${EVENTS}/${e.id}/sessions/${second.id}`, { 'if-match': '"2"' })).statusCode).toBe(204);
    expect((await c.milano.get(`${EVENTS}/${e.id}`)).json().sessions).toHaveLength(1);
  });

  it('keeps a session whose attendance was recorded', async () => {
    const e = await makeEvent(c.milano, eventBody(c.milanoCouncil));
    const s = (await c.milano.post(`${EVENTS}/${e.id}/sessions`, sessionBody(0))).json();
    const r = (await c.milano.post(`${EVENTS}/${e.id}/registrations`, external(1))).json();
    await t.database.db.insert(eventAttendance).values({ sessionId: s.id, registrationId: r.id, present: true });
    const res = await c.milano.delete(`${EVENTS}/${e.id}/sessions/${s.id}?version=1`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Per questa sessione sono già state registrate 1 presenze: non si può eliminare.');
  });

  it('refuses a session of another event’s address with 404', async () => {
    const a = await makeEvent(c.milano, eventBody(c.milanoCouncil));
    const b = await makeEvent(c.milano, eventBody(c.milanoCouncil));
    const s = (await c.milano.post(`${EVENTS}/${a.id}/sessions`, sessionBody(0))).json();
    expect((await c.milano.patch(`${EVENTS}/${b.id}/sessions/${s.id}`, { title: 'x', version: 1 })).statusCode).toBe(404);
    expect((await c.milano.delete(`${EVENTS}/${b.id}/sessions/${s.id}?version=1`)).statusCode).toBe(404);
  });
});

describe('bad session bodies', () => {
  it('names every wrong field in Italian and writes nothing', async () => {
    const e = await makeEvent(c.milano, eventBody(c.milanoCouncil));
    const before = await countEventRows(t);
    const url = `${EVENTS}/${e.id}/sessions`;
    expect(issuesOf(await c.milano.post(url, { startsAt: '14/03/2030 9:00', endsAt: '', onlineUrl: 'javascript:alert(1)', capacity: 0, room: 'A' }))).toEqual({
      startsAt: 'Data e ora non valide: usa il formato 2026-03-14T09:30:00+01:00.',
      endsAt: 'Data e ora non valide: usa il formato 2026-03-14T09:30:00+01:00.',
      onlineUrl: 'Indirizzo web non valido (deve iniziare con http:// o https://).',
      capacity: 'Il valore minimo è 1.',
      room: 'Campo non previsto: room.',
    });
    expect(issuesOf(await c.milano.post(url, sessionBody(0, { startsAt: '2030-03-02T09:00:00' })))).toEqual({ startsAt: 'Data e ora non valide: usa il formato 2026-03-14T09:30:00+01:00.' });
    expect(issuesOf(await c.milano.post(url, sessionBody(0, { endsAt: '2030-03-02T08:00:00+01:00' })))).toEqual({ endsAt: 'La sessione deve finire dopo l’inizio.' });
    expect(issuesOf(await c.milano.post(url, sessionBody(0, { endsAt: '2030-03-03T13:00:00+01:00' })))).toEqual({ endsAt: 'Una sessione dura al massimo 12 ore: dividila in più sessioni.' });
    expect(issuesOf(await c.milano.post(url, sessionBody(0, { place: ' ', onlineUrl: '' })))).toEqual({ place: 'Indica il luogo, il collegamento online o entrambi.' });
    expect(issuesOf(await c.milano.post(url, sessionBody(0, { agenda: 'x'.repeat(10001) })))).toEqual({ agenda: 'Al massimo 10000 caratteri.' });
    const s = (await c.milano.post(url, sessionBody(0))).json();
    const mid = await countEventRows(t);
    // A change is checked with what is stored: a new end before the stored start is refused.
    expect(issuesOf(await c.milano.patch(`${url}/${s.id}`, { endsAt: '2030-03-02T07:00:00+01:00', version: 1 }))).toEqual({ endsAt: 'La sessione deve finire dopo l’inizio.' });
    expect(issuesOf(await c.milano.patch(`${url}/${s.id}`, { place: null, version: 1 }))).toEqual({ place: 'Indica il luogo, il collegamento online o entrambi.' });
    expect(await countEventRows(t)).toEqual(mid);
    expect(mid.sessions).toBe(before.sessions + 1);
  });
});
