import { type CompiledForm, type CompiledItem, compileForm } from './compile-form.ts';
import { computeCompleteness } from './completeness.ts';
import type { CheckedExpression } from './check-expressions.ts';
import type { FormDefinition } from './definition.ts';
import { EvaluationError } from './errors.ts';
import { FormContext, type FormState } from './form-context.ts';
import { rowKey } from './form-index.ts';
import { formMessages as f } from './form-messages.ts';
import { type EnteredValues, readValues } from './read-values.ts';
import { evaluateRules, type RuleResult } from './rules.ts';
import type { Message } from './text.ts';
import { checkValue, type IssueCode } from './value-checks.ts';
import { validateItem } from './validate-values.ts';
import { cleanNumber, localToday, type Value } from './values.ts';

/** Something wrong with the values of a submission, on an item code, a cell key or a repeat row key. */
export interface FormIssue {
  item: string;
  code: IssueCode;
  severity: 'error';
  message: Message;
}

/** How many of the items a person is expected to fill are filled. */
export interface Completeness {
  filled: number;
  expected: number;
}

/** Everything the browser shows and the server decides on for one submission. */
export interface FormEvaluation {
  /** Every item by code (repeat children by row key, e.g. 'members[0].age'): shown and validated or not. */
  relevant: Record<string, boolean>;
  /** Relevant items that can be filled in, by code or row key: required now (true, or a required condition that holds). */
  required: Record<string, boolean>;
  /** Calculated items by code (repeat children by row key): their computed value. */
  calculated: Record<string, Value>;
  /** Disaggregated items: the sum of their entered cells, null when none is entered. */
  totals: Record<string, number | null>;
  issues: FormIssue[];
  rules: RuleResult[];
  completeness: { bySection: Record<string, Completeness>; overall: Completeness };
}

/** Options of evaluateForm. */
export interface EvaluateFormOptions {
  /** Today's date (YYYY-MM-DD) for today(); pass the server's date in the browser for identical results. */
  today?: string;
}

/** Evaluates and validates the values of a submission against a form (a definition, or compiled once with compileForm). */
export function evaluateForm(form: FormDefinition | CompiledForm, values: Record<string, unknown>, opts: EvaluateFormOptions = {}): FormEvaluation {
  const compiled = 'definition' in form && form.items instanceof Map ? form : compileForm(form as FormDefinition);
  const run = new Evaluation(compiled, readValues(compiled, values), opts.today ?? localToday());
  for (const item of compiled.order) {
    if (item.repeat === null) run.computeTop(item);
    else run.computeChild(item);
  }
  const issues: FormIssue[] = [];
  for (const section of compiled.sections) {
    for (const item of section.items) {
      if (run.relevant[item.code]) validateItem(run, item);
      issues.push(...(run.issues.get(item.code) ?? []));
    }
  }
  const rules = evaluateRules(compiled, run.top, issues);
  issues.push(...run.entered.unknown);
  const completeness = computeCompleteness(compiled, run.relevant, run.entered);
  return { relevant: run.relevant, required: run.required, calculated: run.calculated, totals: run.totals, issues, rules, completeness };
}

/** The state of one evaluation: values as expressions read them, results so far, and issues by top-level item. */
export class Evaluation {
  readonly state: FormState = { scalars: new Map(), rows: new Map() };
  readonly relevant: Record<string, boolean> = {};
  readonly required: Record<string, boolean> = {};
  readonly calculated: Record<string, Value> = {};
  readonly totals: Record<string, number | null> = {};
  readonly issues = new Map<string, FormIssue[]>();
  readonly top: FormContext;
  private readonly scopes = new Map<string, FormContext>();

  constructor(
    readonly form: CompiledForm,
    readonly entered: EnteredValues,
    private readonly today: string,
  ) {
    for (const [scope, targets] of form.targets) this.scopes.set(scope, new FormContext(targets, this.state, today));
    this.top = this.context(null);
  }

  /** The context expressions of a scope read from (the top level, or one repeat's rows). */
  context(scope: string | null): FormContext {
    let ctx = this.scopes.get(scope ?? '');
    if (!ctx) {
      // A scope without references still needs a context (for its rows); it reads nothing.
      ctx = new FormContext(new Map(), this.state, this.today);
      this.scopes.set(scope ?? '', ctx);
    }
    return ctx;
  }

  /** Records an issue under the top-level item it belongs to, so issues come out in form order. */
  report(bucket: string, item: string, code: IssueCode, message: Message): void {
    const list = this.issues.get(bucket) ?? [];
    this.issues.set(bucket, list);
    list.push({ item, code, severity: 'error', message });
  }

  computeTop(item: CompiledItem): void {
    const { code } = item;
    const relevant = item.relevant ? this.condition(item.relevant, this.top, 'relevant', code, code, false, true) : true;
    this.relevant[code] = relevant;
    const { scalars } = this.state;
    if (item.item.type === 'repeat') {
      const rows = this.entered.rows.get(code) ?? [];
      this.state.rows.set(code, relevant ? rows.map(() => new Map()) : []);
      return;
    }
    if (item.calculate) {
      const value = relevant ? this.calculate(item, this.top, code, code) : null;
      scalars.set(code, value);
      this.calculated[code] = value;
      return;
    }
    let total: number | null = null;
    for (const cell of item.cells) {
      const value = relevant ? (this.entered.top.get(cell.key)?.value ?? null) : null;
      scalars.set(cell.key, value);
      if (typeof value === 'number') total = cleanNumber((total ?? 0) + value);
    }
    if (item.item.type === 'table') return;
    const own = relevant ? (this.entered.top.get(code)?.value ?? null) : null;
    if (item.cells.length > 0) this.totals[code] = total;
    // A disaggregated item is worth the sum of its cells; a total entered alone stands in when no cell is.
    scalars.set(code, total ?? own);
  }

  computeChild(item: CompiledItem): void {
    const repeat = item.repeat as string;
    const rows = this.state.rows.get(repeat) ?? [];
    const entered = this.entered.rows.get(repeat) ?? [];
    const ctx = this.context(repeat);
    rows.forEach((row, i) => {
      ctx.row = row;
      const key = rowKey(repeat, i, item.code);
      const relevant = item.relevant ? this.condition(item.relevant, ctx, 'relevant', repeat, key, false, true) : true;
      this.relevant[key] = relevant;
      let value: Value = null;
      if (item.calculate) {
        value = relevant ? this.calculate(item, ctx, repeat, key) : null;
        this.calculated[key] = value;
      } else if (relevant) value = entered[i]?.get(item.code)?.value ?? null;
      row.set(item.code, value);
    });
    ctx.row = null;
  }

  /** A condition's outcome: its value, `ifMissing` when it is missing, `ifError` (after reporting) when it fails. */
  condition(expr: CheckedExpression, ctx: FormContext, where: string, bucket: string, key: string, ifMissing: boolean, ifError: boolean): boolean {
    const value = this.value(expr, ctx, where, bucket, key);
    if (value === undefined) return ifError;
    if (value === null) return ifMissing;
    if (typeof value === 'boolean') return value;
    this.report(bucket, key, 'evaluation', f.conditionNotBoolean(where, value));
    return ifError;
  }

  /** An expression's value, or undefined after reporting an evaluation error. */
  value(expr: CheckedExpression, ctx: FormContext, where: string, bucket: string, key: string): Value | undefined {
    try {
      return expr.evaluate(ctx);
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      this.report(bucket, key, 'evaluation', f.evaluation(where, error.message));
      return undefined;
    }
  }

  private calculate(item: CompiledItem, ctx: FormContext, bucket: string, key: string): Value {
    const raw = this.value(item.calculate as CheckedExpression, ctx, 'calculate', bucket, key);
    if (raw === undefined || raw === null) return null;
    const type = item.item.type as Parameters<typeof checkValue>[0];
    // Comparisons give true/false, which a yes/no item stores as 'yes'/'no'; a text item takes numbers as text.
    let value: Value = raw;
    if (type === 'yes_no' && typeof raw === 'boolean') value = raw ? 'yes' : 'no';
    if ((type === 'text' || type === 'long_text') && typeof raw === 'number') value = String(raw);
    const checked = checkValue(type, value, item.limits);
    if (checked.issue?.code === 'type' || checked.issue?.code === 'choice') {
      this.report(bucket, key, 'evaluation', f.calculatedType(expectedOf(type), raw));
      return null;
    }
    if (checked.issue) this.report(bucket, key, checked.issue.code, checked.issue.message);
    return checked.value;
  }
}

const EXPECTED: Record<string, Message> = {
  integer: { it: 'un numero intero', en: 'a whole number' },
  decimal: { it: 'un numero', en: 'a number' },
  percentage: { it: 'una percentuale', en: 'a percentage' },
  date: { it: 'una data', en: 'a date' },
  yes_no: { it: 'sì o no', en: 'yes or no' },
  single_choice: { it: "un'opzione dell'elenco", en: 'a listed option' },
  multiple_choice: { it: "opzioni dell'elenco", en: 'listed options' },
};

function expectedOf(type: string): Message {
  return EXPECTED[type] ?? { it: 'un testo', en: 'a text' };
}
