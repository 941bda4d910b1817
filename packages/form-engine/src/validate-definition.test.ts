// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${code} is the reference syntax of the expression language, not a template.
import { describe, expect, it } from 'vitest';
import type { FormDefinition, Item } from './definition.ts';
import { sampleForm } from './sample-form.ts';
import { validateDefinition } from './validate-definition.ts';

const t = (it: string) => ({ it });

/** The sample form with one change; items are found by code wherever they are. */
function formWith(change: (def: FormDefinition, item: (code: string) => Item) => void): FormDefinition {
  const def = sampleForm();
  const all = def.sections.flatMap((s) => s.items.flatMap((i) => [i, ...(i.items ?? [])]));
  change(def, (code) => {
    const found = all.find((i) => i.code === code);
    if (!found) throw new Error(`no item ${code} in the sample form`);
    return found;
  });
  return def;
}

describe('validateDefinition', () => {
  it('finds nothing wrong with the sample form', () => {
    expect(validateDefinition(sampleForm())).toEqual([]);
  });

  it.each<[string, (def: FormDefinition, item: (code: string) => Item) => void, { path: string; code: string; position?: number }, string]>([
    [
      'a duplicate item code across sections',
      (def) => def.sections[3].items.push({ code: 'has_cas', type: 'integer', label: t('Doppione') }),
      { path: 'sections.3.items.3.code', code: 'duplicate_code' },
      'Codice duplicato: voce «has_cas» è già definita in sections.0.items.3.',
    ],
    [
      'a repeat child with a top-level code',
      (_def, item) => item('courses').items?.push({ code: 'meetings', type: 'integer', label: t('Doppione') }),
      { path: 'sections.3.items.0.code', code: 'duplicate_code' },
      '«meetings» è già definita in sections.2.items.0.items.5',
    ],
    ['a duplicate section code', (def) => (def.sections[1].code = 'presence'), { path: 'sections.1.code', code: 'duplicate_code' }, 'sezione «presence»'],
    ['a duplicate category code', (def) => def.categories.push({ ...def.categories[0] }), { path: 'categories.2.code', code: 'duplicate_code' }, 'categoria «sex»'],
    [
      'a duplicate option in a category',
      (def) => def.categories[0].options.push({ code: 'M', label: t('Ancora') }),
      { path: 'categories.0.options.2.code', code: 'duplicate_code' },
      'opzione «M» è già definita in categories.0.options.0',
    ],
    [
      'a duplicate choice',
      (_def, item) => item('services').choices?.push({ code: 'health', label: t('Ancora') }),
      { path: 'sections.0.items.6.choices.3.code', code: 'duplicate_code' },
      '«health»',
    ],
    ['a duplicate rule code', (def) => def.rules.push({ ...def.rules[0] }), { path: 'rules.3.code', code: 'duplicate_code' }, 'regola «places_per_resident»'],
    ['a rule named like an item', (def) => (def.rules[0].code = 'meetings'), { path: 'rules.0.code', code: 'duplicate_code' }, 'già il codice di una voce'],
    ['a bad item code', (_def, item) => (item('meetings').code = '1meetings'), { path: 'sections.3.items.0.code', code: 'invalid_code' }, 'Codice di voce non valido: «1meetings»'],
    ['an item code with a hyphen', (_def, item) => (item('strengths').code = 'punti-forza'), { path: 'sections.3.items.1.code', code: 'invalid_code' }, 'iniziando con una lettera'],
    ['a bad option code', (def) => (def.categories[0].options[0].code = 'M F'), { path: 'categories.0.options.0.code', code: 'invalid_code' }, 'Usa lettere, cifre, _, - e +'],
    ['a missing label', (_def, item) => (item('meetings').label = t(' ')), { path: 'sections.3.items.0.label.it', code: 'missing_label' }, "Manca l'etichetta"],
    [
      'an unknown reference, with its position',
      (_def, item) => (item('cas_places').relevant = "${has_cas} = 'yes' and ${cas_centers} > 0"),
      { path: 'sections.0.items.5.relevant', code: 'unknown_reference', position: 23 },
      'Riferimento sconosciuto: ${cas_centers} (posizione 23): nessuna voce ha questo codice. Forse intendevi ${cas_centres}?',
    ],
    ['an unknown reference in a rule', (def) => (def.rules[0].right = '${residentz}'), { path: 'rules.0.right', code: 'unknown_reference', position: 0 }, 'Forse intendevi ${residents}?'],
    [
      'a repeat child read from outside',
      (_def, item) => (item('course_hours').calculate = '${hours} * 2'),
      { path: 'sections.2.items.2.calculate', code: 'repeat_item_outside', position: 0 },
      'da fuori del gruppo usa sum(${courses.hours})',
    ],
    [
      'a repeat column outside sum/count/min/max',
      (_def, item) => (item('course_hours').calculate = '${courses.hours} + 1'),
      { path: 'sections.2.items.2.calculate', code: 'list_outside_aggregate', position: 0 },
      'indica più valori: usalo dentro sum(), count(), min() o max()',
    ],
    [
      'a wildcard outside an aggregate',
      (_def, item) => (item('minors').calculate = '${residents.*.0-17}'),
      { path: 'sections.0.items.1.calculate', code: 'list_outside_aggregate' },
      'indica più valori',
    ],
    ['count() of a plain item', (def) => (def.rules[2].left = 'count(${meetings})'), { path: 'rules.2.left', code: 'count_needs_list', position: 6 }, 'count(${meetings}) (posizione 6) conta righe o celle'],
    [
      'an unknown repeat column',
      (_def, item) => (item('course_hours').calculate = 'sum(${courses.minutes})'),
      { path: 'sections.2.items.2.calculate', code: 'unknown_reference', position: 4 },
      '«minutes» non è tra le opzioni di «courses»',
    ],
    [
      'an unknown disaggregation option',
      (_def, item) => (item('minors').calculate = '${residents.X.0-17}'),
      { path: 'sections.0.items.1.calculate', code: 'invalid_cell_reference', position: 0 },
      '«X» non è tra le opzioni di «sex»',
    ],
    [
      'a disaggregation cell with too few options',
      (_def, item) => (item('minors').calculate = '${residents.F}'),
      { path: 'sections.0.items.1.calculate', code: 'invalid_cell_reference' },
      'Scrivi ad es. ${residents.M.0-17}',
    ],
    [
      'a table cell without a column',
      (_def, item) => (item('staff_total').calculate = '${staff.doctors}'),
      { path: 'sections.1.items.1.calculate', code: 'invalid_cell_reference' },
      'Scrivi ad es. ${staff.doctors.full_time}',
    ],
    ['cells of a plain item', (def) => (def.rules[2].left = '${meetings.M}'), { path: 'rules.2.left', code: 'invalid_cell_reference' }, 'la voce «meetings» non ha celle'],
    [
      'a syntax error, with its position',
      (_def, item) => (item('minors_share').calculate = 'round(${minors} div ${residents} * 100, 1'),
      { path: 'sections.0.items.2.calculate', code: 'unclosed_parenthesis', position: 5 },
      'Parentesi non chiusa alla posizione 5.',
    ],
    ['an unknown function', (def) => (def.rules[1].left = 'summ(${meetings})'), { path: 'rules.1.left', code: 'unknown_function', position: 0 }, 'Funzione sconosciuta: summ'],
    [
      'a cycle among calculations',
      (_def, item) => (item('minors').calculate = '${minors_share} * 2'),
      { path: 'sections.0.items.1.calculate', code: 'cycle' },
      'Ciclo tra calcoli e condizioni: minors → minors_share → minors.',
    ],
    ['an item relevant on itself', (_def, item) => (item('meetings').relevant = '${meetings} > 0'), { path: 'sections.3.items.0.relevant', code: 'cycle' }, 'meetings → meetings'],
    ['. outside a constraint', (_def, item) => (item('minors').calculate = '. + 1'), { path: 'sections.0.items.1.calculate', code: 'self_not_allowed', position: 0 }, 'si usa solo nei vincoli'],
    ['. in a table constraint', (_def, item) => (item('staff').constraint = '. > 0'), { path: 'sections.1.items.0.constraint', code: 'self_not_allowed' }, 'tabelle e gruppi ripetuti'],
    ['an unknown disaggregation', (_def, item) => (item('meetings').disaggregation = 'sex_area'), { path: 'sections.3.items.0.disaggregation', code: 'unknown_combo' }, '«sex_area» non è tra le combinazioni'],
    ['a combo with an unknown category', (def) => def.categoryCombos[0].categories.push('area'), { path: 'categoryCombos.0.categories.2', code: 'unknown_category' }, 'Categoria sconosciuta: «area»'],
    ['a combo repeating a category', (def) => def.categoryCombos[0].categories.push('sex'), { path: 'categoryCombos.0.categories.2', code: 'duplicate_category' }, 'compare due volte'],
    ['a category without options', (def) => (def.categories[0].options = []), { path: 'categories.0.options', code: 'empty_list' }, "Manca l'elenco options"],
    ['a choice item without choices', (_def, item) => delete item('services').choices, { path: 'sections.0.items.6.choices', code: 'missing_choices' }, "Manca l'elenco choices"],
    ['a table without rows', (_def, item) => (item('staff').rows = []), { path: 'sections.1.items.0.rows', code: 'missing_rows' }, "Manca l'elenco rows"],
    ['a table without columns', (_def, item) => delete item('staff').columns, { path: 'sections.1.items.0.columns', code: 'missing_columns' }, "Manca l'elenco columns"],
    ['a repeat without items', (_def, item) => (item('courses').items = []), { path: 'sections.2.items.0.items', code: 'missing_items' }, "Manca l'elenco items"],
    ['choices on a number', (_def, item) => (item('meetings').choices = [{ code: 'a', label: t('A') }]), { path: 'sections.3.items.0.choices', code: 'unexpected_field' }, 'valgono solo per le voci a scelta'],
    ['min greater than max', (_def, item) => Object.assign(item('meetings'), { min: 10, max: 5 }), { path: 'sections.3.items.0.min', code: 'min_greater_than_max' }, 'Il minimo (10) è maggiore del massimo (5).'],
    ['limits on a text', (_def, item) => (item('strengths').max = 5), { path: 'sections.3.items.1.max', code: 'limits_not_numeric' }, 'solo per voci numeriche'],
    ['a percentage above 100', (_def, item) => (item('minors_share').max = 150), { path: 'sections.0.items.2.max', code: 'percentage_bounds' }, 'da 0 a 100'],
    ['a required calculation', (_def, item) => (item('minors').required = true), { path: 'sections.0.items.1.required', code: 'calculate_and_required' }, 'non può essere obbligatoria'],
    ['a calculated table', (_def, item) => (item('staff').calculate = '1'), { path: 'sections.1.items.0.calculate', code: 'calculate_not_allowed' }, 'Il calcolo (calculate) non si usa per table'],
    ['a disaggregated text', (_def, item) => (item('strengths').disaggregation = 'sex_age'), { path: 'sections.3.items.1.disaggregation', code: 'disaggregation_not_numeric' }, 'non il tipo long_text'],
    [
      'a table inside a repeat',
      (def, item) => item('courses').items?.push({ ...(def.sections[1].items[0] as Item), code: 'inner_table' }),
      { path: 'sections.2.items.0.items.5', code: 'nested_group' },
      'non può contenere tabelle',
    ],
    ['copying last year into a calculated item', (_def, item) => (item('minors').copyLastYear = true), { path: 'sections.0.items.1.copyLastYear', code: 'copy_not_allowed' }, 'Una voce calcolata non si copia'],
    ['copying last year into one item of a repeat', (_def, item) => (item('hours').copyLastYear = true), { path: 'sections.2.items.0.items.1.copyLastYear', code: 'copy_not_allowed' }, 'indica copyLastYear sul gruppo'],
    ['a copy flag that is not true or false', (_def, item) => ((item('meetings') as { copyLastYear: unknown }).copyLastYear = 'yes'), { path: 'sections.3.items.0.copyLastYear', code: 'invalid_flag' }, 'copyLastYear vale true o false.'],
    ['an unknown item type', (_def, item) => ((item('meetings') as { type: string }).type = 'number'), { path: 'sections.3.items.0.type', code: 'unknown_type' }, 'Tipo di voce sconosciuto: «number»'],
    ['an empty section', (def) => (def.sections[3].items = []), { path: 'sections.3.items', code: 'empty_section' }, 'La sezione «evaluation» non ha voci.'],
    ['a bad rule operator', (def) => ((def.rules[0] as { operator: string }).operator = '=='), { path: 'rules.0.operator', code: 'invalid_operator' }, 'Operatore della regola non valido: «==»'],
    [
      'arithmetic on a yes/no answer',
      (_def, item) => (item('minors').calculate = '${has_cas} + 1'),
      { path: 'sections.0.items.1.calculate', code: 'type_mismatch', position: 0 },
      "L'operatore + richiede numeri, ma qui riceve un testo (posizione 0). Codici delle opzioni, date e risposte sì/no sono testi",
    ],
    [
      'a number compared with a text',
      (_def, item) => (item('cas_places').relevant = "${cas_centres} = '3'"),
      { path: 'sections.0.items.5.relevant', code: 'type_mismatch', position: 0 },
      'Non si può confrontare un numero con un testo (posizione 0).',
    ],
    [
      'a multiple choice compared with =',
      (_def, item) => (item('services_other').relevant = "${services} = 'other'"),
      { path: 'sections.0.items.7.relevant', code: 'type_mismatch' },
      "usa selected(${voce}, 'codice')",
    ],
    [
      'a yes/no answer used as a condition',
      (_def, item) => (item('minors').calculate = 'if(${has_cas}, 1, 0)'),
      { path: 'sections.0.items.1.calculate', code: 'type_mismatch', position: 3 },
      'if() richiede una condizione vera o falsa, ma qui riceve un testo (posizione 3).',
    ],
    [
      'the year of a number',
      (_def, item) => (item('minors').calculate = 'year(${residents})'),
      { path: 'sections.0.items.1.calculate', code: 'type_mismatch', position: 5 },
      'La funzione year richiede un testo, ma qui riceve un numero (posizione 5).',
    ],
    ['true and false ordered', (def) => (def.rules[2].left = 'true() < false()'), { path: 'rules.2.left', code: 'type_mismatch' }, 'Un valore vero/falso non si può ordinare'],
    [
      'a sum over a table with a text column',
      (_def, item) => (item('staff_total').calculate = 'sum(${staff})'),
      { path: 'sections.1.items.1.calculate', code: 'type_mismatch', position: 4 },
      'La funzione sum richiede un numero, ma qui riceve un testo (posizione 4).',
    ],
    ['a relevance that is not a condition', (_def, item) => (item('meetings').relevant = '${minors} + 1'), { path: 'sections.3.items.0.relevant', code: 'type_mismatch' }, 'La condizione deve dare vero o falso, ma dà un numero.'],
    [
      'a calculation of the wrong type',
      (_def, item) => (item('minors').calculate = "'molti'"),
      { path: 'sections.0.items.1.calculate', code: 'type_mismatch' },
      'Il calcolo dà un testo, che non va bene per una voce di tipo integer.',
    ],
    [
      'rule sides of different types',
      (def) => (def.rules[0].left = '${has_cas}'),
      { path: 'rules.0.operator', code: 'type_mismatch' },
      'I due lati della regola non si possono confrontare: un testo e un numero.',
    ],
  ])('reports %s', (_name, change, expected, message) => {
    const problems = validateDefinition(formWith(change));
    const problem = problems.find((p) => p.path === expected.path && p.code === expected.code);
    expect(problem, JSON.stringify(problems, null, 1)).toBeDefined();
    if (expected.position !== undefined) expect(problem?.position).toBe(expected.position);
    expect(problem?.message.it).toContain(message);
    expect(problem?.message.en).toBeTruthy();
  });

  it('reports every problem at once', () => {
    const def = formWith((d, item) => {
      item('minors').calculate = '${minors_share} + ${nope}';
      item('meetings').min = -1;
      item('meetings').max = -5;
      delete item('services').choices;
      d.rules[0].left = '(${cas_places}';
    });
    expect(validateDefinition(def).map((p) => `${p.path} ${p.code}`)).toEqual([
      'sections.0.items.6.choices missing_choices',
      'sections.3.items.0.min min_greater_than_max',
      'sections.0.items.1.calculate unknown_reference',
      'rules.0.left unclosed_parenthesis',
    ]);
  });

  it('names every item of a longer cycle once', () => {
    const def = formWith((_d, item) => {
      item('minors').calculate = '${staff_total} + 1';
      item('staff_total').calculate = '${course_hours} + 1';
      item('course_hours').calculate = '${minors} + 1';
    });
    const cycles = validateDefinition(def).filter((p) => p.code === 'cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0].message.en).toBe('Cycle among calculations and conditions: minors → staff_total → course_hours → minors. Each item depends, step by step, on itself.');
  });

  it('accepts references that read the same row inside a repeat, and outside items from it', () => {
    const def = formWith((_d, item) => {
      item('hours').constraint = '. <= 200 and . >= ${meetings}';
      item('women_share').calculate = 'round(${women} div ${participants} * 100) + count(${courses}) * 0';
    });
    expect(validateDefinition(def)).toEqual([]);
  });

  it('does not crash on a definition missing its lists', () => {
    const problems = validateDefinition({ code: 'x', title: t('X') } as FormDefinition);
    expect(problems.map((p) => p.code)).toEqual(['no_sections']);
  });
});
