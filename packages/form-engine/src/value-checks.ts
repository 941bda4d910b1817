import type { ValueType } from './form-index.ts';
import { formMessages as f } from './form-messages.ts';
import type { Message } from './text.ts';
import type { Value } from './values.ts';

/** What can be wrong with an entered value (see README for each). */
export type IssueCode = 'required' | 'type' | 'range' | 'constraint' | 'choice' | 'total_mismatch' | 'evaluation' | 'unknown';

/** An entered value as expressions will see it, and what is wrong with it, if anything. */
export interface CheckedValue {
  /** null when missing, or when the value has the wrong type (it then reads as missing). */
  value: Value;
  issue?: { code: IssueCode; message: Message };
}

export interface Limits {
  min?: number;
  max?: number;
  choices?: ReadonlySet<string>;
}

export const TEXT_LIMIT = 2_000;
export const LONG_TEXT_LIMIT = 20_000;
// Beyond this a number loses whole-unit precision in a double; no count of people comes near it.
const MAX_MAGNITUDE = 1e15;
const NUMERIC_TEXT = /^\s*-?(\d+(\.\d+)?|\.\d+)\s*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for the raw forms of "no answer": null, undefined, blank text, an empty selection. */
export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
}

/** Reads a raw entered value (from JSON or a form field) as a value of its type, checking type and limits. */
export function checkValue(type: ValueType, raw: unknown, limits: Limits = {}): CheckedValue {
  if (isBlank(raw)) return { value: null };
  switch (type) {
    case 'integer':
    case 'decimal':
    case 'percentage':
      return checkNumber(type, raw, limits);
    case 'date':
      return checkDate(raw);
    case 'yes_no':
      return raw === 'yes' || raw === 'no' ? { value: raw } : problem('type', f.yesNo());
    case 'single_choice': {
      const code = typeof raw === 'number' ? String(raw) : raw;
      if (typeof code !== 'string') return problem('type', f.choice());
      return limits.choices?.has(code) ? { value: code } : problem('choice', f.choice());
    }
    case 'multiple_choice':
      return checkSelection(raw, limits.choices);
    case 'text':
    case 'long_text': {
      if (typeof raw !== 'string') return problem('type', f.text());
      const limit = type === 'text' ? TEXT_LIMIT : LONG_TEXT_LIMIT;
      // Characters as a person counts them (an emoji or an accented letter is one), not UTF-16 units.
      const length = raw.length > limit ? [...raw].length : raw.length;
      return length > limit ? { value: raw, issue: { code: 'range', message: f.textTooLong(limit, length) } } : { value: raw };
    }
  }
}

function checkNumber(type: 'integer' | 'decimal' | 'percentage', raw: unknown, limits: Limits): CheckedValue {
  let n: number;
  if (typeof raw === 'number' && Number.isFinite(raw)) n = raw;
  else if (typeof raw === 'string' && NUMERIC_TEXT.test(raw)) n = Number(raw);
  else return problem('type', type === 'integer' ? f.integer() : f.number());
  if (type === 'integer' && !Number.isInteger(n)) return problem('type', f.integer());
  if (Math.abs(n) > MAX_MAGNITUDE) return problem('range', f.tooLarge());
  // Counts cannot be negative and percentages run from 0 to 100 unless the form says otherwise.
  const min = limits.min ?? (type === 'decimal' ? undefined : 0);
  const max = limits.max ?? (type === 'percentage' ? 100 : undefined);
  if (min !== undefined && n < min) return { value: n, issue: { code: 'range', message: f.min(min) } };
  if (max !== undefined && n > max) return { value: n, issue: { code: 'range', message: f.max(max) } };
  return { value: n };
}

function checkDate(raw: unknown): CheckedValue {
  const match = typeof raw === 'string' ? DATE.exec(raw.trim()) : null;
  if (!match) return problem('type', f.date());
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days || year < 1) return problem('type', f.dateNotReal(match[0]));
  return { value: match[0] };
}

function checkSelection(raw: unknown, choices: ReadonlySet<string> | undefined): CheckedValue {
  if (!Array.isArray(raw) || !raw.every((code) => typeof code === 'string')) return problem('type', f.choices());
  const seen = new Set<string>();
  for (const code of raw as string[]) {
    if (!choices?.has(code)) return problem('choice', f.unknownChoice(code));
    if (seen.has(code)) return problem('choice', f.repeatedChoice(code));
    seen.add(code);
  }
  return { value: raw as string[] };
}

function problem(code: IssueCode, message: Message): CheckedValue {
  return { value: null, issue: { code, message } };
}
