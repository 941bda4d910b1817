// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${code} is the reference syntax of the expression language, not a template.
import { describe, expect, it } from 'vitest';
import type { EvalContext } from './context.ts';
import { EvaluationError } from './errors.ts';
import { compileExpression } from './evaluate.ts';
import type { Value } from './values.ts';

const VALUES: Record<string, Value> = {
  n: 5,
  zero: 0,
  neg: -2.5,
  none: null,
  blank: '',
  s: 'abc',
  num_text: '12',
  d: '2025-03-01',
  yes: 'yes',
  one: 'health',
  m: ['health', 'school'],
  nothing: [],
  bad_pattern: '[',
};
const LISTS: Record<string, Value[]> = {
  rows: [true, true, true],
  'rows.x': [1, null, 4],
  'rows.blank': [null, null],
  empty: [],
  'empty.x': [],
  'rows.s': ['a', null],
};

function context(self?: Value): EvalContext {
  return {
    get: (ref) => VALUES[ref] ?? null,
    getList: (ref) => LISTS[ref],
    self,
    today: '2025-06-15',
  };
}

const run = (src: string, self?: Value) => compileExpression(src).evaluate(context(self));

describe('operators', () => {
  it.each<[string, Value]>([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 3 - 2', 5],
    ['12 div 3 div 2', 2],
    ['10 div 4', 2.5],
    ['10 / 4', 2.5],
    ['7 mod 3', 1],
    ['-7 mod 3', -1],
    ['7.5 mod 2', 1.5],
    ['-${n}', -5],
    ['- -${n}', 5],
    ['-${zero}', 0],
    ['0.1 + 0.2', 0.3],
    ['0.1 * 3', 0.3],
    ['1 div 3 * 3', 1],
    ['0.3 div 0.1', 3],
    ['0.3 div 0.1 = 3', true],
    ['${neg} * 2', -5],
    ['1 = 1', true],
    ['1 != 1', false],
    ['2 < 3', true],
    ['3 <= 3', true],
    ['2 > 3', false],
    ['3 >= 4', false],
    ["'abc' = 'abc'", true],
    ["'abc' < 'abd'", true],
    ["${d} < '2025-12-31'", true],
    ["${d} >= '2025-03-01'", true],
    ['true() = true()', true],
    ['true() != false()', true],
    ['(1 < 2) = true()', true],
    ['0.1 + 0.2 = 0.3', true],
    ['true() and true()', true],
    ['true() and false()', false],
    ['false() or true()', true],
    ['false() or false()', false],
    ['not(true())', false],
    ['not(1 > 2)', true],
  ])('%s = %j', (src, expected) => {
    expect(run(src)).toEqual(expected);
  });
});

describe('missing values', () => {
  it.each<[string, Value]>([
    ['${none} + 1', null],
    ['1 - ${none}', null],
    ['${none} * 0', null],
    ['${none} div 2', null],
    ['-${none}', null],
    ['${blank} + 1', null],
    ["''", null],
    ['5 div 0', null],
    ['5 / ${zero}', null],
    ['5 mod 0', null],
    ['${none} = 1', null],
    ['${none} != 1', null],
    ['${none} < 1', null],
    ['${none} = ${none}', null],
    ["${none} = ''", true],
    ["${blank} = ''", true],
    ["${nothing} = ''", true],
    ["${n} = ''", false],
    ["'' = ${s}", false],
    ["${none} != ''", false],
    ["${m} != ''", true],
    ['false() and ${none} > 1', false],
    ['${none} > 1 and false()', false],
    ['true() and ${none} > 1', null],
    ['true() or ${none} > 1', true],
    ['${none} > 1 or true()', true],
    ['false() or ${none} > 1', null],
    ['not(${none} > 1)', null],
    ['if(${none} > 1, 1, 2)', null],
    ['coalesce(${none}, ${blank}, 7)', 7],
    ['coalesce(${none}, ${blank})', null],
    ['sum(${n}, ${none})', 5],
    ['sum(${none}, ${blank})', null],
    ['sum(${rows.x})', 5],
    ['sum(${rows.blank})', null],
    ['sum(${empty.x})', 0],
    ['sum(${empty.x}, ${none})', null],
    ['sum(${empty.x}, 2)', 2],
    ['min(${none}, 3, 1)', 1],
    ['max(${rows.x})', 4],
    ['max(${rows.blank})', null],
    ['min(${empty.x})', null],
    ['count(${rows})', 3],
    ['count(${rows.x})', 2],
    ['count(${rows.blank})', 0],
    ['count(${empty})', 0],
    ['count-selected(${none})', 0],
    ['count-selected(${nothing})', 0],
    ["selected(${none}, 'health')", false],
    ['string-length(${none})', 0],
    ['number(${none})', null],
    ['round(${none}, 1)', null],
    ['abs(${none})', null],
    ["regex(${none}, 'a')", null],
  ])('%s = %j', (src, expected) => {
    expect(run(src)).toEqual(expected);
  });
});

describe('functions', () => {
  it.each<[string, Value]>([
    ["if(${n} > 3, 'big', 'small')", 'big'],
    ["if(${n} > 9, 'big', 'small')", 'small'],
    ['if(true(), 1, 1 + ${s})', 1],
    ['coalesce(${n}, 0)', 5],
    ['sum(1, 2, 3)', 6],
    ['sum(${rows.x}, 10)', 15],
    ['sum(0.1, 0.2)', 0.3],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['max(${rows.x}, 2)', 4],
    ['count-selected(${m})', 2],
    ['count-selected(${one})', 1],
    ["selected(${m}, 'school')", true],
    ["selected(${m}, 'work')", false],
    ["selected(${one}, 'health')", true],
    ['round(2.345, 2)', 2.35],
    ['round(1.005, 2)', 1.01],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(1234, -2)', 1200],
    ['round(${n} div 3, 0)', 2],
    ['abs(${neg})', 2.5],
    ["string-length('àèì😀')", 4],
    ['string-length(${s})', 3],
    ['string-length(12.5)', 4],
    ["number('12.5') + 1", 13.5],
    ["number(' -3 ')", -3],
    ['number(${num_text}) * 2', 24],
    ['number(true())', 1],
    ['number(7)', 7],
    ['today()', '2025-06-15'],
    ["today() > '2025-01-01'", true],
    ['year(today())', 2025],
    ["year('2024-02-29') + 1", 2025],
    ['year(${missing})', null],
    ["regex(${s}, '^a')", true],
    ["regex(${s}, '^b')", false],
    ["regex('20121', '^[0-9]{5}$')", true],
    ["regex(12345, '^[0-9]{5}$')", true],
    ['true()', true],
    ['false()', false],
  ])('%s = %j', (src, expected) => {
    expect(run(src)).toEqual(expected);
  });

  it('reads . as the value being checked', () => {
    expect(run('. >= 0 and . <= 100', 42)).toBe(true);
    expect(run('. * 2', 21)).toBe(42);
    expect(run(". = ''", null)).toBe(true);
  });

  it('lists every reference once, in order of appearance', () => {
    expect(compileExpression('${b} + ${a} * ${b} + sum(${rows.x}) + ${residents.F.0-17}').refs).toEqual(['b', 'a', 'rows.x', 'residents.F.0-17']);
    expect(compileExpression('1 + 2').refs).toEqual([]);
  });

  it('falls back to get() for a reference that is not a list', () => {
    expect(compileExpression('sum(${a}, ${b})').evaluate({ get: (ref) => (ref === 'a' ? 2 : 3) })).toBe(5);
  });

  it('uses the machine date when the context gives none', () => {
    expect(compileExpression('today()').evaluate({ get: () => null })).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('type errors are evaluation errors, never NaN', () => {
  it.each<[string, string, number, string]>([
    ["'a' + 1", 'type_mismatch', 4, "L'operatore + richiede numeri, ma ha ricevuto il testo «a» (posizione 4)."],
    ['${num_text} + 1', 'type_mismatch', 12, 'il testo «12»'],
    ['${s} * 2', 'type_mismatch', 5, "L'operatore *"],
    ['10 / ${s}', 'type_mismatch', 3, "L'operatore /"],
    ['-${s}', 'type_mismatch', 0, "L'operatore -"],
    ['${m} + 1', 'type_mismatch', 5, 'la selezione «health, school»'],
    ['true() + 1', 'type_mismatch', 7, 'il valore vero'],
    ["${n} = '5'", 'type_mismatch', 5, 'Impossibile confrontare il numero 5 con il testo «5» (posizione 5); per convertire un testo in numero usa number().'],
    ["${m} = 'health'", 'type_mismatch', 5, 'Impossibile confrontare la selezione'],
    ['true() < false()', 'type_mismatch', 7, 'non si può ordinare'],
    ['if(${n}, 1, 2)', 'not_boolean', 0, 'if() richiede una condizione vera o falsa, ma ha ricevuto il numero 5'],
    ['if(${yes}, 1, 2)', 'not_boolean', 0, "Per una voce sì/no scrivi ${voce} = 'yes'."],
    ['1 and true()', 'not_boolean', 2, 'and richiede una condizione'],
    ['false() or 2', 'not_boolean', 8, 'or richiede una condizione'],
    ['not(1)', 'not_boolean', 0, 'not() richiede'],
    ["number('abc')", 'not_a_number', 0, 'number(): il testo «abc» non è un numero (posizione 0).'],
    ["number('1,5')", 'not_a_number', 0, '«1,5»'],
    ["year('2024')", 'invalid_argument', 0, 'La funzione year richiede una data (AAAA-MM-GG), ma ha ricevuto il testo «2024»'],
    ["abs('x')", 'invalid_argument', 0, 'La funzione abs richiede un numero, ma ha ricevuto il testo «x»'],
    ["sum(1, 'a')", 'invalid_argument', 0, 'La funzione sum richiede un numero'],
    ['sum(${rows.s})', 'invalid_argument', 0, 'La funzione sum richiede un numero'],
    ["max('a')", 'invalid_argument', 0, 'La funzione max'],
    ["round('a')", 'invalid_argument', 0, 'La funzione round'],
    ['round(1.5, 0.5)', 'invalid_argument', 0, 'un intero tra -10 e 10'],
    ['round(1.5, 11)', 'invalid_argument', 0, 'un intero tra -10 e 10'],
    ['selected(${m}, 1)', 'invalid_argument', 0, 'La funzione selected richiede un testo'],
    ["selected(${n}, 'a')", 'invalid_argument', 0, 'una voce a scelta'],
    ['count-selected(3)', 'invalid_argument', 0, 'una voce a scelta'],
    ['string-length(true())', 'invalid_argument', 0, 'La funzione string-length richiede un testo'],
    ['regex(${s}, ${bad_pattern})', 'invalid_argument', 0, 'Espressione regolare non valida «[»'],
    ['regex(${s}, 1)', 'invalid_argument', 0, 'La funzione regex richiede un testo'],
    ['. + 1', 'no_self', 0, 'si usa solo nei vincoli'],
  ])('%s → %s', (src, code, position, it) => {
    let error: unknown;
    try {
      run(src);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EvaluationError);
    expect(error).toMatchObject({ code, position });
    expect((error as EvaluationError).message.it).toContain(it);
    expect((error as EvaluationError).message.en).not.toBe('');
  });

  it('reports a result too large to represent', () => {
    let thrown: unknown;
    try {
      compileExpression('${x} * ${x}').evaluate({ get: () => 1e200 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'overflow', position: 5, message: { it: 'Il risultato è troppo grande per essere calcolato (posizione 5).' } });
  });

  it('does not evaluate the branch if() does not take, nor the side and/or do not need', () => {
    expect(run("if(${n} > 1, 1, 'a' + 1)")).toBe(1);
    expect(run("false() and 'a' + 1 > 0")).toBe(false);
    expect(run("true() or 'a' + 1 > 0")).toBe(true);
  });
});
