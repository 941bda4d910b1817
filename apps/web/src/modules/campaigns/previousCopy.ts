import type { CompiledForm } from '@mosaico/form-engine/compile-form';
import type { Item, Section } from '@mosaico/form-engine/definition';
import { evaluateForm } from '@mosaico/form-engine/evaluate-form';
import { topCode } from '../forms/evaluation.ts';
import type { EnteredValues } from '../forms/usePreviewRuntime.ts';
import { stable } from './stableValue.ts';

/** Last year's keys of one item (the item itself, or its cells). */
export function previousKeysOf(previous: EnteredValues, code: string): string[] {
  return Object.keys(previous).filter((k) => topCode(k) === code);
}

/** Whether nothing is entered for the item (no key of it, or only blank ones). */
export function isEmptyItem(values: EnteredValues, code: string): boolean {
  return Object.keys(values).every((k) => topCode(k) !== code || stable(values[k]) === 'null');
}

/** The changes that make an item hold last year's values: its keys from last year, and its other keys emptied. */
export function copyPatch(values: EnteredValues, previous: EnteredValues, code: string): EnteredValues {
  const patch: EnteredValues = {};
  for (const k of Object.keys(values)) if (topCode(k) === code) patch[k] = null;
  for (const k of previousKeysOf(previous, code)) patch[k] = previous[k];
  return patch;
}

/**
 * "Copy all" for a section: the items marked copyLastYear that are empty now and have a value last year,
 * kept to those shown once the copy is made (a gate copied in the same go shows its follow-ups; an item whose
 * gate stays closed would hold a value nobody sees). Returns the patch and the items it fills.
 */
export function copyAllPatch(form: CompiledForm | null, section: Section, values: EnteredValues, previous: EnteredValues): { patch: EnteredValues; items: Item[] } {
  let items = section.items.filter((i) => i.copyLastYear && !i.calculate && isEmptyItem(values, i.code) && previousKeysOf(previous, i.code).length > 0);
  const patchOf = (list: Item[]) => Object.assign({}, ...list.map((i) => copyPatch(values, previous, i.code))) as EnteredValues;
  // Relevance can depend on what is copied, so settle it in a few rounds (each round only removes items).
  for (let round = 0; form && round < 4; round++) {
    const merged = { ...values, ...patchOf(items) };
    const shown = evaluateForm(form, merged).relevant;
    const next = items.filter((i) => shown[i.code] !== false);
    if (next.length === items.length) break;
    items = next;
  }
  return { patch: patchOf(items), items };
}
