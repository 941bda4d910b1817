import { compileForm } from '@mosaico/form-engine/compile-form';
import type { FormDefinition } from '@mosaico/form-engine/definition';
import { count, eq } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/audit.schema.ts';
import { type Client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { COMPLETE_VALUES, defaultFormId, openCampaign } from './campaigns.fixtures.ts';
import { submissionValueHistory, submissionValues } from './campaigns.schema.ts';
import { csvRows, fillCsv, fillXlsx, readXlsx, uploadSectionFile } from './submission-bulk.fixtures.ts';

let t: TestApp;
let p: People;
let admin: Client;
let milano: Client;
let napoli: Client;
let tutor: Client;
let provider: Client;
let mi: number;
let form: ReturnType<typeof compileForm>;

const url = (path: string, id = mi) => `/api/v1/submissions/${id}${path}`;
const stored = async (id = mi) => ({
  values: (await t.database.db.select({ n: count() }).from(submissionValues).where(eq(submissionValues.submissionId, id)))[0].n,
  history: (await t.database.db.select({ n: count() }).from(submissionValueHistory).where(eq(submissionValueHistory.submissionId, id)))[0].n,
  audit: (await t.database.db.select({ n: count() }).from(auditLog))[0].n,
});
const valuesOf = async (c: Client = milano) => (await c.get(url(''))).json().values as Record<string, unknown>;
const problemsOf = (res: LightMyRequestResponse) => (res.json().problems ?? res.json().error.details.problems) as { line: number; column: string; key: string; code: string; message: string }[];
const template = async (c: Client, section: string, format: 'csv' | 'xlsx', lang?: string) => c.get(url(`/sections/${section}/template.${format}`), lang ? { 'accept-language': lang } : {});

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  [admin, milano, napoli, tutor, provider] = await Promise.all([p.admin, p.milano, p.napoli, p.tutor, p.dataProvider].map((x) => signInAs(t, x)));
  const formId = await defaultFormId(t, admin);
  const campaign = await openCampaign(admin, formId, [p.ids.councilMilano, p.ids.councilNapoli]);
  mi = campaign.submissionOf.get(p.ids.councilMilano) as number;
  expect((await milano.put(url('/sections/acc/assignment'), { organizationId: p.ids.orgMilano })).statusCode).toBe(200);
  form = compileForm((await admin.get(`/api/v1/forms/${formId}/versions/1`)).json().definition as FormDefinition);
});
afterAll(() => t.close());

describe('templates', () => {
  it('lists as CSV one row per key of the section, with labels, types, allowed values and current values', async () => {
    expect((await milano.put(url('/values'), { values: { pres_popolazione_totale: 3200000, 'pres_residenti.m.ue': 1200 } })).statusCode).toBe(200);
    const res = await template(milano, 'pres', 'csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="modello-CTI-MI-2025-pres.csv"');
    const [header, ...rows] = csvRows(res);
    expect(header).toEqual(['key', 'section', 'item_code', 'label', 'detail', 'type', 'unit', 'allowed_values', 'current_value', 'value']);
    const expected = [...form.keys.entries()].filter(([, k]) => k.item.section === 'pres').map(([key]) => key);
    expect(rows.map((r) => r[0]).sort()).toEqual(expected.sort());
    const row = (key: string) => rows.find((r) => r[0] === key) as string[];
    expect(row('pres_popolazione_totale').slice(8)).toEqual(['3200000', '3200000']);
    expect(row('pres_residenti.m.ue')).toEqual(expect.arrayContaining(['pres_residenti', 'Maschi – Unione Europea', 'Numero intero', '1200']));
    expect(row('pres_residenti')[4]).toBe('Totale (in alternativa alle celle)');
    expect(row('pres_cittadinanze_principali.c1.paese')[5]).toBe('Testo');
    expect(row('pres_fonti')[7]).toMatch(/^istat = Istat .*; altro = Altro \(una o più, separate da ;\)$/);
    expect(row('pres_residenti_minori').slice(5)).toEqual(['Calcolato: non compilare', expect.any(String), '', '', '']);
    const en = csvRows(await template(milano, 'pres', 'csv', 'en'));
    expect(en.find((r) => r[0] === 'pres_residenti.m.ue')?.slice(4, 6)).toEqual(['Males – European Union', 'Whole number']);
  });

  it('gives an XLSX with the header frozen, only the value column open, drop-downs and number checks', async () => {
    const res = await template(milano, 'val', 'xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="modello-CTI-MI-2025-val.xlsx"');
    const wb = await readXlsx(res.rawPayload);
    const ws = wb.worksheets.find((w) => w.name.startsWith('val ')) as ExcelJS.Worksheet;
    expect(ws.name).toBe('val 10. Sezione valutativa');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(10).value).toBe('Valore');
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const byKey = new Map<string, ExcelJS.Row>();
    ws.eachRow((r) => byKey.set(String(r.getCell(1).value), r));
    const choice = byKey.get('val_priorita_principale') as ExcelJS.Row;
    expect(choice.getCell(1).protection?.locked).not.toBe(false);
    expect(choice.getCell(10).protection).toMatchObject({ locked: false });
    expect(choice.getCell(10).dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'Elenchi'!\$[A-Z]+\$1:\$[A-Z]+\$11$/)] });
    expect(byKey.get('val_collegiale')?.getCell(10).dataValidation).toMatchObject({ type: 'list' });
    expect(byKey.get('val_presenti_seduta')?.getCell(10).dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [0, 1e15] });
    const calculated = byKey.get('val_buone_pratiche_numero') as ExcelJS.Row;
    expect(calculated.getCell(6).value).toBe('Calcolato: non compilare');
    // Excel cells are locked unless said otherwise; exceljs reads the default back as no protection entry.
    expect(calculated.getCell(10).protection?.locked).not.toBe(false);
    expect([...byKey.keys()].filter((k) => k.startsWith('val_buone_pratiche[')).length).toBe(3 * (form.items.get('val_buone_pratiche')?.children.length ?? 0));
    expect(wb.getWorksheet('Elenchi')?.state).toBe('hidden');
  });
});

describe('uploads', () => {
  it('round-trips a CSV: dry run counts and writes nothing, apply saves through the values API, export contains it', async () => {
    const rows = csvRows(await template(milano, 'pres', 'csv'));
    const filled = fillCsv(rows, {
      pres_popolazione_totale: '3200000',
      'pres_residenti.m.ue': '',
      'pres_residenti.f.africa': '2500',
      'pres_cittadinanze_principali.c1.paese': 'Romania',
      'pres_cittadinanze_principali.c1.m': '700',
      pres_fonti: 'istat; Anagrafi comunali',
    });
    const before = await stored();
    const dry = await uploadSectionFile(milano, mi, 'pres', filled);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, section: 'pres', total: rows.length - 1, counts: { new: 4, changed: 0, cleared: 1 }, problems: [] });
    expect(await stored()).toEqual(before);

    const applied = await uploadSectionFile(milano, mi, 'pres', filled, false);
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ dryRun: false, counts: { new: 4, cleared: 1 }, problems: [], revision: dry.json().revision + 1 });
    const values = await valuesOf();
    expect(values).toMatchObject({ pres_popolazione_totale: 3200000, 'pres_residenti.f.africa': 2500, 'pres_cittadinanze_principali.c1.paese': 'Romania', pres_fonti: ['istat', 'anagrafi'] });
    expect(values).not.toHaveProperty(['pres_residenti.m.ue']);
    expect(await stored()).toMatchObject({ history: before.history + 5, audit: before.audit + 1 });
    const history = (await milano.get(url('/history?key=pres_residenti.m.ue'))).json();
    expect(history[0]).toMatchObject({ before: 1200, after: null, by: { id: p.milano.id } });

    const again = await uploadSectionFile(milano, mi, 'pres', filled, false);
    expect(again.json().counts).toMatchObject({ new: 0, changed: 0, cleared: 0 });
    expect(again.json().revision).toBe(applied.json().revision);

    const exported = csvRows(await milano.get(url('/export.csv')));
    expect(exported.find((r) => r[0] === 'pres_residenti.f.africa')?.slice(1)).toEqual(expect.arrayContaining(['pres', '2500']));
    expect(exported.find((r) => r[0] === 'pres_fonti')?.[9]).toBe('istat; anagrafi');
    expect(new Set(exported.slice(1).map((r) => r[1]))).toEqual(new Set(form.sections.map((s) => s.code)));
  });

  it('round-trips an XLSX with options by label, a repeating group and a date', async () => {
    const file = await fillXlsx((await template(milano, 'val', 'xlsx')).rawPayload, {
      val_criticita_aree: 'Casa; Lavoro e formazione',
      val_priorita_principale: 'Casa',
      val_collegiale: 'Sì',
      val_data_approvazione: '15/03/2025',
      val_presenti_seduta: 12,
      'val_buone_pratiche[0].val_bp_titolo': 'Sportello casa',
      'val_buone_pratiche[0].val_bp_descrizione': 'Uno sportello che accompagna le famiglie nella ricerca di un alloggio.',
      'val_buone_pratiche[0].val_bp_area': 'Casa',
      'val_buone_pratiche[2].val_bp_titolo': 'Mediatori a scuola',
      'val_buone_pratiche[2].val_bp_descrizione': 'Mediatori linguistici nelle scuole primarie.',
      'val_buone_pratiche[2].val_bp_area': 'scuola',
    });
    expect((await milano.put(url('/values'), { values: { gen_anno: 2025 } })).statusCode).toBe(200);
    const dry = await uploadSectionFile(milano, mi, 'val', file, true, { filename: 'modello.xlsx' });
    expect(dry.json().problems).toEqual([]);
    const applied = await uploadSectionFile(milano, mi, 'val', file, false, { filename: 'modello.xlsx' });
    expect(applied.statusCode).toBe(200);
    const values = await valuesOf();
    expect(values).toMatchObject({
      val_criticita_aree: ['casa', 'lavoro'],
      val_priorita_principale: 'casa',
      val_collegiale: 'yes',
      val_data_approvazione: '2025-03-15',
      val_presenti_seduta: 12,
    });
    // The blank entry between the two is dropped: entries are counted again from 0.
    expect((values.val_buone_pratiche as { val_bp_titolo: string }[]).map((e) => e.val_bp_titolo)).toEqual(['Sportello casa', 'Mediatori a scuola']);

    const wb = await readXlsx((await milano.get(url('/export.xlsx'))).rawPayload);
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['Riepilogo', 'gen 0. Dati generali']);
    const summary = wb.getWorksheet('Riepilogo') as ExcelJS.Worksheet;
    expect(summary.getRow(1).values).toEqual([undefined, 'Consiglio', expect.stringMatching(/Milano/)]);
    expect(summary.getRow(6).values).toEqual([undefined, 'Stato', 'Bozza']);
    const val = wb.worksheets.find((w) => w.name.startsWith('val ')) as ExcelJS.Worksheet;
    const cells = new Map<string, unknown>();
    val.eachRow((r) => cells.set(String(r.getCell(1).value), r.getCell(10).value));
    expect(cells.get('val_buone_pratiche[1].val_bp_titolo')).toBe('Mediatori a scuola');
    expect(cells.get('val_buone_pratiche_numero')).toBe(null);
    expect(cells.has('val_buone_pratiche[2].val_bp_titolo')).toBe(false);
    // The export's sheet goes back in unchanged.
    const back = await uploadSectionFile(milano, mi, 'val', Buffer.from(await wb.xlsx.writeBuffer()), true, { filename: 'export.xlsx' });
    expect(back.json()).toMatchObject({ problems: [], counts: { new: 0, changed: 0, cleared: 0 } });
  });

  it('lists every row-level problem with its line and column, in the request’s language, and writes nothing', async () => {
    const rows = csvRows(await template(milano, 'pres', 'csv'));
    const line = (key: string) => rows.findIndex((r) => r[0] === key) + 1;
    const file = fillCsv(
      rows,
      {
        pres_popolazione_totale: '3.200.000',
        'pres_residenti.m.ue': '12abc',
        'pres_residenti.f.ue': '-4',
        pres_residenti_minori: '40',
        pres_fonti: 'istat; giornali',
        'pres_acquisizioni_modalita.residenza.istanze': '1,5',
        'pres_nati.m': '10',
      },
      [
        ['non_esiste', '3'],
        ['gen_anno', '2025'],
        ['pres_nati.m', '11'],
        ['', '7'],
      ],
    );
    const before = { db: await stored(), values: await valuesOf() };
    const dry = await uploadSectionFile(milano, mi, 'pres', file);
    expect(dry.statusCode).toBe(200);
    const n = rows.length;
    expect(problemsOf(dry).map((x) => [x.line, x.column, x.key, x.code])).toEqual([
      [line('pres_popolazione_totale'), 'value', 'pres_popolazione_totale', 'bad_number'],
      [line('pres_residenti.m.ue'), 'value', 'pres_residenti.m.ue', 'bad_number'],
      [line('pres_residenti.f.ue'), 'value', 'pres_residenti.f.ue', 'range'],
      [line('pres_residenti_minori'), 'value', 'pres_residenti_minori', 'calculated'],
      [line('pres_acquisizioni_modalita.residenza.istanze'), 'value', 'pres_acquisizioni_modalita.residenza.istanze', 'type'],
      [line('pres_fonti'), 'value', 'pres_fonti', 'bad_choice'],
      [n + 1, 'key', 'non_esiste', 'unknown_key'],
      [n + 2, 'key', 'gen_anno', 'other_section'],
      [n + 3, 'key', 'pres_nati.m', 'duplicate_key'],
      [n + 4, 'key', null, 'key_missing'],
    ]);
    // Rows with a problem, the engine's included, are not counted as going in.
    expect(dry.json().counts).toEqual({ new: 1, changed: 0, cleared: 0, unchanged: n - 8 });
    const byCode = Object.fromEntries(problemsOf(dry).map((x) => [x.code, x.message]));
    expect(problemsOf(dry)[0].message).toBe('Scrivi il numero senza separatori delle migliaia: 3200000.');
    expect(byCode.bad_number).toBe('Non è un numero: «12abc». Scrivi solo cifre, con la virgola o il punto per i decimali.');
    expect(byCode.range).toBe('Il valore minimo è 0.');
    expect(byCode.type).toBe('Inserisci un numero intero.');
    expect(byCode.bad_choice).toMatch(/^«giornali» non è tra i valori ammessi: Istat/);
    expect(byCode.other_section).toMatch(/sezione «0\. Dati generali»/);
    expect(byCode.duplicate_key).toBe(`Stessa chiave della riga ${line('pres_nati.m')}.`);
    const en = await uploadSectionFile(milano, mi, 'pres', file, true, { lang: 'en' });
    expect(problemsOf(en).find((x) => x.code === 'range')?.message).toBe('The minimum value is 0.');
    expect(problemsOf(en).find((x) => x.code === 'unknown_key')?.message).toBe('The key “non_esiste” does not exist in this form.');

    const applied = await uploadSectionFile(milano, mi, 'pres', file, false);
    expect(applied.statusCode).toBe(400);
    expect(applied.json().error).toMatchObject({ code: 'upload_has_problems', message: 'Righe con problemi nel file: 10. Nulla è stato salvato.' });
    expect(problemsOf(applied)).toEqual(problemsOf(dry));
    expect(await stored()).toEqual(before.db);
    expect(await valuesOf()).toEqual(before.values);
  });

  it('reports what the engine refuses when the file is otherwise clean, and saves nothing', async () => {
    const rows = csvRows(await template(milano, 'pres', 'csv'));
    const file = fillCsv(rows, { 'pres_permessi_nuovi.lavoro': '5', pres_permessi_nuovi: '9', pres_popolazione_totale: '3200001' });
    const before = await stored();
    const applied = await uploadSectionFile(milano, mi, 'pres', file, false);
    expect(applied.statusCode).toBe(400);
    expect(problemsOf(applied)).toEqual([
      expect.objectContaining({ key: 'pres_permessi_nuovi', code: 'total_mismatch', line: rows.findIndex((r) => r[0] === 'pres_permessi_nuovi') + 1, column: 'value' }),
    ]);
    expect(await stored()).toEqual(before);
  });

  it('keeps values changed on the web after the download, and flags a row changed on both sides', async () => {
    const rows = csvRows(await template(milano, 'pres', 'csv'));
    expect((await milano.put(url('/values'), { values: { pres_residenti_prec: 300000, pres_popolazione_totale: 3300000 } })).statusCode).toBe(200);
    const untouched = fillCsv(rows, { 'pres_nati.m': '40' });
    const ok = await uploadSectionFile(milano, mi, 'pres', untouched);
    expect(ok.json()).toMatchObject({ problems: [], counts: { new: 1, changed: 0, cleared: 0 } });
    const both = fillCsv(rows, { pres_residenti_prec: '310000' });
    const conflict = await uploadSectionFile(milano, mi, 'pres', both);
    expect(problemsOf(conflict)).toEqual([expect.objectContaining({ key: 'pres_residenti_prec', column: 'current_value', code: 'changed_since_download' })]);
    expect(problemsOf(conflict)[0].message).toMatch(/cambiato questo valore in «300000»/);
    expect((await uploadSectionFile(milano, mi, 'pres', untouched, false)).statusCode).toBe(200);
    expect(await valuesOf()).toMatchObject({ pres_residenti_prec: 300000, pres_popolazione_totale: 3300000, 'pres_nati.m': 40 });
  });

  it('refuses files it cannot read, naming why', async () => {
    const before = await stored();
    const noFile = await milano.post(url('/sections/pres/upload?dryRun=false'));
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error).toMatchObject({ code: 'upload_file_required', message: 'Allega un file XLSX o CSV.' });
    const empty = await uploadSectionFile(milano, mi, 'pres', '\uFEFF\n');
    expect(empty.json().error.code).toBe('csv_empty');
    const broken = await uploadSectionFile(milano, mi, 'pres', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(64, 1)]), true, { filename: 'x.xlsx' });
    expect(broken.json().error).toMatchObject({ code: 'xlsx_invalid' });
    const xls = await uploadSectionFile(milano, mi, 'pres', Buffer.from('d0cf11e0a1b11ae1', 'hex'), true, { filename: 'x.xls' });
    expect(xls.json().error.code).toBe('upload_format');
    const noColumns = await uploadSectionFile(milano, mi, 'pres', 'voce;dato\npres_nati.m;3\n');
    expect(noColumns.statusCode).toBe(200);
    expect(problemsOf(noColumns).map((x) => [x.line, x.column, x.code])).toEqual([
      [1, 'key', 'missing_column'],
      [1, 'value', 'missing_column'],
    ]);
    expect((await uploadSectionFile(milano, mi, 'pres', 'voce;dato\npres_nati.m;3\n', false)).statusCode).toBe(400);
    // A hand-made file with only the two needed columns, English headers, is read.
    const minimal = await uploadSectionFile(milano, mi, 'pres', 'Key,Value\npres_nati.f,"12,0"\n');
    expect(minimal.json()).toMatchObject({ problems: [], total: 1, counts: { new: 1 } });
    expect(await stored()).toEqual(before);
  });
});

describe('scope', () => {
  it('lets a data provider fill only the assigned section, and keeps readers and other councils out', async () => {
    const acc = await template(provider, 'acc', 'csv');
    expect(acc.statusCode).toBe(200);
    const ok = await uploadSectionFile(provider, mi, 'acc', fillCsv(csvRows(acc), { acc_cas_attivi: 'no', acc_msna_totale: '' }), false);
    expect(ok.statusCode).toBe(200);
    expect(await valuesOf(provider)).toEqual({ acc_cas_attivi: 'no' });

    const before = await stored();
    const pres = await template(provider, 'pres', 'csv');
    expect(pres.statusCode).toBe(403);
    expect(pres.json().error).toMatchObject({ code: 'section_not_writable', message: expect.stringMatching(/sezione pres/) });
    expect((await uploadSectionFile(provider, mi, 'pres', 'key;value\npres_nati.m;1\n', false)).statusCode).toBe(403);
    const sneaky = await uploadSectionFile(provider, mi, 'acc', 'key;value\ngen_anno;2030\n', false);
    expect(sneaky.statusCode).toBe(400);
    expect(problemsOf(sneaky)[0]).toMatchObject({ key: 'gen_anno', code: 'other_section' });
    const exported = csvRows(await provider.get(url('/export.csv')));
    expect(new Set(exported.slice(1).map((r) => r[1]))).toEqual(new Set(['acc']));

    expect((await template(tutor, 'pres', 'csv')).statusCode).toBe(403);
    expect((await uploadSectionFile(tutor, mi, 'pres', 'key;value\npres_nati.m;1\n', false)).statusCode).toBe(403);
    expect((await tutor.get(url('/export.xlsx'))).statusCode).toBe(200);
    for (const res of [
      await template(napoli, 'pres', 'xlsx'),
      await uploadSectionFile(napoli, mi, 'pres', 'key;value\npres_nati.m;1\n', false),
      await napoli.get(url('/export.csv')),
      await napoli.get(url('/export.xlsx')),
    ])
      expect(res.statusCode).toBe(403);
    expect((await template(milano, 'nessuna', 'csv')).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: url('/export.csv') });
    expect(anonymous.statusCode).toBe(401);
    expect(await stored()).toEqual(before);
  });

  it('refuses templates and uploads once the submission is submitted, while the export stays readable', async () => {
    const fill = await milano.put(url('/values'), { values: {
      ...COMPLETE_VALUES,
      'pres_residenti.f.africa': null,
      'pres_nati.m': null,
      'pres_cittadinanze_principali.c1.paese': null,
      'pres_cittadinanze_principali.c1.m': null,
    } });
    expect(fill.statusCode).toBe(200);
    const csv = csvRows(await template(milano, 'gen', 'csv'));
    const submitted = await milano.post(url('/transitions'), { to: 'submitted', justifications: { r_pres_variazione: 'Revisione anagrafica.' } });
    expect(submitted.json()).toMatchObject({ status: 'submitted' });
    const before = await stored();
    const tpl = await template(milano, 'gen', 'xlsx');
    expect(tpl.statusCode).toBe(409);
    expect(tpl.json().error.code).toBe('submission_locked');
    const up = await uploadSectionFile(milano, mi, 'gen', fillCsv(csv, { gen_referente: 'Altro nome' }), false);
    expect(up.statusCode).toBe(409);
    expect((await milano.get(url('/export.xlsx'))).statusCode).toBe(200);
    expect(await stored()).toEqual(before);
  });
});
