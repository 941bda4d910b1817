import { createHash } from 'node:crypto';
import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { type Cast, setUpCast } from '../organizations/organizations.fixtures.ts';
import { createTestUser, regionIdOf } from '../users/users.fixtures.ts';
import { form, makeDocx, makePdf, PNG_BYTES } from './library.fixtures.ts';
import { libraryDocuments, libraryDocumentVersions } from './library.schema.ts';

let t: TestApp;
let c: Cast;
let campania: Client;
let lombardiaRegion: number;
let campaniaRegion: number;
beforeAll(async () => {
  // A 1 MB limit, so the oversized case stays small.
  t = await createTestApp({ LIBRARY_MAX_UPLOAD_MB: '1' });
  c = await setUpCast(t);
  lombardiaRegion = await regionIdOf(t, '03');
  campaniaRegion = await regionIdOf(t, '15');
  const p = await createTestUser(t, { email: 'campania@attori.test', roles: [{ role: 'regional_coordinator', scopeType: 'region', scopeId: campaniaRegion }] });
  campania = await signIn(t.app, p.email, p.password);
});
afterAll(() => t.close());

const api = '/api/v1/library/documents';
const PDF = makePdf('Linee guida per la monografia provinciale');

/** Uploads a document; fields default to a Milano council guide in PDF. */
function upload(who: Client, over: Record<string, string | number | undefined> = {}, file: { name: string; content: Buffer | string } | null = { name: 'guida.pdf', content: PDF }, query = '') {
  const { body, headers } = form({ title: 'Guida alla monografia', kind: 'guide', scopeType: 'council', scopeId: c.milanoCouncil, ...over }, file ?? undefined);
  return who.post(`${api}${query}`, body, headers);
}
function uploadVersion(who: Client, id: number, fields: Record<string, string | number | undefined>, file: { name: string; content: Buffer | string } | null, headers: Record<string, string> = {}) {
  const f = form(fields, file ?? undefined);
  return who.post(`${api}/${id}/versions`, f.body, { ...f.headers, ...headers });
}

async function rows() {
  const db = t.database.db;
  const [d] = await db.select({ n: count() }).from(libraryDocuments);
  const [v] = await db.select({ n: count() }).from(libraryDocumentVersions);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { documents: d.n, versions: v.n, audit: a.n };
}
const auditOf = (id: number) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'library_document'), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.id));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('upload, versions, download, delete', () => {
  it('uploads a PDF to the council, reads it back with its ETag, and audits it', async () => {
    const res = await upload(c.milano, { description: 'Come si scrive la monografia.', year: 2024, tags: 'monografia, guida, monografia', note: 'Prima stesura' });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      kind: 'guide',
      title: 'Guida alla monografia',
      description: 'Come si scrive la monografia.',
      year: 2024,
      tags: ['monografia', 'guida'],
      scopeType: 'council',
      council: { id: c.milanoCouncil, code: 'CTI-MI' },
      region: { id: lombardiaRegion, name: 'Lombardia' },
      current: { n: 1, fileName: 'guida.pdf', fileType: 'pdf', contentType: 'application/pdf', size: PDF.length, sha256: sha(PDF), note: 'Prima stesura', uploadedBy: { name: 'milano' } },
      versionsCount: 1,
      canEdit: true,
      version: 1,
    });
    const got = await c.milano.get(`${api}/${d.id}`);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(d);
    const [a] = await auditOf(d.id);
    expect(a).toMatchObject({ action: 'create', actorEmail: 'milano@attori.test', councilId: c.milanoCouncil, regionId: lombardiaRegion });
    expect(JSON.stringify(a.after)).not.toContain('"content"');
  });

  it('downloads as an attachment of the detected type, never to be rendered or sniffed', async () => {
    const d = (await upload(c.milano, {}, { name: 'Relazione Città 2023.pdf', content: PDF })).json();
    const res = await c.milano.get(`${api}/${d.id}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(res.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(PDF.length),
      'content-disposition': `attachment; filename="Relazione Citta 2023.pdf"; filename*=UTF-8''Relazione%20Citt%C3%A0%202023.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'private, no-store',
    });
  });

  it('adds versions at the version read, lists them newest first, and serves each one', async () => {
    const d = (await upload(c.milano)).json();
    const docx = makeDocx();
    const before = await rows();
    expect((await uploadVersion(c.milano, d.id, {}, { name: 'guida-v2.docx', content: docx })).json().error.details.issues).toEqual([
      { field: 'version', code: 'required', message: 'Indica la versione che stai modificando (campo version o intestazione If-Match).' },
    ]);
    const stale = await uploadVersion(c.milano, d.id, { version: 7 }, { name: 'guida-v2.docx', content: docx });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(await rows()).toEqual(before);

    const res = await uploadVersion(c.tutor, d.id, { note: 'In formato Word' }, { name: 'guida-v2.docx', content: docx }, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ version: 2, versionsCount: 2, current: { n: 2, fileType: 'docx', fileName: 'guida-v2.docx', note: 'In formato Word', uploadedBy: { name: 'tutor' } } });
    const list = (await c.milano.get(`${api}/${d.id}/versions`)).json().items;
    expect(list.map((v: { n: number; fileType: string }) => [v.n, v.fileType])).toEqual([[2, 'docx'], [1, 'pdf']]);
    const v1 = await c.milano.get(`${api}/${d.id}/versions/1/download`);
    expect(v1.rawPayload.equals(PDF)).toBe(true);
    const latest = await c.milano.get(`${api}/${d.id}/download`);
    expect(latest.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(latest.rawPayload.equals(docx)).toBe(true);
    expect((await c.milano.get(`${api}/${d.id}/versions/3/download`)).statusCode).toBe(404);
    expect((await auditOf(d.id)).map((a) => a.action)).toEqual(['add_version', 'create']);
  });

  it('deletes a document with all its versions at the version read; the audit keeps what it was', async () => {
    const d = (await upload(c.lombardia, { scopeType: 'region', scopeId: lombardiaRegion, kind: 'template', title: 'Modello di verbale' })).json();
    expect((await c.lombardia.delete(`${api}/${d.id}`)).statusCode).toBe(400);
    expect((await c.lombardia.delete(`${api}/${d.id}?version=9`)).statusCode).toBe(409);
    expect((await c.lombardia.delete(`${api}/${d.id}`, { 'if-match': '"1"' })).statusCode).toBe(204);
    expect((await c.lombardia.get(`${api}/${d.id}`)).statusCode).toBe(404);
    expect((await c.lombardia.get(`${api}/${d.id}/download`)).statusCode).toBe(404);
    const [v] = await t.database.db.select({ n: count() }).from(libraryDocumentVersions).where(eq(libraryDocumentVersions.documentId, d.id));
    expect(v.n).toBe(0);
    const [a] = await auditOf(d.id);
    expect(a).toMatchObject({ action: 'delete', regionId: lombardiaRegion });
    expect(a.before).toMatchObject({ title: 'Modello di verbale', versions: [{ n: 1, sha256: sha(PDF) }] });
  });

  it('filters by kind, scope, year and text', async () => {
    await upload(c.admin, { scopeType: 'nation', scopeId: undefined, kind: 'data_note', title: 'Nota sui dati Istat', year: 2023, tags: 'istat' });
    const titles = async (q: string) => (await c.admin.get(`${api}?${q}`)).json().items.map((d: { title: string }) => d.title);
    expect(await titles('kind=data_note')).toEqual(['Nota sui dati Istat']);
    expect(await titles('scope=nation')).toEqual(['Nota sui dati Istat']);
    expect(await titles('year=2023')).toEqual(['Nota sui dati Istat']);
    expect(await titles('q=ISTAT')).toEqual(['Nota sui dati Istat']);
    expect(await titles('kind=data_note&year=2022')).toEqual([]);
    expect((await c.admin.get(`${api}?kind=pamphlet`)).statusCode).toBe(400);
  });
});

describe('bad input', () => {
  it('names every wrong field at once, in Italian, and writes nothing', async () => {
    const before = await rows();
    const res = await upload(c.admin, { title: undefined, description: 'x'.repeat(4001), kind: 'poster', scopeType: 'planet', year: 1850, tags: 'x', colour: 'blu' });
    expect(res.statusCode).toBe(400);
    const byField = Object.fromEntries(res.json().error.details.issues.map((i: { field: string; message: string }) => [i.field, i.message]));
    expect(Object.keys(byField)).toEqual(expect.arrayContaining(['title', 'description', 'kind', 'scopeType', 'year', 'tags.0', 'colour']));
    expect(byField.title).toBe('Campo obbligatorio.');
    expect(byField.description).toBe('Al massimo 4000 caratteri.');
    expect((await upload(c.admin, { title: 'ab' })).json().error.details.issues).toEqual([{ field: 'title', code: 'too_small', message: 'Scrivi almeno 3 caratteri.' }]);
    expect(byField.year).toBe('Il valore minimo è 1990.');
    expect(byField.colour).toBe('Campo non previsto: colour.');
    expect(await rows()).toEqual(before);
  });

  it('refuses a wrong scope with a message on the scope field', async () => {
    const before = await rows();
    const issue = async (over: Record<string, string | number | undefined>) => (await upload(c.admin, over)).json().error.details.issues[0];
    expect(await issue({ scopeType: 'council', scopeId: 99999 })).toEqual({ field: 'scopeId', code: 'library_council_not_found', message: 'Consiglio territoriale 99999 inesistente.' });
    expect(await issue({ scopeType: 'region', scopeId: c.milanoCouncil + 100000 })).toMatchObject({ field: 'scopeId', code: 'library_region_not_found' });
    expect(await issue({ scopeType: 'region', scopeId: undefined })).toMatchObject({ field: 'scopeId', message: 'Scegli la regione del documento.' });
    expect(await issue({ scopeType: 'council', scopeId: undefined })).toMatchObject({ field: 'scopeId', message: 'Scegli il consiglio territoriale del documento.' });
    expect(await issue({ scopeType: 'nation', scopeId: lombardiaRegion })).toMatchObject({ field: 'scopeId', code: 'library_scope_id_unexpected' });
    // A council's id given as a region: Milano's council id is no region territory.
    expect(await issue({ scopeType: 'region', scopeId: (await regionIdOf(t, 'MI')) })).toMatchObject({ code: 'library_region_not_found' });
    expect(await rows()).toEqual(before);
  });

  it('refuses a missing, empty, oversized, disallowed or disguised file with a clear message, and writes nothing', async () => {
    const before = await rows();
    const fileIssue = async (file: { name: string; content: Buffer | string } | null, query = '') => {
      const res = await upload(c.milano, {}, file, query);
      expect(res.statusCode).toBe(400);
      return res.json().error.details.issues[0];
    };
    expect(await fileIssue(null)).toEqual({ field: 'file', code: 'library_file_required', message: 'Allega il file del documento nel campo «file».' });
    expect(await fileIssue({ name: 'vuoto.pdf', content: Buffer.alloc(0) })).toMatchObject({ code: 'library_file_empty', message: 'Il file è vuoto: nulla è stato caricato.' });
    expect(await fileIssue({ name: 'grande.pdf', content: Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 1)]) })).toEqual({
      field: 'file',
      code: 'library_file_too_large',
      message: 'Il file supera il limite di 1 MB della documentazione: nulla è stato caricato.',
    });
    // Far over the limit, beyond the request's body limit too: the same message.
    expect((await fileIssue({ name: 'enorme.pdf', content: Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024)]) })).code).toBe('library_file_too_large');
    expect((await fileIssue({ name: 'pagina.html', content: '<html><script>alert(1)</script></html>' })).message).toBe(
      'I file .html non sono ammessi nella documentazione: carica un file pdf, docx, xlsx, pptx, odt, ods, csv, txt, png, jpg. Nulla è stato caricato.',
    );
    expect(await fileIssue({ name: 'logo.svg', content: '<svg xmlns="http://www.w3.org/2000/svg"/>' })).toMatchObject({ code: 'library_type_not_allowed' });
    expect(await fileIssue({ name: 'script.js', content: 'alert(1)' })).toMatchObject({ code: 'library_type_not_allowed' });
    expect((await fileIssue({ name: 'finta.pdf', content: PNG_BYTES })).message).toBe(
      'Il contenuto del file non corrisponde all’estensione .pdf (sembra di tipo PNG): salvalo nel formato giusto e riprova. Nulla è stato caricato.',
    );
    expect(await fileIssue({ name: 'nota.txt', content: 'Nota\n<script>alert(1)</script>' })).toMatchObject({ code: 'library_markup' });
    expect(await fileIssue({ name: '../../etc/passwd', content: 'root:x:0:0:root:/root:/bin/bash\n' })).toMatchObject({ code: 'library_file_no_extension' });
    expect((await fileIssue({ name: 'finta.pdf', content: PNG_BYTES }, '?lang=en')).message).toBe(
      'The file’s content does not match its .pdf extension (it looks like PNG): save it in the right format and try again. Nothing was uploaded.',
    );
    expect(await rows()).toEqual(before);
  });

  it('keeps only the last segment of a path-like name, without control characters', async () => {
    const res = await upload(c.milano, {}, { name: '..\\..\\..\\Windows\\guida\u0007 finale.pdf', content: PDF });
    expect(res.statusCode).toBe(201);
    expect(res.json().current.fileName).toBe('guida finale.pdf');
    const dl = await c.milano.get(`${api}/${res.json().id}/download`);
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="guida finale.pdf"; filename*=UTF-8''guida%20finale.pdf`);
  });

  it('refuses a bad new version and writes nothing', async () => {
    const d = (await upload(c.milano)).json();
    const before = await rows();
    const bad = await uploadVersion(c.milano, d.id, { version: 1, extra: 'x' }, { name: 'v2.exe', content: 'MZ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['extra']);
    const exe = await uploadVersion(c.milano, d.id, { version: 1 }, { name: 'v2.exe', content: 'MZ' });
    expect(exe.json().error.details.issues[0]).toMatchObject({ field: 'file', code: 'library_type_not_allowed' });
    const none = await uploadVersion(c.milano, d.id, { version: 1 }, null);
    expect(none.json().error.details.issues[0]).toMatchObject({ field: 'file', code: 'library_file_required' });
    expect((await uploadVersion(c.milano, 999999, { version: 1 }, { name: 'a.pdf', content: PDF })).statusCode).toBe(404);
    expect(await rows()).toEqual(before);
  });
});

describe('who reads and who keeps', () => {
  let milanoDoc: { id: number };
  let lombardiaDoc: { id: number };
  let napoliDoc: { id: number };
  let campaniaDoc: { id: number };
  let nationDoc: { id: number };
  beforeAll(async () => {
    milanoDoc = (await upload(c.milano, { title: 'Verbale CTI Milano' })).json();
    lombardiaDoc = (await upload(c.lombardia, { title: 'Nota regionale Lombardia', scopeType: 'region', scopeId: lombardiaRegion })).json();
    napoliDoc = (await upload(c.napoli, { title: 'Verbale CTI Napoli', scopeId: c.napoliCouncil })).json();
    campaniaDoc = (await upload(campania, { title: 'Nota regionale Campania', scopeType: 'region', scopeId: campaniaRegion })).json();
    nationDoc = (await upload(c.admin, { title: 'Linee guida nazionali', scopeType: 'nation', scopeId: undefined })).json();
  });
  const titlesOf = async (who: Client) => (await who.get(`${api}?pageSize=200`)).json().items.map((d: { title: string }) => d.title) as string[];

  it('refuses anonymous callers with 401 everywhere', async () => {
    for (const url of [api, `${api}/${milanoDoc.id}`, `${api}/${milanoDoc.id}/versions`, `${api}/${milanoDoc.id}/download`, `${api}/${milanoDoc.id}/versions/1/download`, '/api/v1/library/scopes']) {
      expect((await c.anon.get(url)).statusCode).toBe(401);
    }
    expect((await upload(c.anon)).statusCode).toBe(401);
    expect((await c.anon.delete(`${api}/${milanoDoc.id}?version=1`)).statusCode).toBe(401);
  });

  it('keeps the Napoli referent out of Milano’s documents: no listing, reading, downloading or changing', async () => {
    const before = await rows();
    const titles = await titlesOf(c.napoli);
    expect(titles).toEqual(expect.arrayContaining(['Verbale CTI Napoli', 'Nota regionale Campania', 'Linee guida nazionali']));
    expect(titles).not.toContain('Verbale CTI Milano');
    expect(titles).not.toContain('Nota regionale Lombardia');
    for (const url of [`${api}/${milanoDoc.id}`, `${api}/${milanoDoc.id}/versions`, `${api}/${milanoDoc.id}/download`, `${api}/${milanoDoc.id}/versions/1/download`]) {
      expect((await c.napoli.get(url)).statusCode).toBe(403);
    }
    expect((await uploadVersion(c.napoli, milanoDoc.id, { version: 1 }, { name: 'x.pdf', content: PDF })).statusCode).toBe(403);
    expect((await c.napoli.delete(`${api}/${milanoDoc.id}?version=1`)).statusCode).toBe(403);
    expect((await upload(c.napoli, { scopeId: c.milanoCouncil })).statusCode).toBe(403);
    expect(await rows()).toEqual(before);
  });

  it('keeps the Lombardia coordinator out of Campania’s documents, and lets it keep its region’s councils', async () => {
    const titles = await titlesOf(c.lombardia);
    expect(titles).toEqual(expect.arrayContaining(['Verbale CTI Milano', 'Nota regionale Lombardia', 'Linee guida nazionali']));
    expect(titles).not.toContain('Nota regionale Campania');
    expect(titles).not.toContain('Verbale CTI Napoli');
    expect((await c.lombardia.get(`${api}/${campaniaDoc.id}`)).statusCode).toBe(403);
    expect((await c.lombardia.get(`${api}/${napoliDoc.id}/download`)).statusCode).toBe(403);
    expect((await upload(c.lombardia, { scopeType: 'region', scopeId: campaniaRegion })).statusCode).toBe(403);
    expect((await c.lombardia.get(`${api}/${milanoDoc.id}`)).json().canEdit).toBe(true);
    expect((await c.lombardia.get(`${api}/${nationDoc.id}`)).json().canEdit).toBe(false);
    expect((await titlesOf(campania))).not.toContain('Verbale CTI Milano');
  });

  it('lets a council read its region’s own documents but not keep them, nor the nation’s', async () => {
    const milano = (await c.milano.get(`${api}?pageSize=200`)).json().items as { title: string; canEdit: boolean }[];
    expect(milano.find((d) => d.title === 'Nota regionale Lombardia')?.canEdit).toBe(false);
    expect(milano.find((d) => d.title === 'Linee guida nazionali')?.canEdit).toBe(false);
    const before = await rows();
    expect((await upload(c.milano, { scopeType: 'region', scopeId: lombardiaRegion })).statusCode).toBe(403);
    expect((await upload(c.milano, { scopeType: 'nation', scopeId: undefined })).statusCode).toBe(403);
    expect((await uploadVersion(c.milano, lombardiaDoc.id, { version: 1 }, { name: 'x.pdf', content: PDF })).statusCode).toBe(403);
    expect((await c.milano.delete(`${api}/${nationDoc.id}?version=1`)).statusCode).toBe(403);
    expect(await rows()).toEqual(before);
  });

  it('lets organisation members read their organisation’s council and region, and keep nothing', async () => {
    for (const who of [c.provider, c.member]) {
      const titles = await titlesOf(who);
      expect(titles).toEqual(expect.arrayContaining(['Verbale CTI Milano', 'Nota regionale Lombardia', 'Linee guida nazionali']));
      expect(titles).not.toContain('Verbale CTI Napoli');
      expect(titles).not.toContain('Nota regionale Campania');
      expect((await who.get(`${api}/${milanoDoc.id}/download`)).statusCode).toBe(200);
      expect((await who.get(`${api}/${napoliDoc.id}/download`)).statusCode).toBe(403);
    }
    const before = await rows();
    expect((await upload(c.provider)).statusCode).toBe(403);
    expect((await uploadVersion(c.member, milanoDoc.id, { version: 1 }, { name: 'x.pdf', content: PDF })).statusCode).toBe(403);
    expect((await c.provider.delete(`${api}/${milanoDoc.id}?version=1`)).statusCode).toBe(403);
    expect((await c.provider.get('/api/v1/library/scopes')).json().items).toEqual([]);
    expect(await rows()).toEqual(before);
  });

  it('offers each keeper only the places they may upload into', async () => {
    const scopes = async (who: Client) => (await who.get('/api/v1/library/scopes')).json();
    expect((await scopes(c.milano)).items).toEqual([{ scopeType: 'council', scopeId: c.milanoCouncil, name: expect.stringMatching(/Milano/) }]);
    const lombardia = (await scopes(c.lombardia)).items;
    expect(lombardia[0]).toEqual({ scopeType: 'region', scopeId: lombardiaRegion, name: 'Lombardia' });
    expect(lombardia.filter((s: { scopeType: string }) => s.scopeType === 'council')).toHaveLength(12);
    const admin = await scopes(c.admin);
    expect(admin.maxUploadMb).toBe(1);
    expect(admin.items[0]).toEqual({ scopeType: 'nation', scopeId: null, name: 'Italia' });
    expect(admin.items.filter((s: { scopeType: string }) => s.scopeType === 'region')).toHaveLength(20);
  });
});
