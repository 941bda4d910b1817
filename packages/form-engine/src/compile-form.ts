import type { CheckedExpression } from './check-expressions.ts';
import type { FormDefinition, I18nText, Item, ValidationRule } from './definition.ts';
import type { Cell, ItemEntry } from './form-index.ts';
import type { RefTarget } from './references.ts';
import type { Message } from './text.ts';
import { analyzeDefinition, type DefinitionProblem } from './validate-definition.ts';
import type { Limits } from './value-checks.ts';

/** An item ready to be evaluated: its expressions compiled and its references resolved. */
export interface CompiledItem {
  code: string;
  item: Item;
  entry: ItemEntry;
  section: string;
  repeat: string | null;
  relevant?: CheckedExpression;
  required: boolean | CheckedExpression;
  constraint?: CheckedExpression;
  constraintMessage?: Message;
  calculate?: CheckedExpression;
  limits: Limits;
  /** Disaggregation or table cells; empty for other items. */
  cells: Cell[];
  /** Repeat children, in definition order. */
  children: CompiledItem[];
}

export interface CompiledRule {
  rule: ValidationRule;
  left: CheckedExpression;
  right: CheckedExpression;
  message: Message;
}

/** A definition compiled once, to evaluate any number of submissions quickly. */
export interface CompiledForm {
  definition: FormDefinition;
  items: Map<string, CompiledItem>;
  /** Every item (repeat children included) after what its relevance and calculation read. */
  order: CompiledItem[];
  sections: { code: string; items: CompiledItem[] }[];
  rules: CompiledRule[];
  /** What each reference stands for, per scope: '' for the top level, else a repeat's code. */
  targets: Map<string, Map<string, RefTarget>>;
  /** Every top-level value key a submission may hold: item codes, disaggregation and table cell keys. */
  keys: Map<string, { item: CompiledItem; cell?: Cell }>;
}

/** A definition that cannot be compiled, with all its problems (see validateDefinition). */
export class FormDefinitionError extends Error {
  constructor(readonly problems: DefinitionProblem[]) {
    super(`The form definition has ${problems.length} problem(s); first: ${problems[0]?.path}: ${problems[0]?.message.en}`);
    this.name = 'FormDefinitionError';
  }
}

const cache = new WeakMap<FormDefinition, CompiledForm>();

/**
 * Compiles a definition (cached per definition object: definitions are treated as immutable, as a
 * published version is); throws FormDefinitionError if validateDefinition finds any problem.
 */
export function compileForm(def: FormDefinition): CompiledForm {
  const cached = cache.get(def);
  if (cached) return cached;
  const analysis = analyzeDefinition(def);
  if (analysis.problems.length > 0) throw new FormDefinitionError(analysis.problems);
  const { expressions } = analysis;
  const items = new Map<string, CompiledItem>();
  for (const entry of analysis.index.entries) {
    const { item, path } = entry;
    const required = expressions.get(`${path}.required`) ?? item.required === true;
    items.set(entry.code, {
      code: entry.code,
      item,
      entry,
      section: entry.section,
      repeat: entry.repeat,
      relevant: expressions.get(`${path}.relevant`),
      required,
      constraint: expressions.get(`${path}.constraint`),
      constraintMessage: item.constraintMessage ? both(item.constraintMessage) : undefined,
      calculate: expressions.get(`${path}.calculate`),
      limits: { min: item.min, max: item.max, choices: item.choices ? new Set(item.choices.map((c) => c.code)) : undefined },
      cells: entry.cells,
      children: [],
    });
  }
  for (const compiled of items.values()) if (compiled.repeat) items.get(compiled.repeat)?.children.push(compiled);
  const targets = new Map<string, Map<string, RefTarget>>();
  for (const expression of expressions.values()) {
    const scope = expression.scope ?? '';
    const map = targets.get(scope) ?? new Map<string, RefTarget>();
    targets.set(scope, map);
    for (const [ref, target] of expression.targets) map.set(ref, target);
  }
  const keys = new Map<string, { item: CompiledItem; cell?: Cell }>();
  for (const compiled of items.values()) {
    if (compiled.repeat) continue;
    if (compiled.item.type !== 'table') keys.set(compiled.code, { item: compiled });
    for (const cell of compiled.cells) keys.set(cell.key, { item: compiled, cell });
  }
  const form: CompiledForm = {
    definition: def,
    items,
    order: analysis.order.map((entry) => items.get(entry.code) as CompiledItem),
    sections: (def.sections ?? []).map((section) => ({
      code: section.code,
      items: section.items.map((item) => items.get(item.code) as CompiledItem),
    })),
    rules: (def.rules ?? []).map((rule, r) => ({
      rule,
      left: expressions.get(`rules.${r}.left`) as CheckedExpression,
      right: expressions.get(`rules.${r}.right`) as CheckedExpression,
      message: both(rule.message),
    })),
    targets,
    keys,
  };
  cache.set(def, form);
  return form;
}

/** A definition text with its English filled in from the Italian when the author gave none. */
export function both(text: I18nText): Message {
  return { it: text.it, en: text.en ?? text.it };
}
