import type { Node } from './ast.ts';
import type { ItemType } from './definition.ts';
import type { RefTarget } from './references.ts';
import type { Message } from './text.ts';
import { type StaticType, typeMessages as m } from './type-messages.ts';

type Report = (node: Node, message: Message) => void;

/** The type expressions see for a value of an item or column type. */
export function typeOfItem(type: ItemType): StaticType {
  if (type === 'integer' || type === 'decimal' || type === 'percentage') return 'number';
  if (type === 'multiple_choice') return 'selection';
  if (type === 'table' || type === 'repeat') return 'any';
  return 'text';
}

/** The type of one value a reference reads (for lists: of each element). */
function typeOfTarget(target: RefTarget): StaticType {
  const { entry } = target;
  switch (target.kind) {
    case 'rows':
      return 'any';
    case 'column':
      return typeOfItem(entry.item.items?.find((c) => c.code === target.code)?.type ?? 'table');
    case 'cells':
      return target.numeric ? 'number' : 'any';
    case 'sibling':
      return typeOfItem(entry.item.type);
    case 'value': {
      if (target.key === entry.code) return entry.cells.length > 0 ? 'number' : typeOfItem(entry.item.type);
      return typeOfItem(entry.cells.find((c) => c.key === target.key)?.type ?? 'table');
    }
  }
}

function unify(a: StaticType, b: StaticType): StaticType {
  if (a === b || b === 'any') return a;
  return a === 'any' ? b : 'any';
}

/**
 * Infers the type of an expression from the types of the items it reads, reporting what would fail
 * whenever values are present ('a' + 1, ${choice} = 1, if(${yes_no}, …)): such expressions are
 * rejected when the form is saved rather than when someone fills it in.
 */
export function inferType(node: Node, targets: Map<string, RefTarget>, self: StaticType, report: Report): StaticType {
  const infer = (n: Node): StaticType => inferType(n, targets, self, report);
  // Messages give the position of the operand at fault, which is also where the problem points.
  const expect = (n: Node, wanted: StaticType, problem: (found: StaticType, pos: number) => Message) => {
    const found = infer(n);
    if (found !== 'any' && found !== wanted) report(n, problem(found, n.start));
  };
  switch (node.kind) {
    case 'number':
      return 'number';
    case 'string':
      return node.value === '' ? 'any' : 'text';
    case 'self':
      return self;
    case 'ref': {
      const target = targets.get(node.ref);
      return target ? typeOfTarget(target) : 'any';
    }
    case 'negate':
      expect(node.operand, 'number', (found, pos) => m.operator('-', found, pos));
      return 'number';
    case 'binary':
      return inferBinary(node, infer, report);
    case 'call':
      return inferCall(node, targets, infer, expect, report);
  }
}

function inferBinary(node: Extract<Node, { kind: 'binary' }>, infer: (n: Node) => StaticType, report: Report): StaticType {
  const { op } = node;
  const at = node.start;
  const left = infer(node.left);
  const right = infer(node.right);
  if (op === 'and' || op === 'or') {
    for (const [side, type] of [[node.left, left], [node.right, right]] as const) {
      if (type !== 'any' && type !== 'boolean') report(side, m.condition(op, type, side.start));
    }
    return 'boolean';
  }
  if (op === '=' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') {
    const emptyTest = (op === '=' || op === '!=') && (isEmpty(node.left) || isEmpty(node.right));
    if (emptyTest) return 'boolean';
    if (left === 'selection' || right === 'selection') report(node, op === '=' || op === '!=' ? m.selectionCompared(at) : m.order('selection', at));
    else if (left !== 'any' && right !== 'any' && left !== right) report(node, m.compare(left, right, at));
    else if (op !== '=' && op !== '!=' && (left === 'boolean' || right === 'boolean')) report(node, m.order('boolean', at));
    return 'boolean';
  }
  for (const [side, type] of [[node.left, left], [node.right, right]] as const) {
    if (type !== 'any' && type !== 'number') report(side, m.operator(node.opText, type, side.start));
  }
  return 'number';
}

const AGGREGATES = new Set(['sum', 'min', 'max']);

function inferCall(
  node: Extract<Node, { kind: 'call' }>,
  targets: Map<string, RefTarget>,
  infer: (n: Node) => StaticType,
  expect: (n: Node, wanted: StaticType, problem: (found: StaticType, pos: number) => Message) => void,
  report: Report,
): StaticType {
  const { name, args } = node;
  const argument = (wanted: StaticType) => (found: StaticType, pos: number) => m.argument(name, wanted, found, pos);
  if (AGGREGATES.has(name)) {
    for (const arg of args) {
      const target = arg.kind === 'ref' ? targets.get(arg.ref) : undefined;
      // A list that mixes figures and notes (a whole table) would fail as soon as a note is written.
      if (target?.kind === 'cells' && !target.numeric) report(arg, m.argument(name, 'number', 'text', arg.start));
      else expect(arg, 'number', argument('number'));
    }
    return 'number';
  }
  switch (name) {
    case 'if':
      expect(args[0], 'boolean', (found, pos) => m.condition('if()', found, pos));
      return unify(infer(args[1]), infer(args[2]));
    case 'coalesce':
      return args.map(infer).reduce(unify);
    case 'not':
      expect(args[0], 'boolean', (found, pos) => m.condition('not()', found, pos));
      return 'boolean';
    case 'true':
    case 'false':
      return 'boolean';
    case 'count':
      return 'number';
    case 'count-selected': {
      const found = infer(args[0]);
      if (found === 'number' || found === 'boolean') report(args[0], m.argument(name, 'selection', found, args[0].start));
      return 'number';
    }
    case 'selected': {
      const found = infer(args[0]);
      if (found === 'number' || found === 'boolean') report(args[0], m.argument(name, 'selection', found, args[0].start));
      expect(args[1], 'text', argument('text'));
      return 'boolean';
    }
    case 'round':
    case 'abs':
      for (const arg of args) expect(arg, 'number', argument('number'));
      return 'number';
    case 'string-length':
    case 'number': {
      const found = infer(args[0]);
      if (found === 'selection' || (name === 'string-length' && found === 'boolean')) report(args[0], m.argument(name, 'text', found, args[0].start));
      return 'number';
    }
    case 'today':
      return 'text';
    case 'year': {
      const found = infer(args[0]);
      if (found === 'number' || found === 'boolean' || found === 'selection') report(args[0], m.argument(name, 'text', found, args[0].start));
      return 'number';
    }
    case 'regex': {
      const found = infer(args[0]);
      if (found === 'selection' || found === 'boolean') report(args[0], m.argument(name, 'text', found, args[0].start));
      expect(args[1], 'text', argument('text'));
      return 'boolean';
    }
    default:
      args.forEach(infer);
      return 'any';
  }
}

function isEmpty(node: Node): boolean {
  return node.kind === 'string' && node.value === '';
}

/** Whether a calculation of that static type can fill an item of that type. */
export function suitsItem(itemType: ItemType, found: StaticType): boolean {
  if (found === 'any') return true;
  const wanted = typeOfItem(itemType);
  if (itemType === 'yes_no') return found === 'boolean' || found === 'text';
  if (itemType === 'text' || itemType === 'long_text') return found === 'text' || found === 'number';
  return found === wanted;
}
