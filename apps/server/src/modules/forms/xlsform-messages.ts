import type { Message } from '@mosaico/form-engine/text';

/** One problem of an imported workbook, where a spreadsheet user looks for it. */
export interface WorkbookProblem {
  code: string;
  /** The sheet as named in the workbook (null: the file as a whole). */
  sheet: string | null;
  /** Excel's row number (1 is the header row). */
  row: number | null;
  /** The column's header as written, or as Mosaico would write it when the column is missing. */
  column: string | null;
  /** Excel's reference of the cell ("F12"), when the column exists. */
  cell?: string;
  message: Message;
  /** The definition path the problem was found at by the definition checks. */
  path?: string;
  /** For a fault inside an expression: the expression as read, and where the fault is in it. */
  expression?: string;
  position?: number;
  length?: number;
}

const q = (s: string) => `«${s.length > 60 ? `${s.slice(0, 57)}…` : s}»`;
const ITEM_TYPES_IT =
  'integer, decimal, text, date, select_one <lista>, select_multiple <lista>, calculate, begin group/end group, begin repeat/end repeat, begin table <lista>/end table';
const ITEM_TYPES_EN =
  'integer, decimal, text, date, select_one <list>, select_multiple <list>, calculate, begin group/end group, begin repeat/end repeat, begin table <list>/end table';

/** Messages of the workbook reader, in Italian and English. */
export const xm = {
  fileEmpty: (): Message => ({ it: 'Il file è vuoto.', en: 'The file is empty.' }),
  notXlsx: (): Message => ({
    it: 'Il file non è una cartella di lavoro Excel (.xlsx): salva il modulo in formato .xlsx e riprova.',
    en: 'The file is not an Excel workbook (.xlsx): save the form as .xlsx and try again.',
  }),
  oldXls: (): Message => ({
    it: 'È un file .xls (Excel 97-2003): aprilo e salvalo come «Cartella di lavoro di Excel (.xlsx)».',
    en: 'This is an .xls file (Excel 97-2003): open it and save it as “Excel Workbook (.xlsx)”.',
  }),
  ods: (): Message => ({
    it: 'È un foglio di calcolo OpenDocument (.ods): salvalo in formato Excel (.xlsx).',
    en: 'This is an OpenDocument spreadsheet (.ods): save it in Excel format (.xlsx).',
  }),
  unreadable: (): Message => ({
    it: 'La cartella di lavoro è danneggiata e non si può leggere: aprila e salvala di nuovo come .xlsx.',
    en: 'The workbook is damaged and cannot be read: open it and save it again as .xlsx.',
  }),
  tooLarge: (mb: number): Message => ({
    it: `La cartella di lavoro, decompressa, supera ${mb} MB: una scheda è molto più piccola. Togli i fogli che non servono.`,
    en: `Uncompressed, the workbook exceeds ${mb} MB: a form is far smaller. Remove the sheets it does not need.`,
  }),
  tooManyRows: (max: number): Message => ({
    it: `Il foglio ha più di ${max} righe: una scheda ne ha molte meno.`,
    en: `The sheet has more than ${max} rows: a form has far fewer.`,
  }),
  missingSurvey: (sheets: string[]): Message => ({
    it: `Manca il foglio «survey», che elenca le domande (fogli presenti: ${sheets.join(', ') || 'nessuno'}).`,
    en: `The “survey” sheet, which lists the questions, is missing (sheets present: ${sheets.join(', ') || 'none'}).`,
  }),
  surveyEmpty: (): Message => ({ it: 'Il foglio «survey» non contiene domande.', en: 'The “survey” sheet holds no questions.' }),
  missingColumn: (column: string): Message => ({ it: `Manca la colonna ${q(column)}.`, en: `The column ${q(column)} is missing.` }),
  unknownColumn: (column: string, allowed: string[]): Message => ({
    it: `Colonna sconosciuta ${q(column)}: le colonne di questo foglio sono ${allowed.join(', ')}.`,
    en: `Unknown column ${q(column)}: this sheet’s columns are ${allowed.join(', ')}.`,
  }),
  unsupportedColumn: (column: string, why: Message): Message => ({
    it: `La colonna ${q(column)} non è supportata da Mosaico: ${why.it}.`,
    en: `The column ${q(column)} is not supported by Mosaico: ${why.en}.`,
  }),
  unknownLanguage: (column: string): Message => ({
    it: `Lingua non supportata nella colonna ${q(column)}: Mosaico legge l’italiano, ad es. label::Italiano (it), e l’inglese, label::English (en).`,
    en: `Language not supported in column ${q(column)}: Mosaico reads Italian, e.g. label::Italiano (it), and English, label::English (en).`,
  }),
  duplicateColumn: (column: string, first: string): Message => ({
    it: `La colonna ${q(column)} ripete ${q(first)} (stesso contenuto, stessa lingua).`,
    en: `The column ${q(column)} repeats ${q(first)} (same content, same language).`,
  }),
  noHeader: (): Message => ({ it: 'Valore in una colonna senza intestazione.', en: 'Value in a column with no header.' }),
  formulaWithoutValue: (): Message => ({
    it: 'La cella contiene una formula senza valore calcolato: scrivi direttamente il valore.',
    en: 'The cell holds a formula with no computed value: type the value itself.',
  }),
  cellError: (error: string): Message => ({ it: `La cella contiene un errore di Excel (${error}).`, en: `The cell holds an Excel error (${error}).` }),
  missingType: (): Message => ({ it: 'Manca il tipo (colonna type).', en: 'The type is missing (column type).' }),
  unknownType: (type: string): Message => ({
    it: `Tipo sconosciuto ${q(type)}. Tipi ammessi: ${ITEM_TYPES_IT}.`,
    en: `Unknown type ${q(type)}. Allowed types: ${ITEM_TYPES_EN}.`,
  }),
  metadataType: (type: string): Message => ({
    it: `${q(type)} è un metadato che Mosaico registra da sé (chi compila e quando): elimina la riga.`,
    en: `${q(type)} is metadata Mosaico records itself (who fills in and when): delete the row.`,
  }),
  noteType: (): Message => ({
    it: 'Mosaico non ha note (testi senza risposta): metti il testo nel suggerimento (hint) della domanda o del gruppo.',
    en: 'Mosaico has no notes (text without an answer): put the text in the hint of the question or of the group.',
  }),
  orOther: (): Message => ({
    it: '«or_other» non è supportato: aggiungi l’opzione «altro» alla lista e una domanda di testo con relevant.',
    en: '“or_other” is not supported: add an “other” option to the list and a text question with relevant.',
  }),
  missingListName: (type: string): Message => ({
    it: `Indica la lista dopo il tipo: «${type} nome_lista».`,
    en: `Give the list after the type: “${type} list_name”.`,
  }),
  listNotFound: (list: string): Message => ({
    it: `La lista ${q(list)} non è nel foglio «choices».`,
    en: `The list ${q(list)} is not in the “choices” sheet.`,
  }),
  endWithoutBegin: (type: string): Message => ({
    it: `${q(type)} senza un «begin» aperto prima.`,
    en: `${q(type)} with no open “begin” before it.`,
  }),
  endMismatch: (type: string, open: string, row: number): Message => ({
    it: `${q(type)} chiude ${q(open)} della riga ${row}: ci vuole «end ${open.split(' ')[1]}».`,
    en: `${q(type)} closes ${q(open)} of row ${row}: it needs “end ${open.split(' ')[1]}”.`,
  }),
  endNameMismatch: (name: string, open: string): Message => ({
    it: `Il nome ${q(name)} non è quello del blocco che si chiude (${q(open)}).`,
    en: `The name ${q(name)} is not that of the block being closed (${q(open)}).`,
  }),
  notClosed: (type: string): Message => ({
    it: `${q(type)} non è mai chiuso: manca «end ${type.split(' ')[1]}».`,
    en: `${q(type)} is never closed: “end ${type.split(' ')[1]}” is missing.`,
  }),
  nestedGroup: (): Message => ({
    it: 'Un gruppo dentro un altro gruppo non è supportato: ogni gruppo è una sezione della scheda. Chiudi prima il gruppo aperto con «end group».',
    en: 'A group inside another group is not supported: each group is a section of the form. Close the open group with “end group” first.',
  }),
  groupInBlock: (): Message => ({
    it: 'Un gruppo non può stare dentro una ripetizione o una tabella: ogni gruppo è una sezione della scheda.',
    en: 'A group cannot sit inside a repeat or a table: each group is a section of the form.',
  }),
  outsideGroup: (): Message => ({
    it: 'La domanda è fuori da ogni gruppo: in Mosaico ogni domanda sta in una sezione, tra «begin group» ed «end group».',
    en: 'The question is outside any group: in Mosaico every question belongs to a section, between “begin group” and “end group”.',
  }),
  tableColumnType: (type: string): Message => ({
    it: `${q(type)} non può essere una colonna di tabella: dentro «begin table» ogni riga è una colonna di tipo integer, decimal, text o select_one yes_no.`,
    en: `${q(type)} cannot be a table column: inside “begin table” each row is a column of type integer, decimal, text or select_one yes_no.`,
  }),
  notForType: (column: string, type: string): Message => ({
    it: `La colonna ${q(column)} non si usa per ${q(type)}: lasciala vuota.`,
    en: `The column ${q(column)} does not apply to ${q(type)}: leave it empty.`,
  }),
  appearance: (value: string, type: string): Message => ({
    it: `Aspetto (appearance) ${q(value)} non previsto per ${q(type)}: Mosaico usa multiline (testo lungo) e percentage (percentuale).`,
    en: `Appearance ${q(value)} is not expected for ${q(type)}: Mosaico uses multiline (long text) and percentage.`,
  }),
  notANumber: (): Message => ({ it: 'Deve essere un numero (con il punto per i decimali).', en: 'Must be a number (with a point for decimals).' }),
  yesOrNo: (): Message => ({ it: 'Scrivi yes o no, oppure lascia vuoto.', en: 'Write yes or no, or leave it empty.' }),
  sectionKind: (): Message => ({
    it: 'Tipo di sezione: quantitative (compilata dagli attori) o evaluative (compilata dal consiglio insieme).',
    en: 'Section kind: quantitative (filled in by the local actors) or evaluative (written by the council together).',
  }),
  settingsRows: (): Message => ({
    it: 'Il foglio «settings» ha una sola riga di valori, la 2: sposta qui ciò che serve.',
    en: 'The “settings” sheet has a single row of values, row 2: move what is needed there.',
  }),
  defaultLanguage: (value: string): Message => ({
    it: `Lingua predefinita ${q(value)} non supportata: usa Italiano (it) o English (en).`,
    en: `Default language ${q(value)} not supported: use Italiano (it) or English (en).`,
  }),
  missingListNameCell: (): Message => ({ it: 'Manca il nome della lista (list_name).', en: 'The list name (list_name) is missing.' }),
  missingCategory: (): Message => ({ it: 'Manca il codice della categoria.', en: 'The category code is missing.' }),
  repeatedCategoryLabel: (row: number): Message => ({
    it: `L’etichetta di questa categoria è già alla riga ${row}: una sola riga senza opzione per categoria.`,
    en: `This category’s label is already on row ${row}: one row without an option per category.`,
  }),
  inRows: (row: number, sheet: string, lang: 'it' | 'en') => (lang === 'it' ? `foglio ${sheet}, riga ${row}` : `sheet ${sheet}, row ${row}`),
};

/** Top-level error codes of the import, with their text in the server's catalogue. */
export const XLSFORM_HAS_ERRORS = 'xlsform_has_errors';
export const XLSFORM_UNREADABLE = 'xlsform_unreadable';
