import { randomBytes } from 'node:crypto';
import { XLSX_MIME } from '@mosaico/contracts/xlsform';
import ExcelJS from 'exceljs';

type Cell = string | number | boolean | null | ExcelJS.CellValue;

/** A workbook made of the given sheets, each a list of rows (the first is the header). */
export async function workbookOf(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SURVEY_HEADER = ['type', 'name', 'label::Italiano (it)', 'label::English (en)', 'relevant', 'calculation', 'constraint'];

/** A small valid XLSForm: one section with a number, a yes/no, a choice and a calculation; `survey` rows replace the questions. */
export function smallSheets(over: { survey?: Cell[][]; choices?: Cell[][]; settings?: Cell[][]; code?: string } = {}): Record<string, Cell[][]> {
  return {
    survey: [
      SURVEY_HEADER,
      ['begin group', 'acc', 'Accoglienza', 'Reception'],
      ...(over.survey ?? [
        ['integer', 'posti', 'Posti', 'Places'],
        ['select_one yes_no', 'attivi', 'Centri attivi?', 'Active centres?'],
        ['integer', 'presenti', 'Presenti', 'Present', "${attivi} = 'yes'", null, '. <= ${posti} * 2'],
        ['select_one tipo', 'tipo', 'Tipo di centro', 'Kind of centre'],
        ['decimal', 'tasso', 'Tasso di occupazione', 'Occupancy', null, 'round(${presenti} div ${posti} * 100, 1)'],
      ]),
      ['end group', 'acc'],
    ],
    choices: over.choices ?? [
      ['list_name', 'name', 'label::Italiano (it)', 'label::English (en)'],
      ['tipo', 'cas', 'CAS', 'CAS'],
      ['tipo', 'sai', 'SAI', 'SAI'],
    ],
    settings: over.settings ?? [
      ['form_id', 'form_title', 'form_title::English (en)', 'version', 'default_language'],
      [over.code ?? 'prova-xlsform', 'Prova XLSForm', 'XLSForm test', '1', 'Italiano (it)'],
    ],
  };
}

/** A multipart/form-data body carrying one file in field `file`. */
export function multipartFile(content: Buffer, filename = 'modulo.xlsx', field = 'file') {
  const boundary = `----mosaico${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
