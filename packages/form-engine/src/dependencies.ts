import type { CheckedExpression } from './check-expressions.ts';
import { definitionMessages as d } from './definition-messages.ts';
import type { FormIndex, ItemEntry } from './form-index.ts';
import type { RefTarget } from './references.ts';
import type { DefinitionProblem } from './validate-definition.ts';

/**
 * Orders items so that every item comes after what its relevance and calculation read (a non-relevant
 * item reads as missing, so relevance is part of an item's value), and reports each cycle once, by name.
 */
export function orderItems(index: FormIndex, checked: Map<string, CheckedExpression>, problems: DefinitionProblem[]): ItemEntry[] {
  const dependencies = new Map<string, string[]>();
  for (const entry of index.entries) {
    const deps = new Set<string>();
    if (entry.repeat) deps.add(entry.repeat);
    for (const field of ['relevant', 'calculate']) {
      const expression = checked.get(`${entry.path}.${field}`);
      for (const target of expression?.targets.values() ?? []) deps.add(dependencyOf(target));
    }
    dependencies.set(entry.code, [...deps]);
  }
  const order: ItemEntry[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (code: string) => {
    const entry = index.items.get(code);
    if (!entry || state.get(code) === 'done') return;
    if (state.get(code) === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(code)), code];
      const key = [...new Set(cycle)].sort().join(' ');
      if (!reported.has(key)) {
        reported.add(key);
        const field = entry.item.calculate !== undefined ? 'calculate' : 'relevant';
        problems.push({ path: `${entry.path}.${field}`, code: 'cycle', message: d.cycle(cycle) });
      }
      return;
    }
    state.set(code, 'visiting');
    stack.push(code);
    for (const dep of dependencies.get(code) ?? []) visit(dep);
    stack.pop();
    state.set(code, 'done');
    order.push(entry);
  };
  for (const entry of index.entries) visit(entry.code);
  return order;
}

function dependencyOf(target: RefTarget): string {
  if (target.kind === 'sibling' || target.kind === 'column') return target.code;
  return target.entry.code;
}
