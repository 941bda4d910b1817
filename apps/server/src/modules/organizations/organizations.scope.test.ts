import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { type Cast, countRows, importCsv, makeOrganization, setUpCast, type Who } from './organizations.fixtures.ts';

let t: TestApp;
let c: Cast;
beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
});
afterAll(() => t.close());

const api = '/api/v1/organizations';
const versionOf = async (id: number) => (await c.admin.get(`${api}/${id}`)).json().version as number;

// Expected status per caller, on a Milano organisation that is nobody's own (c.milanoOrg).
type Row = [Who, number];

describe('who may do what, on a Milano organisation', () => {
  it.each<Row>([
    ['admin', 200],
    ['lombardia', 200],
    ['milano', 200],
    ['napoli', 403],
    ['tutor', 200],
    ['provider', 403],
    ['member', 403],
    ['anon', 401],
  ])('GET /organizations/:id — %s → %i', async (who, status) => {
    const res = await c[who].get(`${api}/${c.milanoOrg}`);
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().name).toBe('Questura di Milano');
    if (status === 403) expect(res.json().error.message).toBe('Non hai i permessi per questa operazione in questo ambito.');
    if (status === 401) expect(res.json().error.code).toBe('unauthenticated');
  });

  it.each<Row>([
    ['admin', 200],
    ['lombardia', 200],
    ['milano', 200],
    ['napoli', 403],
    ['tutor', 403],
    ['provider', 403],
    ['member', 403],
    ['anon', 401],
  ])('PATCH /organizations/:id — %s → %i', async (who, status) => {
    const before = await countRows(t);
    const res = await c[who].patch(`${api}/${c.milanoOrg}`, { notes: `nota di ${who}`, version: await versionOf(c.milanoOrg) });
    expect(res.statusCode).toBe(status);
    const after = await countRows(t);
    if (status === 200) {
      expect(res.json().notes).toBe(`nota di ${who}`);
      expect(after.audit).toBe(before.audit + 1);
    } else {
      expect(after).toEqual(before);
      expect((await c.admin.get(`${api}/${c.milanoOrg}`)).json().notes).not.toBe(`nota di ${who}`);
    }
  });

  it.each<Row>([
    ['admin', 204],
    ['lombardia', 204],
    ['milano', 204],
    ['napoli', 403],
    ['tutor', 403],
    ['provider', 403],
    ['member', 403],
    ['anon', 401],
  ])('DELETE /organizations/:id — %s → %i', async (who, status) => {
    const o = await makeOrganization(t, { name: `Da eliminare (${who})` });
    const res = await c[who].delete(`${api}/${o.id}?version=${o.version}`);
    expect(res.statusCode).toBe(status);
    expect((await c.admin.get(`${api}/${o.id}`)).statusCode).toBe(status === 204 ? 404 : 200);
  });

  it.each<Row>([
    ['admin', 201],
    ['lombardia', 201],
    ['milano', 201],
    ['napoli', 403],
    ['tutor', 403],
    ['provider', 403],
    ['member', 403],
    ['anon', 401],
  ])('POST /organizations in Milano — %s → %i', async (who, status) => {
    const before = await countRows(t);
    const res = await c[who].post(api, { name: `Centro per l’Impiego (${who})`, kind: 'job_centre', territoryCode: '015146' });
    expect(res.statusCode).toBe(status);
    if (status === 201) expect(res.json().council.code).toBe('CTI-MI');
    else expect(await countRows(t)).toEqual(before);
  });

  it.each<Row>([
    ['admin', 200],
    ['lombardia', 200],
    ['milano', 200],
    ['napoli', 403],
    ['tutor', 200],
    ['provider', 403],
    ['member', 403],
    ['anon', 401],
  ])('GET /organizations/:id/contacts — %s → %i', async (who, status) => {
    expect((await c[who].get(`${api}/${c.milanoOrg}/contacts`)).statusCode).toBe(status);
  });

  it.each<Row>([
    ['admin', 201],
    ['lombardia', 201],
    ['milano', 201],
    ['napoli', 403],
    ['tutor', 403],
    ['provider', 403],
    ['member', 403],
    ['anon', 401],
  ])('POST /organizations/:id/contacts — %s → %i', async (who, status) => {
    const before = await countRows(t);
    const res = await c[who].post(`${api}/${c.milanoOrg}/contacts`, { date: '2026-03-02', kind: 'meeting', summary: `Incontro (${who})` });
    expect(res.statusCode).toBe(status);
    const after = await countRows(t);
    expect(after.contacts).toBe(before.contacts + (status === 201 ? 1 : 0));
  });

  it.each<Row>([
    ['admin', 200],
    ['lombardia', 200],
    ['milano', 200],
    ['napoli', 200],
    ['tutor', 403],
    ['provider', 403],
    ['member', 403],
    ['anon', 401],
  ])('POST /organizations/import — %s → %i', async (who, status) => {
    const res = await importCsv(c[who], 'name;kind;territory_code\nSindacato di prova;union;015146\n', true);
    expect(res.statusCode).toBe(status);
    if (who === 'napoli') {
      // Napoli's referent may import, but not into Milano: the row is an error, not a silent skip.
      expect(res.json().errors).toEqual([{ line: 2, field: 'territory_code', message: 'Non hai i permessi per questa operazione in questo ambito.' }]);
    }
  });

  it('answers 404 only for ids that do not exist, whoever asks', async () => {
    for (const who of ['milano', 'napoli', 'provider'] as const) {
      expect((await c[who].get(`${api}/999999`)).statusCode).toBe(404);
      expect((await c[who].patch(`${api}/999999`, { notes: 'x', version: 1 })).statusCode).toBe(404);
      expect((await c[who].get(`${api}/999999/contacts`)).statusCode).toBe(404);
    }
    const res = await c.milano.delete(`${api}/999999?version=1`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Attore territoriale inesistente: 999999.');
  });
});

describe('what each caller sees in the list and the export', () => {
  const namesSeenBy = async (who: Who) => {
    const res = await c[who].get(`${api}?pageSize=1000`);
    expect(res.statusCode).toBe(200);
    return new Set((res.json().items as { name: string }[]).map((o) => o.name));
  };

  it('national admins see everything; coordinators their region, regional bodies included', async () => {
    const all = await namesSeenBy('admin');
    expect(all).toContain('ASL Napoli 1 Centro');
    expect(all).toContain('Regione Lombardia');
    const lomb = await namesSeenBy('lombardia');
    expect(lomb).toContain('Questura di Milano');
    expect(lomb).toContain('Regione Lombardia');
    expect(lomb).not.toContain('ASL Napoli 1 Centro');
  });

  it('council referents and tutors see their council only; members their own organisation only', async () => {
    for (const who of ['milano', 'tutor'] as const) {
      const seen = await namesSeenBy(who);
      expect(seen).toContain('Questura di Milano');
      expect(seen).not.toContain('Regione Lombardia');
      expect(seen).not.toContain('ASL Napoli 1 Centro');
    }
    expect([...(await namesSeenBy('napoli'))]).toEqual(['ASL Napoli 1 Centro']);
    expect([...(await namesSeenBy('provider'))]).toEqual(['ATS della Città Metropolitana di Milano']);
    expect([...(await namesSeenBy('member'))]).toEqual(['Associazione Ponti – Milano']);
    expect((await c.anon.get(api)).statusCode).toBe(401);
  });

  it('exports only what the caller may read', async () => {
    const res = await c.napoli.get(`${api}/export.csv`);
    expect(res.statusCode).toBe(200);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('ASL Napoli 1 Centro');
    expect((await c.anon.get(`${api}/export.csv`)).statusCode).toBe(401);
  });
});

describe('regional and national bodies', () => {
  it('a body with no council is created only by national admins and that region’s coordinators', async () => {
    const body = (name: string, territoryCode: string) => ({ name, kind: 'other', territoryCode });
    const lomb = await c.lombardia.post(api, body('Osservatorio regionale – Lombardia', '03'));
    expect(lomb.statusCode).toBe(201);
    expect(lomb.json()).toMatchObject({ council: null, region: { code: '03' }, territory: { code: '03', level: 'region' } });
    expect((await c.milano.post(api, body('Osservatorio regionale 2', '03'))).statusCode).toBe(403);
    expect((await c.lombardia.post(api, body('Osservatorio campano', '15'))).statusCode).toBe(403);
    const national = await c.admin.post(api, body('INPS – Direzione generale', 'IT'));
    expect(national.statusCode).toBe(201);
    expect(national.json()).toMatchObject({ council: null, region: null, territory: { level: 'nation' } });
    expect((await c.lombardia.get(`${api}/${national.json().id}`)).statusCode).toBe(403);
  });

  it('a Milano referent cannot move a Milano organisation to Napoli, nor to the region', async () => {
    const o = await makeOrganization(t, { name: 'Da spostare' });
    const toNapoli = await c.milano.patch(`${api}/${o.id}`, { territoryCode: '063049', version: o.version });
    expect(toNapoli.statusCode).toBe(403);
    const toRegion = await c.milano.patch(`${api}/${o.id}`, { territoryCode: '03', version: o.version });
    expect(toRegion.statusCode).toBe(403);
    const byAdmin = await c.admin.patch(`${api}/${o.id}`, { territoryCode: '063049', version: o.version });
    expect(byAdmin.json()).toMatchObject({ council: { code: 'CTI-NA' }, region: { code: '15' }, version: o.version + 1 });
  });
});

describe('members of an organisation', () => {
  it('change their own organisation’s contact details, and nothing else', async () => {
    const v = await versionOf(c.providerOrg);
    const ok = await c.provider.patch(`${api}/${c.providerOrg}`, { email: 'stranieri@ats-milano.it', phone: '+39 02 8578 1', version: v });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ email: 'stranieri@ats-milano.it', phone: '+39 02 8578 1', version: v + 1 });
    const before = await countRows(t);
    const bad = await c.provider.patch(`${api}/${c.providerOrg}`, { name: 'ATS rinominata', collectionStatus: 'inactive', email: 'x@ats.it', version: v + 1 });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().error.message).toBe(
      'Del tuo ente puoi modificare solo i recapiti (e-mail, telefono, sito web, indirizzo, referente), non: name, collectionStatus.',
    );
    expect(await countRows(t)).toEqual(before);
    // Sending the whole form back with other fields unchanged is fine.
    const form = (await c.provider.get(`${api}/${c.providerOrg}`)).json();
    const again = await c.provider.patch(`${api}/${c.providerOrg}`, {
      name: form.name,
      kind: form.kind,
      territoryCode: form.territory.code,
      contactPerson: 'Dott.ssa Rossi',
      version: form.version,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().contactPerson).toBe('Dott.ssa Rossi');
  });

  it('association members keep their association’s contacts the same way', async () => {
    const v = await versionOf(c.memberOrg);
    expect((await c.member.patch(`${api}/${c.memberOrg}`, { website: 'https://ponti.example.org', version: v })).statusCode).toBe(200);
    expect((await c.member.patch(`${api}/${c.providerOrg}`, { website: 'https://ponti.example.org', version: 1 })).statusCode).toBe(403);
  });
});
