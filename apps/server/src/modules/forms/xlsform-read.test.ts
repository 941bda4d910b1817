// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${code} is the reference syntax of the expression language, not a template.
import { describe, expect, it } from 'vitest';
import { readXlsform } from './xlsform-read.ts';
import { UnreadableWorkbook } from './xlsform-sheets.ts';
import { smallSheets, workbookOf } from './xlsform.fixtures.ts';

async function unreadable(buf: Buffer) {
  const err = await readXlsform(buf).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnreadableWorkbook);
  return (err as UnreadableWorkbook).problem;
}

describe('files that are not workbooks', () => {
  it('says what the file is instead: empty, text, old .xls, damaged, too large once uncompressed', async () => {
    expect((await unreadable(Buffer.alloc(0))).it).toBe('Il file è vuoto.');
    expect((await unreadable(Buffer.from('type,name\ninteger,x\n'))).en).toMatch(/not an Excel workbook \(\.xlsx\)/);
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect((await unreadable(xls)).it).toMatch(/\.xls \(Excel 97-2003\)/);
    const good = await workbookOf(smallSheets());
    expect((await unreadable(good.subarray(0, good.length - 100))).it).toMatch(/danneggiata/);
    // A central directory that claims a huge entry: refused before anything is inflated.
    const bomb = Buffer.from(good);
    const cd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0x7fffffff, cd + 24);
    expect((await unreadable(bomb)).it).toMatch(/supera 40 MB/);
  });
});

type Expected = { code: string; sheet: string | null; row: number | null; column: string | null };

const cases: { name: string; sheets: Record<string, unknown[][]>; expected: Expected[] }[] = [
  {
    name: 'no survey sheet',
    sheets: { domande: [['type', 'name'], ['integer', 'x']], settings: smallSheets().settings },
    expected: [{ code: 'missing_survey', sheet: null, row: null, column: null }],
  },
  { name: 'a survey sheet with only its header', sheets: { ...smallSheets(), survey: [['type', 'name', 'label']] }, expected: [{ code: 'survey_empty', sheet: 'survey', row: null, column: null }] },
  {
    name: 'a survey without type and name columns',
    sheets: { ...smallSheets(), survey: [['tipo', 'nome', 'label'], ['integer', 'x', 'X']] },
    expected: [
      { code: 'unknown_column', sheet: 'survey', row: 1, column: 'tipo' },
      { code: 'unknown_column', sheet: 'survey', row: 1, column: 'nome' },
      { code: 'missing_column', sheet: 'survey', row: 1, column: 'type' },
      { code: 'missing_column', sheet: 'survey', row: 1, column: 'name' },
    ],
  },
  {
    name: 'unknown, unsupported and metadata types',
    sheets: smallSheets({ survey: [['geopoint', 'dove', 'Dove'], ['note', 'n', 'Nota'], ['start', 'inizio'], ['integer', 'x', 'X'], ['select_one tipo or_other', 't', 'T']] }),
    expected: [
      { code: 'unknown_type', sheet: 'survey', row: 3, column: 'type' },
      { code: 'unknown_type', sheet: 'survey', row: 4, column: 'type' },
      { code: 'unknown_type', sheet: 'survey', row: 5, column: 'type' },
      { code: 'or_other', sheet: 'survey', row: 7, column: 'type' },
    ],
  },
  {
    name: 'end group without begin, and a begin repeat never closed',
    sheets: {
      ...smallSheets(),
      survey: [
        ['type', 'name', 'label'],
        ['end group', null],
        ['begin group', 'a', 'A'],
        ['begin repeat', 'r', 'R'],
        ['integer', 'x', 'X'],
        ['end group', 'a'],
        ['begin group', 'b', 'B'],
        ['integer', 'y', 'Y'],
      ],
    },
    expected: [
      { code: 'end_without_begin', sheet: 'survey', row: 2, column: 'type' },
      { code: 'not_closed', sheet: 'survey', row: 4, column: 'type' },
      { code: 'not_closed', sheet: 'survey', row: 7, column: 'type' },
    ],
  },
  {
    name: 'a group in a group, a question outside any group, end group naming another group',
    sheets: {
      ...smallSheets(),
      survey: [
        ['type', 'name', 'label'],
        ['integer', 'fuori', 'Fuori'],
        ['begin group', 'a', 'A'],
        ['begin group', 'a2', 'A2'],
        ['integer', 'x', 'X'],
        ['end group', 'a2'],
        ['end group', 'b'],
      ],
    },
    expected: [
      { code: 'outside_group', sheet: 'survey', row: 2, column: 'type' },
      { code: 'nested_group', sheet: 'survey', row: 4, column: 'type' },
      { code: 'end_name_mismatch', sheet: 'survey', row: 7, column: 'name' },
    ],
  },
  {
    name: 'a choice list missing, or not named',
    sheets: smallSheets({ survey: [['select_one colori', 'c', 'Colore'], ['select_multiple', 'd', 'D'], ['begin table', 'tab', 'Tabella'], ['integer', 'n', 'N'], ['end table']] }),
    expected: [
      { code: 'list_not_found', sheet: 'survey', row: 3, column: 'type' },
      { code: 'missing_list_name', sheet: 'survey', row: 4, column: 'type' },
      { code: 'missing_list_name', sheet: 'survey', row: 5, column: 'type' },
    ],
  },
  {
    name: 'columns Mosaico does not know, cannot honour, in another language or twice',
    sheets: {
      ...smallSheets(),
      survey: [
        ['type', 'name', 'label', 'relevent', 'choice_filter', 'label::Français (fr)', 'label::Italiano (it)', 'required::it'],
        ['begin group', 'g', 'G'],
        ['integer', 'x', 'X', '${y} > 0', 'a = 1', 'X fr', 'X bis', 'yes'],
        ['end group'],
      ],
    },
    expected: [
      { code: 'unknown_column', sheet: 'survey', row: 1, column: 'relevent' },
      { code: 'unsupported_column', sheet: 'survey', row: 1, column: 'choice_filter' },
      { code: 'unknown_language', sheet: 'survey', row: 1, column: 'label::Français (fr)' },
      { code: 'duplicate_column', sheet: 'survey', row: 1, column: 'label::Italiano (it)' },
      { code: 'unknown_column', sheet: 'survey', row: 1, column: 'required::it' },
    ],
  },
  {
    name: 'cells that are not what their column takes',
    sheets: {
      ...smallSheets(),
      survey: [
        ['type', 'name', 'label', 'min', 'copy_last_year', 'appearance', 'kind', 'relevant'],
        ['begin group', 'g', 'G', null, null, null, 'valutativa', '${x} > 0'],
        ['integer', 'x', 'X', 'zero', 'forse', 'month-year', 'evaluative'],
        ['end group'],
      ],
    },
    expected: [
      { code: 'not_for_type', sheet: 'survey', row: 2, column: 'relevant' },
      { code: 'section_kind', sheet: 'survey', row: 2, column: 'kind' },
      { code: 'appearance', sheet: 'survey', row: 3, column: 'appearance' },
      { code: 'not_for_type', sheet: 'survey', row: 3, column: 'kind' },
      { code: 'yes_or_no', sheet: 'survey', row: 3, column: 'copy_last_year' },
      { code: 'not_a_number', sheet: 'survey', row: 3, column: 'min' },
    ],
  },
  {
    name: 'a table column of a type a table cannot hold, and a formula without a value',
    sheets: {
      ...smallSheets(),
      survey: [
        ['type', 'name', 'label', 'hint'],
        ['begin group', 'g', 'G'],
        ['begin table tipo', 'tab', 'Tabella'],
        ['date', 'quando', 'Quando'],
        ['integer', 'n', 'N', 'aiuto'],
        ['end table'],
        ['integer', 'y', { formula: 'A1&B1' }],
        ['end group'],
      ],
    },
    expected: [
      { code: 'table_column_type', sheet: 'survey', row: 4, column: 'type' },
      { code: 'not_for_type', sheet: 'survey', row: 5, column: 'hint' },
      { code: 'cell', sheet: 'survey', row: 7, column: null },
    ],
  },
  {
    name: 'choices without a list name, settings on more than one row, a default language Mosaico lacks',
    sheets: {
      ...smallSheets({ choices: [['list_name', 'name', 'label'], ['tipo', 'cas', 'CAS'], [null, 'sai', 'SAI']] }),
      settings: [['form_id', 'form_title', 'default_language'], ['x', 'X', 'Français (fr)'], ['y', 'Y']],
    },
    expected: [
      { code: 'missing_list_name', sheet: 'choices', row: 3, column: 'list_name' },
      { code: 'default_language', sheet: 'settings', row: 2, column: 'default_language' },
      { code: 'settings_rows', sheet: 'settings', row: 3, column: null },
    ],
  },
];

describe('workbook problems, each at its sheet, row and column', () => {
  it.each(cases)('$name', async ({ sheets, expected }) => {
    const read = await readXlsform(await workbookOf(sheets as never));
    expect(read.problems.map(({ code, sheet, row, column }) => ({ code, sheet, row, column }))).toEqual(expected);
    for (const p of read.problems) {
      expect(p.message.it.length).toBeGreaterThan(10);
      expect(p.message.en.length).toBeGreaterThan(10);
    }
  });

  it('names the cell and tells the author what to write', async () => {
    const read = await readXlsform(await workbookOf(smallSheets({ survey: [['select_one colori', 'c', 'Colore']] })));
    expect(read.problems).toEqual([
      expect.objectContaining({ sheet: 'survey', row: 3, column: 'type', cell: 'A3', message: { it: 'La lista «colori» non è nel foglio «choices».', en: 'The list «colori» is not in the “choices” sheet.' } }),
    ]);
  });
});
