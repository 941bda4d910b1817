import type { CallNode } from './ast.ts';
import type { EvalContext, Evaluator } from './context.ts';
import { EvaluationError } from './errors.ts';
import { expressionMessages as m } from './expression-messages.ts';
import { requireBoolean } from './operators.ts';
import { closest, type Message } from './text.ts';
import { cleanNumber, isMissing, localToday, type Value } from './values.ts';

/** A function whose arguments are evaluated on demand (if, coalesce) or one by one. */
interface ScalarFunction {
  kind: 'scalar';
  min: number;
  max: number;
  call(args: Evaluator[], ctx: EvalContext, node: CallNode): Value;
}

/** A function over lists of values: a reference argument may stand for a repeat's column or many cells. */
interface AggregateFunction {
  kind: 'aggregate';
  min: number;
  max: number;
  call(lists: Value[][], node: CallNode): Value;
}

export type FunctionSpec = ScalarFunction | AggregateFunction;

const A_NUMBER: Message = { it: 'un numero', en: 'a number' };
const A_TEXT: Message = { it: 'un testo', en: 'a text' };
const A_DATE: Message = { it: 'una data (AAAA-MM-GG)', en: 'a date (YYYY-MM-DD)' };
const A_SELECTION: Message = { it: 'una voce a scelta', en: 'a choice item' };
const MANY = Number.POSITIVE_INFINITY;

function scalar(min: number, max: number, call: ScalarFunction['call']): ScalarFunction {
  return { kind: 'scalar', min, max, call };
}

function aggregate(min: number, max: number, call: AggregateFunction['call']): AggregateFunction {
  return { kind: 'aggregate', min, max, call };
}

function fail(name: string, expected: Message, value: Value, node: CallNode): EvaluationError {
  return new EvaluationError('invalid_argument', node.start, node.end - node.start, m.functionNeeds(name, expected, value, node.start));
}

/** Every non-missing value must be a number; missing ones are dropped. */
function numbersOf(name: string, lists: Value[][], node: CallNode): number[] {
  const numbers: number[] = [];
  for (const list of lists) {
    for (const value of list) {
      if (isMissing(value)) continue;
      if (typeof value !== 'number') throw fail(name, A_NUMBER, value, node);
      numbers.push(value);
    }
  }
  return numbers;
}

function numberArg(name: string, value: Value, node: CallNode): number | null {
  if (value === null || typeof value === 'number') return value;
  throw fail(name, A_NUMBER, value, node);
}

/** Half away from zero, on the decimal digits as written (1.005 rounds to 1.01, as a person would). */
function roundTo(x: number, digits: number): number {
  const shifted = Math.round(Number(`${Math.abs(x)}e${digits}`));
  return cleanNumber(Math.sign(x) * Number(`${shifted}e${-digits}`));
}

const patterns = new Map<string, RegExp>();

/** Compiles a regex() pattern once; the same pattern is used for every row and every submission. */
export function compilePattern(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    if (patterns.size > 500) patterns.clear();
    patterns.set(pattern, re);
  }
  return re;
}

/** The functions of the language, by name, with how many arguments each takes. */
export const FUNCTIONS: Record<string, FunctionSpec> = {
  if: scalar(3, 3, ([cond, then, otherwise], ctx, node) => {
    const c = requireBoolean('if()', cond(ctx), node.start, node.end - node.start);
    if (c === null) return null;
    return c ? then(ctx) : otherwise(ctx);
  }),
  coalesce: scalar(2, MANY, (args, ctx) => {
    for (const arg of args) {
      const value = arg(ctx);
      if (!isMissing(value)) return value;
    }
    return null;
  }),
  not: scalar(1, 1, ([x], ctx, node) => {
    const value = requireBoolean('not()', x(ctx), node.start, node.end - node.start);
    return value === null ? null : !value;
  }),
  true: scalar(0, 0, () => true),
  false: scalar(0, 0, () => false),
  sum: aggregate(1, MANY, (lists, node) => {
    const numbers = numbersOf('sum', lists, node);
    // Nothing to add (a repeat without rows) is 0; values that exist but are all unanswered stay missing,
    // so that "not collected" is never shown as a zero.
    if (numbers.length === 0) return lists.every((list) => list.length === 0) ? 0 : null;
    let total = 0;
    for (const n of numbers) total += n;
    return cleanNumber(total);
  }),
  count: aggregate(1, 1, ([list]) => list.filter((value) => !isMissing(value)).length),
  min: aggregate(1, MANY, (lists, node) => {
    const numbers = numbersOf('min', lists, node);
    return numbers.length === 0 ? null : Math.min(...numbers);
  }),
  max: aggregate(1, MANY, (lists, node) => {
    const numbers = numbersOf('max', lists, node);
    return numbers.length === 0 ? null : Math.max(...numbers);
  }),
  'count-selected': scalar(1, 1, ([x], ctx, node) => {
    const value = x(ctx);
    if (isMissing(value)) return 0;
    if (Array.isArray(value)) return value.length;
    if (typeof value === 'string') return 1;
    throw fail('count-selected', A_SELECTION, value, node);
  }),
  selected: scalar(2, 2, ([x, option], ctx, node) => {
    const value = x(ctx);
    const code = option(ctx);
    if (typeof code !== 'string') throw fail('selected', A_TEXT, code, node);
    // Nothing chosen is "not chosen": selected() is a membership test, not a comparison.
    if (isMissing(value)) return false;
    if (Array.isArray(value)) return value.includes(code);
    if (typeof value === 'string') return value === code;
    throw fail('selected', A_SELECTION, value, node);
  }),
  round: scalar(1, 2, ([x, digitsArg], ctx, node) => {
    const value = numberArg('round', x(ctx), node);
    const digits = digitsArg ? numberArg('round', digitsArg(ctx), node) : 0;
    if (digits !== null && (!Number.isInteger(digits) || Math.abs(digits) > 10)) {
      throw new EvaluationError('invalid_argument', node.start, node.end - node.start, m.roundDigits(digits, node.start));
    }
    return value === null || digits === null ? null : roundTo(value, digits);
  }),
  abs: scalar(1, 1, ([x], ctx, node) => {
    const value = numberArg('abs', x(ctx), node);
    return value === null ? null : Math.abs(value);
  }),
  'string-length': scalar(1, 1, ([x], ctx, node) => {
    const value = x(ctx);
    if (isMissing(value)) return 0;
    if (typeof value === 'number') return String(value).length;
    if (typeof value !== 'string') throw fail('string-length', A_TEXT, value, node);
    return [...value].length;
  }),
  number: scalar(1, 1, ([x], ctx, node) => {
    const value = x(ctx);
    if (isMissing(value)) return null;
    if (typeof value === 'number') return value;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value === 'string' && /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)) return Number(value);
    if (typeof value === 'string') throw new EvaluationError('not_a_number', node.start, node.end - node.start, m.notANumber(value, node.start));
    throw fail('number', A_TEXT, value, node);
  }),
  today: scalar(0, 0, (_args, ctx) => ctx.today ?? localToday()),
  year: scalar(1, 1, ([x], ctx, node) => {
    const value = x(ctx);
    if (isMissing(value)) return null;
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw fail('year', A_DATE, value, node);
    return Number(value.slice(0, 4));
  }),
  regex: scalar(2, 2, ([x, patternArg], ctx, node) => {
    const value = x(ctx);
    const pattern = patternArg(ctx);
    if (typeof pattern !== 'string') throw fail('regex', A_TEXT, pattern, node);
    if (isMissing(value)) return null;
    if (typeof value !== 'string' && typeof value !== 'number') throw fail('regex', A_TEXT, value, node);
    try {
      return compilePattern(pattern).test(String(value));
    } catch (error) {
      throw new EvaluationError('invalid_argument', node.start, node.end - node.start, m.invalidPattern(pattern, node.start, error));
    }
  }),
};

/** The known function closest to a misspelt name, for "did you mean …?". */
export function suggestFunction(name: string): string | null {
  return closest(name.toLowerCase(), Object.keys(FUNCTIONS));
}

/** The function of that name, if the language has one (own names only: "constructor" is not a function). */
export function getFunction(name: string): FunctionSpec | undefined {
  return Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}
