import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { events } from '../events/events.schema.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { addSession, attend, makeEvent, register } from '../participation/participation.fixtures.ts';
import { createTestUser, regionIdOf } from '../users/users.fixtures.ts';
import { workingGroupMembers, workingGroups } from './working-groups.schema.ts';

let t: TestApp;
let c: Cast;
let campania: Client;
let lombardia: number;
let campaniaRegion: number;
let personId: number;
beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
  lombardia = await regionIdOf(t, '03');
  campaniaRegion = await regionIdOf(t, '15');
  const p = await createTestUser(t, { email: 'campania@attori.test', roles: [{ role: 'regional_coordinator', scopeType: 'region', scopeId: campaniaRegion }] });
  campania = await signIn(t.app, p.email, p.password);
  personId = (await createTestUser(t, { email: 'luisa@comune.test', name: 'Luisa Comune' })).id;
});
afterAll(() => t.close());

const api = '/api/v1/working-groups';
async function rows() {
  const db = t.database.db;
  const [g] = await db.select({ n: count() }).from(workingGroups);
  const [m] = await db.select({ n: count() }).from(workingGroupMembers);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { groups: g.n, members: m.n, audit: a.n };
}
const issuesOf = (res: { json(): { error: { details: { issues: { field: string; message: string }[] } } } }) =>
  Object.fromEntries(res.json().error.details.issues.map((i) => [i.field, i.message]));
const newGroup = (who: Client, over: Record<string, unknown> = {}) => who.post(api, { name: 'GLL Milano Nord', councilId: c.milanoCouncil, area: 'Ambito di Sesto', formedOn: '2025-02-01', ...over });

describe('working groups', () => {
  it('forms a council’s group in its region, audited; edits and deletes at the version read', async () => {
    const res = await newGroup(c.tutor);
    expect(res.statusCode).toBe(201);
    const g = res.json();
    expect(g).toMatchObject({ council: { id: c.milanoCouncil }, region: { id: lombardia }, active: true, membersCount: 0, canEdit: true, version: 1 });
    expect((await c.milano.patch(`${api}/${g.id}`, { active: false })).statusCode).toBe(400);
    const edited = await c.milano.patch(`${api}/${g.id}`, { active: false, version: 1 });
    expect(edited.json()).toMatchObject({ active: false, version: 2 });
    expect((await c.milano.delete(`${api}/${g.id}?version=1`)).statusCode).toBe(409);
    expect((await c.milano.delete(`${api}/${g.id}?version=2`)).statusCode).toBe(204);
    expect((await c.milano.get(`${api}/${g.id}`)).statusCode).toBe(404);
  });

  it('forms a regional group for the region’s coordinator only', async () => {
    expect((await c.lombardia.post(api, { name: 'GLL regionale', regionId: lombardia })).json()).toMatchObject({ council: null, region: { id: lombardia } });
    expect((await c.milano.post(api, { name: 'GLL regionale 2', regionId: lombardia })).statusCode).toBe(403);
  });

  it('refuses bad input with a message per field and writes nothing', async () => {
    const before = await rows();
    const res = await c.milano.post(api, { name: 'G', formedOn: '2025-02-30', active: 'yes' });
    expect(issuesOf(res)).toMatchObject({ name: 'Scrivi almeno 3 caratteri.', formedOn: 'Data non valida: usa il formato AAAA-MM-GG.', active: expect.any(String) });
    expect(issuesOf(await c.milano.post(api, { name: 'Senza luogo' })).regionId).toBe('Scegli il consiglio territoriale o la regione del gruppo.');
    expect(issuesOf(await c.milano.post(api, { name: 'Luogo sbagliato', councilId: c.milanoCouncil, regionId: campaniaRegion })).regionId).toBe(
      'La regione non è quella del consiglio scelto: lasciala vuota o scegli quella del consiglio.',
    );
    expect(issuesOf(await c.admin.post(api, { name: 'Consiglio inesistente', councilId: 999999 })).councilId).toBe('Consiglio territoriale 999999 inesistente.');
    expect(await rows()).toEqual(before);
  });

  it('keeps each council and region to its own', async () => {
    const g = (await newGroup(c.milano)).json();
    const before = await rows();
    expect((await c.anon.get(api)).statusCode).toBe(401);
    expect((await c.anon.post(api, { name: 'Anonimo' })).statusCode).toBe(401);
    expect((await c.napoli.get(`${api}/${g.id}`)).statusCode).toBe(403);
    expect((await c.napoli.patch(`${api}/${g.id}`, { name: 'Preso', version: g.version })).statusCode).toBe(403);
    expect((await c.napoli.delete(`${api}/${g.id}?version=${g.version}`)).statusCode).toBe(403);
    expect((await c.napoli.post(`${api}/${g.id}/members`, { personName: 'Intruso', email: 'x@y.test' })).statusCode).toBe(403);
    expect((await c.napoli.post(api, { name: 'Nel consiglio altrui', councilId: c.milanoCouncil })).statusCode).toBe(403);
    expect((await campania.get(`${api}/${g.id}`)).statusCode).toBe(403);
    expect((await campania.patch(`${api}/${g.id}`, { name: 'Preso', version: g.version })).statusCode).toBe(403);
    expect((await c.napoli.get(api)).json().items.map((x: { id: number }) => x.id)).not.toContain(g.id);
    expect((await c.lombardia.get(`${api}/${g.id}`)).json().canEdit).toBe(true);
    // A data provider of a Milano organisation reads the group, without the members' e-mails, and keeps nothing.
    expect((await c.provider.get(`${api}/${g.id}`)).json().canEdit).toBe(false);
    expect((await c.provider.post(`${api}/${g.id}/members`, { personName: 'Intruso', email: 'x@y.test' })).statusCode).toBe(403);
    expect(await rows()).toEqual(before);
  });
});

describe('members, meetings and training hours', () => {
  it('adds organisations and people with roles, shows meetings and each member’s training hours', async () => {
    const g = (await newGroup(c.milano, { name: 'GLL con corso' })).json();
    const m = (body: Record<string, unknown>) => c.milano.post(`${api}/${g.id}/members`, body);
    const org = await m({ organizationId: c.memberOrg, role: 'member' });
    expect(org.statusCode).toBe(201);
    const user = (await m({ userId: personId, organizationId: c.milanoOrg, role: 'coordinator', joinedOn: '2025-02-01' })).json();
    const ext = (await m({ personName: 'Karim B.', email: 'Karim@esterno.test', role: 'facilitator' })).json();
    expect(user).toMatchObject({ user: { id: personId, name: 'Luisa Comune' }, organization: { id: c.milanoOrg }, role: 'coordinator' });

    const course = await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardia, workingGroupId: g.id, title: 'Corso 30 ore' });
    const s1 = await addSession(t, course, '2025-03-01T09:00:00Z', 3);
    const s2 = await addSession(t, course, '2025-03-08T09:00:00Z', 2.5);
    await attend(t, s1, await register(t, course, { userId: personId }));
    const karim = await register(t, course, { email: 'karim@esterno.test', fullName: 'Karim B.' });
    await attend(t, s1, karim);
    await attend(t, s2, karim);
    await attend(t, s2, await register(t, course, { organizationId: c.memberOrg, email: 'socio@ponti.test' }));
    const seeding = await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardia, workingGroupId: g.id, kind: 'seeding_meeting', title: 'Incontro di avvio' });
    await attend(t, await addSession(t, seeding, '2025-02-01T09:00:00Z', 2), await register(t, seeding, { userId: personId }));
    await makeEvent(t, { councilId: c.milanoCouncil, regionId: lombardia, workingGroupId: g.id, status: 'draft', title: 'Bozza' });

    const detail = (await c.milano.get(`${api}/${g.id}`)).json();
    expect(detail.members.map((x: { role: string; trainingHours: number; email: string | null }) => [x.role, x.trainingHours, x.email])).toEqual([
      ['coordinator', 3, null],
      ['facilitator', 5.5, 'Karim@esterno.test'],
      ['member', 2.5, null],
    ]);
    expect(detail.meetings.map((x: { title: string; sessions: number; hours: number; firstDate: string | null }) => [x.title, x.sessions, x.hours, x.firstDate])).toEqual([
      ['Corso 30 ore', 2, 5.5, '2025-03-01'],
      ['Incontro di avvio', 1, 2, '2025-02-01'],
      ['Bozza', 0, 0, null],
    ]);
    expect(detail.meetingsCount).toBe(2);
    const reader = (await c.provider.get(`${api}/${g.id}`)).json();
    expect(reader.members.map((x: { email: string | null; trainingHours: number | null }) => [x.email, x.trainingHours])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(reader.meetings.map((x: { title: string }) => x.title)).not.toContain('Bozza');

    const changed = await c.milano.patch(`${api}/${g.id}/members/${ext.id}`, { role: 'observer', leftOn: '2025-12-31' });
    expect(changed.json()).toMatchObject({ role: 'observer', leftOn: '2025-12-31', personName: 'Karim B.' });
    expect((await c.milano.delete(`${api}/${g.id}/members/${ext.id}`)).statusCode).toBe(204);
    expect((await c.milano.delete(`${api}/${g.id}/members/${ext.id}`)).statusCode).toBe(404);
    // The audit log knows an outside person was added, changed and removed, never their name or address.
    const memberAudit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'working_group_member'), eq(auditLog.entityId, String(ext.id))));
    expect(memberAudit.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
    expect(JSON.stringify(memberAudit)).not.toMatch(/Karim|esterno\.test/i);
    // Deleting the group leaves its meetings, no longer tied to it.
    const version = (await c.milano.get(`${api}/${g.id}`)).json().version;
    expect((await c.milano.delete(`${api}/${g.id}?version=${version}`)).statusCode).toBe(204);
    expect((await t.database.db.select().from(events)).find((e) => e.id === course)?.workingGroupId).toBeNull();
  });

  it('refuses members without identity, unknown ones or bad dates, writing nothing', async () => {
    const g = (await newGroup(c.milano, { name: 'GLL controlli' })).json();
    const before = await rows();
    const m = (body: Record<string, unknown>) => c.milano.post(`${api}/${g.id}/members`, body);
    expect(issuesOf(await m({ role: 'member' })).personName).toBe('Indica chi è il componente: un’organizzazione, un utente della piattaforma o nome e cognome.');
    expect(issuesOf(await m({ personName: 'Senza mail' })).email).toBe('Per una persona esterna alla piattaforma serve l’indirizzo e-mail.');
    expect(issuesOf(await m({ organizationId: 999999, userId: 999998 }))).toEqual({ organizationId: 'Organizzazione 999999 inesistente.', userId: 'Utente 999998 inesistente.' });
    expect(issuesOf(await m({ organizationId: c.memberOrg, joinedOn: '2025-05-01', leftOn: '2025-01-01' })).leftOn).toBe('La data di uscita non può precedere quella di ingresso.');
    expect(issuesOf(await m({ organizationId: c.memberOrg, role: 'chair', email: 'no' }))).toMatchObject({ role: expect.stringMatching(/^Valore non ammesso/), email: 'Indirizzo e-mail non valido.' });
    expect(await rows()).toEqual(before);
  });
});
