// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${code} is the reference syntax of the expression language, not a template.
import type { FormDefinition, Item } from './definition.ts';

const t = (it: string, en?: string) => ({ it, en });

/**
 * A small but realistic monitoring form, used by this package's tests and usable by others': a
 * disaggregated count with calculations on its cells, skip logic, required-if, constraints with `.`,
 * a choice with "other, specify", a table, a repeat with count/sum, and rules with each missing-value strategy.
 */
export function sampleForm(): FormDefinition {
  return {
    code: 'scheda-prova',
    title: t('Scheda di prova', 'Test form'),
    categories: [
      { code: 'sex', label: t('Sesso', 'Sex'), options: [{ code: 'M', label: t('Maschi') }, { code: 'F', label: t('Femmine') }] },
      {
        code: 'age',
        label: t('Fascia di età', 'Age band'),
        options: [
          { code: '0-17', label: t('0-17 anni') },
          { code: '18-64', label: t('18-64 anni') },
          { code: '65+', label: t('65 anni e oltre') },
        ],
      },
    ],
    categoryCombos: [{ code: 'sex_age', label: t('Sesso × età', 'Sex × age'), categories: ['sex', 'age'] }],
    sections: [
      {
        code: 'presence',
        kind: 'quantitative',
        title: t('Presenza straniera e accoglienza', 'Foreign presence and reception'),
        items: [
          { code: 'residents', type: 'integer', label: t('Residenti stranieri', 'Foreign residents'), required: true, disaggregation: 'sex_age' },
          { code: 'minors', type: 'integer', label: t('di cui minori'), calculate: 'sum(${residents.*.0-17})' },
          { code: 'minors_share', type: 'percentage', label: t('Quota di minori (%)'), calculate: 'round(${minors} div ${residents} * 100, 1)' },
          { code: 'has_cas', type: 'yes_no', label: t('Ci sono CAS nella provincia?'), required: true },
          {
            code: 'cas_centres',
            type: 'integer',
            label: t('Numero di CAS'),
            relevant: "${has_cas} = 'yes'",
            required: true,
            max: 500,
          },
          {
            code: 'cas_places',
            type: 'integer',
            label: t('Posti nei CAS'),
            relevant: "${has_cas} = 'yes'",
            required: '${cas_centres} > 0',
            constraint: '. >= ${cas_centres}',
            constraintMessage: t('Serve almeno un posto per centro.', 'At least one place per centre is needed.'),
          },
          {
            code: 'services',
            type: 'multiple_choice',
            label: t('Servizi attivi'),
            choices: [
              { code: 'health', label: t('Sanità') },
              { code: 'school', label: t('Scuola') },
              { code: 'other', label: t('Altro') },
            ],
          },
          { code: 'services_other', type: 'text', label: t('Altro: quale?'), relevant: "selected(${services}, 'other')", required: true },
          { code: 'survey_date', type: 'date', label: t('Data di rilevazione'), constraint: '. <= today()' },
          { code: 'cas_occupancy', type: 'percentage', label: t('Occupazione dei posti CAS (%)'), relevant: "${has_cas} = 'yes'" },
        ],
      },
      {
        code: 'staff_section',
        kind: 'quantitative',
        title: t('Personale dei servizi'),
        items: [
          {
            code: 'staff',
            type: 'table',
            label: t('Personale per figura'),
            rows: [
              { code: 'doctors', label: t('Medici') },
              { code: 'mediators', label: t('Mediatori') },
            ],
            columns: [
              { code: 'full_time', label: t('Tempo pieno'), type: 'integer' },
              { code: 'part_time', label: t('Tempo parziale'), type: 'integer' },
              { code: 'notes', label: t('Note'), type: 'text' },
            ],
          },
          { code: 'staff_total', type: 'integer', label: t('Personale totale'), calculate: 'sum(${staff.*.full_time}, ${staff.*.part_time})' },
        ],
      },
      {
        code: 'activities',
        kind: 'quantitative',
        title: t('Corsi di formazione'),
        items: [
          {
            code: 'courses',
            type: 'repeat',
            label: t('Corsi'),
            items: [
              { code: 'course_name', type: 'text', label: t('Titolo'), required: true },
              { code: 'hours', type: 'integer', label: t('Ore'), required: true, max: 200 },
              { code: 'participants', type: 'integer', label: t('Partecipanti') },
              { code: 'women', type: 'integer', label: t('di cui donne'), relevant: '${participants} > 0', constraint: '. <= ${participants}' },
              { code: 'women_share', type: 'percentage', label: t('Quota donne'), calculate: 'round(${women} div ${participants} * 100)' },
            ],
          },
          { code: 'course_count', type: 'integer', label: t('Numero di corsi'), calculate: 'count(${courses})' },
          { code: 'course_hours', type: 'integer', label: t('Ore di formazione'), calculate: 'sum(${courses.hours})' },
        ],
      },
      {
        code: 'evaluation',
        kind: 'evaluative',
        title: t('Sezione valutativa'),
        items: [
          { code: 'meetings', type: 'integer', label: t('Riunioni del Consiglio') },
          { code: 'strengths', type: 'long_text', label: t('Punti di forza'), required: true },
          { code: 'mediation_spending', type: 'decimal', label: t('Spesa per la mediazione'), unit: t('euro') },
        ],
      },
    ],
    rules: [
      {
        code: 'places_per_resident',
        left: '${cas_places}',
        operator: '<=',
        right: '${residents}',
        severity: 'warning',
        message: t('I posti CAS superano i residenti stranieri.', 'CAS places exceed foreign residents.'),
      },
      {
        code: 'doctors_vs_residents',
        left: 'sum(${staff.doctors.full_time}, ${staff.doctors.part_time})',
        operator: '<=',
        right: '${residents}',
        severity: 'error',
        message: t('Più medici che residenti.'),
        missingValueStrategy: 'skip_if_all_missing',
      },
      {
        code: 'council_met',
        left: '${meetings}',
        operator: '>=',
        right: '1',
        severity: 'warning',
        message: t('Il Consiglio non si è riunito.', 'The council did not meet.'),
        missingValueStrategy: 'never_skip',
      },
    ],
  };
}

/** A complete, valid submission of sampleForm(): no issue, every rule passed. */
export function sampleValues(): Record<string, unknown> {
  return {
    'residents.M.0-17': 10,
    'residents.F.0-17': 8,
    'residents.M.18-64': 120,
    'residents.F.18-64': 110,
    'residents.M.65+': 4,
    'residents.F.65+': 6,
    has_cas: 'yes',
    cas_centres: 3,
    cas_places: 90,
    cas_occupancy: 87.5,
    services: ['health', 'other'],
    services_other: 'Sportello legale',
    survey_date: '2025-03-31',
    'staff.doctors.full_time': 2,
    'staff.doctors.part_time': 1,
    'staff.mediators.full_time': 3,
    'staff.mediators.part_time': 0,
    'staff.doctors.notes': "Convenzione con l'ASL",
    courses: [
      { course_name: 'Italiano L2', hours: 60, participants: 20, women: 12 },
      { course_name: 'Orientamento al lavoro', hours: 30, participants: 0 },
    ],
    meetings: 4,
    strengths: 'Buona collaborazione tra prefettura, comuni e terzo settore.',
    mediation_spending: 12500.5,
  };
}

/** The sample form with one change to the item of that code (wherever it is). */
export function sampleWith(code: string, change: Partial<Item>): FormDefinition {
  const def = sampleForm();
  const item = def.sections.flatMap((s) => s.items.flatMap((i) => [i, ...(i.items ?? [])])).find((i) => i.code === code);
  Object.assign(item as Item, change);
  return def;
}

const BANDS = ['0-17', '18-29', '30-44', '45-64', '65+'];
const AREAS = ['EU', 'non-EU'];
const COLUMNS = Array.from({ length: 10 }, (_, c) => `c${c}`);

/**
 * A form of the size of the real one, for performance checks: `groups` groups of five items — a count
 * disaggregated by sex × 5 age bands × 2 citizenship areas (20 cells), a yes/no gate, a count relevant on
 * it with a constraint, a calculated share and a running total chained to the previous group's — plus a
 * 20 × 10 table. With the default 40 groups: 201 items and 1,000 cells.
 */
export function largeForm(groups = 40): FormDefinition {
  const items: FormDefinition['sections'][number]['items'] = [];
  for (let g = 0; g < groups; g++) {
    items.push(
      { code: `people_${g}`, type: 'integer', label: t(`Persone ${g}`), disaggregation: 'sex_band', required: true },
      { code: `gate_${g}`, type: 'yes_no', label: t(`Servizio ${g} attivo?`) },
      { code: `users_${g}`, type: 'integer', label: t(`Utenti ${g}`), relevant: `\${gate_${g}} = 'yes'`, constraint: `. <= \${people_${g}}` },
      { code: `share_${g}`, type: 'decimal', label: t(`Quota ${g}`), calculate: `round(\${users_${g}} div \${people_${g}} * 100, 1)` },
      { code: `running_${g}`, type: 'integer', label: t(`Cumulato ${g}`), calculate: g === 0 ? `\${people_0}` : `\${running_${g - 1}} + \${people_${g}}` },
    );
  }
  items.push({
    code: 'grid',
    type: 'table',
    label: t('Tabella'),
    rows: Array.from({ length: 20 }, (_, r) => ({ code: `r${r}`, label: t(`Riga ${r}`) })),
    columns: COLUMNS.map((code) => ({ code, label: t(code), type: 'integer' as const })),
  });
  return {
    code: 'scheda-grande',
    title: t('Scheda grande'),
    categories: [
      { code: 'sex', label: t('Sesso'), options: [{ code: 'M', label: t('M') }, { code: 'F', label: t('F') }] },
      { code: 'band', label: t('Età'), options: BANDS.map((code) => ({ code, label: t(code) })) },
      { code: 'area', label: t('Cittadinanza'), options: AREAS.map((code) => ({ code, label: t(code) })) },
    ],
    categoryCombos: [{ code: 'sex_band', label: t('Sesso × età × cittadinanza'), categories: ['sex', 'band', 'area'] }],
    sections: [{ code: 'main', kind: 'quantitative', title: t('Dati'), items }],
    rules: [
      { code: 'last_total', left: `\${running_${groups - 1}}`, operator: '>=', right: 'sum(${grid.*.c0})', severity: 'warning', message: t('Totale') },
    ],
  };
}

/** Values for largeForm: every cell filled with small numbers, gates alternating, the table full. */
export function largeFormValues(groups = 40): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (let g = 0; g < groups; g++) {
    for (const sex of ['M', 'F']) {
      for (const band of BANDS) for (const area of AREAS) values[`people_${g}.${sex}.${band}.${area}`] = g + 1;
    }
    values[`gate_${g}`] = g % 2 === 0 ? 'yes' : 'no';
    values[`users_${g}`] = g + 1;
  }
  for (let r = 0; r < 20; r++) for (const c of COLUMNS) values[`grid.r${r}.${c}`] = r;
  return values;
}
