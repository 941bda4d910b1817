import { compileForm } from '@mosaico/form-engine/compile-form';
import { sampleForm } from '@mosaico/form-engine/sample-form';
import { describe, expect, it } from 'vitest';
import { parseCell, rowOfKey, type SheetRow } from './submission-sheet.ts';

const base: SheetRow = { key: 'k', section: 's', itemCode: 'k', label: 'K', detail: '', type: 'integer', unit: '', calculated: false, choices: [], current: null };
const choices = [
  { code: 'fami', label: { it: 'FAMI (Fondo asilo)', en: 'AMIF (Asylum fund)' } },
  { code: 'altro', label: { it: 'Altro', en: 'Other' } },
];
const yesNo = [
  { code: 'yes', label: { it: 'Sì', en: 'Yes' } },
  { code: 'no', label: { it: 'No', en: 'No' } },
];
const read = (row: Partial<SheetRow>, cell: unknown) => {
  const r = parseCell({ ...base, ...row }, cell, 'it');
  return 'value' in r ? r.value : `!${r.problem.code}`;
};

describe('reading a cell', () => {
  it.each([
    ['integer', 12, 12],
    ['integer', ' 12 ', 12],
    ['integer', '1,5', 1.5],
    ['integer', '1.234', '!bad_number'],
    ['integer', '1 234', '!bad_number'],
    ['decimal', '1.234', 1.234],
    ['decimal', '1.234,5', '!bad_number'],
    ['decimal', ',5', 0.5],
    ['decimal', '-3,25', -3.25],
    ['percentage', '12,5%', 12.5],
    ['integer', '12%', '!bad_number'],
    ['integer', 'dodici', '!bad_number'],
    ['integer', '', null],
    ['integer', null, null],
    ['date', '2025-3-1', '2025-03-01'],
    ['date', '01/03/2025', '2025-03-01'],
    ['date', new Date(Date.UTC(2025, 2, 31)), '2025-03-31'],
    ['date', 'marzo 2025', '!bad_date'],
    ['text', 42, '42'],
    ['text', '  testo  ', '  testo  '],
  ] as const)('%s %j → %j', (type, cell, expected) => {
    expect(read({ type }, cell)).toEqual(expected);
  });

  it.each([
    ['single_choice', 'fami', 'fami'],
    ['single_choice', 'FAMI', 'fami'],
    ['single_choice', 'fami (fondo  asilo)', 'fami'],
    ['single_choice', 'AMIF (Asylum fund)', 'fami'],
    ['single_choice', 'giornali', '!bad_choice'],
    ['multiple_choice', 'fami; Altro', ['fami', 'altro']],
    ['multiple_choice', 'fami;;', ['fami']],
    ['multiple_choice', 'fami; boh', '!bad_choice'],
  ] as const)('%s %j → %j', (type, cell, expected) => {
    expect(read({ type, choices }, cell)).toEqual(expected);
  });

  it.each([
    ['Sì', 'yes'],
    ['si', 'yes'],
    ['YES', 'yes'],
    [true, 'yes'],
    ['no', 'no'],
    [false, 'no'],
    ['forse', '!bad_choice'],
  ] as const)('yes/no %j → %j', (cell, expected) => {
    expect(read({ type: 'yes_no', choices: yesNo }, cell)).toEqual(expected);
  });

  it('names the allowed options and the number without separators, in the request’s language', () => {
    expect(parseCell({ ...base, type: 'single_choice', choices }, 'boh', 'en')).toEqual({
      problem: { code: 'bad_choice', message: '«boh» is not one of the allowed values: AMIF (Asylum fund), Other.' },
    });
    expect(parseCell(base, '12.000', 'it')).toEqual({ problem: { code: 'bad_number', message: 'Scrivi il numero senza separatori delle migliaia: 12000.' } });
  });
});

describe('the row of a key', () => {
  const form = compileForm(sampleForm());
  it('knows items, cells and repeat entries, and nothing else', () => {
    const keys = [...form.keys.keys()];
    for (const key of keys) {
      if (form.keys.get(key)?.item.item.type === 'repeat') expect(rowOfKey(form, key, 'it')).toBeNull();
      else expect(rowOfKey(form, key, 'it')?.key).toBe(key);
    }
    const repeat = [...form.items.values()].find((i) => i.item.type === 'repeat');
    if (!repeat) throw new Error('the sample form has a repeat');
    const child = repeat.children[0].code;
    expect(rowOfKey(form, `${repeat.code}[4].${child}`, 'it')).toMatchObject({ itemCode: child, detail: expect.stringMatching(/ n\. 5$/) });
    expect(rowOfKey(form, `${repeat.code}[200].${child}`, 'it')).toBeNull();
    expect(rowOfKey(form, `${repeat.code}[0].nope`, 'it')).toBeNull();
    expect(rowOfKey(form, 'nope', 'it')).toBeNull();
  });
});
