import type { CompiledItem } from './compile-form.ts';
import type { Evaluation } from './evaluate-form.ts';
import type { FormContext } from './form-context.ts';
import { rowKey } from './form-index.ts';
import { formMessages as f } from './form-messages.ts';
import type { CheckedValue } from './value-checks.ts';
import type { Value } from './values.ts';

/** Checks a relevant top-level item's entered values: type and limits, required, constraint, cells against total. */
export function validateItem(run: Evaluation, item: CompiledItem): void {
  // A calculated value was checked when it was computed; nobody can change it.
  if (item.calculate) return;
  if (item.item.type === 'repeat') validateRepeat(run, item);
  else if (item.cells.length > 0) validateCells(run, item);
  else validateScalar(run, item, run.top, item.code, item.code, run.entered.top.get(item.code), run.state.scalars.get(item.code) ?? null);
}

function validateScalar(run: Evaluation, item: CompiledItem, ctx: FormContext, bucket: string, key: string, entered: CheckedValue | undefined, value: Value): void {
  if (entered?.issue) {
    isRequired(run, item, ctx, bucket, key);
    run.report(bucket, key, entered.issue.code, entered.issue.message);
    return;
  }
  const required = isRequired(run, item, ctx, bucket, key);
  if (value === null) {
    if (required) run.report(bucket, key, 'required', f.required());
    return;
  }
  // As in XLSForm, a constraint is checked only on an answered item.
  checkConstraint(run, item, ctx, bucket, key, value);
}

/** Disaggregated items and tables: each cell, then what the cells mean together. */
function validateCells(run: Evaluation, item: CompiledItem): void {
  const { code } = item;
  const entered = run.entered.top;
  let filled = 0;
  const empty: string[] = [];
  for (const cell of item.cells) {
    const checked = entered.get(cell.key);
    if (checked?.issue) run.report(code, cell.key, checked.issue.code, checked.issue.message);
    if (isEntered(checked)) filled++;
    // Notes in a text column stay optional even in a required table: required is about the figures.
    else if (cell.type !== 'text') empty.push(cell.key);
  }
  const own = entered.get(code);
  if (own?.issue) run.report(code, code, own.issue.code, own.issue.message);
  if (isRequired(run, item, run.top, code, code)) {
    // Nothing entered at all: one issue on the item rather than one per cell.
    if (filled === 0 && !isEntered(own)) run.report(code, code, 'required', f.required());
    // Some cells but not all: their sum would pass for a total that is not one.
    else if (filled > 0) for (const key of empty) run.report(code, key, 'required', f.requiredCell());
  }
  const total = run.totals[code];
  if (!own?.issue && typeof own?.value === 'number' && typeof total === 'number' && own.value !== total) {
    run.report(code, code, 'total_mismatch', f.totalMismatch(own.value, total));
  }
  if (item.item.type === 'table') checkConstraint(run, item, run.top, code, code, undefined);
  else {
    const value = run.state.scalars.get(code) ?? null;
    if (value !== null) checkConstraint(run, item, run.top, code, code, value);
  }
}

function validateRepeat(run: Evaluation, item: CompiledItem): void {
  const { code } = item;
  const rowIssues = run.entered.rowIssues.get(code) ?? [];
  for (const issue of rowIssues) run.report(code, issue.item, issue.code, issue.message);
  const rows = run.state.rows.get(code) ?? [];
  const malformed = rowIssues.some((issue) => issue.item === code);
  const required = isRequired(run, item, run.top, code, code);
  if (rows.length === 0 && !malformed && required) run.report(code, code, 'required', f.requiredRow());
  const ctx = run.context(code);
  const entered = run.entered.rows.get(code) ?? [];
  rows.forEach((row, i) => {
    // A row that is not a record was reported as such; its fields would only repeat the fault.
    if (rowIssues.some((issue) => issue.item === `${code}[${i}]`)) return;
    ctx.row = row;
    for (const child of item.children) {
      const key = rowKey(code, i, child.code);
      if (child.calculate || !run.relevant[key]) continue;
      validateScalar(run, child, ctx, code, key, entered[i]?.get(child.code), row.get(child.code) ?? null);
    }
  });
  ctx.row = null;
  checkConstraint(run, item, run.top, code, code, undefined);
}

function isEntered(checked: CheckedValue | undefined): boolean {
  return checked !== undefined && (checked.value !== null || checked.issue !== undefined);
}

/** Whether an item is required now, recorded for the form to mark it before anything is typed. */
function isRequired(run: Evaluation, item: CompiledItem, ctx: FormContext, bucket: string, key: string): boolean {
  // An unknown condition does not make an item required: the condition's inputs are not answered yet.
  const required = typeof item.required === 'boolean' ? item.required : run.condition(item.required, ctx, 'required', bucket, key, false, false);
  run.required[key] = required;
  return required;
}

function checkConstraint(run: Evaluation, item: CompiledItem, ctx: FormContext, bucket: string, key: string, self: Value | undefined): void {
  if (!item.constraint) return;
  ctx.self = self;
  // A constraint that cannot be decided (missing inputs) passes, as in XLSForm.
  const ok = run.condition(item.constraint, ctx, 'constraint', bucket, key, true, true);
  ctx.self = undefined;
  if (!ok) run.report(bucket, key, 'constraint', item.constraintMessage ?? f.constraint(item.constraint.source));
}
