import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ORGANIZATION_CSV_COLUMNS } from '@mosaico/contracts/vocabulary';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationCommands } from '../../cli/organizations.command.ts';
import type { AppError } from '../../platform/http/errors.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { systemCtx } from '../users/users.fixtures.ts';
import { type Cast, countRows, importCsv, makeOrganization, multipart, setUpCast } from './organizations.fixtures.ts';
import { organizations } from './organizations.schema.ts';

let t: TestApp;
let c: Cast;
beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCast(t);
});
afterAll(() => t.close());

const api = '/api/v1/organizations';
const HEADER = ORGANIZATION_CSV_COLUMNS.join(';');

describe('import: dry run', () => {
  const file = [
    HEADER,
    ';Sindacato UIL Milano;union;015146;;identified;;;;;;;',
    ';Caritas Ambrosiana;charity;015146;;;;info@;;;;;',
    ';Ente fantasma;other;ZZ999;;;;;;;;;',
    ';Ente del consiglio che non c’è;other;015146;CTI-XX;;;;;;;;',
    ';ASL fuori zona;health_agency;015146;CTI-NA;;;;;;;;',
    '999999;Aggiornamento di nessuno;other;015146;;;;;;;;;',
    ';;other;015146;;;;;;;;;',
    ';sindacato uil milano;union;015146;;;;;;;;;',
    ';Centro Servizi per Stranieri;third_sector;015146;CTI-MI;new;;;;;Via Edolo 19;;"Incontro il 3 marzo;',
    'poi accordo ""quadro"""',
    ';Comune di Milano;municipality;15146;;contributing;1199250158;;;;;;',
  ].join('\n');

  it('reports counts and every row error with its line and column, in Italian, writing nothing', async () => {
    const before = await countRows(t);
    const res = await importCsv(c.milano, file, true);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dryRun: true,
      total: 10,
      created: 3,
      updated: 0,
      unchanged: 0,
      errors: [
        { line: 3, field: 'kind', message: expect.stringMatching(/^Valore non ammesso: scegli tra prefecture/) },
        { line: 3, field: 'email', message: 'Indirizzo e-mail non valido.' },
        { line: 4, field: 'territory_code', message: 'Territorio inesistente: ZZ999.' },
        { line: 5, field: 'council_code', message: 'Consiglio territoriale inesistente: CTI-XX.' },
        { line: 6, field: 'council_code', message: 'Il territorio 015146 non è coperto dal consiglio CTI-NA.' },
        { line: 7, field: 'id', message: 'Attore territoriale inesistente: 999999.' },
        { line: 8, field: 'name', message: 'Campo obbligatorio.' },
        { line: 9, field: 'name', message: 'Stesso attore della riga 2.' },
      ],
    });
    expect(await countRows(t)).toEqual(before);
  });

  it('speaks English when asked', async () => {
    const res = await importCsv(c.milano, file, true, 'en');
    expect(res.json().errors.slice(2, 4)).toEqual([
      { line: 4, field: 'territory_code', message: 'No such territory: ZZ999.' },
      { line: 5, field: 'council_code', message: 'No such territorial council: CTI-XX.' },
    ]);
  });

  it('refuses to apply a file with any error, naming them, and writes nothing', async () => {
    const before = await countRows(t);
    const res = await importCsv(c.milano, file, false);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'csv_has_errors', message: 'Righe con errori nel file: 7. Nulla è stato importato.' });
    expect(res.json().error.details.errors).toHaveLength(8);
    expect(await countRows(t)).toEqual(before);
  });

  it('rejects unreadable files with a clear reason', async () => {
    const cases: [string | Buffer, string][] = [
      ['', 'Il file è vuoto.'],
      [Buffer.from('name;kind\nCittà di Cantù;municipality\n', 'latin1'), 'Il file non è in UTF-8: salvalo come «CSV UTF-8».'],
      ['name;kind;territory_code\n"Ente;other;MI\n', 'Il file CSV non è leggibile: riga 2: virgolette aperte e mai chiuse.'],
    ];
    for (const [content, message] of cases) {
      const res = await importCsv(c.admin, content, true);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe(message);
    }
    const noFile = await c.admin.post(`${api}/import`, { dryRun: true });
    expect(noFile.json().error).toMatchObject({ code: 'file_required', message: 'Allega un file CSV.' });
    const wrongField = multipart('name\nX\n', 'upload');
    expect((await c.admin.post(`${api}/import`, wrongField.body, wrongField.headers)).json().error.code).toBe('file_required');
    const upload = multipart('name\n');
    const badFlag = await c.admin.post(`${api}/import?dryRun=maybe`, upload.body, upload.headers);
    expect(badFlag.json().error.details.issues[0]).toMatchObject({ field: 'querystring.dryRun', message: 'Valore non ammesso: scegli tra true, false.' });
  });

  it('reports unknown or repeated columns on line 1 and values with no column', async () => {
    const res = await importCsv(c.admin, 'name;kind;territory_code;regione;kind\nEnte X;other;MI;Lombardia;other;extra\n', true);
    expect(res.json().errors).toEqual([
      { line: 1, field: 'regione', message: expect.stringMatching(/^Colonna sconosciuta: regione\. Colonne ammesse: id, name, kind/) },
      { line: 1, field: 'kind', message: 'Colonna ripetuta: kind.' },
      { line: 2, field: '#6', message: 'Valore in una colonna senza intestazione (colonna 6).' },
    ]);
  });
});

describe('import: apply', () => {
  // Comma separated, with BOM and CRLF, as some spreadsheets save it; no id column.
  const file = `\uFEFFname,kind,territory_code,collection_status,email\r\nCISL Milano Metropoli,union,MI,identified,ufficio.stranieri@cisl.example.it\r\nAmbito di Rho,district,015182,new,\r\n`;

  it('creates every row in one go, each audited, and a second import changes nothing', async () => {
    const before = await countRows(t);
    const res = await importCsv(c.lombardia, file, false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, total: 2, created: 2, updated: 0, unchanged: 0, errors: [] });
    const after = await countRows(t);
    expect(after.organizations).toBe(before.organizations + 2);
    expect(after.audit).toBe(before.audit + 2);
    const [cisl] = await t.database.db.select().from(organizations).where(eq(organizations.name, 'CISL Milano Metropoli'));
    expect(cisl).toMatchObject({ councilId: c.milanoCouncil, collectionStatus: 'identified', email: 'ufficio.stranieri@cisl.example.it' });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'organization'), eq(auditLog.entityId, String(cisl.id))));
    expect(entry).toMatchObject({ action: 'create', actorEmail: 'lombardia@attori.test', before: null });

    const again = await importCsv(c.lombardia, file, false);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: [] });
    expect(await countRows(t)).toEqual(after);
  });

  it('updates by id, keeping the columns the file leaves out', async () => {
    const o = await makeOrganization(t, { name: 'Sportello Immigrati Sesto', kind: 'third_sector', email: 'sportello@sesto.example.it' });
    const res = await importCsv(c.milano, `id;collection_status\n${o.id};contributing\n${c.milanoOrg};\n`, false);
    expect(res.json()).toMatchObject({ total: 2, created: 0, updated: 1, unchanged: 1, errors: [] });
    const got = (await c.milano.get(`${api}/${o.id}`)).json();
    expect(got).toMatchObject({ collectionStatus: 'contributing', email: 'sportello@sesto.example.it', version: o.version + 1 });
  });

  it('makes rows outside the caller’s scope errors, not silent skips', async () => {
    const before = await countRows(t);
    const res = await importCsv(c.milano, `id;notes\n${c.napoliOrg};nota\n${c.milanoOrg};nota\n`, false);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors).toEqual([{ line: 2, field: 'id', message: 'Non hai i permessi per questa operazione in questo ambito.' }]);
    expect(await countRows(t)).toEqual(before);
  });
});

describe('export', () => {
  beforeAll(async () => {
    // Values a spreadsheet or a CSV parser could mangle.
    await makeOrganization(t, {
      name: '=Associazione "Il Ponte"; Milano',
      kind: 'association',
      phone: '+39 02 1234567',
      notes: 'Prima riga\nseconda riga; con "virgolette"',
      taxCode: '01199250158',
    });
    await makeOrganization(t, { name: 'Ministero – Direzione centrale', kind: 'other', territoryCode: 'IT' });
  });

  it('is a CSV with BOM and the import columns, the formulas neutralised', async () => {
    const res = await c.admin.get(`${api}/export.csv?kind=association`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(res.body).toContain(`"'=Associazione ""Il Ponte""; Milano"`);
    expect(res.body).toContain(';01199250158;');
  });

  it('re-imports unchanged: a dry run of the export reports every row unchanged', async () => {
    const exported = await c.admin.get(`${api}/export.csv`);
    const n = (await c.admin.get(`${api}?pageSize=1`)).json().total;
    const res = await importCsv(c.admin, exported.rawPayload, true);
    expect(res.json()).toEqual({ dryRun: true, total: n, created: 0, updated: 0, unchanged: n, errors: [] });
  });
});

describe('command line', () => {
  const run = async (name: string, positional: string[], options: Record<string, string | true> = {}) => {
    const lines: string[] = [];
    let error: unknown = null;
    await organizationCommands[name].run({ positional, options }, { ctx: systemCtx(t), print: (l) => lines.push(l) }).catch((e) => {
      error = e;
    });
    return { lines, error: error as AppError | null };
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaico-org-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports as a dry run by default, printing counts and each error as “riga N, campo: messaggio”', async () => {
    const file = path.join(dir, 'errori.csv');
    fs.writeFileSync(file, 'name;kind;territory_code\nPatronato INCA Milano;union;MI\nPatronato X;patronato;MI\n');
    const before = await countRows(t);
    const { lines, error } = await run('organizations import', [file]);
    expect(lines[0]).toBe('2 righe: 1 da creare, 0 da aggiornare, 0 invariati.');
    expect(lines[1]).toBe('1 riga con errori:');
    expect(lines[2]).toMatch(/^ {2}riga 3, kind: Valore non ammesso: scegli tra /);
    expect(error?.code).toBe('csv_has_errors');
    expect(await countRows(t)).toEqual(before);
  });

  it('writes with --apply, and exports a file that re-imports unchanged', async () => {
    const file = path.join(dir, 'nuovi.csv');
    fs.writeFileSync(file, 'name;kind;territory_code\nPatronato ACLI Milano;union;MI\n');
    const dry = await run('organizations import', [file]);
    expect(dry.lines.at(-1)).toBe('Prova riuscita, nulla è stato scritto: ripeti con --apply per importare.');
    const applied = await run('organizations import', [file], { apply: true });
    expect(applied.error).toBeNull();
    expect(applied.lines).toEqual(['1 riga: 1 creati, 0 aggiornati, 0 invariati.', 'Importazione completata.']);

    const out = path.join(dir, 'export.csv');
    const exported = await run('organizations export', [], { out });
    expect(exported.lines[0]).toMatch(/^Esportati \d+ attori in /);
    const back = await run('organizations import', [out]);
    expect(back.lines[0]).toMatch(/^(\d+) righe: 0 da creare, 0 da aggiornare, \1 invariati\.$/);
    expect((await run('organizations import', [])).error?.message).toBe('Indica il file CSV da importare.');
  });
});
