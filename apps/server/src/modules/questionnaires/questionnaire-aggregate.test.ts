import { evaluateForm } from '@mosaico/form-engine/evaluate-form';
import { validateDefinition } from '@mosaico/form-engine/validate-definition';
import { describe, expect, it } from 'vitest';
import { aggregateAnswers, displayValue, questionsOf } from './questionnaire-aggregate.ts';
import { GOOD_ANSWER } from './questionnaires.fixtures.ts';
import { readDefaultDefinition } from './questionnaires.service.ts';

const def = readDefaultDefinition();
const at = (day: number) => new Date(Date.UTC(2026, 2, day));

describe('the default feedback questionnaire', () => {
  it('is a definition the form engine accepts, in Italian with English', () => {
    expect(validateDefinition(def)).toEqual([]);
    for (const item of questionsOf(def)) expect(item.label.en).toBeTruthy();
  });

  it('asks why the association did not feel heard only when it did not, and the other topic only when chosen', () => {
    const base = evaluateForm(def, { ...GOOD_ANSWER, ascoltata: 'si' });
    expect(base.relevant.perche_non_ascoltata).toBe(false);
    expect(base.relevant.altro_tema).toBe(false);
    const other = evaluateForm(def, { ...GOOD_ANSWER, temi_futuri: ['altro'] });
    expect(other.issues.map((i) => [i.item, i.code])).toEqual([['altro_tema', 'required']]);
    expect(evaluateForm(def, GOOD_ANSWER).issues).toEqual([]);
  });
});

describe('aggregateAnswers', () => {
  const rows = [
    { values: { voto_complessivo: 1, utilita: 'poco', parteciperebbe_ancora: 'no', temi_futuri: ['casa'], commenti: 'Troppo lungo.' }, submittedAt: at(1), by: 'A' },
    { values: { voto_complessivo: 2, utilita: 'poco', parteciperebbe_ancora: 'yes', temi_futuri: ['casa', 'salute'] }, submittedAt: at(2), by: 'B' },
    { values: { voto_complessivo: 2, utilita: 'molto', parteciperebbe_ancora: 'yes', commenti: 'Ottimo.' }, submittedAt: at(3), by: null },
    { values: { voto_complessivo: 5, utilita: 'molto', parteciperebbe_ancora: 'yes', temi_futuri: ['salute'] }, submittedAt: at(4), by: null },
  ];
  const results = Object.fromEntries(aggregateAnswers(def, rows).map((r) => [r.code, r]));

  it('gives mean, median (even count), range and distribution of a number', () => {
    expect(results.voto_complessivo).toEqual({
      kind: 'number',
      code: 'voto_complessivo',
      label: "Nel complesso, come valuta l'incontro?",
      type: 'integer',
      answered: 4,
      mean: 2.5,
      median: 2,
      min: 1,
      max: 5,
      distribution: [
        { value: 1, count: 1 },
        { value: 2, count: 2 },
        { value: 5, count: 1 },
      ],
    });
  });

  it('counts choices with shares of those who answered the question', () => {
    if (results.utilita.kind !== 'choice' || results.temi_futuri.kind !== 'choice' || results.parteciperebbe_ancora.kind !== 'choice') throw new Error('not a choice');
    expect(results.utilita.options.map((o) => [o.code, o.count, o.percent])).toEqual([
      ['molto', 2, 50],
      ['abbastanza', 0, 0],
      ['poco', 2, 50],
      ['per_nulla', 0, 0],
    ]);
    expect(results.parteciperebbe_ancora.options.map((o) => [o.label, o.count, o.percent])).toEqual([
      ['Sì', 3, 75],
      ['No', 1, 25],
    ]);
    // Three answered the multiple choice: shares of respondents, adding up to more than 100.
    expect(results.temi_futuri.answered).toBe(3);
    expect(results.temi_futuri.options.filter((o) => o.count).map((o) => [o.code, o.count, o.percent])).toEqual([
      ['casa', 2, 66.7],
      ['salute', 2, 66.7],
    ]);
  });

  it('lists open answers newest first, with who only when known', () => {
    if (results.commenti.kind !== 'text') throw new Error('not text');
    expect(results.commenti.answers).toEqual([
      { text: 'Ottimo.', submittedAt: at(3).toISOString(), by: null },
      { text: 'Troppo lungo.', submittedAt: at(1).toISOString(), by: 'A' },
    ]);
    expect(results.cosa_migliorare).toMatchObject({ kind: 'text', answered: 0, answers: [] });
  });

  it('reads no answers as zero counts and empty summaries', () => {
    const empty = Object.fromEntries(aggregateAnswers(def, []).map((r) => [r.code, r]));
    expect(empty.voto_complessivo).toMatchObject({ answered: 0, mean: null, median: null, distribution: [] });
    expect(empty.utilita).toMatchObject({ answered: 0 });
  });

  it('writes values for exports as a reader reads them', () => {
    const items = Object.fromEntries(questionsOf(def).map((i) => [i.code, i]));
    expect(displayValue(items.temi_futuri, ['casa', 'salute'])).toBe('Casa e abitare; Salute e accesso ai servizi sanitari');
    expect(displayValue(items.parteciperebbe_ancora, 'no')).toBe('No');
    expect(displayValue(items.parteciperebbe_ancora, 'yes', 'en')).toBe('Yes');
    expect(displayValue(items.voto_complessivo, 4)).toBe(4);
    expect(displayValue(items.commenti, undefined)).toBeNull();
  });
});
