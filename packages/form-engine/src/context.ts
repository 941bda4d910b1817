import type { Value } from './values.ts';

/** What an expression reads its values from while it is evaluated. */
export interface EvalContext {
  /** The value of a reference, by the text between its braces ('code', 'item.F.0-17', 'table.row.column'). */
  get(ref: string): Value;
  /**
   * For references that stand for several values (a repeat's column, a repeat, a wildcard such as
   * 'table.*.column'): every value, one per row or cell (a repeat gives one `true` per row). Used only by
   * sum, count, min and max; return undefined (or leave it out) for single-valued references.
   */
  getList?(ref: string): Value[] | undefined;
  /** The value of `.` (the item a constraint belongs to). */
  self?: Value;
  /** Today's date (YYYY-MM-DD) for today(); defaults to the local date of the machine. */
  today?: string;
}

/** A compiled expression or sub-expression: computes its value in a context. */
export type Evaluator = (ctx: EvalContext) => Value;
