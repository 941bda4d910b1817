import { AppError } from '../../platform/http/errors.ts';

/**
 * Reading the text of an uploaded CSV: encoding (UTF-8 only, BOM tolerated), delimiter, quoted cells with
 * newlines, and numbers as statistical offices and spreadsheets write them. Nothing in a cell is ever evaluated.
 */

/** Decodes UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused with a clear message. */
export function decodeText(buf: Buffer): string {
  if (buf.length === 0) throw new AppError('invalid', 'import_file_empty');
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const body = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new AppError('invalid', 'import_encoding');
  }
}

/** The delimiter of the header line: the most frequent of `,` `;` tab outside quotes. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c]++;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ',';
}

export interface CsvRow {
  /** The file's line the row starts on (1 = header). */
  line: number;
  cells: string[];
}

/** Splits CSV text into rows (RFC 4180 quoting, CRLF or LF); lines without quotes take a fast path. */
export function* csvRows(text: string, delimiter: string): Generator<CsvRow> {
  const n = text.length;
  let i = 0;
  let line = 1;
  // The next quote, looked up again only once passed (searching from every line would be quadratic).
  let q = -2;
  while (i < n) {
    const start = line;
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = n;
    if (q !== -1 && q < i) q = text.indexOf('"', i);
    if (q < 0 || q > nl) {
      let end = nl;
      if (end > i && text.charCodeAt(end - 1) === 13) end--;
      const raw = text.slice(i, end);
      i = nl + 1;
      line++;
      if (raw.length) yield { line: start, cells: raw.split(delimiter) };
      continue;
    }
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let j = i;
    for (; j < n; j++) {
      const c = text[j];
      if (quoted) {
        if (c === '"') {
          if (text[j + 1] === '"') {
            cell += '"';
            j++;
          } else quoted = false;
        } else {
          if (c === '\n') line++;
          cell += c;
        }
      } else if (c === '"') quoted = true;
      else if (c === delimiter) {
        cells.push(cell);
        cell = '';
      } else if (c === '\n') break;
      else if (c !== '\r') cell += c;
    }
    if (quoted) throw new AppError('invalid', 'import_unclosed_quote', { line: start });
    cells.push(cell);
    i = j + 1;
    line++;
    yield { line: start, cells };
  }
}

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const IT_GROUPED = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const IT_DECIMAL = /^[+-]?\d+,\d+$/;
const EN_GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** Beyond this a figure is a typing or unit error, not a statistic (and loses integer precision). */
export const MAX_ABS_VALUE = 1e15;

export type NumberRead = { value: number } | { error: 'invalid_number' | 'number_too_large' } | null;

/**
 * A cell as a number, or null when empty. With `;` as the delimiter Italian notation is read
 * (`1.234,5`); otherwise `1,234.5` grouping. Formulas, words, `NaN` and `Infinity` are not numbers.
 */
export function readNumber(raw: string, italian: boolean): NumberRead {
  const s = raw.trim().replace(/[\u00a0\u202f ]/g, '');
  if (!s) return null;
  let v: number;
  if (PLAIN.test(s) && !(italian && IT_GROUPED.test(s))) v = Number(s);
  else if (italian && (IT_GROUPED.test(s) || IT_DECIMAL.test(s))) v = Number(s.replace(/\./g, '').replace(',', '.'));
  else if (!italian && EN_GROUPED.test(s)) v = Number(s.replace(/,/g, ''));
  else return { error: 'invalid_number' };
  if (!Number.isFinite(v)) return { error: 'number_too_large' };
  if (Math.abs(v) > MAX_ABS_VALUE) return { error: 'number_too_large' };
  return { value: v };
}
