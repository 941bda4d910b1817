import { type Message, quote } from './text.ts';

const KINDS: Record<string, Message> = {
  item: { it: 'voce', en: 'item' },
  section: { it: 'sezione', en: 'section' },
  category: { it: 'categoria', en: 'category' },
  combo: { it: 'combinazione di categorie', en: 'category combination' },
  rule: { it: 'regola', en: 'rule' },
  option: { it: 'opzione', en: 'option' },
  row: { it: 'riga', en: 'row' },
  column: { it: 'colonna', en: 'column' },
};

/** The name of a kind of code ("voce" / "item"), for messages. */
export function kindName(kind: string): Message {
  return KINDS[kind] ?? { it: kind, en: kind };
}

const FIELD_FOR: Record<string, Message> = {
  choices: { it: 'le opzioni (choices) valgono solo per le voci a scelta', en: 'choices apply only to choice items' },
  rows: { it: 'le righe (rows) valgono solo per le tabelle', en: 'rows apply only to tables' },
  columns: { it: 'le colonne (columns) valgono solo per le tabelle', en: 'columns apply only to tables' },
  items: { it: 'le voci interne (items) valgono solo per i gruppi ripetuti', en: 'inner items apply only to repeats' },
};

/** Messages of the definition checks, in Italian and English. */
export const definitionMessages = {
  duplicateCode: (kind: string, code: string, firstPath: string): Message => ({
    it: `Codice duplicato: ${kindName(kind).it} ${quote(code)} è già definita in ${firstPath}.`,
    en: `Duplicate code: ${kindName(kind).en} ${quote(code)} is already defined at ${firstPath}.`,
  }),
  ruleCodeIsItem: (code: string, itemPath: string): Message => ({
    it: `Il codice della regola ${quote(code)} è già il codice di una voce (${itemPath}): regole e voci devono avere codici distinti.`,
    en: `The rule code ${quote(code)} is already an item code (${itemPath}): rules and items need distinct codes.`,
  }),
  invalidCode: (kind: string, code: string, option: boolean): Message => ({
    it: `Codice di ${kindName(kind).it} non valido: ${quote(String(code))}. ` +
      (option ? 'Usa lettere, cifre, _, - e + (al massimo 64 caratteri).' : 'Usa lettere, cifre e _, iniziando con una lettera (al massimo 64 caratteri).'),
    en: `Invalid ${kindName(kind).en} code: ${quote(String(code))}. ` +
      (option ? 'Use letters, digits, _, - and + (at most 64 characters).' : 'Use letters, digits and _, starting with a letter (at most 64 characters).'),
  }),
  missingLabel: (): Message => ({ it: "Manca l'etichetta in italiano.", en: 'The Italian label is missing.' }),
  noSections: (): Message => ({ it: 'Il modulo non ha sezioni.', en: 'The form has no sections.' }),
  emptySection: (code: string): Message => ({
    it: `La sezione ${quote(code)} non ha voci.`,
    en: `The section ${quote(code)} has no items.`,
  }),
  unknownType: (type: string): Message => ({
    it: `Tipo di voce sconosciuto: ${quote(String(type))}.`,
    en: `Unknown item type: ${quote(String(type))}.`,
  }),
  unknownReference: (ref: string, pos: number, suggestion: string | null): Message => ({
    it: `Riferimento sconosciuto: \${${ref}} (posizione ${pos}): nessuna voce ha questo codice` + (suggestion ? `. Forse intendevi \${${suggestion}}?` : '.'),
    en: `Unknown reference: \${${ref}} (position ${pos}): no item has this code` + (suggestion ? `. Did you mean \${${suggestion}}?` : '.'),
  }),
  repeatItemOutside: (ref: string, repeat: string, pos: number): Message => ({
    it: `\${${ref}} (posizione ${pos}) è una voce del gruppo ripetuto ${quote(repeat)}: da fuori del gruppo usa sum(\${${repeat}.${ref}}), max(\${${repeat}.${ref}}) o count(\${${repeat}}).`,
    en: `\${${ref}} (position ${pos}) is an item of the repeat ${quote(repeat)}: outside the repeat use sum(\${${repeat}.${ref}}), max(\${${repeat}.${ref}}) or count(\${${repeat}}).`,
  }),
  listOutsideAggregate: (ref: string, pos: number): Message => ({
    it: `\${${ref}} (posizione ${pos}) indica più valori: usalo dentro sum(), count(), min() o max().`,
    en: `\${${ref}} (position ${pos}) stands for several values: use it inside sum(), count(), min() or max().`,
  }),
  countNeedsList: (ref: string, pos: number): Message => ({
    it: `count(\${${ref}}) (posizione ${pos}) conta righe o celle: usalo con un gruppo ripetuto, una sua colonna o celle con *; per il valore di una voce scrivi \${${ref}}.`,
    en: `count(\${${ref}}) (position ${pos}) counts rows or cells: use it with a repeat, one of its columns or cells with *; for an item's value write \${${ref}}.`,
  }),
  invalidCell: (ref: string, pos: number, example: string): Message => ({
    it: `Riferimento non valido: \${${ref}} (posizione ${pos}). Scrivi ad es. \${${example}}.`,
    en: `Invalid reference: \${${ref}} (position ${pos}). Write e.g. \${${example}}.`,
  }),
  noCells: (ref: string, code: string, pos: number): Message => ({
    it: `Riferimento non valido: \${${ref}} (posizione ${pos}): la voce ${quote(code)} non ha celle, scrivi \${${code}}.`,
    en: `Invalid reference: \${${ref}} (position ${pos}): the item ${quote(code)} has no cells, write \${${code}}.`,
  }),
  unknownOption: (ref: string, pos: number, segment: string, of: string): Message => ({
    it: `Riferimento non valido: \${${ref}} (posizione ${pos}): ${quote(segment)} non è tra le opzioni di ${quote(of)}.`,
    en: `Invalid reference: \${${ref}} (position ${pos}): ${quote(segment)} is not one of the options of ${quote(of)}.`,
  }),
  selfNotAllowed: (pos: number, where: 'field' | 'group'): Message =>
    where === 'field'
      ? {
          it: `Il punto (.) indica il valore della voce e si usa solo nei vincoli (constraint) (posizione ${pos}).`,
          en: `The dot (.) stands for the item's value and is only used in constraints (position ${pos}).`,
        }
      : {
          it: `Il punto (.) non si usa nei vincoli di tabelle e gruppi ripetuti, che non hanno un solo valore (posizione ${pos}).`,
          en: `The dot (.) is not used in constraints of tables and repeats, which have no single value (position ${pos}).`,
        },
  cycle: (codes: string[]): Message => ({
    it: `Ciclo tra calcoli e condizioni: ${codes.join(' → ')}. Ogni voce dipende, passo dopo passo, da sé stessa.`,
    en: `Cycle among calculations and conditions: ${codes.join(' → ')}. Each item depends, step by step, on itself.`,
  }),
  unknownCombo: (code: string): Message => ({
    it: `Disaggregazione sconosciuta: ${quote(code)} non è tra le combinazioni di categorie (categoryCombos).`,
    en: `Unknown disaggregation: ${quote(code)} is not one of the category combinations (categoryCombos).`,
  }),
  unknownCategory: (code: string): Message => ({
    it: `Categoria sconosciuta: ${quote(code)} non è tra le categorie del modulo.`,
    en: `Unknown category: ${quote(code)} is not one of the form's categories.`,
  }),
  repeatedCategory: (code: string): Message => ({
    it: `La categoria ${quote(code)} compare due volte nella stessa combinazione.`,
    en: `The category ${quote(code)} appears twice in the same combination.`,
  }),
  emptyList: (field: string): Message => ({
    it: `Manca l'elenco ${field}: deve avere almeno un elemento.`,
    en: `The list ${field} is missing: it needs at least one element.`,
  }),
  unexpectedField: (field: string): Message => ({
    it: `Campo non previsto per questo tipo: ${FIELD_FOR[field]?.it ?? field}.`,
    en: `Field not expected for this type: ${FIELD_FOR[field]?.en ?? field}.`,
  }),
  minGreaterThanMax: (min: number, max: number): Message => ({
    it: `Il minimo (${min}) è maggiore del massimo (${max}).`,
    en: `The minimum (${min}) is greater than the maximum (${max}).`,
  }),
  limitsNotNumeric: (type: string): Message => ({
    it: `Minimo e massimo valgono solo per voci numeriche e tabelle, non per il tipo ${type}.`,
    en: `Minimum and maximum apply only to numeric items and tables, not to the type ${type}.`,
  }),
  percentageBounds: (): Message => ({
    it: 'Una percentuale va da 0 a 100: minimo e massimo devono stare in questo intervallo.',
    en: 'A percentage runs from 0 to 100: minimum and maximum must lie within it.',
  }),
  calculateAndRequired: (): Message => ({
    it: "Una voce calcolata non può essere obbligatoria: il suo valore non si inserisce. Togli required oppure calculate.",
    en: 'A calculated item cannot be required: its value is not entered. Remove required or calculate.',
  }),
  calculateNotAllowed: (type: string): Message => ({
    it: `Il calcolo (calculate) non si usa per ${type}: vale solo per voci semplici, non disaggregate.`,
    en: `A calculation (calculate) is not used for ${type}: it applies only to plain items, not disaggregated ones.`,
  }),
  disaggregationNotNumeric: (type: string): Message => ({
    it: `Solo le voci intere e decimali si possono disaggregare (le celle si sommano), non il tipo ${type}.`,
    en: `Only integer and decimal items can be disaggregated (cells add up), not the type ${type}.`,
  }),
  nestedGroup: (type: string): Message => ({
    it: `Un gruppo ripetuto non può contenere ${type === 'table' ? 'tabelle' : type === 'repeat' ? 'altri gruppi ripetuti' : 'voci disaggregate'}.`,
    en: `A repeat cannot hold ${type === 'table' ? 'tables' : type === 'repeat' ? 'other repeats' : 'disaggregated items'}.`,
  }),
  invalidFlag: (field: string): Message => ({
    it: `${field} vale true o false.`,
    en: `${field} is true or false.`,
  }),
  copyNotAllowed: (why: 'calculated' | 'repeat_child'): Message =>
    why === 'calculated'
      ? {
          it: "Una voce calcolata non si copia dall'anno precedente (copyLastYear): il suo valore si ricava dalle altre.",
          en: 'A calculated item is not copied from the previous year (copyLastYear): its value comes from the others.',
        }
      : {
          it: "Le voci di un gruppo ripetuto non si copiano una per una dall'anno precedente: indica copyLastYear sul gruppo.",
          en: "The items of a repeat are not copied one by one from the previous year: set copyLastYear on the repeat.",
        },
  invalidRuleOperator: (op: string): Message => ({
    it: `Operatore della regola non valido: ${quote(String(op))} (usa =, !=, <, <=, >, >=).`,
    en: `Invalid rule operator: ${quote(String(op))} (use =, !=, <, <=, >, >=).`,
  }),
};
