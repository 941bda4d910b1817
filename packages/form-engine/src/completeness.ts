import type { CompiledForm, CompiledItem } from './compile-form.ts';
import type { Completeness } from './evaluate-form.ts';
import type { EnteredValues } from './read-values.ts';

/**
 * Counts, per section and overall, the relevant items a person is expected to fill (calculated ones
 * excluded) and those filled: a plain item with a value; a disaggregated item with its total or every
 * cell; a table with any cell; a repeat with a row. A value with an error counts as filled (the error
 * is reported on its own).
 */
export function computeCompleteness(form: CompiledForm, relevant: Record<string, boolean>, entered: EnteredValues) {
  const bySection: Record<string, Completeness> = {};
  const overall: Completeness = { filled: 0, expected: 0 };
  for (const section of form.sections) {
    const counts: Completeness = { filled: 0, expected: 0 };
    for (const item of section.items) {
      if (item.calculate || !relevant[item.code]) continue;
      counts.expected++;
      if (isFilled(item, entered)) counts.filled++;
    }
    bySection[section.code] = counts;
    overall.filled += counts.filled;
    overall.expected += counts.expected;
  }
  return { bySection, overall };
}

function isFilled(item: CompiledItem, entered: EnteredValues): boolean {
  const has = (key: string) => {
    const checked = entered.top.get(key);
    return checked !== undefined && (checked.value !== null || checked.issue !== undefined);
  };
  if (item.item.type === 'repeat') return (entered.rows.get(item.code)?.length ?? 0) > 0;
  if (item.item.type === 'table') return item.cells.some((cell) => has(cell.key));
  if (item.cells.length > 0) return has(item.code) || item.cells.every((cell) => has(cell.key));
  return has(item.code);
}
