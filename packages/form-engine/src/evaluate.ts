import { type BinaryNode, type CallNode, type Node, walk } from './ast.ts';
import type { EvalContext, Evaluator } from './context.ts';
import { EvaluationError } from './errors.ts';
import { expressionMessages as m } from './expression-messages.ts';
import { FUNCTIONS } from './functions.ts';
import { applyArithmetic, applyComparison, requireBoolean } from './operators.ts';
import { parseExpression } from './parser.ts';
import { cleanNumber, isMissing, normalizeValue, type Value } from './values.ts';

/** An expression read once and ready to be evaluated any number of times. */
export interface CompiledExpression {
  source: string;
  ast: Node;
  /** Every reference, as written between the braces, once each, in order of appearance. */
  refs: string[];
  /** Evaluates on the values of a context; throws EvaluationError on a type error such as 'a' + 1. */
  evaluate(ctx: EvalContext): Value;
}

/** Parses and compiles an expression; throws ExpressionError if it is not well formed. */
export function compileExpression(source: string): CompiledExpression {
  const ast = parseExpression(source);
  const evaluate = compileNode(ast);
  // Results leave the engine without binary floating-point noise (0.1 + 0.2 gives 0.3); inside, full precision.
  return { source, ast, refs: collectRefs(ast), evaluate: (ctx) => {
    const value = evaluate(ctx);
    return typeof value === 'number' ? cleanNumber(value) : value;
  } };
}

/** The references of a tree, once each, in order of appearance. */
export function collectRefs(ast: Node): string[] {
  const refs = new Set<string>();
  walk(ast, (node) => {
    if (node.kind === 'ref') refs.add(node.ref);
  });
  return [...refs];
}

/** Turns a tree into a closure, so that evaluating does no dispatch on node kinds. */
export function compileNode(node: Node): Evaluator {
  switch (node.kind) {
    case 'number': {
      const value = node.value;
      return () => value;
    }
    case 'string': {
      // '' is how XLSForm authors write "no value": it reads as missing.
      const value = node.value === '' ? null : node.value;
      return () => value;
    }
    case 'ref': {
      const ref = node.ref;
      return (ctx) => normalizeValue(ctx.get(ref));
    }
    case 'self': {
      const at = node.start;
      return (ctx) => {
        if (ctx.self === undefined) throw new EvaluationError('no_self', at, 1, m.noSelf(at));
        return normalizeValue(ctx.self);
      };
    }
    case 'negate': {
      const operand = compileNode(node.operand);
      const at = node.start;
      return (ctx) => {
        const value = operand(ctx);
        if (value === 0) return 0;
        return applyArithmetic('*', value, -1, at, '-');
      };
    }
    case 'binary':
      return compileBinary(node);
    case 'call':
      return compileCall(node);
  }
}

function compileBinary(node: BinaryNode): Evaluator {
  const { op, opStart: at, opText } = node;
  const left = compileNode(node.left);
  const right = compileNode(node.right);
  if (op === 'and' || op === 'or') {
    // Three-valued logic (as SQL): false and missing is false, true or missing is true, otherwise missing.
    const decisive = op === 'or';
    return (ctx) => {
      const l = requireBoolean(op, left(ctx), at, op.length);
      if (l === decisive) return decisive;
      const r = requireBoolean(op, right(ctx), at, op.length);
      if (r === decisive) return decisive;
      return l === null || r === null ? null : !decisive;
    };
  }
  if ((op === '=' || op === '!=') && (isEmptyString(node.left) || isEmptyString(node.right))) {
    // ${x} = '' asks whether x is unanswered (the XLSForm idiom): always true or false, never missing.
    const other = isEmptyString(node.left) ? right : left;
    const equal = op === '=';
    return (ctx) => isMissing(other(ctx)) === equal;
  }
  if (op === '+' || op === '-' || op === '*' || op === 'div' || op === 'mod') {
    return (ctx) => applyArithmetic(op, left(ctx), right(ctx), at, opText);
  }
  return (ctx) => applyComparison(op, left(ctx), right(ctx), at);
}

function compileCall(node: CallNode): Evaluator {
  const spec = FUNCTIONS[node.name];
  if (spec.kind === 'scalar') {
    const args = node.args.map(compileNode);
    return (ctx) => spec.call(args, ctx, node);
  }
  const lists = node.args.map((arg): ((ctx: EvalContext) => Value[]) => {
    if (arg.kind === 'ref') {
      const ref = arg.ref;
      return (ctx) => ctx.getList?.(ref) ?? [normalizeValue(ctx.get(ref))];
    }
    const scalar = compileNode(arg);
    return (ctx) => [scalar(ctx)];
  });
  return (ctx) =>
    spec.call(
      lists.map((list) => list(ctx)),
      node,
    );
}

function isEmptyString(node: Node): boolean {
  return node.kind === 'string' && node.value === '';
}
