import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { addSession, attend, invite, makeEvent, makeQuestionnaire, register, respond } from '../participation/participation.fixtures.ts';
import { createTestUser, regionIdOf } from '../users/users.fixtures.ts';
import { associationLog, associationProfiles } from './associations.schema.ts';

let t: TestApp;
let c: Cast;
let campania: Client;
let lombardiaRegion: number;
beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
  lombardiaRegion = await regionIdOf(t, '03');
  const p = await createTestUser(t, { email: 'campania@attori.test', roles: [{ role: 'regional_coordinator', scopeType: 'region', scopeId: await regionIdOf(t, '15') }] });
  campania = await signIn(t.app, p.email, p.password);
});
afterAll(() => t.close());

const api = '/api/v1/associations';
let seq = 0;
const body = (over: Record<string, unknown> = {}) => ({
  name: `Comunità senegalese di Milano ${++seq}`,
  territoryCode: '015146',
  legalForm: 'aps',
  communities: ['Senegal', 'Gambia'],
  languages: ['wolof', 'francese'],
  sectors: ['culture', 'language_teaching'],
  activities: 'Corsi di italiano e mediazione.',
  email: 'info@comunita.test',
  ...over,
});

async function rows() {
  const db = t.database.db;
  const [o] = await db.select({ n: count() }).from(organizations);
  const [p] = await db.select({ n: count() }).from(associationProfiles);
  const [l] = await db.select({ n: count() }).from(associationLog);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { organizations: o.n, profiles: p.n, log: l.n, audit: a.n };
}
const issuesOf = (res: { json(): { error: { details: { issues: { field: string; message: string }[] } } } }) =>
  Object.fromEntries(res.json().error.details.issues.map((i) => [i.field, i.message]));

describe('registry', () => {
  it('creates the organisation and its profile in one go, audited, and lists it with its filters', async () => {
    const before = await rows();
    const res = await c.milano.post(api, body({ name: 'Associazione Teranga' }));
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ name: 'Associazione Teranga', council: { id: c.milanoCouncil }, region: { id: lombardiaRegion }, legalForm: 'aps', communities: ['Senegal', 'Gambia'], engagementStatus: 'identified', hasProfile: true, canEdit: true });
    const [o] = await t.database.db.select().from(organizations).where(eq(organizations.id, a.id));
    expect(o.kind).toBe('association');
    expect(await rows()).toMatchObject({ organizations: before.organizations + 1, profiles: before.profiles + 1, log: before.log + 1 });
    const filtered = async (q: string) => (await c.milano.get(`${api}?${q}`)).json().items.map((x: { name: string }) => x.name);
    expect(await filtered('community=senegal')).toContain('Associazione Teranga');
    expect(await filtered('language=Wolof&sector=culture')).toContain('Associazione Teranga');
    expect(await filtered('sector=sport')).not.toContain('Associazione Teranga');
    expect(await filtered('q=teranga&status=identified')).toEqual(['Associazione Teranga']);
    expect(await filtered(`q=teranga&councilId=${c.napoliCouncil}`)).toEqual([]);
  });

  it('shows an association organisation registered without a profile with the defaults', async () => {
    const res = await c.milano.get(`${api}/${c.memberOrg}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: c.memberOrg, hasProfile: false, engagementStatus: 'identified', legalForm: 'unrecognised_association', communities: [] });
    expect((await c.milano.get(`${api}/${c.milanoOrg}`)).statusCode).toBe(404);
  });

  it('edits organisation and profile at the version read, one version for both', async () => {
    const a = (await c.milano.post(api, body())).json();
    expect((await c.milano.patch(`${api}/${a.id}`, { languages: ['wolof'] })).statusCode).toBe(400);
    const res = await c.milano.patch(`${api}/${a.id}`, { languages: ['wolof'], version: a.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ languages: ['wolof'], version: a.version + 1 });
    expect((await c.milano.patch(`${api}/${a.id}`, { name: 'Altro nome', version: a.version })).statusCode).toBe(409);
  });

  it('refuses bad input with a message per field and writes nothing', async () => {
    const before = await rows();
    const res = await c.milano.post(api, { name: '', territoryCode: '015146', legalForm: 'club', website: 'www', sectors: ['cooking'], communities: ['x'] });
    expect(res.statusCode).toBe(400);
    const issues = issuesOf(res);
    expect(issues.name).toBe('Scrivi almeno 2 caratteri.');
    expect(issues.legalForm).toMatch(/^Valore non ammesso/);
    expect(issues.website).toBe('Indirizzo web non valido (deve iniziare con http:// o https://).');
    expect(issues['sectors.0']).toMatch(/^Valore non ammesso/);
    expect(issues['communities.0']).toBe('Ogni voce di «comunità» deve avere almeno 2 caratteri.');
    const unknownPlace = await c.milano.post(api, body({ territoryCode: 'ZZ999' }));
    expect(unknownPlace.statusCode).toBe(400);
    expect(issuesOf(unknownPlace).territoryCode).toBeTruthy();
    expect(await rows()).toEqual(before);
  });

  it('keeps each council to its own: Napoli neither reads nor changes Milano’s associations', async () => {
    const a = (await c.milano.post(api, body())).json();
    const before = await rows();
    expect((await c.anon.get(api)).statusCode).toBe(401);
    expect((await c.anon.post(api, body())).statusCode).toBe(401);
    expect((await c.napoli.get(`${api}/${a.id}`)).statusCode).toBe(403);
    expect((await c.napoli.patch(`${api}/${a.id}`, { activities: 'x', version: a.version })).statusCode).toBe(403);
    expect((await c.napoli.post(`${api}/${a.id}/status`, { status: 'contacted', date: '2025-01-10', note: 'Telefonata' })).statusCode).toBe(403);
    expect((await c.napoli.post(`${api}/${a.id}/log`, { date: '2025-01-10', kind: 'note', summary: 'Nota' })).statusCode).toBe(403);
    expect((await c.napoli.get(`${api}/${a.id}/log`)).statusCode).toBe(403);
    expect((await c.napoli.get(`${api}/${a.id}/participation`)).statusCode).toBe(403);
    expect((await c.napoli.get(api)).json().items.map((x: { id: number }) => x.id)).not.toContain(a.id);
    expect((await c.napoli.post(api, body({ councilId: c.milanoCouncil }))).statusCode).toBe(403);
    expect((await campania.get(`${api}/${a.id}`)).statusCode).toBe(403);
    expect((await campania.post(`${api}/${a.id}/status`, { status: 'contacted', date: '2025-01-10', note: 'Telefonata' })).statusCode).toBe(403);
    expect((await c.lombardia.get(`${api}/${a.id}`)).statusCode).toBe(200);
    // The association's own member reads its record but neither the council's log nor its pipeline.
    expect((await c.member.get(`${api}/${c.memberOrg}`)).statusCode).toBe(200);
    expect((await c.member.get(`${api}/${c.memberOrg}/log`)).statusCode).toBe(403);
    expect((await c.member.post(`${api}/${c.memberOrg}/status`, { status: 'contacted', date: '2025-01-10', note: 'Ci siamo' })).statusCode).toBe(403);
    expect(await rows()).toEqual(before);
  });
});

describe('pipeline and log', () => {
  it('moves forward with dates and notes, logs each change, and refuses going back, repeating or odd dates', async () => {
    const a = (await c.milano.post(api, body())).json();
    const move = (status: string, date: string, note = 'Passo del percorso') => c.milano.post(`${api}/${a.id}/status`, { status, date, note });
    expect((await move('contacted', '2024-03-01', 'Prima telefonata')).json()).toMatchObject({ engagementStatus: 'contacted', statusChangedOn: '2024-03-01' });
    const before = await rows();
    const back = await move('identified', '2024-03-02');
    expect(back.statusCode).toBe(400);
    expect(issuesOf(back).status).toBe('Da «contattata» non si torna a «individuata»: il percorso va avanti (individuata → contattata → incontrata → partecipa ai lavori), oppure segna l’associazione come inattiva.');
    expect(issuesOf(await move('contacted', '2024-03-02')).status).toBe('L’associazione è già nello stato «contattata»: scegli un altro stato.');
    expect(issuesOf(await move('met', '2024-02-01')).date).toBe('La data non può precedere l’ultimo cambio di stato (2024-03-01).');
    expect(issuesOf(await move('met', '2999-01-01')).date).toBe('La data del cambio di stato non può essere nel futuro.');
    expect(issuesOf(await c.milano.post(`${api}/${a.id}/status`, { status: 'met', date: '2024-04-01', note: '' })).note).toBe('Scrivi una nota sul cambio di stato (almeno 3 caratteri).');
    expect(issuesOf(await c.milano.post(`${api}/${a.id}/status`, { status: 'joined', date: '2024-13-01', note: 'x y z' }))).toMatchObject({
      status: expect.stringMatching(/^Valore non ammesso/),
      date: 'Data non valida: usa il formato AAAA-MM-GG.',
    });
    expect(await rows()).toEqual(before);
    expect((await move('taking_part', '2024-05-10', 'Entra nel tavolo')).json().engagementStatus).toBe('taking_part');
    expect((await move('inactive', '2025-01-10', 'Sciolta')).statusCode).toBe(200);
    expect((await move('met', '2025-06-10', 'Ricostituita')).json().engagementStatus).toBe('met');
    const log = (await c.milano.get(`${api}/${a.id}/log`)).json().items;
    expect(log.filter((l: { kind: string }) => l.kind === 'status_change').map((l: { fromStatus: string; toStatus: string; date: string }) => [l.date, l.fromStatus, l.toStatus])).toEqual([
      ['2025-06-10', 'inactive', 'met'],
      ['2025-01-10', 'taking_part', 'inactive'],
      ['2024-05-10', 'contacted', 'taking_part'],
      ['2024-03-01', 'identified', 'contacted'],
    ]);
    expect(log.find((l: { summary: string }) => l.summary === 'Ricostituita')).toMatchObject({ kind: 'status_change', createdBy: 'milano' });
    expect(log.some((l: { kind: string; summary: string }) => l.kind === 'note' && l.summary === 'Associazione registrata nell’anagrafe.')).toBe(true);
  });

  it('writes contacts, meetings and notes on the log; bad input writes nothing', async () => {
    const a = (await c.milano.post(api, body())).json();
    const res = await c.tutor.get(`${api}/${a.id}/log`);
    expect(res.statusCode).toBe(200);
    const added = await c.milano.post(`${api}/${a.id}/log`, { date: '2025-02-02', kind: 'meeting', summary: 'Incontro in Prefettura' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ kind: 'meeting', date: '2025-02-02', summary: 'Incontro in Prefettura' });
    const before = await rows();
    expect(issuesOf(await c.milano.post(`${api}/${a.id}/log`, { date: '2025-02-02', kind: 'status_change', summary: 'ab' }))).toMatchObject({
      kind: expect.stringMatching(/^Valore non ammesso/),
      summary: 'Scrivi almeno 3 caratteri.',
    });
    expect(issuesOf(await c.milano.post(`${api}/${a.id}/log`, { date: '2999-02-02', kind: 'note', summary: 'Futuro' })).date).toBe('La data della voce del registro non può essere nel futuro.');
    expect(await rows()).toEqual(before);
  });
});

describe('participation', () => {
  it('counts events attended with person-hours, and questionnaires answered once each, by year; rooms not available', async () => {
    const a = (await c.milano.post(api, body())).json();
    const other = (await c.milano.post(api, body())).json();
    const course = await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardiaRegion, title: 'Corso GLL' });
    const s1 = await addSession(t, course, '2025-03-01T09:00:00Z', 3);
    const s2 = await addSession(t, course, '2025-03-08T09:00:00Z', 2);
    const r1 = await register(t, course, { organizationId: a.id, email: 'uno@a.test' });
    const r2 = await register(t, course, { organizationId: a.id, email: 'due@a.test' });
    const r3 = await register(t, course, { organizationId: other.id, email: 'tre@a.test' });
    await attend(t, s1, r1);
    await attend(t, s2, r1);
    await attend(t, s1, r2);
    await attend(t, s2, r2, false);
    await attend(t, s1, r3);
    // Absent everywhere, and a draft: neither counts.
    const absent = await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardiaRegion, kind: 'stakeholder_meeting' });
    await attend(t, await addSession(t, absent, '2025-04-01T09:00:00Z', 2), await register(t, absent, { organizationId: a.id, email: 'uno@a.test' }), false);
    const draft = await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardiaRegion, status: 'draft' });
    await attend(t, await addSession(t, draft, '2025-04-01T09:00:00Z', 2), await register(t, draft, { organizationId: a.id, email: 'uno@a.test' }));
    const day = await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardiaRegion, kind: 'migration_day', title: 'Migration Day' });
    await attend(t, await addSession(t, day, '2026-01-15T09:00:00Z', 1.5), await register(t, day, { organizationId: a.id, email: 'uno@a.test' }));
    const q1 = await makeQuestionnaire(t, { councilId: c.milanoCouncil });
    await invite(t, q1, { organizationId: a.id, sentAt: '2025-03-09T10:00:00Z', answeredAt: '2025-03-10T10:00:00Z' });
    await respond(t, q1, { organizationId: a.id, submittedAt: '2025-03-10T10:00:00Z' });
    await invite(t, q1, { organizationId: other.id, sentAt: '2025-03-09T10:00:00Z' });
    const q2 = await makeQuestionnaire(t, { councilId: c.milanoCouncil });
    await respond(t, q2, { organizationId: a.id, submittedAt: '2026-01-20T10:00:00Z' });

    const res = await c.milano.get(`${api}/${a.id}/participation`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      events: [
        { id: day, title: 'Migration Day', kind: 'migration_day', firstDate: '2026-01-15', people: 1, hours: 1.5 },
        { id: course, title: 'Corso GLL', kind: 'course', firstDate: '2025-03-01', people: 2, hours: 8 },
      ],
      byYear: [
        { year: 2026, events: 1, hours: 1.5, questionnaires: 1 },
        { year: 2025, events: 1, hours: 8, questionnaires: 1 },
      ],
      eventsAttended: 2,
      hoursAttended: 9.5,
      questionnairesAnswered: 2,
      roomsJoined: null,
      roomsAvailable: false,
    });
    expect((await c.milano.get(`${api}/${other.id}/participation`)).json()).toMatchObject({ eventsAttended: 1, hoursAttended: 3, questionnairesAnswered: 0 });
  });
});
