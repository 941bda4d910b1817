import { CODE, OPTION_CODE } from './codes.ts';
import { definitionMessages as d } from './definition-messages.ts';
import type { FormDefinition, I18nText, Item, Option } from './definition.ts';
import type { FormIndex } from './form-index.ts';
import type { DefinitionProblem } from './validate-definition.ts';

const ITEM_TYPES = new Set(['integer', 'decimal', 'percentage', 'text', 'long_text', 'single_choice', 'multiple_choice', 'yes_no', 'date', 'table', 'repeat']);
const COLUMN_TYPES = new Set(['integer', 'decimal', 'percentage', 'text', 'yes_no']);
const NUMERIC = new Set(['integer', 'decimal', 'percentage', 'table']);
const RULE_OPERATORS = new Set(['=', '!=', '<', '<=', '>', '>=']);

type Report = (path: string, code: string, message: DefinitionProblem['message']) => void;

/** Checks codes, labels, categories and what each item type needs; expressions are checked elsewhere. */
export function checkStructure(def: FormDefinition, index: FormIndex, problems: DefinitionProblem[]): void {
  const report: Report = (path, code, message) => problems.push({ path, code, message });
  const codes = new CodeRegistry(report);
  if (!def.sections?.length) report('sections', 'no_sections', d.noSections());
  (def.categories ?? []).forEach((category, c) => {
    const path = `categories.${c}`;
    codes.add('category', category.code, path);
    checkLabel(category.label, `${path}.label`, report);
    checkOptions(category.options, `${path}.options`, 'option', report);
  });
  (def.categoryCombos ?? []).forEach((combo, c) => {
    const path = `categoryCombos.${c}`;
    codes.add('combo', combo.code, path);
    checkLabel(combo.label, `${path}.label`, report);
    if (!combo.categories?.length) report(`${path}.categories`, 'empty_list', d.emptyList('categories'));
    const seen = new Set<string>();
    (combo.categories ?? []).forEach((category, i) => {
      if (!index.categories.has(category)) report(`${path}.categories.${i}`, 'unknown_category', d.unknownCategory(category));
      else if (seen.has(category)) report(`${path}.categories.${i}`, 'duplicate_category', d.repeatedCategory(category));
      seen.add(category);
    });
  });
  (def.sections ?? []).forEach((section, s) => {
    const path = `sections.${s}`;
    codes.add('section', section.code, path);
    checkLabel(section.title, `${path}.title`, report);
    if (!section.items?.length) report(`${path}.items`, 'empty_section', d.emptySection(section.code));
  });
  for (const entry of index.entries) {
    codes.add('item', entry.code, entry.path);
    checkItem(entry.item, entry.path, entry.repeat !== null, index, report);
  }
  (def.rules ?? []).forEach((rule, r) => {
    const path = `rules.${r}`;
    codes.add('rule', rule.code, path);
    const item = index.items.get(rule.code);
    if (item) report(`${path}.code`, 'duplicate_code', d.ruleCodeIsItem(rule.code, item.path));
    checkLabel(rule.message, `${path}.message`, report);
    if (!RULE_OPERATORS.has(rule.operator)) report(`${path}.operator`, 'invalid_operator', d.invalidRuleOperator(rule.operator));
  });
}

function checkItem(item: Item, path: string, inRepeat: boolean, index: FormIndex, report: Report): void {
  checkLabel(item.label, `${path}.label`, report);
  if (!ITEM_TYPES.has(item.type)) {
    report(`${path}.type`, 'unknown_type', d.unknownType(item.type));
    return;
  }
  const isChoice = item.type === 'single_choice' || item.type === 'multiple_choice';
  checkList(item, 'choices', isChoice, path, report);
  checkList(item, 'rows', item.type === 'table', path, report);
  checkList(item, 'columns', item.type === 'table', path, report);
  checkList(item, 'items', item.type === 'repeat', path, report);
  // Missing lists were reported by checkList; check the codes of those that exist.
  if (isChoice && item.choices?.length) checkOptions(item.choices, `${path}.choices`, 'option', report);
  if (item.type === 'table') {
    if (item.rows?.length) checkOptions(item.rows, `${path}.rows`, 'row', report);
    if (item.columns?.length) checkOptions(item.columns, `${path}.columns`, 'column', report);
    (item.columns ?? []).forEach((column, c) => {
      if (!COLUMN_TYPES.has(column.type)) report(`${path}.columns.${c}.type`, 'unknown_type', d.unknownType(column.type));
    });
  }
  if (inRepeat && (item.type === 'table' || item.type === 'repeat' || item.disaggregation)) {
    report(path, 'nested_group', d.nestedGroup(item.disaggregation && item.type !== 'table' && item.type !== 'repeat' ? 'disaggregation' : item.type));
  }
  if (item.disaggregation !== undefined) {
    if (!index.combos.has(item.disaggregation)) report(`${path}.disaggregation`, 'unknown_combo', d.unknownCombo(item.disaggregation));
    else if (item.type !== 'integer' && item.type !== 'decimal') {
      report(`${path}.disaggregation`, 'disaggregation_not_numeric', d.disaggregationNotNumeric(item.type));
    }
  }
  checkLimits(item, path, report);
  if (item.calculate !== undefined) {
    if (item.type === 'table' || item.type === 'repeat' || item.disaggregation) {
      report(`${path}.calculate`, 'calculate_not_allowed', d.calculateNotAllowed(item.disaggregation ? 'disaggregation' : item.type));
    }
    if (item.required !== undefined && item.required !== false) report(`${path}.required`, 'calculate_and_required', d.calculateAndRequired());
  }
  // Last year's value is copied into what a person enters: not into a computed value, nor into one row of a repeat.
  if (item.copyLastYear !== undefined && typeof item.copyLastYear !== 'boolean') report(`${path}.copyLastYear`, 'invalid_flag', d.invalidFlag('copyLastYear'));
  else if (item.copyLastYear && item.calculate !== undefined) report(`${path}.copyLastYear`, 'copy_not_allowed', d.copyNotAllowed('calculated'));
  else if (item.copyLastYear && inRepeat) report(`${path}.copyLastYear`, 'copy_not_allowed', d.copyNotAllowed('repeat_child'));
}

function checkLimits(item: Item, path: string, report: Report): void {
  if (item.min === undefined && item.max === undefined) return;
  if (!NUMERIC.has(item.type)) {
    report(`${path}.${item.min === undefined ? 'max' : 'min'}`, 'limits_not_numeric', d.limitsNotNumeric(item.type));
    return;
  }
  if (item.min !== undefined && item.max !== undefined && item.min > item.max) {
    report(`${path}.min`, 'min_greater_than_max', d.minGreaterThanMax(item.min, item.max));
  }
  if (item.type === 'percentage' && ((item.min ?? 0) < 0 || (item.max ?? 100) > 100)) {
    report(`${path}.${(item.min ?? 0) < 0 ? 'min' : 'max'}`, 'percentage_bounds', d.percentageBounds());
  }
}

function checkList(item: Item, field: 'choices' | 'rows' | 'columns' | 'items', expected: boolean, path: string, report: Report): void {
  const list = item[field];
  if (expected && !list?.length) report(`${path}.${field}`, `missing_${field}`, d.emptyList(field));
  if (!expected && list !== undefined) report(`${path}.${field}`, 'unexpected_field', d.unexpectedField(field));
}

function checkOptions(options: Option[] | undefined, path: string, kind: string, report: Report): void {
  if (!options?.length) {
    report(path, 'empty_list', d.emptyList(path.slice(path.lastIndexOf('.') + 1)));
    return;
  }
  const seen = new Map<string, number>();
  options.forEach((option, i) => {
    if (typeof option.code !== 'string' || !OPTION_CODE.test(option.code)) report(`${path}.${i}.code`, 'invalid_code', d.invalidCode(kind, option.code, true));
    else if (seen.has(option.code)) report(`${path}.${i}.code`, 'duplicate_code', d.duplicateCode(kind, option.code, `${path}.${seen.get(option.code)}`));
    else seen.set(option.code, i);
    checkLabel(option.label, `${path}.${i}.label`, report);
  });
}

function checkLabel(label: I18nText | undefined, path: string, report: Report): void {
  if (!label || typeof label.it !== 'string' || label.it.trim() === '') report(`${path}.it`, 'missing_label', d.missingLabel());
}

/** Codes of one kind must be well formed and unique; the first definition is the one others point at. */
class CodeRegistry {
  private readonly seen = new Map<string, string>();

  constructor(private readonly report: Report) {}

  add(kind: string, code: string, path: string): void {
    if (typeof code !== 'string' || !CODE.test(code)) {
      this.report(`${path}.code`, 'invalid_code', d.invalidCode(kind, code, false));
      return;
    }
    const key = `${kind}:${code}`;
    const first = this.seen.get(key);
    if (first !== undefined) this.report(`${path}.code`, 'duplicate_code', d.duplicateCode(kind, code, first));
    else this.seen.set(key, path);
  }
}
