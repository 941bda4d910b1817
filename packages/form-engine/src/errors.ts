import type { Message } from './text.ts';

/** Why an expression was rejected when it was read (syntax) — every code has its own message. */
export type ExpressionErrorCode =
  | 'empty_expression'
  | 'unexpected_character'
  | 'unterminated_string'
  | 'invalid_number'
  | 'unclosed_reference'
  | 'invalid_reference'
  | 'unclosed_parenthesis'
  | 'unexpected_closing_parenthesis'
  | 'expected_operand'
  | 'expected_operator'
  | 'expected_parenthesis'
  | 'unexpected_comma'
  | 'unknown_name'
  | 'unknown_function'
  | 'wrong_argument_count'
  | 'count_needs_reference'
  | 'invalid_pattern'
  | 'chained_comparison';

/**
 * A syntax error in an expression, with the 0-based offset and length of the fault. It is not an Error
 * subclass so that `message` can carry both languages; catch it with `instanceof ExpressionError`.
 */
export class ExpressionError {
  readonly name = 'ExpressionError';
  constructor(
    readonly code: ExpressionErrorCode,
    readonly position: number,
    readonly length: number,
    readonly message: Message,
  ) {}

  toString(): string {
    return `ExpressionError(${this.code} at ${this.position}): ${this.message.en}`;
  }
}

/** Why an expression could not be evaluated on the values at hand. */
export type EvaluationErrorCode = 'type_mismatch' | 'not_boolean' | 'not_a_number' | 'invalid_argument' | 'no_self' | 'overflow';

/** An error while evaluating an expression (e.g. 'a' + 1), with the position of the operator or call at fault. */
export class EvaluationError {
  readonly name = 'EvaluationError';
  constructor(
    readonly code: EvaluationErrorCode,
    readonly position: number,
    readonly length: number,
    readonly message: Message,
  ) {}

  toString(): string {
    return `EvaluationError(${this.code} at ${this.position}): ${this.message.en}`;
  }
}
