import { formatNumberEn, formatNumberIt, type Message, quote } from './text.ts';
import { describeValue, type Value } from './values.ts';

const WHERE: Record<string, Message> = {
  relevant: { it: 'la condizione di visibilità (relevant)', en: 'the visibility condition (relevant)' },
  required: { it: "la condizione di obbligatorietà (required)", en: 'the required condition (required)' },
  constraint: { it: 'il vincolo (constraint)', en: 'the constraint' },
  calculate: { it: 'il calcolo (calculate)', en: 'the calculation (calculate)' },
  left: { it: 'il lato sinistro della regola', en: 'the left side of the rule' },
  right: { it: 'il lato destro della regola', en: 'the right side of the rule' },
};

/** Messages about entered values, shown to the people filling in a form. */
export const formMessages = {
  required: (): Message => ({ it: 'Questo campo è obbligatorio.', en: 'This field is required.' }),
  requiredCell: (): Message => ({
    it: 'Compila anche questa cella (0 se non ci sono casi): le celle devono dare il totale.',
    en: 'Fill in this cell too (0 if there are none): the cells must add up to the total.',
  }),
  requiredRow: (): Message => ({ it: 'Aggiungi almeno una riga.', en: 'Add at least one row.' }),
  integer: (): Message => ({ it: 'Inserisci un numero intero.', en: 'Enter a whole number.' }),
  number: (): Message => ({
    it: 'Inserisci un numero (con il punto per i decimali, es. 12.5).',
    en: 'Enter a number (with a point for decimals, e.g. 12.5).',
  }),
  min: (min: number): Message => ({ it: `Il valore minimo è ${formatNumberIt(min)}.`, en: `The minimum value is ${formatNumberEn(min)}.` }),
  max: (max: number): Message => ({ it: `Il valore massimo è ${formatNumberIt(max)}.`, en: `The maximum value is ${formatNumberEn(max)}.` }),
  tooLarge: (): Message => ({ it: 'Il numero è troppo grande.', en: 'The number is too large.' }),
  date: (): Message => ({
    it: 'Inserisci una data nel formato AAAA-MM-GG (es. 2025-03-31).',
    en: 'Enter a date as YYYY-MM-DD (e.g. 2025-03-31).',
  }),
  dateNotReal: (text: string): Message => ({ it: `La data ${text} non esiste.`, en: `The date ${text} does not exist.` }),
  yesNo: (): Message => ({ it: 'Rispondi sì o no.', en: 'Answer yes or no.' }),
  choice: (): Message => ({ it: 'Scegli una delle opzioni previste.', en: 'Choose one of the listed options.' }),
  choices: (): Message => ({ it: 'Scegli una o più delle opzioni previste.', en: 'Choose one or more of the listed options.' }),
  unknownChoice: (code: string): Message => ({
    it: `Opzione non prevista: ${quote(code)}. Scegli tra quelle dell'elenco.`,
    en: `Option not listed: ${quote(code)}. Choose among those listed.`,
  }),
  repeatedChoice: (code: string): Message => ({ it: `Opzione scelta due volte: ${quote(code)}.`, en: `Option chosen twice: ${quote(code)}.` }),
  text: (): Message => ({ it: 'Inserisci un testo.', en: 'Enter a text.' }),
  textTooLong: (limit: number, length: number): Message => ({
    it: `Il testo può avere al massimo ${formatNumberIt(limit)} caratteri (ne ha ${formatNumberIt(length)}).`,
    en: `The text can have at most ${formatNumberEn(limit)} characters (it has ${formatNumberEn(length)}).`,
  }),
  constraint: (source: string): Message => ({
    it: `Il valore non rispetta la condizione prevista: ${quote(source, 80)}.`,
    en: `The value does not meet the expected condition: ${quote(source, 80)}.`,
  }),
  totalMismatch: (total: number, sum: number): Message => ({
    it: `Il totale inserito (${formatNumberIt(total)}) non corrisponde alla somma delle celle (${formatNumberIt(sum)}).`,
    en: `The total entered (${formatNumberEn(total)}) does not match the sum of the cells (${formatNumberEn(sum)}).`,
  }),
  evaluation: (where: string, error: Message): Message => ({
    it: `Impossibile valutare ${WHERE[where]?.it ?? where}: ${error.it}`,
    en: `Cannot evaluate ${WHERE[where]?.en ?? where}: ${error.en}`,
  }),
  calculatedType: (expected: Message, value: Value): Message => {
    const v = describeValue(value);
    return {
      it: `Il calcolo ha dato ${v.it} invece di ${expected.it}.`,
      en: `The calculation gave ${v.en} instead of ${expected.en}.`,
    };
  },
  conditionNotBoolean: (where: string, value: Value): Message => {
    const v = describeValue(value);
    return {
      it: `Impossibile valutare ${WHERE[where]?.it ?? where}: deve dare vero o falso, ha dato ${v.it}.`,
      en: `Cannot evaluate ${WHERE[where]?.en ?? where}: it must give true or false, it gave ${v.en}.`,
    };
  },
  ruleTypes: (left: Value, right: Value): Message => {
    const l = describeValue(left);
    const r = describeValue(right);
    return {
      it: `La regola confronta ${l.it} con ${r.it}: i due lati devono essere dello stesso tipo.`,
      en: `The rule compares ${l.en} with ${r.en}: both sides must be of the same type.`,
    };
  },
  unknownField: (key: string): Message => ({
    it: `Campo sconosciuto in questo modulo: ${quote(key)}.`,
    en: `Unknown field for this form: ${quote(key)}.`,
  }),
  rows: (): Message => ({ it: 'Il gruppo ripetuto deve essere un elenco di righe.', en: 'A repeat must be a list of rows.' }),
  row: (): Message => ({ it: 'Ogni riga deve associare i codici delle voci ai valori.', en: 'Each row must map item codes to values.' }),
};
