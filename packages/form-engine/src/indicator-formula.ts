import type { Node, RefNode } from './ast.ts';
import { walk } from './ast.ts';
import { ExpressionError } from './errors.ts';
import { parseExpression, type FunctionTable } from './parser.ts';
import { closest, type Message, quote } from './text.ts';

/**
 * Indicator formulas: the forms' expression grammar with data references — a data element
 * `[istat.stranieri_residenti]`, filtered `[istat.stranieri_residenti | sesso=F]`, another indicator
 * `{quota_stranieri}` — numbers, + - * / and parentheses, and `prev(x)`: x at the previous yearly period.
 */

const FUNCTIONS: Record<string, { min: number; max: number }> = { prev: { min: 1, max: 1 } };

export const INDICATOR_FUNCTIONS: FunctionTable = {
  get: (name) => (Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined),
  suggest: (name) => closest(name.toLowerCase(), Object.keys(FUNCTIONS)),
};

/** One fault of a formula: a stable code, both languages, and its span (0-based, end exclusive). */
export interface FormulaFault {
  code: string;
  message: Message;
  start: number;
  end: number;
}

/** What the checker needs to know about data elements and indicators. */
export interface FormulaCatalog {
  /** Data elements by code: their categories and, when known, the options seen for each. */
  elements: ReadonlyMap<string, { categories: readonly string[]; options?: ReadonlyMap<string, ReadonlySet<string>> }>;
  indicators: ReadonlySet<string>;
}

export type ParsedFormula = { ok: true; node: Node } | { ok: false; fault: FormulaFault };

/** Reads a formula; a syntax error comes back as a fault with its span, never thrown. */
export function parseIndicatorFormula(src: string): ParsedFormula {
  try {
    return { ok: true, node: parseExpression(src, { references: 'data', functions: INDICATOR_FUNCTIONS }) };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return { ok: false, fault: { code: error.code, message: error.message, start: error.position, end: error.position + Math.max(error.length, 0) } };
  }
}

const ARITHMETIC = new Set(['+', '-', '*', 'div']);

/** Every fault of a parsed formula against the catalogue, in the order they appear. */
export function checkIndicatorFormula(node: Node, catalog: FormulaCatalog): FormulaFault[] {
  const faults: FormulaFault[] = [];
  walk(node, (n) => {
    const at = { start: n.start, end: n.end };
    if (n.kind === 'string') faults.push({ code: 'text_not_allowed', message: msg.textNotAllowed(), ...at });
    else if (n.kind === 'self') faults.push({ code: 'self_not_allowed', message: msg.selfNotAllowed(), ...at });
    else if (n.kind === 'binary' && !ARITHMETIC.has(n.op)) {
      faults.push({ code: 'operator_not_allowed', message: msg.operatorNotAllowed(n.opText), start: n.opStart, end: n.opStart + n.opText.length });
    } else if (n.kind === 'ref') faults.push(...checkReference(n, catalog));
  });
  return faults.sort((a, b) => a.start - b.start);
}

function checkReference(ref: RefNode, catalog: FormulaCatalog): FormulaFault[] {
  const at = { start: ref.start, end: ref.end };
  if (ref.target === 'indicator') {
    if (catalog.indicators.has(ref.ref)) return [];
    return [{ code: 'unknown_indicator', message: msg.unknownIndicator(ref.ref, closest(ref.ref, catalog.indicators)), ...at }];
  }
  if (ref.target !== 'element') return [{ code: 'form_reference', message: msg.formReference(), ...at }];
  const element = catalog.elements.get(ref.ref);
  if (!element) return [{ code: 'unknown_element', message: msg.unknownElement(ref.ref, closest(ref.ref, catalog.elements.keys())), ...at }];
  const faults: FormulaFault[] = [];
  for (const f of ref.filter ?? []) {
    const span = { start: f.start, end: f.end };
    if (!element.categories.includes(f.category)) {
      faults.push({ code: 'unknown_category', message: msg.unknownCategory(ref.ref, f.category, element.categories), ...span });
      continue;
    }
    const options = element.options?.get(f.category);
    if (options?.size && !options.has(f.option)) {
      faults.push({ code: 'unknown_option', message: msg.unknownOption(f.category, f.option, [...options]), ...span });
    }
  }
  return faults;
}

/** The data element references of a formula (with their filters) and the indicators it uses. */
export function formulaReferences(node: Node): { elements: RefNode[]; indicators: RefNode[] } {
  const elements: RefNode[] = [];
  const indicators: RefNode[] = [];
  walk(node, (n) => {
    if (n.kind === 'ref' && n.target === 'element') elements.push(n);
    else if (n.kind === 'ref' && n.target === 'indicator') indicators.push(n);
  });
  return { elements, indicators };
}

/** How deep prev() nests: how many periods before the first one a formula reads. */
export function formulaLookback(node: Node): number {
  if (node.kind === 'call') return (node.name === 'prev' ? 1 : 0) + Math.max(0, ...node.args.map(formulaLookback));
  if (node.kind === 'binary') return Math.max(formulaLookback(node.left), formulaLookback(node.right));
  if (node.kind === 'negate') return formulaLookback(node.operand);
  return 0;
}

/**
 * Evaluates a checked formula. `resolve` gives a reference's value `back` periods before the current one
 * (null when missing); a missing operand or a division by zero makes the result null.
 */
export function evaluateIndicatorFormula(node: Node, resolve: (ref: RefNode, back: number) => number | null, back = 0): number | null {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'ref':
      return resolve(node, back);
    case 'negate': {
      const v = evaluateIndicatorFormula(node.operand, resolve, back);
      return v === null ? null : -v;
    }
    case 'binary': {
      const l = evaluateIndicatorFormula(node.left, resolve, back);
      const r = evaluateIndicatorFormula(node.right, resolve, back);
      if (l === null || r === null) return null;
      if (node.op === '+') return l + r;
      if (node.op === '-') return l - r;
      if (node.op === '*') return l * r;
      if (node.op === 'div') return r === 0 ? null : l / r;
      return null;
    }
    case 'call':
      return node.name === 'prev' ? evaluateIndicatorFormula(node.args[0], resolve, back + 1) : null;
    default:
      return null;
  }
}

const msg = {
  textNotAllowed: (): Message => ({ it: 'Un indicatore si calcola su numeri: il testo non è ammesso.', en: 'An indicator is computed on numbers: text is not allowed.' }),
  selfNotAllowed: (): Message => ({ it: 'Il punto (.) non ha significato in una formula di indicatore.', en: 'The dot (.) has no meaning in an indicator formula.' }),
  operatorNotAllowed: (op: string): Message => ({
    it: `Operatore ${quote(op)} non ammesso: una formula di indicatore usa solo + - * / e parentesi.`,
    en: `Operator ${quote(op)} not allowed: an indicator formula uses only + - * / and parentheses.`,
  }),
  formReference: (): Message => ({
    it: 'Qui i dati si indicano tra parentesi quadre, es. [istat.stranieri_residenti], e gli indicatori tra graffe, es. {quota_stranieri}.',
    en: 'Here data elements are written in square brackets, e.g. [istat.stranieri_residenti], and indicators in braces, e.g. {quota_stranieri}.',
  }),
  unknownIndicator: (code: string, near: string | null): Message => ({
    it: `Indicatore sconosciuto: ${quote(code)}` + (near ? `. Forse intendevi {${near}}?` : '.'),
    en: `Unknown indicator: ${quote(code)}` + (near ? `. Did you mean {${near}}?` : '.'),
  }),
  unknownElement: (code: string, near: string | null): Message => ({
    it: `Dato sconosciuto: ${quote(code)}` + (near ? `. Forse intendevi [${near}]?` : '.'),
    en: `Unknown data element: ${quote(code)}` + (near ? `. Did you mean [${near}]?` : '.'),
  }),
  unknownCategory: (element: string, category: string, categories: readonly string[]): Message => ({
    it: `Il dato ${quote(element)} non è disaggregato per ${quote(category)}` + (categories.length ? ` (categorie: ${categories.join(', ')}).` : ' (non ha disaggregazioni).'),
    en: `The data element ${quote(element)} is not broken down by ${quote(category)}` + (categories.length ? ` (categories: ${categories.join(', ')}).` : ' (it has no breakdown).'),
  }),
  unknownOption: (category: string, option: string, options: string[]): Message => ({
    it: `Opzione sconosciuta ${quote(option)} per ${quote(category)} (opzioni: ${options.sort().join(', ')}).`,
    en: `Unknown option ${quote(option)} for ${quote(category)} (options: ${options.sort().join(', ')}).`,
  }),
};
