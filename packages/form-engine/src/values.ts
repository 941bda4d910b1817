import { formatNumberEn, formatNumberIt, type Message, quote } from './text.ts';

/**
 * A value as expressions see it: numbers for numeric items, strings for text, dates (YYYY-MM-DD),
 * yes/no ('yes' | 'no') and single choices, string arrays for multiple choices, booleans from comparisons,
 * and null for a missing value (unanswered, not relevant, or not computable).
 */
export type Value = number | string | boolean | string[] | null;

/** True when a value counts as missing: null, the empty string or an empty selection. */
export function isMissing(value: Value | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Normalises the empty forms of "missing" to null, so the evaluator has only one to handle. */
export function normalizeValue(value: Value | undefined): Value {
  return isMissing(value) ? null : value;
}

/**
 * Removes binary floating-point noise from a result (0.1 + 0.2 gives 0.3, not 0.30000000000000004),
 * so that a rule "percentages add up to 100" does not fail on arithmetic the author cannot see.
 */
export function cleanNumber(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toPrecision(15));
}

/** Names the type and value of a value for an error message ("testo «a»" / "text «a»"). */
export function describeValue(value: Value): Message {
  if (value === null) return { it: 'un valore mancante', en: 'a missing value' };
  if (typeof value === 'number') return { it: `il numero ${formatNumberIt(value)}`, en: `the number ${formatNumberEn(value)}` };
  if (typeof value === 'string') return { it: `il testo ${quote(value)}`, en: `the text ${quote(value)}` };
  if (typeof value === 'boolean') {
    return value ? { it: 'il valore vero', en: 'the value true' } : { it: 'il valore falso', en: 'the value false' };
  }
  const list = quote(value.join(', '));
  return { it: `la selezione ${list}`, en: `the selection ${list}` };
}

/** Today's date on this machine, as YYYY-MM-DD in local time (what today() gives unless told otherwise). */
export function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
