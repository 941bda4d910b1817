import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { createTestUser } from '../users/users.fixtures.ts';
import { countAttendanceRows, insertAttendance, insertEvent, insertRegistrations, insertSessions, TWELVE } from './attendance.fixtures.ts';
import { pdfText } from './attendance.test-helpers.ts';
import { eventCertificates } from './certificates.schema.ts';

let t: TestApp;
let c: Cast;
let eventId: number;
let regs: { id: number; fullName: string | null }[];
let holder: Awaited<ReturnType<typeof signIn>>;
// Sessions attended (of ten, 3 h each) by each of the twelve: 7 or more reach 70%.
const SESSIONS = [10, 7, 6, 9, 3, 0, 8, 5, 10, 7, 2, 6];

beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
  const person = await createTestUser(t, { email: 'mario.rossi@esempio.it', name: 'Mario Rossi', roles: [] });
  holder = await signIn(t.app, person.email, person.password);
  eventId = (await insertEvent(t, { councilId: c.milanoCouncil, title: 'Accoglienza e tutela dei minori stranieri non accompagnati', organizerName: 'Prefettura di Milano – UTG' })).id;
  const sessions = await insertSessions(t, eventId, 10);
  regs = await insertRegistrations(t, eventId, TWELVE, 'registered', person.id);
  await insertAttendance(
    t,
    sessions.map((s) => s.id),
    new Map(regs.map((r, i) => [r.id, SESSIONS[i]])),
  );
});
afterAll(() => t.close());

const eligibleNames = TWELVE.filter((_, i) => SESSIONS[i] >= 7);
const api = `/api/v1/events`;

describe('issuing certificates', () => {
  it('refuses a named registration under the threshold with its hours, and issues nothing', async () => {
    const before = await countAttendanceRows(t);
    const res = await c.milano.post(`${api}/${eventId}/certificates`, { registrationIds: [regs[0].id, regs[2].id, 999999] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      { field: 'registrationIds.1', code: 'certificate_not_eligible', message: 'Amina Diallo ha frequentato 18 ore su 30 (60%): sotto la soglia del 70%, non riceve l’attestato. Nulla è stato rilasciato.' },
      { field: 'registrationIds.2', code: 'certificate_registration_not_of_event', message: 'La registrazione 999999 non è di questo evento.' },
    ]);
    expect(await countAttendanceRows(t)).toEqual(before);
  });

  it.each([
    ['an empty list', { registrationIds: [] }, 'registrationIds'],
    ['ids that are not numbers', { registrationIds: ['Mario'] }, 'registrationIds.0'],
    ['an unknown field', { everyone: true }, 'everyone'],
  ])('refuses %s, writing nothing', async (_l, body, field) => {
    const before = await countAttendanceRows(t);
    const res = await c.milano.post(`${api}/${eventId}/certificates`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].field).toBe(field);
    expect(await countAttendanceRows(t)).toEqual(before);
  });

  it('is for organisers only', async () => {
    const before = await countAttendanceRows(t);
    expect((await c.anon.post(`${api}/${eventId}/certificates`, {})).statusCode).toBe(401);
    for (const who of [c.napoli, c.provider, c.member, holder]) expect((await who.post(`${api}/${eventId}/certificates`, {})).statusCode).toBe(403);
    expect((await c.napoli.get(`${api}/${eventId}/certificates`)).statusCode).toBe(403);
    expect(await countAttendanceRows(t)).toEqual(before);
  });

  it('issues to everyone eligible — and only to them — once, each with an audit entry', async () => {
    const res = await c.milano.post(`${api}/${eventId}/certificates`, {});
    expect(res.statusCode).toBe(201);
    const { issued, alreadyIssued } = res.json();
    expect(alreadyIssued).toBe(0);
    expect(issued.map((x: { holderName: string }) => x.holderName).sort()).toEqual([...eligibleNames].sort());
    for (const x of issued) expect(x.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(issued.find((x: { holderName: string }) => x.holderName === 'Amina Diallo')).toBeUndefined();
    expect(issued.find((x: { holderName: string }) => x.holderName === 'Mario Rossi')).toMatchObject({ hours: 30, percent: 100, issuedBy: { name: 'milano' } });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'issue_certificate'));
    expect(audits).toHaveLength(eligibleNames.length);
    const again = (await c.milano.post(`${api}/${eventId}/certificates`, {})).json();
    expect(again).toEqual({ issued: [], alreadyIssued: eligibleNames.length });
    const list = (await c.lombardia.get(`${api}/${eventId}/certificates`)).json().items;
    expect(list).toHaveLength(eligibleNames.length);
    const hours = (await c.milano.get(`${api}/${eventId}/hours`)).json().rows;
    expect(hours.filter((r: { certificateCode: string | null }) => r.certificateCode).map((r: { fullName: string }) => r.fullName).sort()).toEqual([...eligibleNames].sort());
  });

  it('refuses an event without a threshold', async () => {
    const e = await insertEvent(t, { councilId: c.milanoCouncil, kind: 'migration_day', certificateThreshold: null });
    const res = await c.milano.post(`${api}/${e.id}/certificates`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/^Questo evento non rilascia attestati/);
  });
});

describe('verification, PDF and revocation', () => {
  const certOf = async (name: string) => (await t.database.db.select().from(eventCertificates).where(eq(eventCertificates.holderName, name)))[0];

  it('verifies a code publicly, masking the holder, in any case and with or without dashes', async () => {
    const cert = await certOf('Mario Rossi');
    const res = await c.anon.get(`/api/v1/certificates/${cert.code.toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      valid: true,
      revokedAt: null,
      holder: 'Mario R.',
      eventTitle: 'Accoglienza e tutela dei minori stranieri non accompagnati',
      eventKind: 'course',
      issuer: 'Prefettura di Milano – UTG',
      hours: 30,
      totalHours: 30,
    });
    expect(res.body).not.toContain('Rossi');
    expect(res.body).not.toContain('@');
  });

  it('answers 404 with a message for an unknown or mistyped code', async () => {
    const res = await c.anon.get('/api/v1/certificates/AAAA-BBBB-CCCC');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Nessun attestato ha il codice «AAAA-BBBB-CCCC»: controlla di averlo trascritto correttamente (12 caratteri, es. K7QM-3XWP-9RTD).');
    const cert = await certOf('Mario Rossi');
    const swapped = cert.code.slice(0, 11) + (cert.code[11] === 'A' ? 'B' : 'A');
    expect((await c.anon.get(`/api/v1/certificates/${swapped}`)).statusCode).toBe(404);
  });

  it('renders the PDF for organisers and the holder, not for others', async () => {
    const cert = await certOf('Mario Rossi');
    const res = await holder.get(`/api/v1/certificates/${cert.code}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Attestato di partecipazione');
    expect(text).toContain('Mario Rossi');
    expect(text).toContain('frequentando 30 ore su 30 (100%)');
    expect(text).toContain('ha partecipato all’iniziativa');
    expect(text).toContain('Corso di formazione organizzato da Prefettura di Milano – UTG');
    expect(text).toContain(`${cert.code.slice(0, 4)}-${cert.code.slice(4, 8)}-${cert.code.slice(8)}`);
    expect(text).toContain(`http://localhost:80/attestati/${cert.code}`);
    expect(pdfText(res.rawPayload, 'pdfinfo')).toMatch(/Tagged:\s+yes/);
    expect((await c.milano.get(`/api/v1/certificates/${cert.code}/pdf`)).statusCode).toBe(200);
    const other = await certOf('Luca Ferrari');
    expect((await holder.get(`/api/v1/certificates/${other.code}/pdf`)).statusCode).toBe(403);
    expect((await c.napoli.get(`/api/v1/certificates/${cert.code}/pdf`)).statusCode).toBe(403);
    expect((await c.anon.get(`/api/v1/certificates/${cert.code}/pdf`)).statusCode).toBe(401);
  });

  it('revokes with a reason (organisers), after which verification says so', async () => {
    const cert = await certOf('Luca Ferrari');
    const before = await countAttendanceRows(t);
    const bad = await c.milano.post(`/api/v1/certificates/${cert.code}/revoke`, { reason: 'no' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toMatchObject({ field: 'reason', message: 'Scrivi il motivo della revoca (almeno 5 caratteri).' });
    expect((await c.napoli.post(`/api/v1/certificates/${cert.code}/revoke`, { reason: 'Errore di registrazione' })).statusCode).toBe(403);
    expect((await c.anon.post(`/api/v1/certificates/${cert.code}/revoke`, { reason: 'Errore di registrazione' })).statusCode).toBe(401);
    expect(await countAttendanceRows(t)).toEqual(before);
    const res = await c.milano.post(`/api/v1/certificates/${cert.code}/revoke`, { reason: 'Presenze registrate per errore' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ revokeReason: 'Presenze registrate per errore' });
    const v = (await c.anon.get(`/api/v1/certificates/${cert.code}`)).json();
    expect(v).toMatchObject({ valid: false, holder: 'Luca F.' });
    expect(v.revokedAt).not.toBeNull();
    expect((await c.milano.post(`/api/v1/certificates/${cert.code}/revoke`, { reason: 'Di nuovo, per sbaglio' })).statusCode).toBe(409);
    const [a] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'event_certificate'), eq(auditLog.entityId, String(cert.id)))).orderBy(desc(auditLog.id));
    expect(a).toMatchObject({ action: 'revoke_certificate', actorEmail: 'milano@attori.test' });
    // A revoked certificate may be issued again: the person is still eligible.
    const again = (await c.milano.post(`${api}/${eventId}/certificates`, { registrationIds: [cert.registrationId] })).json();
    expect(again.issued).toHaveLength(1);
    expect(again.issued[0].code.replace(/-/g, '')).not.toBe(cert.code);
  });

  it('forgets an erased holder’s name, keeping the certificate verifiable', async () => {
    const cert = await certOf('Sara Colombo');
    const res = await c.milano.post(`/api/v1/events/${eventId}/registrations/${cert.registrationId}/erase`, {});
    expect(res.statusCode).toBe(200);
    const [after] = await t.database.db.select().from(eventCertificates).where(eq(eventCertificates.id, cert.id));
    expect(after.holderName).toBe('');
    const v = (await c.anon.get(`/api/v1/certificates/${cert.code}`)).json();
    expect(v).toMatchObject({ valid: true, holder: 'Partecipante anonimizzato' });
    const list = (await c.milano.get(`${api}/${eventId}/certificates`)).json().items;
    expect(list.find((x: { id: number }) => x.id === cert.id).holderName).toBe('Partecipante anonimizzato');
    expect((await c.milano.get(`/api/v1/certificates/${cert.code}/pdf`)).statusCode).toBe(409);
  });

  it('limits the rate of public verification', async () => {
    let last = 0;
    for (let i = 0; i < 35; i++) last = (await c.anon.get('/api/v1/certificates/AAAA-BBBB-CCCC')).statusCode;
    expect(last).toBe(429);
  });
});
