// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${code} is the forms' reference syntax, tested as refused here.
import { describe, expect, it } from 'vitest';
import type { RefNode } from './ast.ts';
import { checkIndicatorFormula, evaluateIndicatorFormula, type FormulaCatalog, formulaLookback, formulaReferences, parseIndicatorFormula } from './indicator-formula.ts';
import { parseExpression } from './parser.ts';

const catalog: FormulaCatalog = {
  elements: new Map([
    ['istat.stranieri_residenti', { categories: ['sesso'], options: new Map([['sesso', new Set(['M', 'F'])]]) }],
    ['istat.popolazione_residente', { categories: [] }],
    ['scheda-cti.acc_sai_progetti.posti', { categories: ['acc_sai_progetti'] }],
  ]),
  indicators: new Set(['stranieri_residenti', 'quota_stranieri']),
};

function faultsOf(src: string) {
  const parsed = parseIndicatorFormula(src);
  if (!parsed.ok) return [parsed.fault];
  return checkIndicatorFormula(parsed.node, catalog);
}

describe('indicator formulas: what is accepted', () => {
  it.each([
    ['[istat.stranieri_residenti]'],
    ['[istat.stranieri_residenti | sesso=F]'],
    ['[istat.stranieri_residenti|sesso=F]'],
    ['[istat.stranieri_residenti] - prev([istat.stranieri_residenti])'],
    ['{quota_stranieri} * 2'],
    ['([istat.stranieri_residenti] + 1) / [istat.popolazione_residente]'],
    ['[scheda-cti.acc_sai_progetti.posti | acc_sai_progetti=ordinari]'],
    ['-[istat.stranieri_residenti]'],
  ])('%s', (src) => {
    expect(faultsOf(src)).toEqual([]);
  });
});

describe('indicator formulas: every fault with its code and span', () => {
  it.each([
    // [source, code, the text the span covers]
    ['[istat.stranieri] + 1', 'unknown_element', '[istat.stranieri]'],
    ['[istat.stranieri_residenti | eta=y0_17]', 'unknown_category', 'eta=y0_17'],
    ['[istat.stranieri_residenti | sesso=X]', 'unknown_option', 'sesso=X'],
    ['{quota} * 100', 'unknown_indicator', '{quota}'],
    ['[istat.stranieri_residenti] > 3', 'operator_not_allowed', '>'],
    ["'a' + [istat.stranieri_residenti]", 'text_not_allowed', "'a'"],
    ['${istat}', 'unexpected_character', '$'],
    ['[istat.stranieri_residenti', 'unclosed_reference', '[istat.stranieri_residenti'],
    ['[istat.stranieri_residenti | sesso]', 'invalid_reference', 'sesso'],
    ['[istat.stranieri_residenti | sesso=F; sesso=M]', 'invalid_reference', 'sesso=M'],
    ['[] + 1', 'invalid_reference', '[]'],
    ['{Quota}', 'invalid_reference', '{Quota}'],
    ['sum([istat.stranieri_residenti])', 'unknown_function', 'sum'],
    ['prev()', 'wrong_argument_count', 'prev()'],
    ['[istat.stranieri_residenti] +', 'expected_operand', ''],
  ])('%s → %s', (src, code, covered) => {
    const [fault] = faultsOf(src);
    expect(fault.code).toBe(code);
    expect(src.slice(fault.start, fault.end)).toBe(covered);
    expect(fault.message.it).not.toBe(fault.message.en);
  });

  it('lists every semantic fault at once, in order', () => {
    const codes = faultsOf('[a.b] + {nope} + [istat.stranieri_residenti | x=1]').map((f) => f.code);
    expect(codes).toEqual(['unknown_element', 'unknown_indicator', 'unknown_category']);
  });

  it('suggests the closest code', () => {
    expect(faultsOf('[istat.stranieri_residenty]')[0].message.it).toContain('[istat.stranieri_residenti]');
  });
});

describe('indicator formulas: references, lookback and evaluation', () => {
  const parse = (src: string) => {
    const p = parseIndicatorFormula(src);
    if (!p.ok) throw new Error(p.fault.message.en);
    return p.node;
  };

  it('collects references with filters', () => {
    const refs = formulaReferences(parse('[istat.stranieri_residenti | sesso=F] / {quota_stranieri}'));
    expect(refs.elements.map((r) => [r.ref, r.filter?.map((f) => `${f.category}=${f.option}`)])).toEqual([['istat.stranieri_residenti', ['sesso=F']]]);
    expect(refs.indicators.map((r) => r.ref)).toEqual(['quota_stranieri']);
  });

  it.each([
    ['[a.x]', 0],
    ['[a.x] - prev([a.x])', 1],
    ['prev(prev([a.x]))', 2],
  ])('lookback of %s is %i', (src, n) => {
    expect(formulaLookback(parse(src))).toBe(n);
  });

  const values: Record<string, number[]> = { 'a.x': [110, 100], 'a.y': [0, 4] };
  const resolve = (ref: RefNode, back: number) => values[ref.ref]?.[back] ?? null;
  it.each([
    ['([a.x] - prev([a.x])) / prev([a.x]) * 100', 10],
    ['[a.x] / [a.y]', null],
    ['[a.x] + [a.missing]', null],
    ['prev([a.x] / [a.y])', 25],
    ['-[a.x] * 2', -220],
  ])('%s = %s', (src, expected) => {
    expect(evaluateIndicatorFormula(parse(src), resolve)).toBe(expected);
  });

  it('leaves the forms language as it was: ${…} references, [ is not a reference there', () => {
    expect(parseExpression('${a} + 1').kind).toBe('binary');
    expect(() => parseExpression('[a]')).toThrow();
  });
});
