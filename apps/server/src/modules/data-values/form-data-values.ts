import type { I18nText } from '@mosaico/form-engine/definition';
import type { CompiledForm } from '@mosaico/form-engine/compile-form';
import type { FormEvaluation } from '@mosaico/form-engine/evaluate-form';

/**
 * How a form's items become data elements: every numeric or yes/no item at the top level is one element
 * (`<form>.<item>`), its disaggregation cells are values of that element by category option, a table column is
 * one element (`<form>.<item>.<column>`) whose rows are a category named after the table. Texts, choices and
 * repeating groups stay in the form: they are records, not figures to aggregate.
 */
export interface FormDataElement {
  code: string;
  name: I18nText;
  valueType: 'number' | 'percentage' | 'boolean';
  unit: I18nText | null;
  itemCode: string;
  /** The categories its values are broken down by (empty when only a total). */
  categories: string[];
}

/** One figure of a submission: element, breakdown by category option ({} for the total), number. */
export interface FormDataValue {
  elementCode: string;
  dimensions: Record<string, string>;
  value: number;
}

const NUMERIC = new Set(['integer', 'decimal', 'percentage']);

function valueTypeOf(type: string): FormDataElement['valueType'] | null {
  if (type === 'percentage') return 'percentage';
  if (NUMERIC.has(type)) return 'number';
  if (type === 'yes_no') return 'boolean';
  return null;
}

const top = (form: CompiledForm) => [...form.items.values()].filter((i) => i.repeat === null);

/** The data elements a form defines. */
export function dataElementsOf(form: CompiledForm): FormDataElement[] {
  const code = form.definition.code;
  const out: FormDataElement[] = [];
  for (const item of top(form)) {
    const { item: def } = item;
    if (def.type === 'table') {
      for (const column of def.columns ?? []) {
        const valueType = valueTypeOf(column.type);
        if (!valueType) continue;
        out.push({
          code: `${code}.${item.code}.${column.code}`,
          name: { it: `${def.label.it} – ${column.label.it}`, en: `${def.label.en ?? def.label.it} – ${column.label.en ?? column.label.it}` },
          valueType,
          unit: def.unit ?? null,
          itemCode: item.code,
          categories: [item.code],
        });
      }
      continue;
    }
    const valueType = valueTypeOf(def.type);
    if (!valueType) continue;
    out.push({ code: `${code}.${item.code}`, name: def.label, valueType, unit: def.unit ?? null, itemCode: item.code, categories: item.entry.categories.map((c) => c.code) });
  }
  return out;
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value === 'yes' || value === true) return 1;
  if (value === 'no' || value === false) return 0;
  return null;
}

/**
 * The figures of one submission: entered and calculated values of relevant items, the total and every cell
 * of disaggregated items, every filled numeric table cell. An item hidden by skip logic contributes nothing.
 */
export function dataValuesOf(form: CompiledForm, evaluation: FormEvaluation, values: Record<string, unknown>): FormDataValue[] {
  const code = form.definition.code;
  const out: FormDataValue[] = [];
  const push = (elementCode: string, dimensions: Record<string, string>, raw: unknown) => {
    const value = numberOf(raw);
    if (value !== null) out.push({ elementCode, dimensions, value });
  };
  for (const item of top(form)) {
    if (evaluation.relevant[item.code] === false) continue;
    const { item: def } = item;
    if (def.type === 'table') {
      for (const cell of item.cells) {
        const column = def.columns?.find((c) => c.code === cell.path[1]);
        if (column && valueTypeOf(column.type)) push(`${code}.${item.code}.${column.code}`, { [item.code]: cell.path[0] }, values[cell.key]);
      }
      continue;
    }
    if (!valueTypeOf(def.type)) continue;
    const element = `${code}.${item.code}`;
    if (item.calculate) {
      push(element, {}, evaluation.calculated[item.code]);
      continue;
    }
    if (item.cells.length) {
      const categories = item.entry.categories.map((c) => c.code);
      for (const cell of item.cells) push(element, Object.fromEntries(categories.map((c, i) => [c, cell.path[i]])), values[cell.key]);
      push(element, {}, evaluation.totals[item.code] ?? values[item.code]);
      continue;
    }
    push(element, {}, values[item.code]);
  }
  return out;
}

/** The canonical text of a breakdown, sorted by category: '' for the total, 'sesso=F;area=UE' otherwise. */
export function disaggregationKey(dimensions: Record<string, string>): string {
  return Object.keys(dimensions)
    .sort()
    .map((k) => `${k}=${dimensions[k]}`)
    .join(';');
}
