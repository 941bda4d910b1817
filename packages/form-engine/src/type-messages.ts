import type { Message } from './text.ts';

/** The static type of an expression, as far as the definition tells ('any' when it cannot). */
export type StaticType = 'number' | 'text' | 'boolean' | 'selection' | 'any';

const NAMES: Record<StaticType, Message> = {
  number: { it: 'un numero', en: 'a number' },
  text: { it: 'un testo', en: 'a text' },
  boolean: { it: 'un valore vero/falso', en: 'a true/false value' },
  selection: { it: 'una selezione multipla', en: 'a multiple selection' },
  any: { it: 'un valore', en: 'a value' },
};

const TEXT_HINT: Message = {
  it: ` Codici delle opzioni, date e risposte sì/no sono testi: scrivi ad es. \${voce} = 'yes' o number(\${voce}).`,
  en: ` Option codes, dates and yes/no answers are texts: write e.g. \${item} = 'yes' or number(\${item}).`,
};

/** Messages of the static type check of expressions, run when a definition is saved. */
export const typeMessages = {
  operator: (op: string, found: StaticType, pos: number): Message => ({
    it: `L'operatore ${op} richiede numeri, ma qui riceve ${NAMES[found].it} (posizione ${pos}).` + (found === 'text' ? TEXT_HINT.it : ''),
    en: `The operator ${op} needs numbers, but here it gets ${NAMES[found].en} (position ${pos}).` + (found === 'text' ? TEXT_HINT.en : ''),
  }),
  compare: (left: StaticType, right: StaticType, pos: number): Message => ({
    it: `Non si può confrontare ${NAMES[left].it} con ${NAMES[right].it} (posizione ${pos}).` + (left === 'text' || right === 'text' ? TEXT_HINT.it : ''),
    en: `Cannot compare ${NAMES[left].en} with ${NAMES[right].en} (position ${pos}).` + (left === 'text' || right === 'text' ? TEXT_HINT.en : ''),
  }),
  order: (found: StaticType, pos: number): Message => ({
    it: `${capitalise(NAMES[found].it)} non si può ordinare con < o > (posizione ${pos}).` + (found === 'selection' ? ' Usa selected() o count-selected().' : ''),
    en: `${capitalise(NAMES[found].en)} cannot be ordered with < or > (position ${pos}).` + (found === 'selection' ? ' Use selected() or count-selected().' : ''),
  }),
  selectionCompared: (pos: number): Message => ({
    it: `Una selezione multipla non si confronta con = o != (posizione ${pos}): usa selected(\${voce}, 'codice').`,
    en: `A multiple selection is not compared with = or != (position ${pos}): use selected(\${item}, 'code').`,
  }),
  condition: (where: string, found: StaticType, pos: number): Message => ({
    it: `${where} richiede una condizione vera o falsa, ma qui riceve ${NAMES[found].it} (posizione ${pos}).` + (found === 'text' ? TEXT_HINT.it : ''),
    en: `${where} needs a true or false condition, but here it gets ${NAMES[found].en} (position ${pos}).` + (found === 'text' ? TEXT_HINT.en : ''),
  }),
  argument: (name: string, expected: StaticType, found: StaticType, pos: number): Message => ({
    it: `La funzione ${name} richiede ${NAMES[expected].it}, ma qui riceve ${NAMES[found].it} (posizione ${pos}).`,
    en: `The function ${name} needs ${NAMES[expected].en}, but here it gets ${NAMES[found].en} (position ${pos}).`,
  }),
  conditionResult: (found: StaticType): Message => ({
    it: `La condizione deve dare vero o falso, ma dà ${NAMES[found].it}.` + (found === 'text' ? TEXT_HINT.it : ''),
    en: `The condition must give true or false, but it gives ${NAMES[found].en}.` + (found === 'text' ? TEXT_HINT.en : ''),
  }),
  calculateResult: (type: string, found: StaticType): Message => ({
    it: `Il calcolo dà ${NAMES[found].it}, che non va bene per una voce di tipo ${type}.`,
    en: `The calculation gives ${NAMES[found].en}, which does not suit an item of type ${type}.`,
  }),
  ruleSides: (left: StaticType, right: StaticType): Message => ({
    it: `I due lati della regola non si possono confrontare: ${NAMES[left].it} e ${NAMES[right].it}.`,
    en: `The two sides of the rule cannot be compared: ${NAMES[left].en} and ${NAMES[right].en}.`,
  }),
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
