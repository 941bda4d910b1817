import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { defaultFormId, openCampaign } from './campaigns.fixtures.ts';

let t: TestApp;
let p: People;
let milano: Client;
let napoli: Client;
let provider: Client;
let mi: number;

interface Entry {
  key: string;
  before: unknown;
  after: unknown;
  by: { id: number; name: string } | null;
}

const history = (c: Client, query: string, lang = 'it') => c.get(`/api/v1/submissions/${mi}/history?${query}&lang=${lang}`);
const save = async (values: Record<string, unknown>) => {
  const res = await milano.put(`/api/v1/submissions/${mi}/values`, { values });
  expect(res.statusCode, res.body).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  let admin: Client;
  [admin, milano, napoli, provider] = await Promise.all([p.admin, p.milano, p.napoli, p.dataProvider].map((x) => signInAs(t, x)));
  mi = (await openCampaign(admin, await defaultFormId(t, admin), [p.ids.councilMilano, p.ids.councilNapoli])).submissionOf.get(p.ids.councilMilano) as number;
  expect((await milano.put(`/api/v1/submissions/${mi}/sections/acc/assignment`, { organizationId: p.ids.orgMilano })).statusCode).toBe(200);
  await save({ 'acc_cas_presenti.m.y18_29': 3, acc_cas_posti: 20, acc_cas_posti_diffusi: 5, gen_referente: 'Maria Rossi' });
  await save({ 'acc_cas_presenti.f.y0_17': 2 });
  await save({ 'acc_cas_presenti.m.y18_29': 5, acc_cas_posti_diffusi: null });
});
afterAll(() => t.close());

describe('GET /submissions/:id/history?item=', () => {
  it('gives the changes of an item and of all its cells, newest first, and nothing of items whose code merely starts the same', async () => {
    const cells = await history(milano, 'item=acc_cas_presenti');
    expect(cells.statusCode).toBe(200);
    expect((cells.json() as Entry[]).map((h) => [h.key, h.before, h.after])).toEqual([
      ['acc_cas_presenti.m.y18_29', 3, 5],
      ['acc_cas_presenti.f.y0_17', null, 2],
      ['acc_cas_presenti.m.y18_29', null, 3],
    ]);
    expect((cells.json() as Entry[])[0].by).toEqual({ id: p.milano.id, name: 'Maria Milano' });
    const places = (await history(milano, 'item=acc_cas_posti')).json() as Entry[];
    expect(places.map((h) => h.key)).toEqual(['acc_cas_posti']);
    const dispersed = (await history(milano, 'item=acc_cas_posti_diffusi')).json() as Entry[];
    expect(dispersed.map((h) => [h.before, h.after])).toEqual([
      [5, null],
      [null, 5],
    ]);
  });

  it('lets a data provider read the items of their sections only, and keeps other councils out', async () => {
    expect((await history(provider, 'item=acc_cas_presenti')).json()).toHaveLength(3);
    expect((await history(provider, 'item=gen_referente')).statusCode).toBe(403);
    expect((await history(napoli, 'item=acc_cas_presenti')).statusCode).toBe(403);
    expect((await client(t.app).get(`/api/v1/submissions/${mi}/history?item=acc_cas_presenti`)).statusCode).toBe(401);
  });

  it('answers 404 for an item the form does not have, or a child of a repeat, and 400 naming the parameter for a malformed one', async () => {
    expect((await history(milano, 'item=non_esiste')).statusCode).toBe(404);
    expect((await history(milano, 'item=soc_prg_titolo')).statusCode).toBe(404);
    const empty = await history(milano, 'item=');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.issues).toEqual([expect.objectContaining({ field: 'querystring.item' })]);
    const long = await history(milano, `item=${'x'.repeat(65)}`, 'en');
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details.issues[0]).toMatchObject({ field: 'querystring.item', message: expect.stringMatching(/64/) });
  });
});
