import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/mail/mail.schema.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { createTestUser } from '../users/users.fixtures.ts';
import { countEventRows, EVENTS, eventBody, makePublishedEvent } from './events.fixtures.ts';

let t: TestApp;
let c: Cast;
let userId: number;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://mosaico.example.it' });
  c = await setUpCast(t);
  userId = (await createTestUser(t, { email: 'Invitata@Eventi.test', name: 'Invitata', roles: [] })).id;
});
afterAll(() => t.close());

describe('invitations', () => {
  it('mails each address once, in Italian, with the event’s details and link, and records who was invited', async () => {
    const e = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil, { title: 'Migration Day Milano', kind: 'migration_day' }), 2);
    const res = await c.milano.post(`${EVENTS}/${e.id}/invitations`, { emails: ['amina@esterni.test', 'invitata@eventi.test', 'AMINA@esterni.test'], userIds: [userId], message: 'Vi aspettiamo numerosi.' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ sent: 2 });
    const mails = await t.database.db.select().from(outbox).orderBy(desc(outbox.id)).limit(2);
    expect(mails.map((m) => m.to).sort()).toEqual(['amina@esterni.test', 'invitata@eventi.test']);
    const body = mails[0].body;
    expect(mails[0].subject).toBe('Invito: Migration Day Milano');
    expect(body).toContain('ti invitiamo a partecipare a: «Migration Day Milano».');
    expect(body).toContain('Vi aspettiamo numerosi.');
    expect(body).toContain('Migration Day: «Migration Day Milano»');
    expect(body).toContain('Sessioni (2):');
    expect(body).toContain('- sabato 2 marzo 2030, 09:00–13:00 «Modulo 1» — Prefettura di Milano, Sala Consiglio');
    expect(body).toContain(`Per i dettagli e per iscriverti: https://mosaico.example.it/eventi/${e.id}`);
    const list = (await c.milano.get(`${EVENTS}/${e.id}/invitations`)).json().items;
    expect(list.map((i: { email: string; user: unknown }) => [i.email, i.user])).toEqual(
      expect.arrayContaining([['invitata@eventi.test', { id: userId, name: 'Invitata' }], ['amina@esterni.test', null]]),
    );
    expect((await c.member.get(`${EVENTS}/${e.id}/invitations`)).statusCode).toBe(403);
  });

  it('refuses a draft, no recipients, bad addresses and unknown users, writing and mailing nothing', async () => {
    const draft = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil), 1, false);
    const e = await makePublishedEvent(c.milano, eventBody(c.milanoCouncil));
    const before = await countEventRows(t);
    const onDraft = await c.milano.post(`${EVENTS}/${draft.id}/invitations`, { emails: ['a@esterni.test'] });
    expect(onDraft.statusCode).toBe(409);
    expect(onDraft.json().error.message).toBe('Pubblica l’evento prima di invitare: chi riceve l’invito deve poterlo vedere.');
    const issues = async (body: unknown) => {
      const res = await c.milano.post(`${EVENTS}/${e.id}/invitations`, body);
      expect(res.statusCode).toBe(400);
      return res.json().error.details.issues.map((i: { field: string; message: string }) => [i.field, i.message]);
    };
    expect(await issues({})).toEqual([['emails', 'Indica almeno un indirizzo e-mail o un utente da invitare.']]);
    expect(await issues({ emails: ['non-valida'], userIds: [0], message: 'x'.repeat(2001) })).toEqual([
      ['emails.0', 'Indirizzo e-mail non valido.'],
      ['userIds.0', 'Il valore minimo è 1.'],
      ['message', 'Al massimo 2000 caratteri.'],
    ]);
    expect(await issues({ userIds: [999999] })).toEqual([['userIds', 'Utente 999999 inesistente.']]);
    expect(await countEventRows(t)).toEqual(before);
  });
});
