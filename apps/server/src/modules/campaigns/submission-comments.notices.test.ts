import { desc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/mail/mail.schema.ts';
import { type Client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { councilIdOf, createTestUser, type People, type Person, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { defaultFormId, openCampaign } from './campaigns.fixtures.ts';

// Who is e-mailed about a question or a reply: the nearest tutors of the council, else its referent; in a
// reply, the thread's other participants who may still read the section. Never the author.

let t: TestApp;
let p: People;
let admin: Client;
let milano: Client;
let tutor: Client;
let provider: Client;
let lombardiaTutor: Person;
let bergamoReferent: Person;
let romaReferent: Person;
let bergamo: Client;
let roma: Client;
let formId: number;
const sub: Record<string, number> = {};

/** The recipients of the mail queued by one request, sorted. */
async function recipientsOf(request: () => Promise<{ statusCode: number; body: string }>) {
  const [last] = await t.database.db.select({ id: outbox.id }).from(outbox).orderBy(desc(outbox.id)).limit(1);
  const marker = last?.id ?? 0;
  const res = await request();
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  const rows = await t.database.db.select({ to: outbox.to }).from(outbox).where(gt(outbox.id, marker));
  return rows.map((r) => r.to).sort();
}
const ask = (c: Client, council: string, itemCode = 'acc_msna_totale') => () => c.post(`/api/v1/submissions/${sub[council]}/comments`, { itemCode, body: 'Come si conta?' });
const reply = (c: Client, council: string, thread: number) => () => c.post(`/api/v1/submissions/${sub[council]}/comments/${thread}/replies`, { body: 'Risposta.' });
const sorted = (...people: Person[]) => people.map((x) => x.email).sort();

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  const bg = await councilIdOf(t, 'CTI-BG');
  const rm = await councilIdOf(t, 'CTI-RM');
  lombardiaTutor = await createTestUser(t, { name: 'Luca Lombardia', roles: [{ role: 'tutor', scopeType: 'region', scopeId: p.ids.lombardia }] });
  bergamoReferent = await createTestUser(t, { name: 'Bruna Bergamo', roles: [{ role: 'council_referent', scopeType: 'council', scopeId: bg }] });
  romaReferent = await createTestUser(t, { name: 'Rita Roma', roles: [{ role: 'council_referent', scopeType: 'council', scopeId: rm }] });
  [admin, milano, tutor, provider, bergamo, roma] = await Promise.all([p.admin, p.milano, p.tutor, p.dataProvider, bergamoReferent, romaReferent].map((x) => signInAs(t, x)));
  formId = await defaultFormId(t, admin);
  const campaign = await openCampaign(admin, formId, [p.ids.councilMilano, bg, rm]);
  Object.assign(sub, { mi: campaign.submissionOf.get(p.ids.councilMilano), bg: campaign.submissionOf.get(bg), rm: campaign.submissionOf.get(rm) });
  expect((await milano.put(`/api/v1/submissions/${sub.mi}/sections/acc/assignment`, { organizationId: p.ids.orgMilano })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('a question', () => {
  it('goes to the council’s own tutors first, not to the region’s', async () => {
    expect(await recipientsOf(ask(provider, 'mi'))).toEqual(sorted(p.tutor));
  });

  it('goes to the region’s tutors when the council has none, and never back to a tutor who asks', async () => {
    expect(await recipientsOf(ask(bergamo, 'bg'))).toEqual(sorted(lombardiaTutor));
    expect(await recipientsOf(ask(tutor, 'mi'))).toEqual(sorted(lombardiaTutor));
  });

  it('goes to the council referent when no tutor reaches the council, then to national tutors once there are some', async () => {
    const byAdmin = await recipientsOf(ask(admin, 'rm'));
    expect(byAdmin).toEqual(sorted(romaReferent));
    expect(await recipientsOf(ask(roma, 'rm'))).toEqual([]);
    const national = await createTestUser(t, { name: 'Nadia Nazionale', roles: [{ role: 'tutor', scopeType: 'nation', scopeId: null }] });
    expect(await recipientsOf(ask(roma, 'rm'))).toEqual(sorted(national));
  });
});

describe('a reply', () => {
  it('goes to the other participants of the thread, never to its author', async () => {
    const q = (await provider.post(`/api/v1/submissions/${sub.mi}/comments`, { itemCode: 'acc_cas_attivi', body: 'Contano i CAS chiusi a metà anno?' })).json();
    expect(await recipientsOf(reply(tutor, 'mi', q.id))).toEqual(sorted(p.dataProvider));
    expect(await recipientsOf(reply(milano, 'mi', q.id))).toEqual(sorted(p.dataProvider, p.tutor));
    expect(await recipientsOf(reply(provider, 'mi', q.id))).toEqual(sorted(p.milano, p.tutor));
  });

  it('from the asker alone still waits for an answer, so it goes where a question goes', async () => {
    const q = (await provider.post(`/api/v1/submissions/${sub.mi}/comments`, { itemCode: 'acc_sai_attivi', body: 'Domanda.' })).json();
    expect(await recipientsOf(reply(provider, 'mi', q.id))).toEqual(sorted(p.tutor));
  });

  it('is not sent to a participant who can no longer read the section', async () => {
    const q = (await provider.post(`/api/v1/submissions/${sub.mi}/comments`, { itemCode: 'acc_msna_totale', body: 'Domanda.' })).json();
    await recipientsOf(reply(tutor, 'mi', q.id));
    expect((await milano.put(`/api/v1/submissions/${sub.mi}/sections/acc/assignment`, { organizationId: null })).statusCode).toBe(200);
    expect(await recipientsOf(reply(milano, 'mi', q.id))).toEqual(sorted(p.tutor));
    const mail = await t.database.db.select().from(outbox).where(eq(outbox.to, p.tutor.email));
    expect(mail.at(-1)?.body).toMatch(/Maria Milano ha scritto nella discussione sulla voce «.*» \(acc_msna_totale\)/);
    expect(mail.every((m) => !m.body.includes(p.dataProvider.email) && !m.body.includes(p.milano.email))).toBe(true);
  });
});
