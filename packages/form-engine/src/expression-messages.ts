import { formatNumberEn, formatNumberIt, type Message, quote } from './text.ts';
import { describeValue, type Value } from './values.ts';

/** Messages of the expression reader and evaluator, in Italian and English; positions are 0-based. */
export const expressionMessages = {
  empty: (): Message => ({ it: "L'espressione è vuota.", en: 'The expression is empty.' }),
  unexpectedCharacter: (text: string, pos: number, hint?: Message): Message => ({
    it: `Carattere non valido ${quote(text)} alla posizione ${pos}` + (hint ? `: ${hint.it}.` : '.'),
    en: `Invalid character ${quote(text)} at position ${pos}` + (hint ? `: ${hint.en}.` : '.'),
  }),
  unterminatedString: (q: string, pos: number): Message => ({
    it: `Testo non chiuso: manca la virgoletta ${q} di chiusura (aperta alla posizione ${pos}).`,
    en: `Unterminated text: the closing ${q} is missing (opened at position ${pos}).`,
  }),
  invalidNumber: (text: string, pos: number): Message => ({
    it: `Numero non valido ${quote(text)} alla posizione ${pos}: scrivi le cifre, con il punto per i decimali (es. 12.5).`,
    en: `Invalid number ${quote(text)} at position ${pos}: write digits, with a point for decimals (e.g. 12.5).`,
  }),
  unclosedReference: (pos: number): Message => ({
    it: `Riferimento non chiuso alla posizione ${pos}: manca la graffa } finale.`,
    en: `Unclosed reference at position ${pos}: the closing } is missing.`,
  }),
  invalidReference: (text: string, pos: number, reason: Message): Message => ({
    it: `Riferimento non valido: ${text} (posizione ${pos}) — ${reason.it}`,
    en: `Invalid reference: ${text} (position ${pos}) — ${reason.en}`,
  }),
  referenceEmpty: (): Message => ({
    it: `manca il codice della voce, es. \${numero_cas}.`,
    en: `the item code is missing, e.g. \${cas_places}.`,
  }),
  referenceSpaces: (): Message => ({ it: 'un riferimento non contiene spazi.', en: 'a reference contains no spaces.' }),
  referenceItemCode: (code: string): Message => ({
    it: `${quote(code)} non è un codice valido: deve iniziare con una lettera e contenere solo lettere, cifre e _.`,
    en: `${quote(code)} is not a valid code: it must start with a letter and hold only letters, digits and _.`,
  }),
  referenceSegment: (segment: string): Message => ({
    it: `${quote(segment)} non è un codice di opzione (lettere, cifre, _, -, +) né *.`,
    en: `${quote(segment)} is neither an option code (letters, digits, _, -, +) nor *.`,
  }),
  unclosedElementReference: (pos: number): Message => ({
    it: `Riferimento a un dato non chiuso alla posizione ${pos}: manca la parentesi quadra ] finale.`,
    en: `Unclosed data element reference at position ${pos}: the closing ] is missing.`,
  }),
  elementCodeMissing: (): Message => ({
    it: 'manca il codice del dato, es. [istat.stranieri_residenti].',
    en: 'the data element code is missing, e.g. [istat.stranieri_residenti].',
  }),
  elementCode: (code: string): Message => ({
    it: `${quote(code)} non è un codice di dato valido: segmenti di lettere, cifre, _ e - separati da punti.`,
    en: `${quote(code)} is not a valid data element code: segments of letters, digits, _ and - separated by dots.`,
  }),
  filterPair: (pair: string): Message => ({
    it: `il filtro ${quote(pair)} va scritto categoria=opzione, es. [istat.stranieri_residenti | sesso=F].`,
    en: `the filter ${quote(pair)} must be written category=option, e.g. [istat.stranieri_residenti | sesso=F].`,
  }),
  filterRepeated: (category: string): Message => ({
    it: `la categoria ${quote(category)} compare due volte nel filtro.`,
    en: `the category ${quote(category)} appears twice in the filter.`,
  }),
  indicatorCode: (code: string): Message => ({
    it: `${quote(code)} non è un codice di indicatore valido: lettere minuscole, cifre e _, iniziando con una lettera.`,
    en: `${quote(code)} is not a valid indicator code: lowercase letters, digits and _, starting with a letter.`,
  }),
  unclosedParenthesis: (pos: number): Message => ({
    it: `Parentesi non chiusa alla posizione ${pos}.`,
    en: `Unclosed parenthesis at position ${pos}.`,
  }),
  unexpectedClosingParenthesis: (pos: number): Message => ({
    it: `Parentesi chiusa senza una parentesi aperta corrispondente alla posizione ${pos}.`,
    en: `Closing parenthesis without a matching opening one at position ${pos}.`,
  }),
  expectedOperand: (pos: number, found: string | null, after: string | null): Message =>
    found === null
      ? {
          it: `Espressione incompleta: manca un valore dopo ${quote(after ?? '')} (posizione ${pos}).`,
          en: `Incomplete expression: a value is missing after ${quote(after ?? '')} (position ${pos}).`,
        }
      : {
          it: `Valore atteso alla posizione ${pos}, trovato ${quote(found)}.`,
          en: `A value was expected at position ${pos}, found ${quote(found)}.`,
        },
  expectedOperator: (after: string, pos: number, found: string): Message => ({
    it: `Operatore atteso dopo ${quote(after)} alla posizione ${pos} (trovato ${quote(found)}).`,
    en: `Operator expected after ${quote(after)} at position ${pos} (found ${quote(found)}).`,
  }),
  expectedParenthesis: (name: string, pos: number): Message => ({
    it: `Dopo la funzione ${name} serve una parentesi aperta (posizione ${pos}), es. ${name}(...).`,
    en: `The function ${name} must be followed by an opening parenthesis (position ${pos}), e.g. ${name}(...).`,
  }),
  unexpectedComma: (pos: number): Message => ({
    it: `Virgola inattesa alla posizione ${pos}: le virgole separano gli argomenti di una funzione; i decimali si scrivono con il punto (es. 1.5).`,
    en: `Unexpected comma at position ${pos}: commas separate the arguments of a function; decimals are written with a point (e.g. 1.5).`,
  }),
  unknownName: (name: string, pos: number): Message => ({
    it: `Nome non riconosciuto: ${name} (posizione ${pos}). Per usare il valore di una voce scrivi \${${name}}.`,
    en: `Unknown name: ${name} (position ${pos}). To use the value of an item write \${${name}}.`,
  }),
  unknownFunction: (name: string, pos: number, suggestion: string | null): Message => ({
    it: `Funzione sconosciuta: ${name} (posizione ${pos})` + (suggestion ? `. Forse intendevi ${suggestion}?` : '.'),
    en: `Unknown function: ${name} (position ${pos})` + (suggestion ? `. Did you mean ${suggestion}?` : '.'),
  }),
  wrongArgumentCount: (name: string, min: number, max: number, found: number, pos: number): Message => {
    const it = min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `almeno ${min}` : `da ${min} a ${max}`;
    const en = min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
    return {
      it: `La funzione ${name} richiede ${it} argoment${min === 1 && max === 1 ? 'o' : 'i'}, ne ha ${found} (posizione ${pos}).`,
      en: `The function ${name} takes ${en} argument${min === 1 && max === 1 ? '' : 's'}, it was given ${found} (position ${pos}).`,
    };
  },
  countNeedsReference: (pos: number): Message => ({
    it: `count() conta le righe di un gruppo ripetuto o i valori di un elenco: scrivi ad es. count(\${gruppo}) (posizione ${pos}).`,
    en: `count() counts the rows of a repeat or the values of a list: write e.g. count(\${group}) (position ${pos}).`,
  }),
  invalidPattern: (pattern: string, pos: number, error: unknown): Message => {
    // The engine's own text repeats the pattern ("Invalid regular expression: /[/u: Unterminated …"): keep the reason.
    const detail = (error instanceof Error ? error.message : String(error)).split(': ').pop();
    return {
      it: `Espressione regolare non valida ${quote(pattern)} alla posizione ${pos} (${detail}).`,
      en: `Invalid regular expression ${quote(pattern)} at position ${pos} (${detail}).`,
    };
  },
  chainedComparison: (pos: number): Message => ({
    it: `Confronti in catena non ammessi (posizione ${pos}): scrivi ad es. 0 <= . and . <= 100.`,
    en: `Chained comparisons are not allowed (position ${pos}): write e.g. 0 <= . and . <= 100.`,
  }),

  operatorNeedsNumbers: (op: string, value: Value, pos: number): Message => {
    const v = describeValue(value);
    return {
      it: `L'operatore ${op} richiede numeri, ma ha ricevuto ${v.it} (posizione ${pos}).`,
      en: `The operator ${op} needs numbers, but it was given ${v.en} (position ${pos}).`,
    };
  },
  cannotCompare: (left: Value, right: Value, pos: number): Message => {
    const l = describeValue(left);
    const r = describeValue(right);
    return {
      it: `Impossibile confrontare ${l.it} con ${r.it} (posizione ${pos}); per convertire un testo in numero usa number().`,
      en: `Cannot compare ${l.en} with ${r.en} (position ${pos}); to turn text into a number use number().`,
    };
  },
  cannotOrder: (value: Value, pos: number): Message => {
    const v = describeValue(value);
    return {
      it: `${capitalise(v.it)} non si può ordinare con < o > (posizione ${pos}).`,
      en: `${capitalise(v.en)} cannot be ordered with < or > (position ${pos}).`,
    };
  },
  notBoolean: (where: string, value: Value, pos: number): Message => {
    const v = describeValue(value);
    const hint = value === 'yes' || value === 'no';
    return {
      it: `${where} richiede una condizione vera o falsa, ma ha ricevuto ${v.it} (posizione ${pos})` + (hint ? `. Per una voce sì/no scrivi \${voce} = 'yes'.` : '.'),
      en: `${where} needs a true or false condition, but it was given ${v.en} (position ${pos})` + (hint ? `. For a yes/no item write \${item} = 'yes'.` : '.'),
    };
  },
  functionNeeds: (name: string, expected: Message, value: Value, pos: number): Message => {
    const v = describeValue(value);
    return {
      it: `La funzione ${name} richiede ${expected.it}, ma ha ricevuto ${v.it} (posizione ${pos}).`,
      en: `The function ${name} needs ${expected.en}, but it was given ${v.en} (position ${pos}).`,
    };
  },
  notANumber: (text: string, pos: number): Message => ({
    it: `number(): il testo ${quote(text)} non è un numero (posizione ${pos}).`,
    en: `number(): the text ${quote(text)} is not a number (position ${pos}).`,
  }),
  roundDigits: (digits: number, pos: number): Message => ({
    it: `round(): il numero di decimali deve essere un intero tra -10 e 10, non ${formatNumberIt(digits)} (posizione ${pos}).`,
    en: `round(): the number of decimals must be a whole number between -10 and 10, not ${formatNumberEn(digits)} (position ${pos}).`,
  }),
  noSelf: (pos: number): Message => ({
    it: `Il punto (.) indica il valore della voce stessa e si usa solo nei vincoli (posizione ${pos}).`,
    en: `The dot (.) stands for the item's own value and is only used in constraints (position ${pos}).`,
  }),
  overflow: (pos: number): Message => ({
    it: `Il risultato è troppo grande per essere calcolato (posizione ${pos}).`,
    en: `The result is too large to compute (position ${pos}).`,
  }),
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
