import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, formatCertificateCode, generateCertificateCode, maskHolderName, normaliseCertificateCode } from './certificates.code.ts';

describe('certificate codes', () => {
  it('are random, of the alphabet, and pass their own check', () => {
    const codes = new Set(Array.from({ length: 2000 }, generateCertificateCode));
    expect(codes.size).toBe(2000);
    for (const c of codes) {
      expect(c).toHaveLength(CODE_LENGTH);
      expect([...c].every((ch) => CODE_ALPHABET.includes(ch))).toBe(true);
      expect(normaliseCertificateCode(c)).toBe(c);
    }
  });

  it('accept the printed form in any case, with dashes or spaces', () => {
    const c = generateCertificateCode();
    const printed = formatCertificateCode(c);
    expect(printed).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(normaliseCertificateCode(printed.toLowerCase())).toBe(c);
    expect(normaliseCertificateCode(` ${printed.replace(/-/g, ' ')} `)).toBe(c);
  });

  it('refuse every single wrong character and every swap of neighbours', () => {
    const c = generateCertificateCode();
    for (let i = 0; i < c.length; i++) {
      for (const ch of CODE_ALPHABET) {
        if (ch === c[i]) continue;
        expect(normaliseCertificateCode(c.slice(0, i) + ch + c.slice(i + 1))).toBeNull();
      }
      if (i + 1 < c.length && c[i] !== c[i + 1]) expect(normaliseCertificateCode(c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2))).toBeNull();
    }
  });

  it.each([
    ['', null],
    ['ABC', null],
    ['ABCDEFGHJKMN0', null],
    ['ILO0ILO0ILO0', null],
  ])('refuse %j', (typed, expected) => {
    expect(normaliseCertificateCode(typed)).toBe(expected);
  });
});

describe('the holder on the public page', () => {
  it.each([
    ['Mario Rossi', 'Mario R.'],
    ['  Maria Grazia   De Luca ', 'Maria L.'],
    ['Amina', 'A.'],
    ['giulia bianchi', 'giulia B.'],
  ])('%j is shown as %j', (name, masked) => {
    expect(maskHolderName(name)).toBe(masked);
  });
});
