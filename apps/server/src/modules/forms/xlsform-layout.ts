/**
 * The XLSForm layout Mosaico reads and writes: which sheets, which columns, which languages. Shared by the
 * reader and the writer so that what one writes the other reads back unchanged.
 *
 * XLSForm's own sheets are survey, choices and settings. Mosaico definitions hold three things XLSForm has
 * no place for, which live in extension sheets: categories (with their options), combinations of
 * categories (disaggregations) and cross-item validation rules.
 */

export type Lang = 'it' | 'en';

export const SHEETS = {
  survey: 'survey',
  choices: 'choices',
  settings: 'settings',
  categories: 'categories',
  combinations: 'combinations',
  rules: 'rules',
} as const;
export type SheetKey = keyof typeof SHEETS;
export const SHEET_ORDER: SheetKey[] = ['survey', 'choices', 'settings', 'categories', 'combinations', 'rules'];

/** The language suffixes the writer uses (XLSForm's "Name (code)" form); the reader accepts more. */
export const LANGUAGE_SUFFIX: Record<Lang, string> = { it: 'Italiano (it)', en: 'English (en)' };

/** Columns whose text is in a language: `label::Italiano (it)`; without a suffix, the default language. */
const TRANSLATABLE = new Set(['label', 'hint', 'constraint_message', 'unit', 'message', 'form_title', 'description']);

/** Each sheet's columns as the writer lays them out (translatable ones expand to one column per language). */
export const COLUMNS: Record<SheetKey, string[]> = {
  survey: [
    'type',
    'name',
    'label',
    'hint',
    'required',
    'relevant',
    'constraint',
    'constraint_message',
    'calculation',
    'appearance',
    'kind',
    'unit',
    'min',
    'max',
    'disaggregation',
    'copy_last_year',
  ],
  choices: ['list_name', 'name', 'label'],
  settings: ['form_id', 'form_title', 'description', 'version', 'default_language'],
  categories: ['category', 'option', 'label'],
  combinations: ['name', 'categories', 'label'],
  rules: ['name', 'left', 'operator', 'right', 'severity', 'message', 'missing_values'],
};

/** Older or alternative XLSForm spellings of a column, read as the standard one. */
const ALIASES: Record<string, string> = {
  'list name': 'list_name',
  relevance: 'relevant',
  calculate: 'calculation',
  'constraint message': 'constraint_message',
  caption: 'label',
};

/**
 * XLSForm columns Mosaico cannot honour: a value in one is reported rather than dropped, with a reason.
 * (Any other unknown column with values is reported too, with the list of known ones.)
 */
export const UNSUPPORTED_COLUMNS: Record<string, { it: string; en: string }> = {
  choice_filter: {
    it: 'le scelte filtrate (choice_filter) non sono supportate: ogni domanda mostra la sua lista completa; usa liste distinte',
    en: 'filtered choices (choice_filter) are not supported: each question shows its whole list; use separate lists',
  },
  default: { it: 'i valori predefiniti (default) non sono supportati', en: 'default values (default) are not supported' },
  read_only: { it: 'usa calculation per una voce calcolata, che è sempre di sola lettura', en: 'use calculation for a computed item, which is always read-only' },
  required_message: {
    it: 'il messaggio di obbligatorietà (required_message) è sempre quello di Mosaico',
    en: 'the required message (required_message) is always Mosaico’s own',
  },
  repeat_count: {
    it: 'il numero di ripetizioni (repeat_count) non si fissa: chi compila aggiunge le righe che servono',
    en: 'the number of repeats (repeat_count) is not fixed: respondents add the rows they need',
  },
  parameters: { it: 'i parametri (parameters) non sono supportati', en: 'parameters are not supported' },
  trigger: { it: 'trigger non è supportato', en: 'trigger is not supported' },
  guidance_hint: { it: 'usa hint per il testo di aiuto', en: 'use hint for help text' },
  image: { it: 'le immagini non sono supportate', en: 'images are not supported' },
  audio: { it: 'l’audio non è supportato', en: 'audio is not supported' },
  video: { it: 'i video non sono supportati', en: 'video is not supported' },
  media: { it: 'i file multimediali non sono supportati', en: 'media files are not supported' },
  instance_name: { it: 'il nome delle compilazioni è dato da Mosaico', en: 'submission names are given by Mosaico' },
  style: { it: 'l’impaginazione è quella di Mosaico', en: 'the layout is Mosaico’s own' },
};

/** A column header read: its base name, its language (for translatable columns) and the key the reader uses. */
export interface ParsedHeader {
  base: string;
  lang: Lang | null;
  /** `label:it`, `type`…; null when the language is not one Mosaico has. */
  key: string | null;
  /** The language part as written, when it is not Italian or English. */
  unknownLanguage?: string;
}

/** Reads "label::Italiano (it)", "label::it", "label::English", "hint" (default language), "list name"… */
export function parseHeader(raw: string, defaultLang: Lang): ParsedHeader {
  const [head, ...rest] = raw.split('::');
  const lower = head.trim().toLowerCase().replace(/\s+/g, ' ');
  const base = ALIASES[lower] ?? lower.replace(/ /g, '_');
  if (!TRANSLATABLE.has(base)) return { base, lang: null, key: rest.length ? null : base };
  if (!rest.length) return { base, lang: defaultLang, key: `${base}:${defaultLang}` };
  const lang = languageOf(rest.join('::'));
  if (!lang) return { base, lang: null, key: null, unknownLanguage: rest.join('::').trim() };
  return { base, lang, key: `${base}:${lang}` };
}

/** "Italiano (it)", "Italian", "it", "English (en)", "Inglese", "en" → the language; others → null. */
export function languageOf(text: string): Lang | null {
  const t = text.trim().toLowerCase();
  const code = /\(([a-z]{2,3})(?:[-_][a-z]+)?\)\s*$/.exec(t)?.[1] ?? (/^[a-z]{2,3}$/.test(t) ? t : null);
  if (code === 'it' || code === 'ita') return 'it';
  if (code === 'en' || code === 'eng') return 'en';
  if (code) return null;
  if (t === 'italiano' || t === 'italian') return 'it';
  if (t === 'english' || t === 'inglese') return 'en';
  return null;
}

/** The header the writer gives a column key (`label:en` → `label::English (en)`). */
export function headerOf(key: string): string {
  const [base, lang] = key.split(':');
  return lang ? `${base}::${LANGUAGE_SUFFIX[lang as Lang]}` : base;
}

/** XLSForm's form_title, and Mosaico's description beside it, are plain in the default language (Italian). */
export function settingsHeader(key: string): string {
  if (key === 'form_title:it') return 'form_title';
  if (key === 'description:it') return 'description';
  return headerOf(key);
}

/** A sheet's column keys in the writer's order, translatable ones once per language. */
export function keysOf(sheet: SheetKey): string[] {
  return COLUMNS[sheet].flatMap((c) => (TRANSLATABLE.has(c) ? [`${c}:it`, `${c}:en`] : [c]));
}

/** Where Mosaico writes its forms' title: XLSForm's `form_title` is in the default language (Italian). */
export const DEFAULT_LANGUAGE: Lang = 'it';

/** The list name reserved for yes/no questions (`select_one yes_no`); its options are always yes and no. */
export const YES_NO_LIST = 'yes_no';
export const YES_NO_LABELS = {
  yes: { it: 'Sì', en: 'Yes' },
  no: { it: 'No', en: 'No' },
};

/** Display hints of XLSForm clients that change nothing in what is collected: read and left aside. */
export const DISPLAY_APPEARANCES = new Set([
  'field-list',
  'table-list',
  'minimal',
  'horizontal',
  'horizontal-compact',
  'compact',
  'likert',
  'quick',
  'no-calendar',
  'thousands-sep',
  'numbers',
  'autocomplete',
]);

/** Limits that keep a workbook a form, not a data dump (the default form has about 300 survey rows). */
export const LIMITS = { rows: 5000, uncompressedBytes: 40 * 1024 * 1024 };

export function excelColumn(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
