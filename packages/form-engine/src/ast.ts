/** The syntax tree of an expression. Every node knows its span in the source (0-based, end exclusive). */

export type BinaryOperator = '+' | '-' | '*' | 'div' | 'mod' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

interface Span {
  start: number;
  end: number;
}

export interface NumberNode extends Span {
  kind: 'number';
  value: number;
}

export interface StringNode extends Span {
  kind: 'string';
  value: string;
}

/** ${code}, ${item.option…} or ${table.row.column}; `ref` is the text between the braces (in data mode: the code). */
export interface RefNode extends Span {
  kind: 'ref';
  ref: string;
  path: string[];
  /** Only in data mode (indicator formulas): what the reference names, and a data element's filter. */
  target?: 'element' | 'indicator';
  filter?: { category: string; option: string; start: number; end: number }[];
}

/** `.`: the value of the item a constraint belongs to. */
export interface SelfNode extends Span {
  kind: 'self';
}

export interface NegateNode extends Span {
  kind: 'negate';
  operand: Node;
}

export interface BinaryNode extends Span {
  kind: 'binary';
  op: BinaryOperator;
  /** The operator as written (`/` is read as div). */
  opText: string;
  /** Where the operator itself is, for error messages. */
  opStart: number;
  left: Node;
  right: Node;
}

export interface CallNode extends Span {
  kind: 'call';
  name: string;
  args: Node[];
}

export type Node = NumberNode | StringNode | RefNode | SelfNode | NegateNode | BinaryNode | CallNode;

/** Calls fn on every node of the tree, parents before children. */
export function walk(node: Node, fn: (node: Node, parent: Node | null) => void, parent: Node | null = null): void {
  fn(node, parent);
  if (node.kind === 'negate') walk(node.operand, fn, node);
  else if (node.kind === 'binary') {
    walk(node.left, fn, node);
    walk(node.right, fn, node);
  } else if (node.kind === 'call') for (const arg of node.args) walk(arg, fn, node);
}
