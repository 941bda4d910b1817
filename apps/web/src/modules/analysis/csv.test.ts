import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('writes semicolon-separated lines with decimal commas and empty cells for missing values', () => {
    expect(toCsv([['Territorio', 'Valore'], ['Milano', 14.5], ['Lodi', null]])).toBe('Territorio;Valore\r\nMilano;14,5\r\nLodi;\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula and quotes separators', () => {
    const csv = toCsv([['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', 'Forlì; Cesena', 'a "b"']]);
    expect(csv).toBe(`"'=HYPERLINK(""x"")";'+1;'-2;'@SUM(A1);"Forlì; Cesena";"a ""b"""\r\n`);
  });

  it('keeps negative numbers as numbers (only text is guarded)', () => {
    expect(toCsv([[-3.25]], { decimalComma: false })).toBe('-3.25\r\n');
  });
});
