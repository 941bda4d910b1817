import { readFileSync } from 'node:fs';
import { compileForm } from '@mosaico/form-engine/compile-form';
import type { FormDefinition } from '@mosaico/form-engine/definition';
import { describe, expect, it } from 'vitest';
import { copyAllPatch, copyPatch, isEmptyItem } from './previousCopy.ts';
import { stable, withBatch } from './stableValue.ts';

const cti = JSON.parse(readFileSync(new URL('../../../../../data/forms/scheda-cti.json', import.meta.url), 'utf8')) as FormDefinition;
const section = (code: string) => cti.sections.find((s) => s.code === code) as FormDefinition['sections'][number];

describe('stable', () => {
  it.each([
    ['blank text, null, empty lists and missing are all no value', ['', '  ', null, undefined, []], 'null'],
    ['object keys in any order', [{ b: 1, a: 'x' }, { a: 'x', b: 1 }], '{"a":"x","b":1}'],
    ['blank members of a row do not count', [{ a: 1, b: '' }, { a: 1 }], '{"a":1}'],
  ])('%s', (_name, values, expected) => {
    for (const v of values) expect(stable(v)).toBe(expected);
  });

  it('tells real changes apart', () => {
    expect(stable(1)).not.toBe(stable('1'));
    expect(stable(['a', 'b'])).not.toBe(stable(['b', 'a']));
  });

  it('lays a saved batch over the values, null removing a key', () => {
    expect(withBatch({ a: 1, b: 2 }, { b: null, c: 'x' })).toEqual({ a: 1, c: 'x' });
  });
});

describe('copying last year’s values', () => {
  const previous = {
    gen_referente: 'Maria Rossi',
    gen_referente_email: 'maria@example.test',
    acc_cas_attivi: 'yes',
    acc_cas_strutture: 12,
    acc_sai_enti_titolari: 4,
    'acc_cas_presenti.m.y18_29': 40,
  };

  it('replaces one item’s values, emptying its cells that last year did not have', () => {
    const now = { 'acc_cas_presenti.f.y0_17': 3, gen_anno: 2025 };
    expect(copyPatch(now, previous, 'acc_cas_presenti')).toEqual({ 'acc_cas_presenti.f.y0_17': null, 'acc_cas_presenti.m.y18_29': 40 });
    expect(isEmptyItem(now, 'acc_cas_presenti')).toBe(false);
    expect(isEmptyItem({ 'acc_cas_presenti.f.y0_17': '' }, 'acc_cas_presenti')).toBe(true);
  });

  it('fills only the empty marked items of the section, never the others', () => {
    const { patch, items } = copyAllPatch(compileForm(cti), section('gen'), { gen_referente_email: 'nuova@example.test' }, previous);
    expect(items.map((i) => i.code)).toEqual(['gen_referente']);
    expect(patch).toEqual({ gen_referente: 'Maria Rossi' });
  });

  it('copies a follow-up when its gate is copied too, and leaves it when the gate stays closed', () => {
    const form = compileForm(cti);
    const open = copyAllPatch(form, section('acc'), {}, previous);
    expect(open.items.map((i) => i.code)).toEqual(['acc_cas_attivi', 'acc_cas_strutture']);
    const closed = copyAllPatch(form, section('acc'), { acc_cas_attivi: 'no' }, previous);
    expect(closed.items.map((i) => i.code)).toEqual([]);
    // SAI's local authorities are asked only when SAI projects are active, which last year did not say.
    expect(open.patch).not.toHaveProperty('acc_sai_enti_titolari');
  });
});
