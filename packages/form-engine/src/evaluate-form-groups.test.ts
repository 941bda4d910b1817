// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${code} is the reference syntax of the expression language, not a template.
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from './definition.ts';
import { evaluateForm, type FormEvaluation } from './evaluate-form.ts';
import { sampleForm, sampleValues, sampleWith } from './sample-form.ts';

const TODAY = { today: '2025-06-15' };

const evaluate = (changes: Record<string, unknown> = {}, def: FormDefinition = sampleForm()) =>
  evaluateForm(def, { ...sampleValues(), ...changes }, TODAY);
const issuesOf = (result: FormEvaluation) => result.issues.map((i) => `${i.item} ${i.code}`);
const rule = (result: FormEvaluation, code: string) => result.rules.find((r) => r.rule === code);
const t = (it: string) => ({ it });

describe('disaggregated items', () => {
  it('checks a directly entered total against the sum of the cells', () => {
    const result = evaluate({ residents: 300 });
    expect(result.issues).toEqual([
      {
        item: 'residents',
        code: 'total_mismatch',
        severity: 'error',
        message: {
          it: 'Il totale inserito (300) non corrisponde alla somma delle celle (258).',
          en: 'The total entered (300) does not match the sum of the cells (258).',
        },
      },
    ]);
    expect(evaluate({ residents: 258 }).issues).toEqual([]);
  });

  it('accepts a total alone, which then stands for the item', () => {
    const cells = Object.fromEntries(Object.keys(sampleValues()).filter((k) => k.startsWith('residents.')).map((k) => [k, null]));
    const result = evaluate({ ...cells, residents: 500 });
    expect(result.issues).toEqual([]);
    expect(result.totals.residents).toBeNull();
    expect(rule(result, 'places_per_resident')).toMatchObject({ status: 'passed', right: 500 });
    expect(result.calculated.minors).toBeNull();
  });

  it('asks for the missing cells when some are entered', () => {
    const result = evaluate({ 'residents.F.65+': null, 'residents.M.65+': '' });
    expect(issuesOf(result)).toEqual(['residents.M.65+ required', 'residents.F.65+ required']);
    expect(result.issues[0].message.it).toBe('Compila anche questa cella (0 se non ci sono casi): le celle devono dare il totale.');
    expect(result.totals.residents).toBe(248);
  });

  it('checks a constraint on the total', () => {
    const def = sampleWith('residents', { constraint: '. >= 1000', constraintMessage: t('Troppo pochi.') });
    expect(evaluate({}, def).issues).toMatchObject([{ item: 'residents', code: 'constraint', message: { it: 'Troppo pochi.', en: 'Troppo pochi.' } }]);
  });
});

describe('tables', () => {
  it('reads cells and wildcards', () => {
    expect(evaluate({ 'staff.mediators.part_time': 4 }).calculated.staff_total).toBe(10);
  });

  it('reads missing cells as 0 in a rule that skips only when all are missing', () => {
    const result = evaluate({ 'staff.doctors.part_time': null });
    expect(rule(result, 'doctors_vs_residents')).toMatchObject({ status: 'passed', left: 2 });
    const fails = evaluate({ 'staff.doctors.part_time': null, 'staff.doctors.full_time': 300 });
    expect(rule(fails, 'doctors_vs_residents')).toMatchObject({ status: 'failed', left: 300, right: 258, severity: 'error' });
  });

  it('asks for every figure of a required table once one is entered, leaving notes optional', () => {
    const def = sampleWith('staff', { required: true });
    expect(issuesOf(evaluate({ 'staff.doctors.notes': null, 'staff.mediators.part_time': null }, def))).toEqual(['staff.mediators.part_time required']);
    const none = Object.fromEntries(Object.keys(sampleValues()).filter((k) => k.startsWith('staff.')).map((k) => [k, null]));
    expect(issuesOf(evaluate(none, def))).toEqual(['staff required']);
  });
});

describe('repeats', () => {
  it('counts rows and sums a column', () => {
    const result = evaluate({ courses: [{ course_name: 'A', hours: 10 }, { course_name: 'B', hours: 20 }, { course_name: 'C', hours: 5 }] });
    expect(result.calculated).toMatchObject({ course_count: 3, course_hours: 35 });
  });

  it('validates each row and names the row in the key', () => {
    const result = evaluate({
      courses: [
        { course_name: 'Italiano', hours: 250, participants: 10, women: 12 },
        { hours: 20 },
      ],
    });
    expect(issuesOf(result)).toEqual([
      'courses[0].women_share range',
      'courses[0].hours range',
      'courses[0].women constraint',
      'courses[1].course_name required',
    ]);
    expect(result.issues[1].message.it).toBe('Il valore massimo è 200.');
  });

  it('decides relevance and calculations row by row', () => {
    const result = evaluate({ courses: [{ course_name: 'A', hours: 1, participants: 0, women: 3 }, { course_name: 'B', hours: 1, participants: 4, women: 1 }] });
    expect(result.issues).toEqual([]);
    expect(result.relevant).toMatchObject({ 'courses[0].women': false, 'courses[1].women': true });
    expect(result.calculated).toMatchObject({ 'courses[0].women_share': null, 'courses[1].women_share': 25 });
  });

  it('needs a row when required', () => {
    const result = evaluate({ courses: [] }, sampleWith('courses', { required: true }));
    expect(result.issues).toMatchObject([{ item: 'courses', code: 'required', message: { it: 'Aggiungi almeno una riga.' } }]);
  });

  it('rejects malformed rows and unknown children', () => {
    expect(issuesOf(evaluate({ courses: 'Italiano' }))).toEqual(['courses type']);
    expect(issuesOf(evaluate({ courses: [null, { course_name: 'A', hours: 1, teacher: 'X' }] }))).toEqual(['courses[0] type', 'courses[1].teacher unknown']);
  });
});

describe('unknown and calculated keys', () => {
  it('rejects keys the form does not have, and ignores values sent for calculated items', () => {
    const result = evaluate({ foo: 1, staff: 3, hours: 2, 'residents.X.0-17': 1, minors: 999, empty: '' });
    expect(issuesOf(result)).toEqual(['foo unknown', 'staff unknown', 'hours unknown', 'residents.X.0-17 unknown']);
    expect(result.issues[0].message.it).toBe('Campo sconosciuto in questo modulo: «foo».');
    expect(result.calculated.minors).toBe(18);
  });
});
