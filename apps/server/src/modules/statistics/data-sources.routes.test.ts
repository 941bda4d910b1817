import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { systemCtx } from '../users/users.fixtures.ts';
import { loadDataSourcesDemo } from './data-sources-demo.seed.ts';
import { dataSources } from './data-sources.schema.ts';
import { imports } from './imports.schema.ts';

let t: TestApp;
let c: Cast;
beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
  await loadDataSourcesDemo(systemCtx(t));
});
afterAll(() => t.close());

const api = '/api/v1/data-sources';

/** A valid entry; fields default to a nation-scope public CSV. */
const entry = (over: Record<string, unknown> = {}) => ({
  code: `prova-${Math.random().toString(36).slice(2, 8)}`,
  title: { it: 'Fonte di prova', en: 'Test source' },
  description: { it: 'Una base dati descritta per la prova.', en: null },
  scopeType: 'nation',
  publisherName: 'Istat',
  publisherIpaCode: 'istat',
  rightsHolderName: 'Istat',
  themes: ['SOCI'],
  spatial: ['IT'],
  frequency: 'ANNUAL',
  formats: ['CSV'],
  licenseUri: 'https://creativecommons.org/licenses/by/4.0/',
  accessRights: 'PUBLIC',
  accessUrl: 'https://esploradati.istat.it/databrowser/',
  ...over,
});

async function rows() {
  const [d] = await t.database.db.select({ n: count() }).from(dataSources);
  const [a] = await t.database.db.select({ n: count() }).from(auditLog);
  return { dataSources: d.n, audit: a.n };
}
const auditOf = (id: number) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'data_source'), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.id));
const idOf = async (code: string) => (await t.database.db.select({ id: dataSources.id }).from(dataSources).where(eq(dataSources.code, code)))[0].id;

describe('the demo inventory', () => {
  it('loads the real sources through the service, with the fixed codes the imports link to', async () => {
    const res = await c.admin.get(`${api}?pageSize=100`);
    expect(res.statusCode).toBe(200);
    const codes = res.json().items.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['istat-popstrbil1', 'ministero-cruscotto-accoglienza', 'istat-popolazione-comuni', 'ats-milano-salute-stranieri']));
    const ats = await c.admin.get(`${api}/${await idOf('ats-milano-salute-stranieri')}`);
    expect(ats.json()).toMatchObject({
      scopeType: 'council',
      council: { id: c.milanoCouncil, code: 'CTI-MI' },
      region: { code: '03' },
      publisher: { name: 'ATS della Città Metropolitana di Milano' },
      accessRights: 'RESTRICTED',
      spatial: [{ level: 'province' }],
    });
  });
});

describe('create, read, change, delete', () => {
  it('creates an entry with every field, reads it back with its ETag, and audits it', async () => {
    const res = await c.admin.post(api, entry({ code: 'istat-prova-completa', keywords: ['stranieri', 'stranieri'], spatial: ['03', 'MI', '015146'], detailLevel: 'comune', temporalStart: '2019-01-01', temporalEnd: '2023-12-31', contactEmail: 'dati@istat.it', contactName: 'Istat', issued: '2020-01-01', modified: '2024-03-01', reachability: 'reachable', reachabilityCheckedAt: '2026-11-01' }));
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      code: 'istat-prova-completa',
      title: { it: 'Fonte di prova', en: 'Test source' },
      keywords: ['stranieri'],
      spatial: [{ code: '03', name: 'Lombardia', level: 'region' }, { level: 'province' }, { code: '015146', name: 'Milano', level: 'comune' }],
      publisher: { organizationId: null, name: 'Istat', ipaCode: 'istat' },
      languages: ['ITA'],
      reachability: 'reachable',
      canEdit: true,
      version: 1,
    });
    const got = await c.admin.get(`${api}/${d.id}`);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(d);
    const [a] = await auditOf(d.id);
    expect(a).toMatchObject({ action: 'create', actorEmail: 'admin@attori.test', before: null });
  });

  it('replaces an entry at the version read (If-Match), refuses a stale version, and deletes', async () => {
    const d = (await c.milano.post(api, entry({ scopeType: 'council', councilId: c.milanoCouncil }))).json();
    const put = await c.milano.put(`${api}/${d.id}`, entry({ code: d.code, scopeType: 'council', councilId: c.milanoCouncil, frequency: 'MONTHLY' }), { 'if-match': '"1"' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ frequency: 'MONTHLY', version: 2 });
    expect(put.headers.etag).toBe('"2"');
    const stale = await c.milano.put(`${api}/${d.id}`, { ...entry({ code: d.code, scopeType: 'council', councilId: c.milanoCouncil }), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const noVersion = await c.milano.delete(`${api}/${d.id}`);
    expect(noVersion.statusCode).toBe(400);
    expect((await c.milano.delete(`${api}/${d.id}?version=2`)).statusCode).toBe(204);
    expect((await c.admin.get(`${api}/${d.id}`)).statusCode).toBe(404);
    expect((await auditOf(d.id)).map((a) => a.action)).toEqual(['delete', 'update', 'create']);
  });

  it('filters by text, theme, scope, access and frequency', async () => {
    const q = async (s: string) => (await c.admin.get(`${api}?${s}`)).json().items.map((d: { code: string }) => d.code);
    expect(await q('q=bilancio')).toContain('istat-popstrbil1');
    expect(await q('theme=HEAL')).toEqual(['ats-milano-salute-stranieri']);
    expect(await q('scope=region')).toEqual(['orim-lombardia']);
    expect(await q('access=RESTRICTED')).toEqual(['ats-milano-salute-stranieri']);
    expect(await q('frequency=IRREG')).toEqual(['ministero-cruscotto-accoglienza']);
    const page = (await c.admin.get(`${api}?pageSize=2&page=2`)).json();
    expect(page).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
  });

  it('keeps an entry that imports refer to, and lists those imports', async () => {
    const id = await idOf('istat-popolazione-comuni');
    await t.database.db.insert(imports).values({ kind: 'table', fileName: 'comuni.csv', fileSha256: 'x'.repeat(64), dataSourceId: id, status: 'applied', counts: { rows: 10, new: 10 } });
    const list = await c.milano.get(`${api}/${id}/imports`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ fileName: 'comuni.csv', status: 'applied', counts: { rows: 10, new: 10 }, createdBy: null })]);
    const del = await c.admin.delete(`${api}/${id}?version=1`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toBe('Questa base dati non si può eliminare: 1 importazioni vi fanno riferimento.');
  });
});

describe('bad input', () => {
  it('names every wrong field at once, in Italian, and writes nothing', async () => {
    const before = await rows();
    const res = await c.admin.post(api, entry({ code: 'X', title: { it: '' }, themes: [], formats: ['DOC'], frequency: 'SOMETIMES', contactEmail: 'no', landingPage: 'ftp://x', rightsHolderName: '', extra: 1 }));
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'title.it', 'themes', 'formats.0', 'frequency', 'contactEmail', 'landingPage', 'rightsHolderName', 'extra']));
    const byField = Object.fromEntries(res.json().error.details.issues.map((i: { field: string; message: string }) => [i.field, i.message]));
    expect(byField.themes).toBe('Scegli almeno un tema.');
    expect(byField.landingPage).toBe('Indirizzo web non valido (deve iniziare con http:// o https://).');
    expect(await rows()).toEqual(before);
  });

  it('checks the rules that need the database, in English when asked, and writes nothing', async () => {
    const before = await rows();
    const res = await c.admin.post(`${api}?lang=en`, entry({ code: 'istat-popstrbil1', scopeType: 'region', regionCode: 'MI', spatial: ['IT', 'ZZ9'], publisherName: null, temporalStart: '2020-01-01', temporalEnd: '2019-01-01', issued: '2020-01-01', modified: '2019-01-01' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      { field: 'regionCode', code: 'region_expected', message: 'MI is not the code of a region.' },
      { field: 'publisherName', code: 'data_source_publisher_required', message: 'State the publisher: choose an organisation or write its name.' },
      { field: 'spatial.1', code: 'territory_not_found', message: 'No such territory: ZZ9.' },
      { field: 'temporalEnd', code: 'data_source_end_before_start', message: 'The end of the temporal coverage is before its start.' },
      { field: 'modified', code: 'data_source_modified_before_issued', message: 'The modification date is before the issue date.' },
      { field: 'code', code: 'data_source_code_taken', message: 'Code istat-popstrbil1 is already used by another data source.' },
    ]);
    const council = await c.admin.post(api, entry({ scopeType: 'council', councilId: 99999, publisherOrganizationId: c.napoliOrg }));
    expect(council.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['councilId']);
    // A publisher organisation out of the caller's scope is reported as missing.
    const foreign = await c.milano.post(api, entry({ scopeType: 'council', councilId: c.milanoCouncil, publisherOrganizationId: c.napoliOrg }));
    expect(foreign.json().error.details.issues).toEqual([{ field: 'publisherOrganizationId', code: 'data_source_publisher_not_found', message: `Organizzazione inesistente o fuori dal tuo ambito: ${c.napoliOrg}.` }]);
    expect(await rows()).toEqual(before);
  });
});

describe('who reads and who changes', () => {
  it('refuses anonymous callers with 401 everywhere but the public catalogue', async () => {
    expect((await c.anon.get(api)).statusCode).toBe(401);
    expect((await c.anon.post(api, { code: 'x' })).statusCode).toBe(401);
    expect((await c.anon.get(`${api}/${await idOf('istat-popstrbil1')}`)).statusCode).toBe(401);
    expect((await c.anon.get(`${api}/${await idOf('istat-popstrbil1')}/imports`)).statusCode).toBe(401);
  });

  it('keeps one council out of another council’s entries: no reading, changing or deleting', async () => {
    const ats = await idOf('ats-milano-salute-stranieri');
    const before = await rows();
    expect((await c.napoli.get(`${api}/${ats}`)).statusCode).toBe(403);
    expect((await c.napoli.get(`${api}/${ats}/imports`)).statusCode).toBe(403);
    expect((await c.napoli.put(`${api}/${ats}`, { ...entry({ code: 'ats-milano-salute-stranieri' }), version: 1 })).statusCode).toBe(403);
    expect((await c.napoli.delete(`${api}/${ats}?version=1`)).statusCode).toBe(403);
    expect((await c.napoli.post(api, entry({ scopeType: 'council', councilId: c.milanoCouncil }))).statusCode).toBe(403);
    const napoliCodes = (await c.napoli.get(`${api}?pageSize=100`)).json().items.map((d: { code: string }) => d.code);
    expect(napoliCodes).not.toContain('ats-milano-salute-stranieri');
    expect(napoliCodes).not.toContain('orim-lombardia');
    expect(napoliCodes).toContain('istat-popstrbil1');
    expect(await rows()).toEqual(before);
  });

  it('lets each role read its scope and the nation’s, and change only its own scope', async () => {
    const codesOf = async (who: keyof Cast) => ((await (c[who] as Cast['admin']).get(`${api}?pageSize=100`)).json().items as { code: string; canEdit: boolean }[]);
    const milano = await codesOf('milano');
    expect(milano.map((d) => d.code)).toEqual(expect.arrayContaining(['ats-milano-salute-stranieri', 'orim-lombardia', 'istat-popstrbil1']));
    expect(milano.find((d) => d.code === 'istat-popstrbil1')?.canEdit).toBe(false);
    expect(milano.find((d) => d.code === 'ats-milano-salute-stranieri')?.canEdit).toBe(true);
    expect(milano.find((d) => d.code === 'orim-lombardia')?.canEdit).toBe(false);
    const lombardia = await codesOf('lombardia');
    expect(lombardia.find((d) => d.code === 'ats-milano-salute-stranieri')?.canEdit).toBe(true);
    expect(lombardia.find((d) => d.code === 'orim-lombardia')?.canEdit).toBe(true);
    const provider = await codesOf('provider');
    expect(provider.every((d) => !d.canEdit)).toBe(true);
    expect(provider.map((d) => d.code)).not.toContain('ats-milano-salute-stranieri');

    const before = await rows();
    expect((await c.milano.post(api, entry())).statusCode).toBe(403);
    expect((await c.milano.post(api, entry({ scopeType: 'region', regionCode: '03' }))).statusCode).toBe(403);
    expect((await c.lombardia.post(api, entry({ scopeType: 'region', regionCode: '15' }))).statusCode).toBe(403);
    expect((await c.provider.post(api, entry())).statusCode).toBe(403);
    expect((await c.member.post(api, entry())).statusCode).toBe(403);
    const nation = await idOf('istat-popstrbil1');
    expect((await c.lombardia.put(`${api}/${nation}`, { ...entry({ code: 'istat-popstrbil1' }), version: 1 })).statusCode).toBe(403);
    expect(await rows()).toEqual(before);

    const tutorEntry = await c.tutor.post(api, entry({ scopeType: 'council', councilId: c.milanoCouncil }));
    expect(tutorEntry.statusCode).toBe(201);
    const regional = await c.lombardia.post(api, entry({ scopeType: 'region', regionCode: 'ITC4' }));
    expect(regional.statusCode).toBe(201);
    expect(regional.json().region).toMatchObject({ code: '03' });
    // A coordinator may not move a regional entry out of the region.
    const moved = await c.lombardia.put(`${api}/${regional.json().id}`, { ...entry({ code: regional.json().code, scopeType: 'region', regionCode: '15' }), version: 1 });
    expect(moved.statusCode).toBe(403);
  });
});

describe('the DCAT-AP_IT catalogue', () => {
  it('serves the public entries alone as JSON-LD, without sign-in', async () => {
    const res = await c.anon.get(`${api}/catalog.jsonld`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    const catalog = JSON.parse(res.body);
    expect(catalog['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', dcatapit: 'http://dati.gov.it/onto/dcatapit#' });
    expect(catalog['@type']).toContain('dcatapit:Catalog');
    for (const p of ['dct:title', 'dct:description', 'dct:publisher', 'dct:modified', 'dcat:dataset']) expect(catalog).toHaveProperty([p]);
    const ids = catalog['dcat:dataset'].map((d: Record<string, string>) => d['dct:identifier']);
    expect(ids).toContain('m_it:istat-popstrbil1');
    expect(ids).not.toContain('m_it:ats-milano-salute-stranieri');
    const d = catalog['dcat:dataset'].find((x: Record<string, string>) => x['dct:identifier'] === 'm_it:istat-popstrbil1');
    expect(d['@type']).toContain('dcatapit:Dataset');
    for (const p of ['dct:title', 'dct:description', 'dct:modified', 'dcat:theme', 'dct:rightsHolder', 'dct:accrualPeriodicity', 'dct:publisher', 'dcat:distribution', 'dct:spatial', 'dct:temporal', 'dct:language']) {
      expect(d).toHaveProperty([p]);
    }
    expect(d['dct:publisher']).toMatchObject({ 'dct:identifier': 'istat', 'foaf:name': 'Istituto Nazionale di Statistica (Istat)' });
    expect(d['dcat:theme']).toEqual([{ '@id': 'http://publications.europa.eu/resource/authority/data-theme/SOCI' }, { '@id': 'http://publications.europa.eu/resource/authority/data-theme/REGI' }]);
    expect(d['dct:accrualPeriodicity']).toEqual({ '@id': 'http://publications.europa.eu/resource/authority/frequency/ANNUAL' });
    expect(d['dcat:distribution'][0]).toMatchObject({
      'dct:format': { '@id': 'http://publications.europa.eu/resource/authority/file-type/SDMX' },
      'dcat:accessURL': { '@id': 'https://esploradati.istat.it/databrowser/' },
      'dct:license': { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
    });
  });
});
