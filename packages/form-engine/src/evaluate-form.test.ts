// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${code} is the reference syntax of the expression language, not a template.
import { describe, expect, it } from 'vitest';
import { compileForm } from './compile-form.ts';
import type { FormDefinition } from './definition.ts';
import { evaluateForm, type FormEvaluation } from './evaluate-form.ts';
import { sampleForm, sampleValues, sampleWith } from './sample-form.ts';

const TODAY = { today: '2025-06-15' };

const evaluate = (changes: Record<string, unknown> = {}, def: FormDefinition = sampleForm()) =>
  evaluateForm(def, { ...sampleValues(), ...changes }, TODAY);
const issuesOf = (result: FormEvaluation) => result.issues.map((i) => `${i.item} ${i.code}`);
const rule = (result: FormEvaluation, code: string) => result.rules.find((r) => r.rule === code);

describe('evaluateForm on a complete submission', () => {
  const result = evaluate();

  it('finds no issue and passes every rule', () => {
    expect(result.issues).toEqual([]);
    expect(result.rules.map((r) => [r.rule, r.status, r.left, r.right])).toEqual([
      ['places_per_resident', 'passed', 90, 258],
      ['doctors_vs_residents', 'passed', 3, 258],
      ['council_met', 'passed', 4, 1],
    ]);
  });

  it('computes totals and calculation chains', () => {
    expect(result.totals).toEqual({ residents: 258 });
    expect(result.calculated).toEqual({
      minors: 18,
      minors_share: 7,
      staff_total: 6,
      'courses[0].women_share': 60,
      'courses[1].women_share': null,
      course_count: 2,
      course_hours: 90,
    });
  });

  it('decides relevance per item and per repeat row', () => {
    expect(result.relevant).toMatchObject({ cas_centres: true, services_other: true, 'courses[0].women': true, 'courses[1].women': false });
  });

  it('counts every expected item as filled', () => {
    expect(result.completeness).toEqual({
      bySection: {
        presence: { filled: 8, expected: 8 },
        staff_section: { filled: 1, expected: 1 },
        activities: { filled: 1, expected: 1 },
        evaluation: { filled: 3, expected: 3 },
      },
      overall: { filled: 13, expected: 13 },
    });
  });

  it('gives the same result from a compiled form, compiled once', () => {
    const def = sampleForm();
    const compiled = compileForm(def);
    expect(compileForm(def)).toBe(compiled);
    expect(evaluateForm(compiled, sampleValues(), TODAY)).toEqual(evaluateForm(def, sampleValues(), TODAY));
  });
});

describe('evaluateForm on an empty submission', () => {
  const result = evaluateForm(sampleForm(), {}, TODAY);

  it('asks for the required items that are relevant, and nothing behind an unanswered gate', () => {
    expect(issuesOf(result)).toEqual(['residents required', 'has_cas required', 'strengths required']);
    expect(result.issues[0].message).toEqual({ it: 'Questo campo è obbligatorio.', en: 'This field is required.' });
    expect(result.relevant).toMatchObject({ cas_centres: false, cas_places: false, services_other: false });
  });

  it('keeps sums of unanswered values missing, and sums over no rows at 0', () => {
    expect(result.calculated).toEqual({ minors: null, minors_share: null, staff_total: null, course_count: 0, course_hours: 0 });
    expect(result.totals).toEqual({ residents: null });
  });

  it('applies each missing-value strategy', () => {
    expect(rule(result, 'places_per_resident')).toMatchObject({ status: 'skipped' });
    expect(rule(result, 'doctors_vs_residents')).toMatchObject({ status: 'skipped' });
    expect(rule(result, 'council_met')).toMatchObject({ status: 'failed', left: 0, right: 1, severity: 'warning' });
  });

  it('counts nothing as filled', () => {
    expect(result.completeness.overall).toEqual({ filled: 0, expected: 9 });
    expect(result.completeness.bySection.presence).toEqual({ filled: 0, expected: 4 });
  });
});

describe('relevance and required-if', () => {
  it('ignores the values of non-relevant items, and reads them as missing', () => {
    const result = evaluate({ has_cas: 'no', cas_centres: 'tre', cas_places: -4, cas_occupancy: 300 });
    expect(result.issues).toEqual([]);
    expect(result.relevant).toMatchObject({ cas_centres: false, cas_places: false, cas_occupancy: false });
    expect(rule(result, 'places_per_resident')).toMatchObject({ status: 'skipped', left: null });
  });

  it('makes an item required when its condition holds', () => {
    expect(issuesOf(evaluate({ cas_centres: 2, cas_places: null }))).toEqual(['cas_places required']);
    expect(issuesOf(evaluate({ cas_centres: 0, cas_places: null }))).toEqual([]);
  });

  it('tells which relevant items are required now, whether filled or not', () => {
    expect(evaluate({ cas_centres: 2 }).required).toMatchObject({ cas_places: true, cas_centres: true, residents: true, meetings: false, courses: false });
    expect(evaluate({ cas_centres: 0 }).required.cas_places).toBe(false);
    expect(evaluate({ has_cas: 'no' }).required).not.toHaveProperty('cas_places');
    expect(evaluate().required).toMatchObject({ 'courses[0].course_name': true, 'courses[1].participants': false });
    expect(evaluate().required).not.toHaveProperty('minors');
  });

  it('does not require an item whose condition is unknown', () => {
    expect(issuesOf(evaluate({ cas_centres: null, cas_places: null }))).toEqual(['cas_centres required']);
  });

  it('shows "other, specify" only when other is chosen', () => {
    expect(evaluate({ services: ['health'], services_other: '' }).relevant.services_other).toBe(false);
    expect(issuesOf(evaluate({ services_other: '  ' }))).toEqual(['services_other required']);
  });

  it('keeps an item shown, and says so, when its condition cannot be evaluated', () => {
    const result = evaluate({}, sampleWith('meetings', { relevant: 'number(${strengths}) > 3' }));
    expect(result.relevant.meetings).toBe(true);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ item: 'meetings', code: 'evaluation' });
    expect(result.issues[0].message.it).toBe(
      'Impossibile valutare la condizione di visibilità (relevant): number(): il testo «Buona collaborazione tra prefettura, co…» non è un numero (posizione 0).',
    );
  });
});

describe('constraints', () => {
  it('checks . against other items, with the author\'s message', () => {
    const result = evaluate({ cas_places: 2 });
    expect(result.issues).toEqual([
      { item: 'cas_places', code: 'constraint', severity: 'error', message: { it: 'Serve almeno un posto per centro.', en: 'At least one place per centre is needed.' } },
    ]);
  });

  it('passes when the constraint cannot be decided for a missing input', () => {
    const def = sampleWith('cas_places', { required: false });
    expect(issuesOf(evaluate({ cas_centres: null, cas_places: 1 }, def))).toEqual(['cas_centres required']);
  });

  it('uses the date given as today, with a default message naming the condition', () => {
    const result = evaluate({ survey_date: '2025-06-16' });
    expect(result.issues[0]).toMatchObject({ item: 'survey_date', code: 'constraint' });
    expect(result.issues[0].message.it).toBe('Il valore non rispetta la condizione prevista: «. <= today()».');
    expect(evaluate({ survey_date: '2025-06-15' }).issues).toEqual([]);
  });
});

describe('types and limits of entered values', () => {
  it.each<[string, unknown, string | null, string | null]>([
    ['cas_centres', '12', null, null],
    ['cas_centres', 2.5, 'type', 'Inserisci un numero intero.'],
    ['cas_centres', 'tre', 'type', 'Inserisci un numero intero.'],
    ['cas_centres', '1,5', 'type', 'Inserisci un numero intero.'],
    ['cas_centres', -1, 'range', 'Il valore minimo è 0.'],
    ['cas_centres', 501, 'range', 'Il valore massimo è 500.'],
    ['cas_centres', 1e16, 'range', 'Il numero è troppo grande.'],
    ['cas_occupancy', 100, null, null],
    ['cas_occupancy', '99.5', null, null],
    ['cas_occupancy', 100.5, 'range', 'Il valore massimo è 100.'],
    ['cas_occupancy', -0.5, 'range', 'Il valore minimo è 0.'],
    ['mediation_spending', -250.75, null, null],
    ['mediation_spending', 'molti', 'type', 'Inserisci un numero (con il punto per i decimali, es. 12.5).'],
    ['survey_date', '2024-02-29', null, null],
    ['survey_date', '2025-02-29', 'type', 'La data 2025-02-29 non esiste.'],
    ['survey_date', '2025-04-31', 'type', 'La data 2025-04-31 non esiste.'],
    ['survey_date', '31/03/2025', 'type', 'Inserisci una data nel formato AAAA-MM-GG (es. 2025-03-31).'],
    ['has_cas', 'si', 'type', 'Rispondi sì o no.'],
    ['has_cas', true, 'type', 'Rispondi sì o no.'],
    ['services', 'health', 'type', 'Scegli una o più delle opzioni previste.'],
    ['services', ['health', 'work'], 'choice', "Opzione non prevista: «work». Scegli tra quelle dell'elenco."],
    ['services', ['other', 'other'], 'choice', 'Opzione scelta due volte: «other».'],
    ['services_other', 'x'.repeat(2000), null, null],
    ['services_other', 'x'.repeat(2001), 'range', 'Il testo può avere al massimo 2.000 caratteri (ne ha 2.001).'],
    ['services_other', 42, 'type', 'Inserisci un testo.'],
    ['strengths', 'è'.repeat(20001), 'range', 'Il testo può avere al massimo 20.000 caratteri (ne ha 20.001).'],
    ['staff.doctors.full_time', 1.5, 'type', 'Inserisci un numero intero.'],
    ['staff.doctors.full_time', -2, 'range', 'Il valore minimo è 0.'],
    ['staff.doctors.notes', 5, 'type', 'Inserisci un testo.'],
    ['residents.F.65+', -3, 'range', 'Il valore minimo è 0.'],
  ])('%s = %j → %s', (key, raw, code, message) => {
    const result = evaluate({ [key]: raw });
    const own = result.issues.filter((i) => i.item === key);
    if (code === null) expect(own).toEqual([]);
    else {
      expect(own).toHaveLength(1);
      expect(own[0]).toMatchObject({ code, severity: 'error', message: { it: message } });
      expect(own[0].message.en).not.toBe('');
    }
  });

  it('names the limit in English too', () => {
    expect(evaluate({ cas_occupancy: 120 }).issues[0].message.en).toBe('The maximum value is 100.');
    expect(evaluate({ services_other: 'x'.repeat(2345) }).issues[0].message.en).toBe('The text can have at most 2,000 characters (it has 2,345).');
  });

  it('reads numeric text as numbers in expressions', () => {
    expect(evaluate({ cas_centres: '3', cas_places: '2' }).issues.map((i) => i.code)).toEqual(['constraint']);
  });
});
