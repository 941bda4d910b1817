// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${code} is the reference syntax of the expression language, not a template.
import { XLSX_MIME } from '@mosaico/contracts/xlsform';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { councilIdOf, createTestUser, regionIdOf, systemCtx } from '../users/users.fixtures.ts';
import { seedDefaultForm } from './forms.seed.ts';
import { formVersions, forms } from './forms.schema.ts';
import { readXlsform } from './xlsform-read.ts';
import { multipartFile, smallSheets, workbookOf } from './xlsform.fixtures.ts';

let t: TestApp;
let admin: Client;
let referent: Client;
let coordinator: Client;
let ctiId: number;

async function upload(c: Client, content: Buffer, lang: 'it' | 'en' = 'it') {
  const { body, headers } = multipartFile(content);
  return c.post(`/api/v1/forms/xlsform${lang === 'en' ? '?lang=en' : ''}`, body, headers);
}

async function counts() {
  const db = t.database.db;
  const [f] = await db.select({ n: count() }).from(forms);
  const [v] = await db.select({ n: count() }).from(formVersions);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { forms: f.n, versions: v.n, audit: a.n };
}

type Issue = { field: string; code: string; message: string; sheet: string | null; row: number | null; column: string | null; cell?: string; expression?: string; position?: number };

beforeAll(async () => {
  t = await createTestApp();
  await seedDefaultForm(systemCtx(t));
  const a = await createTestUser(t, { roles: [{ role: 'national_admin', scopeType: 'nation', scopeId: null }] });
  const r = await createTestUser(t, { roles: [{ role: 'council_referent', scopeType: 'council', scopeId: await councilIdOf(t, 'CTI-MI') }] });
  const c = await createTestUser(t, { roles: [{ role: 'regional_coordinator', scopeType: 'region', scopeId: await regionIdOf(t, '03') }] });
  admin = await signIn(t.app, a.email, a.password);
  referent = await signIn(t.app, r.email, r.password);
  coordinator = await signIn(t.app, c.email, c.password);
  ctiId = (await admin.get('/api/v1/forms')).json().find((f: { code: string }) => f.code === 'scheda-cti').id;
});
afterAll(() => t.close());

describe('XLSForm import', () => {
  it('imports a workbook as a new form, then as its next draft version, as the JSON import does', async () => {
    const first = await upload(admin, await workbookOf(smallSheets()));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ code: 'prova-xlsform', version: 1, status: 'draft', itemCount: 5, derivedFrom: null });
    const items = first.json().definition.sections[0].items;
    expect(items.map((i: { type: string }) => i.type)).toEqual(['integer', 'yes_no', 'integer', 'single_choice', 'decimal']);
    expect(items[2]).toMatchObject({ relevant: "${attivi} = 'yes'", constraint: '. <= ${posti} * 2' });
    const second = await upload(admin, await workbookOf(smallSheets()));
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ formId: first.json().formId, version: 2, status: 'draft' });
    const audit = (await admin.get('/api/v1/audit?entityType=form_version')).json();
    expect(audit.items.filter((i: { action: string }) => i.action === 'create').length).toBeGreaterThanOrEqual(2);
  });

  it('is for national admins only: 401 when signed out, 403 for others, with nothing read or written', async () => {
    const before = await counts();
    const book = await workbookOf(smallSheets({ code: 'non-ammesso' }));
    expect((await upload(client(t.app), book)).statusCode).toBe(401);
    const refused = await upload(referent, book);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    expect((await upload(coordinator, book)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('reports every problem by sheet, row and column, with the definition checks’ own, and writes nothing', async () => {
    const before = await counts();
    const book = await workbookOf(
      smallSheets({
        code: 'con-errori',
        survey: [
          ['integer', 'posti', 'Posti'],
          ['integer', 'posti', 'Doppione'],
          ['geopoint', 'dove', 'Dove'],
          ['select_one colori', 'colore', 'Colore'],
          ['integer', 'presenti', null, 'Present', '${nessuno} > 0'],
          ['decimal', 'tasso', 'Tasso', null, null, '${presenti} div (${posti} * 100'],
        ],
      }),
    );
    const res = await upload(admin, book);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('xlsform_has_errors');
    const issues = res.json().error.details.issues as Issue[];
    const at = (row: number, column: string) => issues.find((i) => i.sheet === 'survey' && i.row === row && i.column === column);
    expect(at(4, 'name')).toMatchObject({ code: 'duplicate_code', field: 'survey!B4', cell: 'B4' });
    expect(at(4, 'name')?.message).toMatch(/foglio survey, riga 3/);
    expect(at(5, 'type')).toMatchObject({ code: 'unknown_type' });
    expect(at(6, 'type')).toMatchObject({ code: 'list_not_found', message: 'La lista «colori» non è nel foglio «choices».' });
    expect(at(7, 'label::Italiano (it)')).toMatchObject({ message: 'Campo obbligatorio.' });
    expect(at(7, 'relevant')).toMatchObject({ code: 'unknown_reference', expression: '${nessuno} > 0', position: 0 });
    const calc = at(8, 'calculation');
    expect(calc).toMatchObject({ expression: '${presenti} div (${posti} * 100' });
    expect(calc?.position).toBeGreaterThanOrEqual(0);
    // The stand-in for the unknown type says nothing more than the reader did.
    expect(issues.filter((i) => i.row === 5)).toHaveLength(1);
    expect(await counts()).toEqual(before);

    const en = await upload(admin, book, 'en');
    expect(en.json().error.message).toBe(`Problems in the workbook: ${issues.length}. Nothing was imported.`);
    expect((en.json().error.details.issues as Issue[]).find((i) => i.row === 6)?.message).toBe('The list «colori» is not in the “choices” sheet.');
  });

  it('points settings and extension-sheet problems at their cells', async () => {
    const sheets = {
      ...smallSheets(),
      settings: [['form_id', 'form_title'], ['Codice Non Valido', null]],
      categories: [['category', 'option', 'label::Italiano (it)'], ['sesso', null, 'Sesso'], ['sesso', 'm', 'Maschi'], ['sesso', 'm', 'Ancora maschi']],
      combinations: [['name', 'categories', 'label::Italiano (it)'], ['per_sesso', 'sesso eta', 'Per sesso']],
      rules: [['name', 'left', 'operator', 'right', 'severity', 'message::Italiano (it)'], ['r1', '${posti}', '=<', '${presenti}', 'grave', 'Controlla']],
    };
    const res = await upload(admin, await workbookOf(sheets));
    expect(res.statusCode).toBe(400);
    const issues = (res.json().error.details.issues as Issue[]).map(({ sheet, row, column }) => `${sheet}!${row}!${column}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'settings!2!form_id',
        'settings!2!form_title',
        'categories!4!option',
        'combinations!2!categories',
        'rules!2!operator',
        'rules!2!severity',
      ]),
    );
  });

  it('refuses what is not a workbook, an empty or missing file and an over-size one, writing nothing', async () => {
    const before = await counts();
    const text = await upload(admin, Buffer.from('type;name\ninteger;x\n'));
    expect(text.statusCode).toBe(400);
    expect(text.json().error).toMatchObject({ code: 'xlsform_unreadable', details: { issues: [{ field: 'file', sheet: null }] } });
    expect(text.json().error.message).toMatch(/^File non importato\. Il file non è una cartella di lavoro Excel/);
    const empty = await upload(admin, Buffer.alloc(0), 'en');
    expect(empty.json().error.message).toBe('File not imported. The file is empty.');
    const noSurvey = await upload(admin, await workbookOf({ Foglio1: [['type', 'name'], ['integer', 'x']] }));
    expect(noSurvey.json().error.details.issues).toEqual([expect.objectContaining({ field: 'file', code: 'missing_survey' })]);
    const json = await admin.post('/api/v1/forms/xlsform', { definition: {} });
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toMatchObject({ code: 'xlsform_file_required', details: { issues: [{ field: 'file' }] } });
    const { body, headers } = multipartFile(await workbookOf(smallSheets()), 'modulo.xlsx', 'allegato');
    expect((await admin.post('/api/v1/forms/xlsform', body, headers)).json().error.code).toBe('xlsform_file_required');
    const huge = await upload(admin, Buffer.alloc(5 * 1024 * 1024 + 1, 1));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toBe('Il file è troppo grande (massimo 5 MB).');
    expect(await counts()).toEqual(before);
  });
});

describe('XLSForm download', () => {
  it('gives any signed-in reader a published version as a workbook that reads back to the same definition', async () => {
    const v1 = (await referent.get(`/api/v1/forms/${ctiId}/versions/1`)).json();
    const res = await referent.get(`/api/v1/forms/${ctiId}/versions/1/xlsform`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toBe('attachment; filename="scheda-cti-v1.xlsx"');
    const read = await readXlsform(res.rawPayload);
    expect(read.problems).toEqual([]);
    expect(read.definition).toStrictEqual(v1.definition);
    expect((await coordinator.get(`/api/v1/forms/${ctiId}/versions/1/xlsform`)).statusCode).toBe(200);
  });

  it('imports a downloaded workbook back as the next version, unchanged', async () => {
    const v1 = (await admin.get(`/api/v1/forms/${ctiId}/versions/1`)).json();
    const book = (await admin.get(`/api/v1/forms/${ctiId}/versions/1/xlsform`)).rawPayload;
    const res = await upload(admin, book);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ formId: ctiId, version: 2, status: 'draft', itemCount: v1.itemCount });
    expect(res.json().definition).toStrictEqual(v1.definition);
  });

  it('shows drafts only to national admins, and nothing to anonymous callers', async () => {
    const res = await admin.get(`/api/v1/forms/${ctiId}/versions/2/xlsform`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="scheda-cti-v2.xlsx"');
    const hidden = await referent.get(`/api/v1/forms/${ctiId}/versions/2/xlsform`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('not_found');
    expect((await admin.get(`/api/v1/forms/${ctiId}/versions/99/xlsform`)).statusCode).toBe(404);
    expect((await client(t.app).get(`/api/v1/forms/${ctiId}/versions/1/xlsform`)).statusCode).toBe(401);
  });
});
