export type CsvCell = string | number | null | undefined;

// A cell starting with one of these is read as a formula by spreadsheets (CSV injection): it gets a leading quote.
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell, decimalComma: boolean): string {
  if (cell == null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    const s = String(cell);
    return decimalComma ? s.replace('.', ',') : s;
  }
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[";,\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV text as Italian spreadsheets open it: `;` between cells, decimal comma, CRLF lines; numbers stay numbers
 * and text that could be taken for a formula is neutralised.
 */
export function toCsv(rows: CsvCell[][], opts: { decimalComma?: boolean } = {}): string {
  const decimalComma = opts.decimalComma ?? true;
  return rows.map((r) => r.map((c) => cellText(c, decimalComma)).join(';')).join('\r\n') + '\r\n';
}

/** Offers the CSV as a download (UTF-8 with BOM, so Excel reads accented letters right). */
export function downloadCsv(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
