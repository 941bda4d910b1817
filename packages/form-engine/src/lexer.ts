import { CODE, OPTION_CODE, WILDCARD } from './codes.ts';
import { ExpressionError } from './errors.ts';
import { expressionMessages as m } from './expression-messages.ts';
import type { Message } from './text.ts';

export type TokenKind = 'number' | 'string' | 'ref' | 'name' | 'dot' | '(' | ')' | ',' | 'op' | 'eof';

/** A token with its span in the source (0-based, end exclusive). */
export interface Token {
  kind: TokenKind;
  /** The source text of the token (for a string, with its quotes). */
  text: string;
  start: number;
  end: number;
  /** number: its value; string: its content. */
  value?: number | string;
  /** ref: the dot-separated segments inside ${…} (or of the data element code inside […]). */
  path?: string[];
  /** ref in data mode: a data element `[code | cat=opt]` or another indicator `{code}`. */
  target?: 'element' | 'indicator';
  /** ref to a data element: the category options it is filtered by, each with its span. */
  filter?: RefFilter[];
}

/** One `category=option` of a data element reference, with its span in the source. */
export interface RefFilter {
  category: string;
  option: string;
  start: number;
  end: number;
}

/**
 * What a reference looks like: `form` (the forms: `${item}`), or `data` (indicator formulas: a data element
 * `[istat.stranieri_residenti | sesso=F]`, another indicator `{quota_stranieri}`).
 */
export type ReferenceMode = 'form' | 'data';

const OPERATORS = ['!=', '<=', '>=', '+', '-', '*', '/', '=', '<', '>'];
// Mistakes authors coming from spreadsheets or programming languages make, each with its fix.
const REFERENCE_HINT: Message = { it: `i riferimenti si scrivono \${codice}`, en: `references are written \${code}` };
const HINTS: Record<string, Message> = {
  '==': { it: 'per confrontare usa =', en: 'to compare use =' },
  '&&': { it: 'usa and', en: 'use and' },
  '||': { it: 'usa or', en: 'use or' },
  '<>': { it: 'per "diverso da" usa !=', en: 'for "not equal" use !=' },
  '!': { it: 'usa != oppure not(...)', en: 'use != or not(...)' },
  '$': REFERENCE_HINT,
  '{': REFERENCE_HINT,
  '}': REFERENCE_HINT,
  ';': { it: 'gli argomenti si separano con la virgola', en: 'arguments are separated by commas' },
  '%': { it: 'per il resto della divisione usa mod', en: 'for the remainder use mod' },
};
const KEYWORD_OPERATORS = new Set(['and', 'or', 'div', 'mod']);

/** Splits an expression into tokens; throws ExpressionError at the first character that cannot start one. */
export function tokenize(src: string, mode: ReferenceMode = 'form'): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (mode === 'data' && c === '[') {
      i = readElementReference(src, i, tokens);
    } else if (mode === 'data' && c === '{') {
      i = readIndicatorReference(src, i, tokens);
    } else if (mode === 'form' && c === '$' && src[i + 1] === '{') {
      i = readReference(src, i, tokens);
    } else if (isDigit(c) || (c === '.' && isDigit(src[i + 1]))) {
      i = readNumber(src, i, tokens);
    } else if (c === "'" || c === '"') {
      const close = src.indexOf(c, i + 1);
      if (close < 0) throw new ExpressionError('unterminated_string', i, src.length - i, m.unterminatedString(c, i));
      tokens.push({ kind: 'string', text: src.slice(i, close + 1), start: i, end: close + 1, value: src.slice(i + 1, close) });
      i = close + 1;
    } else if (isLetter(c) || c === '_') {
      i = readName(src, i, tokens);
    } else if (c === '.' || c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c === '.' ? 'dot' : c, text: c, start: i, end: i + 1 });
      i++;
    } else {
      i = readOperator(src, i, tokens);
    }
  }
  tokens.push({ kind: 'eof', text: '', start: src.length, end: src.length });
  return tokens;
}

function readReference(src: string, start: number, tokens: Token[]): number {
  const close = src.indexOf('}', start + 2);
  // A reference never spans an operator or another reference: stop the search there for a better position.
  const next = src.indexOf('${', start + 2);
  if (close < 0 || (next >= 0 && next < close)) {
    throw new ExpressionError('unclosed_reference', start, (next >= 0 ? next : src.length) - start, m.unclosedReference(start));
  }
  const text = src.slice(start, close + 1);
  const inner = src.slice(start + 2, close);
  const fail = (reason: Message) => {
    throw new ExpressionError('invalid_reference', start, text.length, m.invalidReference(text, start, reason));
  };
  if (inner.trim() === '') fail(m.referenceEmpty());
  if (/\s/.test(inner)) fail(m.referenceSpaces());
  const path = inner.split('.');
  if (!CODE.test(path[0])) fail(m.referenceItemCode(path[0]));
  for (const segment of path.slice(1)) {
    if (segment !== WILDCARD && !OPTION_CODE.test(segment)) fail(m.referenceSegment(segment));
  }
  tokens.push({ kind: 'ref', text, start, end: close + 1, path });
  return close + 1;
}

/** A data element code: dot-separated segments of letters, digits, _ and - (form codes hold hyphens). */
const ELEMENT_CODE = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

function readElementReference(src: string, start: number, tokens: Token[]): number {
  const close = src.indexOf(']', start + 1);
  const next = src.indexOf('[', start + 1);
  if (close < 0 || (next >= 0 && next < close)) {
    throw new ExpressionError('unclosed_reference', start, (next >= 0 ? next : src.length) - start, m.unclosedElementReference(start));
  }
  const text = src.slice(start, close + 1);
  const fail = (reason: Message, at = start, length = text.length) => {
    throw new ExpressionError('invalid_reference', at, length, m.invalidReference(text, start, reason));
  };
  const inner = src.slice(start + 1, close);
  const bar = inner.indexOf('|');
  const code = (bar < 0 ? inner : inner.slice(0, bar)).trim();
  if (code === '') fail(m.elementCodeMissing());
  if (!ELEMENT_CODE.test(code)) fail(m.elementCode(code));
  const filter: RefFilter[] = [];
  if (bar >= 0) {
    // Each "category=option", separated by ; or , — spans point at the pair itself.
    let offset = start + 1 + bar + 1;
    for (const part of inner.slice(bar + 1).split(/[;,]/)) {
      const lead = part.length - part.trimStart().length;
      const pair = part.trim();
      const at = offset + lead;
      offset += part.length + 1;
      const eq = pair.indexOf('=');
      const category = eq < 0 ? pair : pair.slice(0, eq).trim();
      const option = eq < 0 ? '' : pair.slice(eq + 1).trim();
      if (!CODE.test(category) || !OPTION_CODE.test(option)) fail(m.filterPair(pair), at, Math.max(pair.length, 1));
      if (filter.some((f) => f.category === category)) fail(m.filterRepeated(category), at, pair.length);
      filter.push({ category, option, start: at, end: at + pair.length });
    }
  }
  tokens.push({ kind: 'ref', text, start, end: close + 1, path: code.split('.'), target: 'element', filter });
  return close + 1;
}

function readIndicatorReference(src: string, start: number, tokens: Token[]): number {
  const close = src.indexOf('}', start + 1);
  if (close < 0) throw new ExpressionError('unclosed_reference', start, src.length - start, m.unclosedReference(start));
  const text = src.slice(start, close + 1);
  const code = src.slice(start + 1, close).trim();
  if (!/^[a-z][a-z0-9_]{1,63}$/.test(code)) {
    throw new ExpressionError('invalid_reference', start, text.length, m.invalidReference(text, start, m.indicatorCode(code)));
  }
  tokens.push({ kind: 'ref', text, start, end: close + 1, path: [code], target: 'indicator' });
  return close + 1;
}

function readNumber(src: string, start: number, tokens: Token[]): number {
  let i = start;
  while (isDigit(src[i])) i++;
  if (src[i] === '.') {
    i++;
    while (isDigit(src[i])) i++;
  }
  // "1.", "1.2.3" and "12abc" are typing mistakes, not two tokens: say so at the number.
  let end = i;
  while (end < src.length && (isDigit(src[end]) || isLetter(src[end]) || src[end] === '.' || src[end] === '_')) end++;
  const text = src.slice(start, end);
  if (end > i || text.endsWith('.')) throw new ExpressionError('invalid_number', start, text.length, m.invalidNumber(text, start));
  tokens.push({ kind: 'number', text, start, end, value: Number(text) });
  return end;
}

function readName(src: string, start: number, tokens: Token[]): number {
  let i = start;
  while (i < src.length && (isLetter(src[i]) || isDigit(src[i]) || src[i] === '_')) i++;
  // Function names may hold hyphens (count-selected, string-length); a keyword operator never does,
  // so "5 mod-1" still reads as 5 mod -1.
  if (!KEYWORD_OPERATORS.has(src.slice(start, i))) {
    while (src[i] === '-' && isLetter(src[i + 1])) {
      i++;
      while (i < src.length && (isLetter(src[i]) || isDigit(src[i]) || src[i] === '_')) i++;
    }
  }
  tokens.push({ kind: 'name', text: src.slice(start, i), start, end: i });
  return i;
}

function readOperator(src: string, start: number, tokens: Token[]): number {
  const two = src.slice(start, start + 2);
  if (HINTS[two]) throw new ExpressionError('unexpected_character', start, 2, m.unexpectedCharacter(two, start, HINTS[two]));
  const op = OPERATORS.find((o) => src.startsWith(o, start));
  if (!op) {
    const c = String.fromCodePoint(src.codePointAt(start) ?? 0);
    throw new ExpressionError('unexpected_character', start, c.length, m.unexpectedCharacter(c, start, HINTS[c]));
  }
  tokens.push({ kind: 'op', text: op, start, end: start + op.length });
  return start + op.length;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}
