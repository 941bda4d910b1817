import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { councilIdOf } from '../users/users.fixtures.ts';
import { type Cast, countRows, makeOrganization, setUpCast } from './organizations.fixtures.ts';

let t: TestApp;
let c: Cast;
beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
});
afterAll(() => t.close());

const api = '/api/v1/organizations';
const auditOf = async (id: number) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'organization'), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.id));

describe('create and read', () => {
  it('registers an organisation to the council covering its territory, given by any code', async () => {
    const res = await c.milano.post(api, {
      name: '  Comune di Rho ',
      kind: 'municipality',
      territoryCode: '015182',
      collectionStatus: 'identified',
      email: 'protocollo@comune.rho.mi.it',
      website: 'https://www.comune.rho.mi.it',
      phone: '02 93321',
      taxCode: '',
    });
    expect(res.statusCode).toBe(201);
    const o = res.json();
    expect(o).toMatchObject({
      name: 'Comune di Rho',
      territory: { code: '015182', name: 'Rho', level: 'comune' },
      council: { id: c.milanoCouncil, code: 'CTI-MI' },
      region: { code: '03', name: 'Lombardia' },
      collectionStatus: 'identified',
      taxCode: null,
      version: 1,
    });
    const got = await c.milano.get(`${api}/${o.id}`);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(o);
    const [entry] = await auditOf(o.id);
    expect(entry).toMatchObject({ action: 'create', actorEmail: 'milano@attori.test', councilId: c.milanoCouncil, before: null });
    expect(entry.after).toMatchObject({ name: 'Comune di Rho', council: { code: 'CTI-MI' } });

    for (const [code, expected] of [
      ['MI', '215'],
      ['ITC4C', '215'],
      ['na', '263'],
    ]) {
      const r = await c.admin.post(api, { name: `Ufficio ${code}`, kind: 'other', territoryCode: code });
      expect(r.statusCode).toBe(201);
      expect(r.json().territory.code).toBe(expected);
    }
  });

  it('refuses a council that does not cover the territory, and an unknown territory, naming the field', async () => {
    const before = await countRows(t);
    const mismatch = await c.admin.post(api, { name: 'Sbagliato', kind: 'other', territoryCode: '015146', councilId: c.napoliCouncil });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details.issues).toEqual([
      { field: 'councilId', code: 'council_territory_mismatch', message: 'Il territorio 015146 non è coperto dal consiglio CTI-NA.' },
    ]);
    const unknown = await c.admin.post(`${api}?lang=en`, { name: 'Sbagliato', kind: 'other', territoryCode: 'ZZ999', councilId: 99999 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues).toEqual([{ field: 'territoryCode', code: 'territory_not_found', message: 'No such territory: ZZ999.' }]);
    const noCouncil = await c.admin.post(api, { name: 'Sbagliato', kind: 'other', territoryCode: '015146', councilId: 99999 });
    expect(noCouncil.json().error.details.issues[0]).toMatchObject({ field: 'councilId', message: 'Consiglio territoriale inesistente: 99999.' });
    expect(await countRows(t)).toEqual(before);
  });

  it('keeps one name per council: a second one is a conflict', async () => {
    const res = await c.milano.post(api, { name: 'questura di milano', kind: 'police_headquarters', territoryCode: 'MI' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'organization_exists', message: `Esiste già l’attore «Questura di Milano» nello stesso consiglio (n. ${c.milanoOrg}).` });
    // The same name in another council is another organisation.
    expect((await c.admin.post(api, { name: 'Questura di Milano', kind: 'police_headquarters', territoryCode: 'NA' })).statusCode).toBe(201);
  });
});

describe('bad input changes nothing and names every field', () => {
  const bad = {
    name: 'A',
    kind: 'planet',
    territoryCode: '',
    email: 'non-una-mail',
    website: 'ftp://sito',
    phone: 'chiamami',
    taxCode: '123',
    collectionStatus: 'maybe',
    contactperson: 'typo',
  };

  it('on create, in Italian', async () => {
    const before = await countRows(t);
    const res = await c.milano.post(api, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Alcuni dati non sono validi: correggi i campi indicati.');
    const byField = Object.fromEntries(res.json().error.details.issues.map((i: { field: string; message: string }) => [i.field, i.message]));
    expect(byField).toEqual({
      name: 'Scrivi almeno 2 caratteri.',
      kind: expect.stringMatching(/^Valore non ammesso: scegli tra prefecture, region, municipality/),
      territoryCode: 'Scrivi almeno 2 caratteri.',
      email: 'Indirizzo e-mail non valido.',
      website: 'Indirizzo web non valido (deve iniziare con http:// o https://).',
      phone: 'Numero di telefono non valido.',
      taxCode: 'Codice fiscale o partita IVA non valido (11 cifre o 16 caratteri).',
      collectionStatus: 'Valore non ammesso: scegli tra contributing, identified, new, inactive.',
      contactperson: 'Campo non previsto: contactperson.',
    });
    expect(await countRows(t)).toEqual(before);
  });

  it('on create, in English', async () => {
    const res = await c.milano.post(api, bad, { 'accept-language': 'en-GB,en;q=0.9' });
    const byField = Object.fromEntries(res.json().error.details.issues.map((i: { field: string; message: string }) => [i.field, i.message]));
    expect(res.json().error.message).toBe('Some data is not valid: fix the fields listed.');
    expect(byField).toMatchObject({ name: 'Write at least 2 characters.', phone: 'Invalid phone number.', taxCode: 'Invalid tax code (11 digits or 16 characters).' });
  });

  it('on patch', async () => {
    const o = await makeOrganization(t);
    const before = await countRows(t);
    const res = await c.milano.patch(`${api}/${o.id}`, { name: null, email: 'x@', version: o.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      { field: 'name', code: 'invalid_type', message: 'Campo obbligatorio.' },
      { field: 'email', code: 'invalid_format', message: 'Indirizzo e-mail non valido.' },
    ]);
    const wrongTerritory = await c.milano.patch(`${api}/${o.id}`, { territoryCode: 'XX1', version: o.version });
    expect(wrongTerritory.json().error.details.issues[0]).toMatchObject({ field: 'territoryCode', message: 'Territorio inesistente: XX1.' });
    expect(await countRows(t)).toEqual(before);
    expect((await c.milano.get(`${api}/${o.id}`)).json().version).toBe(o.version);
  });

  it('on the contact log', async () => {
    const before = await countRows(t);
    const res = await c.milano.post(`${api}/${c.milanoOrg}/contacts`, { date: '2026-02-30', kind: 'call', summary: 'ok', extra: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues.map((i: { field: string; message: string }) => `${i.field}: ${i.message}`)).toEqual([
      'date: Data non valida: usa il formato AAAA-MM-GG.',
      'kind: Valore non ammesso: scegli tra contact, meeting, agreement, other.',
      'summary: Scrivi almeno 3 caratteri.',
      'extra: Campo non previsto: extra.',
    ]);
    const en = await c.milano.post(`${api}/${c.milanoOrg}/contacts?lang=en`, { kind: 'meeting' });
    expect(en.json().error.details.issues.map((i: { field: string; message: string }) => `${i.field}: ${i.message}`)).toEqual([
      'date: Required field.',
      'summary: Required field.',
    ]);
    expect((await c.milano.post(`${api}/abc/contacts`, { date: '2026-01-01', kind: 'meeting', summary: 'Incontro' })).statusCode).toBe(400);
    expect(await countRows(t)).toEqual(before);
  });

  it('on list filters', async () => {
    const res = await c.admin.get(`${api}?kind=planet&pageSize=0&region=MI`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['querystring.kind', 'querystring.pageSize']);
    const region = await c.admin.get(`${api}?region=MI`);
    expect(region.json().error.details.issues).toEqual([{ field: 'querystring.region', code: 'region_expected', message: 'MI non è il codice di una regione.' }]);
  });
});

describe('versions: concurrent edits never overwrite each other', () => {
  it('requires the version read, from the body or If-Match', async () => {
    const o = await makeOrganization(t);
    const missing = await c.milano.patch(`${api}/${o.id}`, { notes: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'version_required', message: 'Indica la versione che stai modificando (campo version o intestazione If-Match).' });
    const viaHeader = await c.milano.patch(`${api}/${o.id}`, { notes: 'via If-Match' }, { 'if-match': `"${o.version}"` });
    expect(viaHeader.statusCode).toBe(200);
    expect(viaHeader.headers.etag).toBe(`"${o.version + 1}"`);
  });

  it('refuses the second of two edits made from the same version, saying the current one', async () => {
    const o = await makeOrganization(t);
    const first = await c.milano.patch(`${api}/${o.id}`, { collectionStatus: 'contributing', version: o.version });
    expect(first.statusCode).toBe(200);
    const second = await c.lombardia.patch(`${api}/${o.id}`, { collectionStatus: 'inactive', version: o.version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: o.version + 1 } });
    expect(second.json().error.message).toContain('versione attuale 2');
    expect((await c.admin.get(`${api}/${o.id}`)).json().collectionStatus).toBe('contributing');
  });

  it('does not count a save without changes as an edit', async () => {
    const o = await makeOrganization(t);
    const audits = (await auditOf(o.id)).length;
    const res = await c.milano.patch(`${api}/${o.id}`, { name: o.name, kind: o.kind, version: o.version });
    expect(res.json().version).toBe(o.version);
    expect((await auditOf(o.id)).length).toBe(audits);
  });

  it('deletes only the version read, keeping the before image in the audit', async () => {
    const o = await makeOrganization(t, { name: 'CPIA Milano 5' });
    await c.milano.post(`${api}/${o.id}/contacts`, { date: '2026-01-15', kind: 'agreement', summary: 'Protocollo d’intesa firmato' });
    expect((await c.milano.delete(`${api}/${o.id}`)).json().error.code).toBe('version_required');
    expect((await c.milano.delete(`${api}/${o.id}`, { 'if-match': '"7"' })).statusCode).toBe(409);
    const before = await countRows(t);
    expect((await c.milano.delete(`${api}/${o.id}`, { 'if-match': `"${o.version}"` })).statusCode).toBe(204);
    const after = await countRows(t);
    expect(after).toEqual({ organizations: before.organizations - 1, contacts: before.contacts - 1, audit: before.audit + 1 });
    const [entry] = await auditOf(o.id);
    expect(entry).toMatchObject({ action: 'delete', actorEmail: 'milano@attori.test', after: null });
    expect(entry.before).toMatchObject({ name: 'CPIA Milano 5', contacts: [{ kind: 'agreement', summary: 'Protocollo d’intesa firmato' }] });
  });

  it('keeps an organisation whose members still hold roles in it', async () => {
    const v = (await c.admin.get(`${api}/${c.providerOrg}`)).json().version;
    const res = await c.admin.delete(`${api}/${c.providerOrg}?version=${v}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Impossibile eliminare: ci sono utenti con un ruolo in questo attore (ruoli: 1); revocali prima.');
  });
});

describe('audit of changes', () => {
  it('records who changed what, before and after', async () => {
    const o = await makeOrganization(t, { name: 'CGIL Milano', collectionStatus: 'identified' });
    await c.lombardia.patch(`${api}/${o.id}`, { collectionStatus: 'contributing', contactPerson: 'Ufficio migranti', version: o.version });
    const [entry] = await auditOf(o.id);
    expect(entry).toMatchObject({ action: 'update', actorEmail: 'lombardia@attori.test', organizationId: o.id, councilId: c.milanoCouncil });
    expect(entry.before).toMatchObject({ collectionStatus: 'identified', contactPerson: null, version: 1 });
    expect(entry.after).toMatchObject({ collectionStatus: 'contributing', contactPerson: 'Ufficio migranti', version: 2 });
  });
});

describe('contact log', () => {
  it('lists contacts newest first with who recorded them', async () => {
    const o = await makeOrganization(t);
    for (const [date, kind, summary] of [
      ['2025-11-10', 'contact', 'Prima telefonata al segretario'],
      ['2026-02-03', 'agreement', 'Accordo per la trasmissione annuale dei dati'],
      ['2025-12-01', 'meeting', 'Incontro al tavolo del consiglio'],
    ]) {
      const res = await c.milano.post(`${api}/${o.id}/contacts`, { date, kind, summary });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ organizationId: o.id, date, kind, summary, createdBy: 'milano' });
    }
    const list = (await c.tutor.get(`${api}/${o.id}/contacts`)).json().items;
    expect(list.map((x: { date: string }) => x.date)).toEqual(['2026-02-03', '2025-12-01', '2025-11-10']);
  });
});

describe('search, filters, sort and pages', () => {
  let torino: number;
  beforeAll(async () => {
    torino = await councilIdOf(t, 'CTI-TO');
    const rows: [string, 'union' | 'municipality' | 'third_sector', 'new' | 'contributing'][] = [
      ['Comune di Torino', 'municipality', 'contributing'],
      ['Comune di Moncalieri', 'municipality', 'new'],
      ['CISL Torino', 'union', 'new'],
      ['Cooperativa Sociale Aurora', 'third_sector', 'contributing'],
      ['UIL Piemonte 50% (sede)', 'union', 'contributing'],
    ];
    for (const [name, kind, collectionStatus] of rows) await makeOrganization(t, { name, kind, collectionStatus, territoryCode: 'TO' });
  });
  const names = async (query: string) => {
    const res = await c.admin.get(`${api}?councilId=${torino}&${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('sorts by name either way, and by last change', async () => {
    expect((await names('')).items.map((o: { name: string }) => o.name)).toEqual([
      'CISL Torino',
      'Comune di Moncalieri',
      'Comune di Torino',
      'Cooperativa Sociale Aurora',
      'UIL Piemonte 50% (sede)',
    ]);
    expect((await names('sort=-name')).items[0].name).toBe('UIL Piemonte 50% (sede)');
    const o = (await names('q=Aurora')).items[0];
    await c.admin.patch(`${api}/${o.id}`, { notes: 'aggiornato', version: o.version });
    expect((await names('sort=-updatedAt')).items[0].name).toBe('Cooperativa Sociale Aurora');
    expect((await names('sort=updatedAt')).items[4].name).toBe('Cooperativa Sociale Aurora');
  });

  it('filters by text, kind, status and region', async () => {
    expect((await names('q=comune')).total).toBe(2);
    expect((await names('q=50%25')).items.map((o: { name: string }) => o.name)).toEqual(['UIL Piemonte 50% (sede)']);
    expect((await names('kind=union&status=contributing')).items.map((o: { name: string }) => o.name)).toEqual(['UIL Piemonte 50% (sede)']);
    expect((await names('region=01')).total).toBe(5);
    expect((await names('region=03')).total).toBe(0);
    expect((await names('region=ITC1')).total).toBe(5);
  });

  it('pages with a total', async () => {
    const p2 = await names('pageSize=2&page=2');
    expect(p2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(p2.items.map((o: { name: string }) => o.name)).toEqual(['Comune di Torino', 'Cooperativa Sociale Aurora']);
    expect((await names('pageSize=2&page=4')).items).toEqual([]);
  });
});

describe('API documentation', () => {
  it('documents every organisation route with a summary under the organizations tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ops = Object.entries(doc.paths as Record<string, Record<string, { tags: string[]; summary: string }>>)
      .filter(([p]) => p.startsWith('/api/v1/organizations'))
      .flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ route: `${m.toUpperCase()} ${p}`, ...op })));
    expect(ops.map((o) => o.route).sort()).toEqual([
      'DELETE /api/v1/organizations/{id}',
      'GET /api/v1/organizations',
      'GET /api/v1/organizations/export.csv',
      'GET /api/v1/organizations/{id}',
      'GET /api/v1/organizations/{id}/contacts',
      'PATCH /api/v1/organizations/{id}',
      'POST /api/v1/organizations',
      'POST /api/v1/organizations/import',
      'POST /api/v1/organizations/{id}/contacts',
    ]);
    for (const op of ops) {
      expect(op.tags).toEqual(['organizations']);
      expect(op.summary.length).toBeGreaterThan(10);
    }
  });
});
