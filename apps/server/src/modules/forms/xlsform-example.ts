// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${code} is the reference syntax of the expression language, not a template.
import fs from 'node:fs';
import path from 'node:path';
import type { FormDefinition } from '@mosaico/form-engine/definition';
import { writeXlsform } from './xlsform-write.ts';

/** The example workbook shipped for form authors (data/forms/esempio-xlsform.xlsx). */
export const EXAMPLE_WORKBOOK = path.resolve(import.meta.dirname, '../../../../../data/forms/esempio-xlsform.xlsx');

const t = (it: string, en: string) => ({ it, en });

/**
 * A short form that uses every part of the XLSForm layout: a yes/no gate with skip logic, a count by
 * sex × age band, a calculated percentage, single and multiple choices, a table, a date, an evaluative
 * section with a long text and a repeat, and a cross-item rule.
 */
export function exampleForm(): FormDefinition {
  return {
    code: 'esempio-xlsform',
    title: t('Esempio di scheda in formato XLSForm', 'Example form in XLSForm layout'),
    description: t('Una scheda breve da copiare per scrivere la propria.', 'A short form to copy when writing your own.'),
    categories: [
      { code: 'sesso', label: t('Sesso', 'Sex'), options: [{ code: 'm', label: t('Maschi', 'Males') }, { code: 'f', label: t('Femmine', 'Females') }] },
      { code: 'eta', label: t('Età', 'Age'), options: [{ code: 'minori', label: t('0-17 anni', '0-17 years') }, { code: 'adulti', label: t('18 anni e oltre', '18 and over') }] },
    ],
    categoryCombos: [{ code: 'sesso_x_eta', label: t('Sesso × età', 'Sex × age'), categories: ['sesso', 'eta'] }],
    sections: [
      {
        code: 'acc',
        kind: 'quantitative',
        title: t('1. Accoglienza', '1. Reception'),
        description: t('Dati al 31 dicembre dell’anno di riferimento.', 'Figures at 31 December of the reference year.'),
        items: [
          { code: 'acc_attivi', type: 'yes_no', label: t('Ci sono centri di accoglienza nella provincia?', 'Are there reception centres in the province?'), required: true },
          {
            code: 'acc_posti',
            type: 'integer',
            label: t('Posti disponibili', 'Places available'),
            help: t('Posti finanziati, occupati o no.', 'Funded places, taken or not.'),
            required: "${acc_attivi} = 'yes'",
            relevant: "${acc_attivi} = 'yes'",
            unit: t('posti', 'places'),
            min: 0,
            copyLastYear: true,
          },
          {
            code: 'acc_presenti',
            type: 'integer',
            label: t('Persone presenti', 'People present'),
            relevant: "${acc_attivi} = 'yes'",
            unit: t('persone', 'people'),
            min: 0,
            disaggregation: 'sesso_x_eta',
          },
          {
            code: 'acc_tasso',
            type: 'percentage',
            label: t('Tasso di occupazione', 'Occupancy rate'),
            relevant: "${acc_attivi} = 'yes'",
            calculate: 'round(${acc_presenti} div ${acc_posti} * 100, 1)',
          },
          {
            code: 'acc_tipo',
            type: 'single_choice',
            label: t('Tipo di accoglienza prevalente', 'Main kind of reception'),
            relevant: "${acc_attivi} = 'yes'",
            choices: [
              { code: 'cas', label: t('CAS', 'CAS') },
              { code: 'sai', label: t('SAI', 'SAI') },
              { code: 'altro', label: t('Altro', 'Other') },
            ],
          },
          {
            code: 'acc_servizi',
            type: 'multiple_choice',
            label: t('Servizi offerti', 'Services offered'),
            constraint: 'count-selected(.) <= 2',
            constraintMessage: t('Indica al massimo due servizi.', 'Give at most two services.'),
            choices: [
              { code: 'sanita', label: t('Sanità', 'Health') },
              { code: 'lingua', label: t('Corsi di italiano', 'Italian courses') },
              { code: 'lavoro', label: t('Orientamento al lavoro', 'Job guidance') },
            ],
          },
          {
            code: 'acc_personale',
            type: 'table',
            label: t('Personale dei centri', 'Staff of the centres'),
            min: 0,
            rows: [
              { code: 'operatori', label: t('Operatori', 'Workers') },
              { code: 'mediatori', label: t('Mediatori culturali', 'Cultural mediators') },
            ],
            columns: [
              { code: 'tempo_pieno', label: t('A tempo pieno', 'Full time'), type: 'integer' },
              { code: 'part_time', label: t('A tempo parziale', 'Part time'), type: 'integer' },
              { code: 'note', label: t('Note', 'Notes'), type: 'text' },
            ],
          },
          {
            code: 'acc_data',
            type: 'date',
            label: t('Data della rilevazione', 'Date of the count'),
            constraint: '. <= today()',
            constraintMessage: t('La data non può essere nel futuro.', 'The date cannot be in the future.'),
          },
        ],
      },
      {
        code: 'val',
        kind: 'evaluative',
        title: t('2. Valutazione', '2. Assessment'),
        items: [
          { code: 'val_punti_forza', type: 'long_text', label: t('Punti di forza', 'Strengths'), required: true },
          {
            code: 'val_pratiche',
            type: 'repeat',
            label: t('Buone pratiche', 'Good practices'),
            items: [
              { code: 'val_pratica_titolo', type: 'text', label: t('Titolo', 'Title'), required: true },
              { code: 'val_pratica_persone', type: 'integer', label: t('Persone coinvolte', 'People involved'), min: 0 },
            ],
          },
          { code: 'val_n_pratiche', type: 'integer', label: t('Numero di buone pratiche', 'Number of good practices'), calculate: 'count(${val_pratiche})' },
        ],
      },
    ],
    rules: [
      {
        code: 'r_presenti_posti',
        left: '${acc_presenti}',
        operator: '<=',
        right: '${acc_posti} * 1.2',
        severity: 'warning',
        message: t('Le persone presenti superano di molto i posti: verifica.', 'People present far exceed the places: please check.'),
      },
    ],
  };
}

/** Writes the example workbook (run by scripts/make-xlsform-example.mjs). */
export async function writeExampleWorkbook(file = EXAMPLE_WORKBOOK): Promise<string> {
  fs.writeFileSync(file, await writeXlsform(exampleForm(), { version: 1, created: new Date('2026-01-01T00:00:00Z') }));
  return file;
}
