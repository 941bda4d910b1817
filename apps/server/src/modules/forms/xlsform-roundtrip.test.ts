// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${code} is the reference syntax of the expression language, not a template.
import fs from 'node:fs';
import { formDefinition } from '@mosaico/contracts/forms';
import { validateDefinition } from '@mosaico/form-engine/validate-definition';
import type { FormDefinition } from '@mosaico/form-engine/definition';
import { largeForm, sampleForm } from '@mosaico/form-engine/sample-form';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM_FILE } from './forms.seed.ts';
import { readXlsform } from './xlsform-read.ts';
import { writeXlsform } from './xlsform-write.ts';
import { EXAMPLE_WORKBOOK, exampleForm } from './xlsform-example.ts';
import { workbookOf } from './xlsform.fixtures.ts';

/** As stored: parsed by the contract, without undefined properties. */
const stored = (d: unknown) => JSON.parse(JSON.stringify(formDefinition.parse(d)));

async function roundTrip(def: FormDefinition) {
  const read = await readXlsform(await writeXlsform(def, { version: 1 }));
  expect(read.problems).toEqual([]);
  return read.definition;
}

describe('XLSForm round trip', () => {
  it('gives back the shipped “Scheda di monitoraggio CTI” exactly, key for key', async () => {
    const original = JSON.parse(fs.readFileSync(DEFAULT_FORM_FILE, 'utf8'));
    const back = await roundTrip(original);
    expect(back).toStrictEqual(original);
    // Same keys in the same order: the stored JSON would be byte-identical.
    expect(JSON.stringify(back)).toBe(JSON.stringify(original));
  });

  it('gives back the engine’s sample form (cells, table, repeat, every rule strategy) and its 201-item form', async () => {
    for (const def of [sampleForm(), largeForm()]) {
      expect(stored(await roundTrip(def))).toStrictEqual(stored(def));
    }
  });

  it('keeps explicit “no” answers and names lists apart from the yes/no list', async () => {
    const def = stored({
      code: 'casi-limite',
      title: { it: 'Casi limite' },
      sections: [
        {
          code: 's',
          kind: 'evaluative',
          title: { it: 'Sezione' },
          items: [
            { code: 'yes_no', type: 'single_choice', label: { it: 'Scelta' }, required: false, copyLastYear: false, choices: [{ code: 'yes', label: { it: 'Sì' } }, { code: 'no', label: { it: 'No' } }] },
            { code: 'esito', type: 'yes_no', label: { it: 'Esito' }, relevant: "${yes_no} = 'yes'" },
            { code: 'quota', type: 'percentage', label: { it: 'Quota' }, min: 0, max: 100 },
            { code: 'nota', type: 'long_text', label: { it: 'Nota' } },
          ],
        },
      ],
    });
    expect(validateDefinition(def)).toEqual([]);
    expect(await roundTrip(def)).toStrictEqual(def);
  });

  it('ships an example workbook that is what the writer makes of the example form, and reads back to it', async () => {
    const read = await readXlsform(fs.readFileSync(EXAMPLE_WORKBOOK));
    expect(read.problems).toEqual([]);
    expect(stored(read.definition)).toStrictEqual(stored(exampleForm()));
    expect(validateDefinition(exampleForm())).toEqual([]);
  });

  it('lays the workbook out as XLSForm: survey, choices and settings first, typed rows, languages in the headers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsform(sampleForm(), { version: 3 })) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['survey', 'choices', 'settings', 'categories', 'combinations', 'rules']);
    const survey = wb.getWorksheet('survey') as ExcelJS.Worksheet;
    const header = (survey.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['type', 'name', 'label::Italiano (it)', 'label::English (en)']);
    const types = survey.getColumn(1).values.slice(2) as string[];
    expect(types[0]).toBe('begin group');
    expect(types).toEqual(expect.arrayContaining(['select_one yes_no', 'select_multiple services', 'decimal', 'begin repeat', 'end repeat', 'end group']));
    expect(types.some((t) => t.startsWith('begin table '))).toBe(true);
    const settings = wb.getWorksheet('settings') as ExcelJS.Worksheet;
    expect((settings.getRow(1).values as string[]).slice(1)).toEqual(expect.arrayContaining(['form_id', 'form_title', 'version', 'default_language']));
    expect((settings.getRow(2).values as string[]).slice(1)).toEqual(expect.arrayContaining(['scheda-prova', 'Scheda di prova', '3', 'Italiano (it)']));
  });
});

describe('reading XLSForm as authors write it', () => {
  it('reads unmarked labels, aliases, yes/true(), numeric choice names, calculate rows and display appearances', async () => {
    const buf = await workbookOf({
      survey: [
        ['type', 'name', 'label', 'label::English', 'hint', 'required', 'relevance', 'constraint', 'constraint message', 'calculate', 'appearance'],
        ['begin_group', 'g', 'Gruppo', 'Group', 'Descrizione', null, null, null, null, null, 'field-list'],
        ['select one sesso', 'sesso', 'Sesso', 'Sex', null, 'yes'],
        ['integer', 'eta', 'Età', 'Age', null, 'true()', '${sesso} = 1', '. >= 0 and . < 120', 'Età tra 0 e 119'],
        ['select_multiple servizi', 'servizi', 'Servizi', null, null, 'FALSE', 'selected(${sesso}, 2) or ${sesso} != 1'],
        ['text', 'note_libere', 'Note', null, null, null, null, null, null, null, 'multiline'],
        ['decimal', 'quota', 'Quota', null, null, null, null, null, null, null, 'percentage'],
        ['calculate', 'doppia', 'Età doppia', null, null, null, null, null, null, '${eta} * 2'],
        ['select_one yes_no', 'ok', 'Tutto bene?', null, null, '${eta} > 10'],
        ['end_group'],
      ],
      choices: [
        ['list name', 'name', 'label', 'label::English'],
        ['sesso', 1, 'Maschio', 'Male'],
        ['sesso', 2, 'Femmina', 'Female'],
        ['servizi', 'sanita', 'Sanità'],
      ],
      settings: [['form_title', 'form_id', 'version'], ['Modulo degli autori', 'autori', '2024010101']],
    });
    const read = await readXlsform(buf);
    expect(read.problems).toEqual([]);
    const def = stored(read.definition);
    expect(validateDefinition(def)).toEqual([]);
    expect(def).toMatchObject({ code: 'autori', title: { it: 'Modulo degli autori' } });
    const [section] = def.sections;
    expect(section).toMatchObject({ code: 'g', kind: 'quantitative', title: { it: 'Gruppo', en: 'Group' }, description: { it: 'Descrizione' } });
    expect(section.items).toEqual([
      { code: 'sesso', type: 'single_choice', label: { it: 'Sesso', en: 'Sex' }, required: true, choices: [{ code: '1', label: { it: 'Maschio', en: 'Male' } }, { code: '2', label: { it: 'Femmina', en: 'Female' } }] },
      {
        code: 'eta',
        type: 'integer',
        label: { it: 'Età', en: 'Age' },
        required: true,
        relevant: "${sesso} = '1'",
        constraint: '. >= 0 and . < 120',
        constraintMessage: { it: 'Età tra 0 e 119' },
      },
      { code: 'servizi', type: 'multiple_choice', label: { it: 'Servizi' }, required: false, relevant: "selected(${sesso}, '2') or ${sesso} != '1'", choices: [{ code: 'sanita', label: { it: 'Sanità' } }] },
      { code: 'note_libere', type: 'long_text', label: { it: 'Note' } },
      { code: 'quota', type: 'percentage', label: { it: 'Quota' } },
      { code: 'doppia', type: 'decimal', label: { it: 'Età doppia' }, calculate: '${eta} * 2' },
      { code: 'ok', type: 'yes_no', label: { it: 'Tutto bene?' }, required: '${eta} > 10' },
    ]);
  });
});
