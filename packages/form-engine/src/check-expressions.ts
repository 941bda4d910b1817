import { type Node, walk } from './ast.ts';
import { definitionMessages as d } from './definition-messages.ts';
import type { FormDefinition } from './definition.ts';
import { inferType, suitsItem, typeOfItem } from './check-types.ts';
import { ExpressionError } from './errors.ts';
import { type CompiledExpression, compileExpression } from './evaluate.ts';
import type { FormIndex, ItemEntry } from './form-index.ts';
import { isListTarget, type RefTarget, resolveReference } from './references.ts';
import { type StaticType, typeMessages as t } from './type-messages.ts';
import type { DefinitionProblem } from './validate-definition.ts';

/** An expression that parsed and whose references all resolved, with what each reference stands for. */
export interface CheckedExpression extends CompiledExpression {
  targets: Map<string, RefTarget>;
  /** The repeat the expression is written in (its bare references to siblings read the same row), or null. */
  scope: string | null;
  /** Its static type, as far as the definition tells. */
  type: StaticType;
}

/** Where `.` may appear: in constraints of plain items only. */
type SelfRule = 'allowed' | 'field' | 'group';

const AGGREGATES = new Set(['sum', 'count', 'min', 'max']);

/** Checks every expression of the definition; returns the sound ones by problem path (e.g. 'rules.0.left'). */
export function checkExpressions(def: FormDefinition, index: FormIndex, problems: DefinitionProblem[]): Map<string, CheckedExpression> {
  const checked = new Map<string, CheckedExpression>();
  const check = (source: unknown, path: string, site: Site) => {
    if (typeof source !== 'string') return;
    const result = checkExpression(source, path, site, index, problems);
    if (result) checked.set(path, result);
  };
  for (const entry of index.entries) {
    const { item, path } = entry;
    // A repeat's own conditions are about the group, read from outside it (its entry's repeat is null).
    const base = { scope: entry.repeat, self: 'field' as SelfRule, result: 'condition' as const, entry };
    check(item.relevant, `${path}.relevant`, base);
    if (typeof item.required === 'string') check(item.required, `${path}.required`, base);
    check(item.calculate, `${path}.calculate`, { ...base, result: 'calculate' });
    check(item.constraint, `${path}.constraint`, { ...base, self: isGroup(entry) ? 'group' : 'allowed' });
  }
  (def.rules ?? []).forEach((rule, r) => {
    const site: Site = { scope: null, self: 'field', result: 'any', entry: null };
    check(rule.left, `rules.${r}.left`, site);
    check(rule.right, `rules.${r}.right`, site);
    const left = checked.get(`rules.${r}.left`);
    const right = checked.get(`rules.${r}.right`);
    if (left && right) checkRuleSides(left.type, right.type, rule.operator, `rules.${r}`, problems);
  });
  return checked;
}

/** Where an expression is written: its scope, whether `.` may appear, and what its result must be. */
interface Site {
  scope: string | null;
  self: SelfRule;
  result: 'condition' | 'calculate' | 'any';
  entry: ItemEntry | null;
}

function isGroup(entry: ItemEntry): boolean {
  return entry.item.type === 'table' || entry.item.type === 'repeat';
}

function checkExpression(source: string, path: string, site: Site, index: FormIndex, problems: DefinitionProblem[]): CheckedExpression | null {
  let compiled: CompiledExpression;
  try {
    compiled = compileExpression(source);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    problems.push({ path, code: error.code, message: error.message, position: error.position, length: error.length });
    return null;
  }
  const before = problems.length;
  const report = (node: Node, code: string, message: DefinitionProblem['message']) =>
    problems.push({ path, code, message, position: node.start, length: node.end - node.start });
  const targets = new Map<string, RefTarget>();
  walk(compiled.ast, (node, parent) => {
    if (node.kind === 'self' && site.self !== 'allowed') report(node, 'self_not_allowed', d.selfNotAllowed(node.start, site.self));
    if (node.kind !== 'ref') return;
    const resolution = resolveReference(index, node.path, site.scope, node.start);
    if (!('target' in resolution)) {
      report(node, resolution.code, resolution.message);
      return;
    }
    const target = resolution.target;
    const aggregate = parent?.kind === 'call' && AGGREGATES.has(parent.name) ? parent.name : null;
    if (isListTarget(target) && !aggregate) report(node, 'list_outside_aggregate', d.listOutsideAggregate(node.ref, node.start));
    else if (aggregate === 'count' && !isListTarget(target)) report(node, 'count_needs_list', d.countNeedsList(node.ref, node.start));
    else targets.set(node.ref, target);
  });
  if (problems.length > before) return null;
  const item = site.entry?.item;
  const self = item ? (site.entry?.cells.length && item.type !== 'table' ? 'number' : typeOfItem(item.type)) : 'any';
  const type = inferType(compiled.ast, targets, self, (node, message) => report(node, 'type_mismatch', message));
  if (problems.length > before) return null;
  if (site.result === 'condition' && type !== 'any' && type !== 'boolean') {
    problems.push({ path, code: 'type_mismatch', message: t.conditionResult(type) });
    return null;
  }
  if (site.result === 'calculate' && item && !suitsItem(item.type, type)) {
    problems.push({ path, code: 'type_mismatch', message: t.calculateResult(item.type, type) });
    return null;
  }
  return { ...compiled, targets, scope: site.scope, type };
}

function checkRuleSides(left: StaticType, right: StaticType, operator: string, path: string, problems: DefinitionProblem[]): void {
  const ordered = operator !== '=' && operator !== '!=';
  const clash = left !== 'any' && right !== 'any' && left !== right;
  const unordered = ordered && (left === 'boolean' || right === 'boolean');
  if (clash || unordered || left === 'selection' || right === 'selection') {
    problems.push({ path: `${path}.operator`, code: 'type_mismatch', message: t.ruleSides(left, right) });
  }
}
