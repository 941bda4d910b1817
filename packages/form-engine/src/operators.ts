import type { BinaryOperator } from './ast.ts';
import { EvaluationError } from './errors.ts';
import { expressionMessages as m } from './expression-messages.ts';
import { cleanNumber, type Value } from './values.ts';

type Arithmetic = '+' | '-' | '*' | 'div' | 'mod';
type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** + - * div mod on numbers: a missing operand, or a division by zero, gives missing. */
export function applyArithmetic(op: Arithmetic, a: Value, b: Value, at: number, symbol: string = op): Value {
  if (a !== null && typeof a !== 'number') throw typeError(symbol, a, at);
  if (b !== null && typeof b !== 'number') throw typeError(symbol, b, at);
  if (a === null || b === null) return null;
  let result: number;
  if (op === '+') result = a + b;
  else if (op === '-') result = a - b;
  else if (op === '*') result = a * b;
  else if (b === 0) return null;
  else result = op === 'div' ? a / b : a % b;
  if (!Number.isFinite(result)) throw new EvaluationError('overflow', at, symbol.length, m.overflow(at));
  // Kept at full precision: rounding each step would turn 1 div 3 * 3 into 0.999999999999999.
  return result;
}

/**
 * Comparisons: numbers with numbers, texts with texts (dates compare as YYYY-MM-DD texts), true/false
 * only for = and !=. A missing operand gives missing; mixing types is an error, never a silent false.
 */
export function applyComparison(op: Comparison, a: Value, b: Value, at: number): Value {
  if (a === null || b === null) return null;
  if (Array.isArray(a) || Array.isArray(b) || typeof a !== typeof b) {
    throw new EvaluationError('type_mismatch', at, op.length, m.cannotCompare(a, b, at));
  }
  // Numbers are compared as the author reads them (0.1 + 0.2 = 0.3), without binary floating-point noise.
  if (typeof a === 'number' && typeof b === 'number') {
    a = cleanNumber(a);
    b = cleanNumber(b);
  }
  if (op === '=') return a === b;
  if (op === '!=') return a !== b;
  if (typeof a === 'boolean') throw new EvaluationError('type_mismatch', at, op.length, m.cannotOrder(a, at));
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

/** A condition: true, false, or missing (null); anything else is an error naming where it was used. */
export function requireBoolean(where: string, value: Value, at: number, length: number): boolean | null {
  if (value === null || typeof value === 'boolean') return value;
  throw new EvaluationError('not_boolean', at, length, m.notBoolean(where, value, at));
}

/** True for the operators that compare, which cannot be chained (a < b < c). */
export function comparisonClass(op: BinaryOperator): 'equality' | 'order' | null {
  if (op === '=' || op === '!=') return 'equality';
  if (op === '<' || op === '<=' || op === '>' || op === '>=') return 'order';
  return null;
}

function typeError(op: string, value: Value, at: number): EvaluationError {
  return new EvaluationError('type_mismatch', at, op.length, m.operatorNeedsNumbers(op, value, at));
}
