import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/http/messages.ts';

export interface CsvSheet {
  header: string[];
  /** Data rows with the file line each starts on (the header is line 1); blank rows are left out. */
  rows: { line: number; cells: string[] }[];
}

const parseProblems: Record<string, { it: string; en: string }> = {
  CSV_QUOTE_NOT_CLOSED: { it: 'virgolette aperte e mai chiuse', en: 'a quote is opened and never closed' },
  CSV_INVALID_CLOSING_QUOTE: { it: 'testo subito dopo le virgolette di chiusura', en: 'text right after a closing quote' },
};

/**
 * Reads a spreadsheet's CSV: UTF-8 with or without BOM, `;` (Italian spreadsheets) or `,` separated,
 * whichever the header uses more.
 */
export function parseCsv(content: Buffer | Uint8Array, lang: Lang): CsvSheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new AppError('invalid', 'csv_not_utf8');
  }
  // One line ending, so line numbers count what a text editor shows whatever wrote the file.
  text = text.replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new AppError('invalid', 'csv_empty');
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as { code?: string; lines?: number };
    const what = parseProblems[e.code ?? '']?.[lang] ?? (lang === 'en' ? 'unrecognised format' : 'formato non riconosciuto');
    const reason = lang === 'en' ? `line ${e.lines ?? '?'}: ${what}` : `riga ${e.lines ?? '?'}: ${what}`;
    throw new AppError('invalid', 'csv_invalid', { reason });
  }
  const [head, ...data] = records;
  return {
    header: head.record,
    rows: data
      .filter((r) => r.record.some((c) => c !== ''))
      // info.lines is where a record ends; a quoted value spanning lines moves its start back.
      .map((r) => ({ line: r.info.lines - r.record.reduce((n, c) => n + count(c, '\n'), 0), cells: r.record })),
  };
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/**
 * A value a spreadsheet would run as a formula (=, +, -, @) is written with a leading apostrophe, which
 * spreadsheets show as text; readUnescaped drops it again so an export re-imports unchanged.
 */
const FORMULA_START = /^[=+\-@\t]/;
export const escapeFormula = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v);
export const unescapeFormula = (v: string) => (v.startsWith("'") && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v);

/** CSV for spreadsheets: BOM (so Excel reads UTF-8), `;` separated, CRLF line ends. */
export function formatCsv(rows: string[][]): string {
  return stringify(rows, { bom: true, delimiter: ';', record_delimiter: 'windows' });
}
