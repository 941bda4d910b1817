import type { EvalContext } from './context.ts';
import type { RefTarget } from './references.ts';
import type { Value } from './values.ts';

/** The values of a submission as expressions read them: after relevance (non-relevant reads as missing) and calculation. */
export interface FormState {
  /** Top-level values by value key: item codes (a disaggregated item's total), disaggregation and table cell keys. */
  scalars: Map<string, Value>;
  /** Each repeat's rows, each row its children's values by code. */
  rows: Map<string, Map<string, Value>[]>;
}

/** Reads references for expressions of one scope (top level or one repeat), resolved once at compile time. */
export class FormContext implements EvalContext {
  self?: Value = undefined;
  /** The row that sibling references read, while evaluating inside a repeat. */
  row: Map<string, Value> | null = null;
  /** Rules that are not skipped for missing values read missing numbers as 0 (as DHIS2 does). */
  zeroMissing = false;

  constructor(
    private readonly targets: Map<string, RefTarget>,
    private readonly state: FormState,
    readonly today: string,
  ) {}

  get(ref: string): Value {
    const target = this.targets.get(ref);
    let value: Value = null;
    if (target?.kind === 'value') value = this.state.scalars.get(target.key) ?? null;
    else if (target?.kind === 'sibling') value = this.row?.get(target.code) ?? null;
    return value === null && this.zeroMissing && target?.numeric ? 0 : value;
  }

  getList(ref: string): Value[] | undefined {
    const target = this.targets.get(ref);
    if (!target) return undefined;
    let list: Value[];
    if (target.kind === 'rows') list = (this.state.rows.get(target.repeat) ?? []).map(() => true);
    else if (target.kind === 'column') list = (this.state.rows.get(target.repeat) ?? []).map((row) => row.get(target.code) ?? null);
    else if (target.kind === 'cells') list = target.keys.map((key) => this.state.scalars.get(key) ?? null);
    else return undefined;
    return this.zeroMissing && target.numeric ? list.map((v) => v ?? 0) : list;
  }
}

/** True when nothing a target stands for has a value (a repeat's rows always count as known: no rows is 0). */
export function isTargetMissing(target: RefTarget, ctx: FormContext, ref: string): boolean {
  if (target.kind === 'rows') return false;
  if (target.kind === 'value' || target.kind === 'sibling') return ctx.get(ref) === null;
  return (ctx.getList(ref) ?? []).every((v) => v === null);
}
