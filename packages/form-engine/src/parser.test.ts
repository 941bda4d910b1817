// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${code} is the reference syntax of the expression language, not a template.
import { describe, expect, it } from 'vitest';
import type { Node } from './ast.ts';
import { ExpressionError } from './errors.ts';
import { parseExpression } from './parser.ts';

/** The tree as an S-expression, so precedence and associativity read at a glance. */
function show(node: Node): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'string':
      return JSON.stringify(node.value);
    case 'ref':
      return `$${node.ref}`;
    case 'self':
      return '.';
    case 'negate':
      return `(neg ${show(node.operand)})`;
    case 'binary':
      return `(${node.op} ${show(node.left)} ${show(node.right)})`;
    case 'call':
      return `(${[node.name, ...node.args.map(show)].join(' ')})`;
  }
}

function parseError(src: string): ExpressionError {
  try {
    parseExpression(src);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${src} to be rejected`);
}

describe('parseExpression: precedence and associativity (as XPath)', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['(1 + 2) * 3', '(* (+ 1 2) 3)'],
    ['10 - 3 - 2', '(- (- 10 3) 2)'],
    ['12 div 3 div 2', '(div (div 12 3) 2)'],
    ['12 / 3 * 2', '(* (div 12 3) 2)'],
    ['7 mod 3 * 2', '(* (mod 7 3) 2)'],
    ['1 + 7 mod 3', '(+ 1 (mod 7 3))'],
    ['-2 * 3', '(* (neg 2) 3)'],
    ['- -2', '(neg (neg 2))'],
    ['2 - -3', '(- 2 (neg 3))'],
    ['5 mod-1', '(mod 5 (neg 1))'],
    ['-${a} + 1', '(+ (neg $a) 1)'],
    ['1 + 2 = 3', '(= (+ 1 2) 3)'],
    ['1 + 2 < 3 * 4', '(< (+ 1 2) (* 3 4))'],
    ['${a} < 2 = true()', '(= (< $a 2) (true))'],
    ['(${a} = 1) = true()', '(= (= $a 1) (true))'],
    ['${a} != 1', '(!= $a 1)'],
    ['${a} <= 1 and ${b} >= 2', '(and (<= $a 1) (>= $b 2))'],
    ['${a} or ${b} and ${c}', '(or $a (and $b $c))'],
    ['${a} and ${b} or ${c}', '(or (and $a $b) $c)'],
    ['${a} or ${b} or ${c}', '(or (or $a $b) $c)'],
    ['${a} = 1 or ${b} > 2 and ${c} = 3', '(or (= $a 1) (and (> $b 2) (= $c 3)))'],
    ['not(${a} > 1) and ${b}', '(and (not (> $a 1)) $b)'],
    ['. >= 0 and . <= 100', '(and (>= . 0) (<= . 100))'],
    ['.5 + 1.25', '(+ 0.5 1.25)'],
  ])('%s → %s', (src, tree) => {
    expect(show(parseExpression(src))).toBe(tree);
  });

  it.each([
    ['sum(1, 2, 3)', '(sum 1 2 3)'],
    ['if(${x} > 0, ${x}, 0)', '(if (> $x 0) $x 0)'],
    ['coalesce(${a}, ${b}, 0)', '(coalesce $a $b 0)'],
    ["count-selected(${m}) + string-length('abc')", '(+ (count-selected $m) (string-length "abc"))'],
    ["selected(${m}, \"other\")", '(selected $m "other")'],
    ['round(${x} div ${y} * 100, 1)', '(round (* (div $x $y) 100) 1)'],
    ['min(1, max(2, 3), abs(-4))', '(min 1 (max 2 3) (abs (neg 4)))'],
    ["number('12') + today()", '(+ (number "12") (today))'],
    ["regex(., '^[0-9]+$')", '(regex . "^[0-9]+$")'],
    ['count(${courses})', '(count $courses)'],
    ['sum(${courses.hours})', '(sum $courses.hours)'],
    ['${residents.F.0-17} + ${residents.M.65+}', '(+ $residents.F.0-17 $residents.M.65+)'],
    ['sum(${staff.*.full_time})', '(sum $staff.*.full_time)'],
    ['true() or false()', '(or (true) (false))'],
    ["\"it's\" = 'say \"hi\"'", '(= "it\'s" "say \\"hi\\"")'],
  ])('%s → %s', (src, tree) => {
    expect(show(parseExpression(src))).toBe(tree);
  });

  it('keeps the span of every node, parentheses included', () => {
    const node = parseExpression('(${a} + 1) * sum(2, 3)');
    expect(node).toMatchObject({ kind: 'binary', op: '*', start: 0, end: 22, opStart: 11 });
    if (node.kind !== 'binary') throw new Error('binary expected');
    expect(node.left).toMatchObject({ start: 0, end: 10 });
    expect(node.right).toMatchObject({ kind: 'call', start: 13, end: 22 });
  });

  it('reads / as div but remembers how it was written', () => {
    expect(parseExpression('4 / 2')).toMatchObject({ op: 'div', opText: '/' });
  });
});

describe('parseExpression: bad expressions name the fault and its position', () => {
  it.each([
    ['', 'empty_expression', 0, "L'espressione è vuota."],
    ['   ', 'empty_expression', 0, "L'espressione è vuota."],
    ['1 +', 'expected_operand', 3, 'manca un valore dopo «+» (posizione 3)'],
    ['* 2', 'expected_operand', 0, 'Valore atteso alla posizione 0, trovato «*»'],
    ['(', 'expected_operand', 1, 'manca un valore dopo «(»'],
    ['and 1', 'expected_operand', 0, 'trovato «and»'],
    ['1 and', 'expected_operand', 5, 'dopo «and»'],
    ['sum(1,)', 'expected_operand', 6, 'trovato «)»'],
    ['(1 + 2', 'unclosed_parenthesis', 0, 'Parentesi non chiusa alla posizione 0.'],
    ['sum(1, (2 + 3)', 'unclosed_parenthesis', 3, 'Parentesi non chiusa alla posizione 3.'],
    ['${a} + (${b} * (1 + 2)', 'unclosed_parenthesis', 7, 'Parentesi non chiusa alla posizione 7.'],
    ['1 + 2)', 'unexpected_closing_parenthesis', 5, 'Parentesi chiusa senza una parentesi aperta corrispondente alla posizione 5.'],
    ['summ(1)', 'unknown_function', 0, 'Funzione sconosciuta: summ (posizione 0). Forse intendevi sum?'],
    ['1 + SUM(1)', 'unknown_function', 4, 'Funzione sconosciuta: SUM (posizione 4). Forse intendevi sum?'],
    ['frobnicate(1)', 'unknown_function', 0, 'Funzione sconosciuta: frobnicate (posizione 0).'],
    ['constructor(1)', 'unknown_function', 0, 'Funzione sconosciuta: constructor'],
    ['${}', 'invalid_reference', 0, 'Riferimento non valido: ${} (posizione 0) — manca il codice della voce'],
    ['1 + ${a b}', 'invalid_reference', 4, 'un riferimento non contiene spazi'],
    ['${1abc}', 'invalid_reference', 0, '«1abc» non è un codice valido'],
    ['${a.}', 'invalid_reference', 0, '«» non è un codice di opzione'],
    ['${a.b c}', 'invalid_reference', 0, 'spazi'],
    ['${a', 'unclosed_reference', 0, 'Riferimento non chiuso alla posizione 0'],
    ['${a + ${b}', 'unclosed_reference', 0, 'manca la graffa'],
    ['$a + 1', 'unexpected_character', 0, 'i riferimenti si scrivono ${codice}'],
    ['${a} ${b}', 'expected_operator', 5, 'Operatore atteso dopo «${a}» alla posizione 5'],
    ['(1 + 2) 3', 'expected_operator', 8, 'Operatore atteso dopo «)» alla posizione 8'],
    ['sum(1 2)', 'expected_operator', 6, 'Operatore atteso dopo «1» alla posizione 6'],
    ["'abc", 'unterminated_string', 0, 'manca la virgoletta'],
    ['1 = "abc', 'unterminated_string', 4, 'aperta alla posizione 4'],
    ['1 == 2', 'unexpected_character', 2, 'per confrontare usa ='],
    ['${a} && ${b}', 'unexpected_character', 5, 'usa and'],
    ['${a} || ${b}', 'unexpected_character', 5, 'usa or'],
    ['${a} <> 1', 'unexpected_character', 5, 'usa !='],
    ['!${a}', 'unexpected_character', 0, 'not(...)'],
    ['7 % 2', 'unexpected_character', 2, 'usa mod'],
    ['1 + # 2', 'unexpected_character', 4, 'Carattere non valido «#» alla posizione 4.'],
    ['1.', 'invalid_number', 0, 'Numero non valido «1.»'],
    ['1 + 1.2.3', 'invalid_number', 4, 'Numero non valido «1.2.3» alla posizione 4'],
    ['12abc', 'invalid_number', 0, '«12abc»'],
    ['abc + 1', 'unknown_name', 0, 'Nome non riconosciuto: abc (posizione 0). Per usare il valore di una voce scrivi ${abc}.'],
    ['sum 1', 'expected_parenthesis', 3, 'Dopo la funzione sum serve una parentesi aperta (posizione 3)'],
    ['not ${a}', 'expected_parenthesis', 3, 'not(...)'],
    ['round(1, 2, 3)', 'wrong_argument_count', 0, 'La funzione round richiede da 1 a 2 argomenti, ne ha 3 (posizione 0).'],
    ['if(${a}, 1)', 'wrong_argument_count', 0, 'La funzione if richiede 3 argomenti, ne ha 2'],
    ['1 + today(1)', 'wrong_argument_count', 4, 'La funzione today richiede 0 argomenti'],
    ['coalesce(1)', 'wrong_argument_count', 0, 'almeno 2'],
    ['abs()', 'wrong_argument_count', 0, 'La funzione abs richiede 1 argomento, ne ha 0'],
    ['1, 2', 'unexpected_comma', 1, 'Virgola inattesa alla posizione 1'],
    ['1,5 + 2', 'unexpected_comma', 1, 'i decimali si scrivono con il punto'],
    ['count(${a} + 1)', 'count_needs_reference', 0, 'count() conta le righe'],
    ["regex(., '[a-')", 'invalid_pattern', 9, 'Espressione regolare non valida «[a-» alla posizione 9'],
    ['0 <= . <= 100', 'chained_comparison', 7, 'Confronti in catena non ammessi (posizione 7)'],
    ['${a} = ${b} = ${c}', 'chained_comparison', 12, 'Confronti in catena'],
  ])('%j → %s at %i', (src, code, position, it) => {
    const error = parseError(src);
    expect(error).toMatchObject({ code, position });
    expect(error.message.it).toContain(it);
    expect(error.message.en.length).toBeGreaterThan(10);
    expect(error.length).toBeGreaterThanOrEqual(0);
    expect(error.position + error.length).toBeLessThanOrEqual(src.length);
  });

  it('says the position in both languages', () => {
    const error = parseError('${a} + (1');
    expect(error.message).toEqual({ it: 'Parentesi non chiusa alla posizione 7.', en: 'Unclosed parenthesis at position 7.' });
  });

  it('underlines the whole faulty reference', () => {
    expect(parseError('1 + ${a b}')).toMatchObject({ position: 4, length: 6 });
  });
});
