import type { CompiledForm, CompiledItem } from './compile-form.ts';
import type { FormIssue } from './evaluate-form.ts';
import { rowKey, type ValueType } from './form-index.ts';
import { formMessages as f } from './form-messages.ts';
import { type CheckedValue, checkValue, isBlank } from './value-checks.ts';

/** The entered values of a submission, each read as its type, before relevance and calculation. */
export interface EnteredValues {
  /** By value key: item codes, disaggregated totals, disaggregation and table cell keys. */
  top: Map<string, CheckedValue>;
  /** By repeat code: each row's children by code. */
  rows: Map<string, Map<string, CheckedValue>[]>;
  /** By repeat code: malformed rows and unknown children, reported only if the repeat is relevant. */
  rowIssues: Map<string, FormIssue[]>;
  /** Keys that are not part of the form. */
  unknown: FormIssue[];
}

/** Reads raw values (value key → raw value; a repeat's code → array of rows) and checks each one's type and limits. */
export function readValues(form: CompiledForm, values: Record<string, unknown>): EnteredValues {
  const entered: EnteredValues = { top: new Map(), rows: new Map(), rowIssues: new Map(), unknown: [] };
  for (const key of Object.keys(values)) {
    const raw = values[key];
    const known = form.keys.get(key);
    const repeat = form.items.get(key);
    if (repeat && repeat.repeat === null && repeat.item.type === 'repeat') {
      readRows(repeat, raw, entered);
    } else if (!known) {
      if (!isBlank(raw)) entered.unknown.push({ item: key, code: 'unknown', severity: 'error', message: f.unknownField(key) });
    } else if (!known.item.calculate) {
      // A calculated item's value is computed, whatever a client sends back for it.
      const type = known.cell?.type ?? (known.item.item.type as ValueType);
      const limits = known.cell && known.item.item.type === 'table' ? { min: known.item.limits.min, max: known.item.limits.max } : known.item.limits;
      entered.top.set(key, checkValue(type, raw, limits));
    }
  }
  return entered;
}

function readRows(repeat: CompiledItem, raw: unknown, entered: EnteredValues): void {
  const issues: FormIssue[] = [];
  const rows: Map<string, CheckedValue>[] = [];
  entered.rowIssues.set(repeat.code, issues);
  entered.rows.set(repeat.code, rows);
  if (isBlank(raw)) return;
  if (!Array.isArray(raw)) {
    issues.push({ item: repeat.code, code: 'type', severity: 'error', message: f.rows() });
    return;
  }
  raw.forEach((record: unknown, i) => {
    const row = new Map<string, CheckedValue>();
    rows.push(row);
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      issues.push({ item: `${repeat.code}[${i}]`, code: 'type', severity: 'error', message: f.row() });
      return;
    }
    const fields = record as Record<string, unknown>;
    for (const code of Object.keys(fields)) {
      const child = repeat.children.find((c) => c.code === code);
      if (!child) {
        if (!isBlank(fields[code])) issues.push({ item: rowKey(repeat.code, i, code), code: 'unknown', severity: 'error', message: f.unknownField(code) });
      } else if (!child.calculate) {
        row.set(code, checkValue(child.item.type as ValueType, fields[code], child.limits));
      }
    }
  });
}
