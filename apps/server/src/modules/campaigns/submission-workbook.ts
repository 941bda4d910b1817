import ExcelJS from 'exceljs';
import { AppError } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/http/messages.ts';
import { allowedValues, cellOf, columnOfHeader, headerOf, SHEET_COLUMNS, type SheetColumn, type SheetRow, typeName } from './submission-sheet.ts';

/** A table read from an upload: its header and its non-blank data rows with their line in the file. */
export interface UploadTable {
  header: string[];
  rows: { line: number; cells: unknown[] }[];
}

const WIDTHS: Record<SheetColumn, number> = {
  key: 34,
  section: 9,
  item_code: 24,
  label: 52,
  detail: 30,
  type: 18,
  unit: 12,
  allowed_values: 42,
  current_value: 20,
  value: 26,
};
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEFF2' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0066CC' } };
const LISTS_SHEET = 'Elenchi';
const TEXT_TYPES = new Set(['text', 'long_text', 'single_choice', 'multiple_choice', 'yes_no', 'date']);

/** A worksheet name Excel accepts (31 characters, none of []:*?/\), starting with the section code. */
export function sectionSheetName(code: string, title: string): string {
  return `${code} ${title}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim();
}

/** The option lists of drop-downs, one column each in a hidden sheet (inline lists are capped at 255 characters). */
class ListSheet {
  private sheet: ExcelJS.Worksheet | null = null;
  private byLabels = new Map<string, string>();
  constructor(private readonly wb: ExcelJS.Workbook) {}

  rangeOf(labels: string[]): string {
    const id = labels.join('\u0000');
    const known = this.byLabels.get(id);
    if (known) return known;
    this.sheet ??= this.wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    const sheet = this.sheet;
    const column = this.byLabels.size + 1;
    labels.forEach((label, i) => {
      sheet.getCell(i + 1, column).value = label;
    });
    const letter = sheet.getColumn(column).letter;
    const range = `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${labels.length}`;
    this.byLabels.set(id, range);
    return range;
  }
}

/** Adds workbooks' shared parts: one ListSheet per workbook, created lazily. */
export function newWorkbook(): { wb: ExcelJS.Workbook; lists: ListSheet } {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mosaico';
  wb.created = new Date();
  return { wb, lists: new ListSheet(wb) };
}

/**
 * One section as a worksheet: header frozen and filtered, every column but the value greyed and locked
 * (the sheet is protected without a password: it guards against slips, not people), drop-downs for
 * options and number checks where the form's type says so, calculated items shown but locked.
 */
export function addSectionSheet(book: ReturnType<typeof newWorkbook>, name: string, rows: SheetRow[], lang: Lang) {
  const ws = book.wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = SHEET_COLUMNS.map((c) => ({ header: headerOf(c, lang), key: c, width: WIDTHS[c] }));
  const head = ws.getRow(1);
  head.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  head.fill = HEADER_FILL;
  head.alignment = { vertical: 'middle', wrapText: true };
  const en = lang === 'en';
  for (const r of rows) {
    const added = ws.addRow({
      key: r.key,
      section: r.section,
      item_code: r.itemCode,
      label: r.label,
      detail: r.detail,
      type: typeName(r, lang),
      unit: r.unit,
      allowed_values: allowedValues(r, lang),
      current_value: cellOf(r, r.current, 'xlsx', lang),
      value: r.calculated ? null : cellOf(r, r.current, 'xlsx', lang),
    });
    added.eachCell({ includeEmpty: true }, (cell, n) => {
      if (n <= SHEET_COLUMNS.length - 1 || r.calculated) cell.fill = GREY;
    });
    const value = added.getCell('value');
    value.protection = { locked: r.calculated };
    if (r.calculated) {
      value.font = { italic: true };
      continue;
    }
    if (TEXT_TYPES.has(r.type)) value.numFmt = '@';
    const validation = validationOf(r, book.lists, en);
    if (validation) value.dataValidation = validation;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SHEET_COLUMNS.length } };
  void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });
}

function validationOf(r: SheetRow, lists: ListSheet, en: boolean): ExcelJS.DataValidation | null {
  const stop = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: en ? 'Value not allowed' : 'Valore non ammesso', error: allowedValues(r, en ? 'en' : 'it') };
  if ((r.type === 'single_choice' || r.type === 'yes_no') && r.choices.length) {
    const labels = r.choices.map((o) => (en ? (o.label.en ?? o.label.it) : o.label.it));
    return { type: 'list', formulae: [lists.rangeOf(labels)], ...stop };
  }
  if (r.type === 'multiple_choice') {
    return { type: 'custom', formulae: ['TRUE'], allowBlank: true, showInputMessage: true, promptTitle: en ? 'One or more' : 'Una o più', prompt: en ? 'Separate the options with ;' : 'Separa le opzioni con ;' };
  }
  if (r.type === 'integer' || r.type === 'decimal' || r.type === 'percentage') {
    const min = r.min ?? (r.type === 'decimal' ? -1e15 : 0);
    const max = r.max ?? (r.type === 'percentage' ? 100 : 1e15);
    return { type: r.type === 'integer' ? 'whole' : 'decimal', operator: 'between', formulae: [min, max], ...stop };
  }
  if (r.type === 'text' || r.type === 'long_text') {
    return { type: 'textLength', operator: 'lessThanOrEqual', formulae: [r.type === 'text' ? 2000 : 20000], ...stop };
  }
  return null;
}

/** A summary worksheet of label → value pairs, first in the workbook. */
export function addSummarySheet(book: ReturnType<typeof newWorkbook>, name: string, pairs: [string, string | number][]) {
  const ws = book.wb.addWorksheet(name);
  ws.columns = [
    { key: 'label', width: 36 },
    { key: 'value', width: 70 },
  ];
  for (const [label, value] of pairs) ws.addRow({ label, value }).getCell('label').font = { bold: true };
  book.wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
}

export async function workbookBuffer(book: ReturnType<typeof newWorkbook>): Promise<Buffer> {
  return Buffer.from(await book.wb.xlsx.writeBuffer());
}

/** The most rows an uploaded sheet may have: a section has a few hundred keys. */
const MAX_ROWS = 20_000;

/**
 * Reads the worksheet of a section from an uploaded workbook: the one named after the section (as the
 * template and the export name them), else the first visible one with a key column.
 */
export async function readWorkbook(content: Buffer, sectionCode: string): Promise<UploadTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid', 'xlsx_invalid');
  }
  const visible = wb.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined);
  const headerOfSheet = (ws: ExcelJS.Worksheet) => {
    const values: string[] = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell, n) => {
      values[n - 1] = textOf(cell.value);
    });
    return Array.from(values, (v) => v ?? '');
  };
  const named = visible.find((ws) => ws.name === sectionCode || ws.name.startsWith(`${sectionCode} `));
  const ws = named ?? visible.find((s) => headerOfSheet(s).some((h) => columnOfHeader(h) === 'key'));
  if (!ws) throw new AppError('invalid', 'upload_no_sheet', { section: sectionCode });
  if (ws.rowCount > MAX_ROWS) throw new AppError('invalid', 'upload_too_many_rows', { max: MAX_ROWS });
  const header = headerOfSheet(ws);
  const rows: UploadTable['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, n) => {
      cells[n - 1] = plainOf(cell.value);
    });
    if (cells.some((c) => c !== null && c !== undefined && c !== '')) rows.push({ line, cells: Array.from(cells, (c) => c ?? null) });
  });
  return { header, rows };
}

/** A workbook cell's value as the upload reads it: formulas by their result, rich text and links by their text. */
function plainOf(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('result' in v) return plainOf(v.result as ExcelJS.CellValue);
  if ('richText' in v) return v.richText.map((p) => p.text).join('');
  if ('text' in v) return typeof v.text === 'string' ? v.text : plainOf(v.text as ExcelJS.CellValue);
  if ('error' in v) return v.error;
  return null;
}

const textOf = (v: ExcelJS.CellValue) => {
  const p = plainOf(v);
  return p === null ? '' : String(p);
};
