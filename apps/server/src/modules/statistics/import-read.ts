import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/http/errors.ts';
import { openWorkbook, UnreadableWorkbook } from '../forms/xlsform-sheets.ts';
import { type CsvRow, csvRows, decodeText, detectDelimiter } from './import-text.ts';

/** An uploaded file as a header and rows of text cells, whatever its format. */
export interface ReadTable {
  format: 'csv' | 'xlsx';
  header: string[];
  /** Italian number notation (`;`-separated CSV); XLSX cells are numbers already. */
  italian: boolean;
  /** Data rows (the header excluded), each with its line (CSV) or spreadsheet row (XLSX). */
  rows(): Iterable<CsvRow>;
}

const isZip = (buf: Buffer) => buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;

/** Reads a CSV (UTF-8, `,` `;` or tab) or an XLSX workbook's first sheet; refuses what it cannot read, saying why. */
export async function readTable(buf: Buffer, fileName: string): Promise<ReadTable> {
  if (buf.length === 0) throw new AppError('invalid', 'import_file_empty');
  if (isZip(buf) || /\.xlsx$/i.test(fileName)) return readXlsx(buf);
  const text = decodeText(buf);
  if (!text.trim()) throw new AppError('invalid', 'import_file_empty');
  const delimiter = detectDelimiter(text);
  const first = csvRows(text, delimiter).next();
  if (first.done) throw new AppError('invalid', 'import_file_empty');
  const header = checkHeader(first.value.cells);
  const headerEnd = headerLength(text);
  return {
    format: 'csv',
    header,
    italian: delimiter === ';',
    *rows() {
      for (const r of csvRows(text.slice(headerEnd.offset), delimiter)) yield { line: r.line + headerEnd.lines, cells: r.cells };
    },
  };
}

/** Where the header row ends (it may hold quoted newlines), as an offset and a count of lines. */
function headerLength(text: string): { offset: number; lines: number } {
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n') {
      lines++;
      if (!quoted) return { offset: i + 1, lines };
    }
  }
  return { offset: text.length, lines: lines + 1 };
}

function checkHeader(cells: string[]): string[] {
  const header = cells.map((c) => c.trim());
  while (header.length && header[header.length - 1] === '') header.pop();
  if (!header.length) throw new AppError('invalid', 'import_file_empty');
  const seen = new Set<string>();
  for (const [i, h] of header.entries()) {
    if (!h) throw new AppError('invalid', 'import_header_empty', { column: i + 1 });
    if (seen.has(h.toLowerCase())) throw new AppError('invalid', 'import_header_duplicate', { column: h });
    seen.add(h.toLowerCase());
  }
  return header;
}

async function readXlsx(buf: Buffer): Promise<ReadTable> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await openWorkbook(buf);
  } catch (err) {
    if (err instanceof UnreadableWorkbook) throw new AppError('invalid', 'import_xlsx_unreadable', { reason: err.problem.it }, { reason: err.problem });
    throw err;
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount === 0) throw new AppError('invalid', 'import_file_empty');
  const rows: CsvRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(xlsxCellText(row.getCell(c).value, n, c));
    rows.push({ line: n, cells });
  });
  const [head, ...data] = rows;
  const header = checkHeader(head.cells);
  return { format: 'xlsx', header, italian: false, rows: () => data };
}

/** A cell as text; a formula gives its cached result (never evaluated) or is refused when it has none. */
function xlsxCellText(v: ExcelJS.CellValue, row: number, col: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return String(v.text ?? '');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) {
      throw new AppError('invalid', 'import_xlsx_formula', { row, column: col });
    }
    return result instanceof Date ? result.toISOString().slice(0, 10) : String(result);
  }
  if ('error' in v) throw new AppError('invalid', 'import_xlsx_formula', { row, column: col });
  return '';
}
