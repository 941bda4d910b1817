import ExcelJS from 'exceljs';
import type { Message } from '@mosaico/form-engine/text';
import { excelColumn, headerOf, keysOf, type Lang, LIMITS, parseHeader, type SheetKey, SHEETS, settingsHeader, UNSUPPORTED_COLUMNS } from './xlsform-layout.ts';
import { type WorkbookProblem, xm } from './xlsform-messages.ts';

/** A file-level fault: the workbook cannot be read at all. */
export class UnreadableWorkbook extends Error {
  constructor(readonly problem: Message) {
    super(problem.en);
  }
}

/**
 * Sums the uncompressed sizes in the zip's central directory before anything is inflated, so a small
 * upload cannot expand into gigabytes in memory. Also tells a workbook apart from other files.
 */
function inspectZip(buf: Buffer): void {
  if (buf.length === 0) throw new UnreadableWorkbook(xm.fileEmpty());
  if (buf.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) throw new UnreadableWorkbook(xm.oldXls());
  if (buf.readUInt32LE(0) !== 0x04034b50) throw new UnreadableWorkbook(xm.notXlsx());
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new UnreadableWorkbook(xm.unreadable());
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  const names = new Set<string>();
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new UnreadableWorkbook(xm.unreadable());
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    names.add(buf.toString('utf8', at + 46, at + 46 + nameLength));
    // 0xFFFFFFFF marks a Zip64 size: far beyond any form.
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  if (total > LIMITS.uncompressedBytes) throw new UnreadableWorkbook(xm.tooLarge(LIMITS.uncompressedBytes / 1024 / 1024));
  if (names.has('content.xml') && names.has('mimetype')) throw new UnreadableWorkbook(xm.ods());
  if (!names.has('xl/workbook.xml')) throw new UnreadableWorkbook(xm.notXlsx());
}

/** Opens an uploaded workbook, or throws UnreadableWorkbook saying why it is not one. */
export async function openWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  inspectZip(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableWorkbook(xm.unreadable());
  }
  return wb;
}

/** A cell's content as text, as a form author means it. */
function cellText(v: ExcelJS.CellValue): { text: string } | { problem: Message } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number') return { text: String(v) };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if ('richText' in v) return { text: v.richText.map((r) => r.text).join('') };
  if ('hyperlink' in v) return typeof v.text === 'string' ? { text: v.text } : cellText(v.text as ExcelJS.CellValue);
  if ('error' in v) return { problem: xm.cellError(String(v.error)) };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined || result === null ? { problem: xm.formulaWithoutValue() } : cellText(result as ExcelJS.CellValue);
  }
  return { text: String(v) };
}

export interface SheetRow {
  row: number;
  get(key: string): string;
}

/** A sheet read as rows of texts by column key, with the header each key came from. */
export interface SheetTable {
  key: SheetKey;
  /** The sheet's name as written in the workbook. */
  name: string;
  /** Column key → header as written and 1-based column index. */
  columns: Map<string, { header: string; index: number }>;
  rows: SheetRow[];
}

export type Report = (p: Omit<WorkbookProblem, 'sheet'> & { sheet: string | null }) => void;

/** The workbook's sheets by XLSForm name (case and spaces ignored). */
export function sheetsByKey(wb: ExcelJS.Workbook): Map<SheetKey, ExcelJS.Worksheet> {
  const found = new Map<SheetKey, ExcelJS.Worksheet>();
  for (const ws of wb.worksheets) {
    const key = (Object.keys(SHEETS) as SheetKey[]).find((k) => SHEETS[k] === ws.name.trim().toLowerCase());
    if (key && !found.has(key)) found.set(key, ws);
  }
  return found;
}

/**
 * Reads a sheet: row 1 is the header. Columns with no value below the header are left aside; any other
 * column must be one Mosaico knows, once. Every unreadable cell is reported where it is.
 */
export function readSheet(ws: ExcelJS.Worksheet, key: SheetKey, defaultLang: Lang, report: Report): SheetTable {
  const name = ws.name;
  const table: SheetTable = { key, name, columns: new Map(), rows: [] };
  const texts = new Map<number, Map<number, string>>();
  let tooMany = false;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > LIMITS.rows + 1) {
      tooMany = true;
      return;
    }
    const cells = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const t = cellText(cell.value);
      if ('problem' in t) report({ code: 'cell', sheet: name, row: r, column: null, cell: `${excelColumn(c)}${r}`, message: t.problem });
      else if (t.text.trim() !== '') cells.set(c, t.text);
    });
    if (cells.size) texts.set(r, cells);
  });
  if (tooMany) report({ code: 'too_many_rows', sheet: name, row: null, column: null, message: xm.tooManyRows(LIMITS.rows) });

  const header = texts.get(1) ?? new Map<number, string>();
  const used = new Set<number>();
  for (const [r, cells] of texts) if (r > 1) for (const c of cells.keys()) used.add(c);
  const known = keysOf(key).map(headerOf);
  // Known columns left empty still name the cells that problems point at.
  for (const [c, raw] of header) {
    const h = parseHeader(raw.trim(), defaultLang);
    if (!used.has(c) && h.key && keysOf(key).includes(h.key) && !table.columns.has(h.key)) table.columns.set(h.key, { header: raw.trim(), index: c });
  }
  for (const c of [...used].sort((a, b) => a - b)) {
    const raw = header.get(c)?.trim() ?? '';
    const at = { sheet: name, row: 1, column: raw || excelColumn(c), cell: `${excelColumn(c)}1` };
    if (!raw) {
      const first = [...texts.entries()].find(([r, cells]) => r > 1 && cells.has(c))?.[0] ?? 1;
      report({ ...at, code: 'no_header', row: first, cell: `${excelColumn(c)}${first}`, message: xm.noHeader() });
      continue;
    }
    const h = parseHeader(raw, defaultLang);
    const allowed = new Set(keysOf(key).map((k) => k.split(':')[0]));
    if (h.unknownLanguage !== undefined && allowed.has(h.base)) report({ ...at, code: 'unknown_language', message: xm.unknownLanguage(raw) });
    else if (UNSUPPORTED_COLUMNS[h.base]) report({ ...at, code: 'unsupported_column', message: xm.unsupportedColumn(raw, UNSUPPORTED_COLUMNS[h.base]) });
    else if (!h.key || !allowed.has(h.base)) report({ ...at, code: 'unknown_column', message: xm.unknownColumn(raw, known) });
    else if (table.columns.has(h.key) && used.has(table.columns.get(h.key)?.index ?? 0)) {
      report({ ...at, code: 'duplicate_column', message: xm.duplicateColumn(raw, table.columns.get(h.key)?.header ?? '') });
    } else table.columns.set(h.key, { header: raw, index: c });
  }
  for (const [r, cells] of [...texts.entries()].sort((a, b) => a[0] - b[0])) {
    if (r === 1) continue;
    const byKey = new Map<string, string>();
    for (const [k, { index }] of table.columns) {
      const v = cells.get(index);
      if (v !== undefined) byKey.set(k, v);
    }
    if (byKey.size) table.rows.push({ row: r, get: (k) => byKey.get(k) ?? '' });
  }
  return table;
}

/** The header a problem names for a column key: as written in the sheet, or as Mosaico writes it. */
export function columnOf(table: SheetTable | undefined, key: string): { column: string; cell?: (row: number) => string } {
  const c = table?.columns.get(key);
  if (!c) return { column: table?.key === 'settings' ? settingsHeader(key) : headerOf(key) };
  return { column: c.header, cell: (row) => `${excelColumn(c.index)}${row}` };
}
