import type { BinaryOperator, CallNode, Node } from './ast.ts';
import { ExpressionError } from './errors.ts';
import { expressionMessages as m } from './expression-messages.ts';
import { compilePattern, getFunction, suggestFunction } from './functions.ts';
import { type ReferenceMode, type Token, tokenize } from './lexer.ts';
import { comparisonClass } from './operators.ts';

// Binding strength as in XPath 1.0: or < and < equality < relational < additive < multiplicative < unary.
const PRECEDENCE: Record<BinaryOperator, number> = {
  or: 1,
  and: 2,
  '=': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  div: 6,
  mod: 6,
};
const WORD_OPERATORS = new Set<string>(['and', 'or', 'div', 'mod']);

/** The functions a language knows, by name, with how many arguments each takes. */
export interface FunctionTable {
  get(name: string): { min: number; max: number } | undefined;
  suggest(name: string): string | null;
}

/** Another language on the same grammar: its references and functions (indicator formulas use 'data'). */
export interface ParseOptions {
  references?: ReferenceMode;
  functions?: FunctionTable;
}

const FORM_FUNCTIONS: FunctionTable = { get: getFunction, suggest: suggestFunction };

/** Reads an expression into its syntax tree; throws ExpressionError (code, position, length, message) at the first fault. */
export function parseExpression(src: string, options: ParseOptions = {}): Node {
  if (src.trim() === '') throw new ExpressionError('empty_expression', 0, src.length, m.empty());
  const parser = new Parser(tokenize(src, options.references), options.functions ?? FORM_FUNCTIONS);
  const node = parser.expression(0);
  parser.expectEnd();
  return node;
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly functions: FunctionTable,
  ) {}

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    return this.tokens[this.index++];
  }

  private previous(): Token | null {
    return this.index > 0 ? this.tokens[this.index - 1] : null;
  }

  /** Reads operands joined by operators binding at least as strongly as minPrecedence (left-associative). */
  expression(minPrecedence: number): Node {
    let left = this.unary();
    // The comparison built last at this level: a second one of the same kind would be a chain (a < b < c).
    // A parenthesised comparison on the left, as in (a = b) = c, is deliberate and allowed.
    let lastComparison: string | null = null;
    for (;;) {
      const token = this.peek();
      const op = binaryOperator(token);
      if (!op || PRECEDENCE[op] < minPrecedence) return left;
      const kind = comparisonClass(op);
      if (kind && kind === lastComparison) {
        throw new ExpressionError('chained_comparison', token.start, token.end - token.start, m.chainedComparison(token.start));
      }
      lastComparison = kind;
      this.next();
      const right = this.expression(PRECEDENCE[op] + 1);
      left = { kind: 'binary', op, opText: token.text, opStart: token.start, left, right, start: left.start, end: right.end };
    }
  }

  private unary(): Node {
    const token = this.peek();
    if (token.kind === 'op' && token.text === '-') {
      this.next();
      const operand = this.unary();
      return { kind: 'negate', operand, start: token.start, end: operand.end };
    }
    return this.primary();
  }

  private primary(): Node {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value as number, start: token.start, end: token.end };
      case 'string':
        return { kind: 'string', value: token.value as string, start: token.start, end: token.end };
      case 'ref':
        if (token.target) return { kind: 'ref', ref: (token.path ?? []).join('.'), path: token.path ?? [], target: token.target, filter: token.filter, start: token.start, end: token.end };
        return { kind: 'ref', ref: token.text.slice(2, -1), path: token.path ?? [], start: token.start, end: token.end };
      case 'dot':
        return { kind: 'self', start: token.start, end: token.end };
      case '(': {
        const inner = this.expression(0);
        if (this.peek().kind !== ')') this.unclosed(token);
        const close = this.next();
        // The span includes the parentheses so that errors point at what the author wrote.
        return { ...inner, start: token.start, end: close.end };
      }
      case 'name':
        return this.nameOrCall(token);
      default:
        throw this.missingOperand(token);
    }
  }

  private nameOrCall(token: Token): Node {
    const name = token.text;
    if (WORD_OPERATORS.has(name)) throw this.missingOperand(token);
    const spec = this.functions.get(name);
    if (this.peek().kind !== '(') {
      if (spec) throw new ExpressionError('expected_parenthesis', token.end, 1, m.expectedParenthesis(name, token.end));
      throw new ExpressionError('unknown_name', token.start, name.length, m.unknownName(name, token.start));
    }
    if (!spec) throw new ExpressionError('unknown_function', token.start, name.length, m.unknownFunction(name, token.start, this.functions.suggest(name)));
    const open = this.next();
    const args: Node[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        args.push(this.expression(0));
        if (this.peek().kind !== ',') break;
        this.next();
      }
    }
    if (this.peek().kind !== ')') this.unclosed(open);
    const close = this.next();
    const call: CallNode = { kind: 'call', name, args, start: token.start, end: close.end };
    if (args.length < spec.min || args.length > spec.max) {
      throw new ExpressionError('wrong_argument_count', token.start, close.end - token.start, m.wrongArgumentCount(name, spec.min, spec.max, args.length, token.start));
    }
    if (this.functions === FORM_FUNCTIONS) checkCall(call);
    return call;
  }

  /** Called where a ) was due: says whether the parenthesis was left open or another operand followed. */
  private unclosed(open: Token): never {
    const token = this.peek();
    if (token.kind === 'eof') throw new ExpressionError('unclosed_parenthesis', open.start, 1, m.unclosedParenthesis(open.start));
    throw this.missingOperator(token);
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind === 'eof') return;
    if (token.kind === ')') {
      throw new ExpressionError('unexpected_closing_parenthesis', token.start, 1, m.unexpectedClosingParenthesis(token.start));
    }
    throw this.missingOperator(token);
  }

  private missingOperator(token: Token): ExpressionError {
    if (token.kind === ',') return new ExpressionError('unexpected_comma', token.start, 1, m.unexpectedComma(token.start));
    const before = this.tokens[this.index - 1];
    return new ExpressionError('expected_operator', token.start, token.end - token.start, m.expectedOperator(before.text, token.start, token.text));
  }

  private missingOperand(token: Token): ExpressionError {
    if (token.kind === 'eof') {
      const after = this.tokens[this.index - 2] ?? null;
      return new ExpressionError('expected_operand', token.start, 0, m.expectedOperand(token.start, null, after ? after.text : ''));
    }
    if (token.kind === ',' && this.previous()?.kind !== ',') {
      return new ExpressionError('unexpected_comma', token.start, 1, m.unexpectedComma(token.start));
    }
    return new ExpressionError('expected_operand', token.start, token.end - token.start, m.expectedOperand(token.start, token.text, null));
  }
}

function binaryOperator(token: Token): BinaryOperator | null {
  if (token.kind === 'op') {
    if (token.text === '/') return 'div';
    return token.text === '!' ? null : (token.text as BinaryOperator);
  }
  if (token.kind === 'name' && WORD_OPERATORS.has(token.text)) return token.text as BinaryOperator;
  return null;
}

/** Checks that need only the call itself: count() takes a reference, a literal regex() pattern must compile. */
function checkCall(call: CallNode): void {
  if (call.name === 'count' && call.args[0].kind !== 'ref') {
    throw new ExpressionError('count_needs_reference', call.start, call.end - call.start, m.countNeedsReference(call.start));
  }
  const pattern = call.args[1];
  if (call.name === 'regex' && pattern.kind === 'string') {
    try {
      compilePattern(pattern.value);
    } catch (error) {
      throw new ExpressionError('invalid_pattern', pattern.start, pattern.end - pattern.start, m.invalidPattern(pattern.value, pattern.start, error));
    }
  }
}
