// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${code} is the reference syntax of the expression language, not a template.
import { describe, expect, it } from 'vitest';
import { compileForm, FormDefinitionError } from './compile-form.ts';
import type { FormDefinition, Item } from './definition.ts';
import { evaluateForm } from './evaluate-form.ts';
import { largeForm, largeFormValues, sampleWith } from './sample-form.ts';

const TODAY = { today: '2025-06-15' };
const t = (it: string) => ({ it });

describe('calculations', () => {
  const small = (items: Item[], rules: FormDefinition['rules'] = []): FormDefinition => ({
    code: 'piccola',
    title: t('Piccola'),
    categories: [],
    categoryCombos: [],
    sections: [{ code: 's', kind: 'quantitative', title: t('S'), items }],
    rules,
  });

  it('follows dependencies, not the order of the form', () => {
    const def = small([
      { code: 'c', type: 'integer', label: t('c'), calculate: '${b} * 2' },
      { code: 'b', type: 'integer', label: t('b'), calculate: '${a} + 1' },
      { code: 'a', type: 'integer', label: t('a') },
    ]);
    expect(evaluateForm(def, { a: 4 }).calculated).toEqual({ c: 10, b: 5 });
  });

  it('stores comparisons in a yes/no item and reports results of the wrong type', () => {
    const def = small([
      { code: 'a', type: 'integer', label: t('a') },
      { code: 'txt', type: 'text', label: t('txt') },
      { code: 'big', type: 'yes_no', label: t('big'), calculate: '${a} > 10' },
      { code: 'half', type: 'integer', label: t('half'), calculate: '${a} div 2' },
      { code: 'bad', type: 'integer', label: t('bad'), calculate: 'number(${txt}) + 1' },
    ]);
    const result = evaluateForm(def, { a: 5, txt: 'x' });
    expect(result.calculated).toEqual({ big: 'no', half: null, bad: null });
    expect(result.issues).toEqual([
      { item: 'half', code: 'evaluation', severity: 'error', message: { it: 'Il calcolo ha dato il numero 2,5 invece di un numero intero.', en: 'The calculation gave the number 2.5 instead of a whole number.' } },
      {
        item: 'bad',
        code: 'evaluation',
        severity: 'error',
        message: {
          it: 'Impossibile valutare il calcolo (calculate): number(): il testo «x» non è un numero (posizione 0).',
          en: 'Cannot evaluate the calculation (calculate): number(): the text «x» is not a number (position 0).',
        },
      },
    ]);
  });

  it('fails a never_skip rule whose side cannot be computed, and reports a rule comparing different types', () => {
    const def = small(
      [
        { code: 'a', type: 'integer', label: t('a') },
        { code: 'b', type: 'integer', label: t('b') },
        { code: 'txt', type: 'text', label: t('txt') },
      ],
      [
        { code: 'ratio', left: '${a} div ${b}', operator: '<', right: '1', severity: 'error', message: t('r'), missingValueStrategy: 'never_skip' },
        // The left side is a number or a text depending on the data: only evaluation can tell.
        { code: 'mixed', left: 'if(${a} > 0, ${a}, ${txt})', operator: '=', right: '${txt}', severity: 'warning', message: t('m') },
        { code: 'all', left: '${a} + ${b}', operator: '>', right: '0', severity: 'warning', message: t('all'), missingValueStrategy: 'skip_if_all_missing' },
      ],
    );
    const result = evaluateForm(def, { a: 3, b: 0, txt: 'x' });
    expect(result.rules.map((r) => [r.rule, r.status, r.left, r.right])).toEqual([
      ['ratio', 'failed', null, 1],
      ['mixed', 'skipped', 3, 'x'],
      ['all', 'passed', 3, 0],
    ]);
    expect(result.issues).toEqual([
      {
        item: 'mixed',
        code: 'evaluation',
        severity: 'error',
        message: { it: 'La regola confronta il numero 3 con il testo «x»: i due lati devono essere dello stesso tipo.', en: 'The rule compares the number 3 with the text «x»: both sides must be of the same type.' },
      },
    ]);
    expect(evaluateForm(def, {}).rules.map((r) => r.status)).toEqual(['failed', 'skipped', 'skipped']);
  });
});

describe('compileForm', () => {
  it('refuses a definition with problems, listing them', () => {
    const def = sampleWith('minors', { calculate: '${nope}' });
    let thrown: unknown;
    try {
      evaluateForm(def, {});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FormDefinitionError);
    expect((thrown as FormDefinitionError).problems).toMatchObject([{ path: 'sections.0.items.1.calculate', code: 'unknown_reference' }]);
  });

  it('evaluates a form of the real size (201 items, 1,000 cells) correctly', () => {
    const def = largeForm(40);
    const compiled = compileForm(def);
    expect(compiled.keys.size - compiled.items.size).toBeGreaterThanOrEqual(1000 - 201);
    const result = evaluateForm(compiled, largeFormValues(40), TODAY);
    expect(result.issues).toEqual([]);
    expect(result.totals.people_39).toBe(800);
    expect(result.calculated.running_39).toBe(16400);
    expect(result.calculated.share_2).toBe(5);
    expect(result.relevant.users_1).toBe(false);
    expect(result.calculated.share_1).toBeNull();
    expect(result.rules[0]).toMatchObject({ status: 'passed', left: 16400, right: 190 });
    // 40 disaggregated counts, 40 gates, the 20 counts behind an open gate, the table.
    expect(result.completeness.overall).toEqual({ filled: 101, expected: 101 });
  });
});
