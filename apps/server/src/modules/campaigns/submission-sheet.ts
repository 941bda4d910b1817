import type { CompiledForm, CompiledItem } from '@mosaico/form-engine/compile-form';
import type { I18nText, Option } from '@mosaico/form-engine/definition';
import type { ValueType } from '@mosaico/form-engine/form-index';
import { rowKey } from '@mosaico/form-engine/form-index';
import { isBlank } from '@mosaico/form-engine/value-checks';
import type { Lang } from '../../platform/http/messages.ts';

/**
 * The row layout shared by a section's template, its upload and the export: one row per value key, with
 * what a person needs to fill it offline. `key` and `value` are what the upload reads; `current_value` (the
 * value when the file was made) lets it tell a row the person changed from one left as it was.
 */
export const SHEET_COLUMNS = ['key', 'section', 'item_code', 'label', 'detail', 'type', 'unit', 'allowed_values', 'current_value', 'value'] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

const HEADERS: Record<SheetColumn, { it: string; en: string }> = {
  key: { it: 'Chiave', en: 'Key' },
  section: { it: 'Sezione', en: 'Section' },
  item_code: { it: 'Codice voce', en: 'Item code' },
  label: { it: 'Voce', en: 'Item' },
  detail: { it: 'Dettaglio', en: 'Detail' },
  type: { it: 'Tipo', en: 'Type' },
  unit: { it: 'Unità', en: 'Unit' },
  allowed_values: { it: 'Valori ammessi', en: 'Allowed values' },
  current_value: { it: 'Valore al download', en: 'Value when downloaded' },
  value: { it: 'Valore', en: 'Value' },
};

export const headerOf = (column: SheetColumn, lang: Lang) => HEADERS[column][lang];

/** The column a header names: its machine name, or its title in either language (case and spaces ignored). */
export function columnOfHeader(header: string): SheetColumn | null {
  const h = normal(header);
  for (const c of SHEET_COLUMNS) if (h === c || h === normal(HEADERS[c].it) || h === normal(HEADERS[c].en)) return c;
  return null;
}

/** Blank entries added after a repeating group's rows, so new ones can be written in the file. */
export const BLANK_REPEAT_ENTRIES = 3;
/** A repeat row number beyond this in an upload is refused (it would make a form no one can read). */
export const MAX_REPEAT_ENTRIES = 200;

export interface SheetRow {
  key: string;
  section: string;
  itemCode: string;
  label: string;
  detail: string;
  type: ValueType;
  unit: string;
  /** Calculated items are listed with their value but not filled. */
  calculated: boolean;
  /** Options of a choice or yes/no value (empty otherwise). */
  choices: Option[];
  min?: number;
  max?: number;
  /** The stored (or calculated) value, null when none. */
  current: unknown;
}

const YES_NO: Option[] = [
  { code: 'yes', label: { it: 'Sì', en: 'Yes' } },
  { code: 'no', label: { it: 'No', en: 'No' } },
];

const local = (text: I18nText | undefined, lang: Lang) => (text ? (lang === 'en' ? (text.en ?? text.it) : text.it) : '');

const WORDS = {
  it: { total: 'Totale (in alternativa alle celle)', entry: (label: string, n: number) => `${label} n. ${n}` },
  en: { total: 'Total (instead of the cells)', entry: (label: string, n: number) => `${label} no. ${n}` },
};

/** A row without its value: what the key is, as the person filling the sheet reads it. */
function rowOf(c: CompiledItem, type: ValueType, key: string, detail: string, lang: Lang): SheetRow {
  return {
    key,
    section: c.section,
    itemCode: c.code,
    label: local(c.item.label, lang),
    detail,
    type,
    unit: local(c.item.unit, lang),
    calculated: !!c.calculate,
    choices: type === 'yes_no' ? YES_NO : type === 'single_choice' || type === 'multiple_choice' ? (c.item.choices ?? []) : [],
    min: c.limits.min,
    max: c.limits.max,
    current: null,
  };
}

const cellDetail = (c: CompiledItem, path: string[], lang: Lang) => {
  if (c.item.type === 'table') {
    const row = c.item.rows?.find((r) => r.code === path[0]);
    const column = c.item.columns?.find((col) => col.code === path[1]);
    return `${local(row?.label, lang) || path[0]} – ${local(column?.label, lang) || path[1]}`;
  }
  return path.map((code, i) => local(c.entry.categories[i]?.options.find((o) => o.code === code)?.label, lang) || code).join(' – ');
};

const ROW_KEY = /^([A-Za-z][A-Za-z0-9_]*)\[(\d{1,6})\]\.([A-Za-z][A-Za-z0-9_]*)$/;

/** A repeat row key split in its parts ('soc_progetti[2].soc_prg_titolo' → repeat, entry 2, child), or null. */
export function splitRowKey(key: string): { repeat: string; n: number; child: string } | null {
  const m = ROW_KEY.exec(key);
  return m ? { repeat: m[1], n: Number(m[2]), child: m[3] } : null;
}

/**
 * The row of any key a file may carry: an item, a cell, or a child of a repeat's entry; null when the form
 * has no such key (a repeat's own code included: a repeat is filled entry by entry).
 */
export function rowOfKey(form: CompiledForm, key: string, lang: Lang): SheetRow | null {
  const known = form.keys.get(key);
  if (known) {
    if (known.item.item.type === 'repeat') return null;
    if (!known.cell) return rowOf(known.item, known.item.item.type as ValueType, key, known.item.cells.length ? WORDS[lang].total : '', lang);
    return rowOf(known.item, known.cell.type, key, cellDetail(known.item, known.cell.path, lang), lang);
  }
  const parts = splitRowKey(key);
  const repeat = parts ? form.items.get(parts.repeat) : undefined;
  const child = repeat?.children.find((x) => x.code === parts?.child);
  if (!parts || !repeat || !child || parts.n >= MAX_REPEAT_ENTRIES) return null;
  return rowOf(child, child.item.type as ValueType, key, WORDS[lang].entry(local(repeat.item.label, lang), parts.n + 1), lang);
}

/**
 * The rows of a section in form order with their values: plain items, then for a disaggregated item its
 * total and each cell, for a table each cell, for a repeating group each child of each stored entry and of
 * `blankEntries` more. Calculated items carry their computed value.
 */
export function sectionRows(
  form: CompiledForm,
  sectionCode: string,
  values: Record<string, unknown>,
  calculated: Record<string, unknown>,
  lang: Lang,
  blankEntries = BLANK_REPEAT_ENTRIES,
): SheetRow[] {
  const section = form.sections.find((s) => s.code === sectionCode);
  const rows: SheetRow[] = [];
  const storedOf = (c: CompiledItem, key: string) => (c.calculate ? (calculated[key] ?? null) : (values[key] ?? null));
  for (const c of section?.items ?? []) {
    if (c.item.type === 'repeat') {
      const stored = Array.isArray(values[c.code]) ? (values[c.code] as Record<string, unknown>[]) : [];
      for (let n = 0; n < stored.length + blankEntries; n++) {
        for (const child of c.children) {
          const key = rowKey(c.code, n, child.code);
          const row = rowOfKey(form, key, lang) as SheetRow;
          rows.push({ ...row, current: child.calculate ? (calculated[key] ?? null) : (stored[n]?.[child.code] ?? null) });
        }
      }
      continue;
    }
    if (c.item.type !== 'table') rows.push({ ...(rowOfKey(form, c.code, lang) as SheetRow), current: storedOf(c, c.code) });
    for (const cell of c.cells) rows.push({ ...(rowOfKey(form, cell.key, lang) as SheetRow), current: values[cell.key] ?? null });
  }
  return rows;
}

const TYPE_NAMES: Record<ValueType, { it: string; en: string }> = {
  integer: { it: 'Numero intero', en: 'Whole number' },
  decimal: { it: 'Numero', en: 'Number' },
  percentage: { it: 'Percentuale', en: 'Percentage' },
  text: { it: 'Testo', en: 'Text' },
  long_text: { it: 'Testo lungo', en: 'Long text' },
  single_choice: { it: 'Scelta singola', en: 'Single choice' },
  multiple_choice: { it: 'Scelta multipla', en: 'Multiple choice' },
  yes_no: { it: 'Sì/No', en: 'Yes/No' },
  date: { it: 'Data', en: 'Date' },
};

/** The type column: the value's type, or that the item is calculated and not to be filled. */
export function typeName(row: SheetRow, lang: Lang): string {
  if (row.calculated) return lang === 'en' ? 'Calculated: do not fill' : 'Calcolato: non compilare';
  return TYPE_NAMES[row.type][lang];
}

const numberText = (n: number, lang: Lang) => (lang === 'en' ? String(n) : String(n).replace('.', ','));

/** The allowed values column: options as "code = label", number limits, formats. */
export function allowedValues(row: SheetRow, lang: Lang): string {
  const en = lang === 'en';
  if (row.calculated) return '';
  if (row.choices.length) {
    const list = row.choices.map((o) => `${o.code} = ${local(o.label, lang)}`).join('; ');
    return row.type === 'multiple_choice' ? `${list} (${en ? 'one or more, separated by ;' : 'una o più, separate da ;'})` : list;
  }
  switch (row.type) {
    case 'integer':
    case 'decimal':
    case 'percentage': {
      const min = row.min ?? (row.type === 'decimal' ? undefined : 0);
      const max = row.max ?? (row.type === 'percentage' ? 100 : undefined);
      const whole = row.type === 'integer' ? (en ? 'whole number' : 'numero intero') : en ? 'number' : 'numero';
      if (min !== undefined && max !== undefined) return `${whole} ${en ? 'from' : 'da'} ${numberText(min, lang)} ${en ? 'to' : 'a'} ${numberText(max, lang)}`;
      if (min !== undefined) return `${whole} ${en ? 'from' : 'da'} ${numberText(min, lang)}`;
      if (max !== undefined) return `${whole} ${en ? 'up to' : 'fino a'} ${numberText(max, lang)}`;
      return whole;
    }
    case 'date':
      return en ? 'YYYY-MM-DD or DD/MM/YYYY' : 'AAAA-MM-GG o GG/MM/AAAA';
    case 'text':
      return en ? 'text, at most 2,000 characters' : 'testo, al massimo 2.000 caratteri';
    case 'long_text':
      return en ? 'text, at most 20,000 characters' : 'testo, al massimo 20.000 caratteri';
    default:
      return '';
  }
}

/**
 * A stored value as a cell shows it. In a workbook numbers stay numbers and options are shown by label
 * (the drop-down lists labels); in CSV options are written by code and decimals in the reader's notation.
 */
export function cellOf(row: SheetRow, raw: unknown, target: 'xlsx' | 'csv', lang: Lang): string | number | null {
  if (isBlank(raw)) return null;
  const optionText = (code: string) => {
    const o = row.choices.find((x) => x.code === code);
    return target === 'xlsx' && o ? local(o.label, lang) : code;
  };
  switch (row.type) {
    case 'integer':
    case 'decimal':
    case 'percentage': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      if (!Number.isFinite(n)) return String(raw);
      return target === 'xlsx' ? n : numberText(n, lang);
    }
    case 'yes_no':
    case 'single_choice':
      return optionText(String(raw));
    case 'multiple_choice':
      return Array.isArray(raw) ? raw.map((c) => optionText(String(c))).join('; ') : String(raw);
    default:
      return typeof raw === 'string' ? raw : JSON.stringify(raw);
  }
}

export type Parsed = { value: unknown } | { problem: { code: string; message: string } };

const NUMBER = /^-?(\d+([.,]\d+)?|[.,]\d+)$/;
const GROUPED = /^-?\d{1,3}([. ]\d{3})+(,\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const IT_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const pad = (s: string) => s.padStart(2, '0');

/**
 * Reads a cell (text of a CSV, or a workbook cell's number, boolean, date or text) as the value the form
 * engine takes; blank reads as null (the value is cleared). Options are found by code or by label in
 * either language; a number may have a decimal comma or point, never thousands separators. What is wrong
 * with the value itself beyond its shape (range, constraint, whole numbers, real dates) is the engine's call.
 */
export function parseCell(row: SheetRow, cell: unknown, lang: Lang): Parsed {
  const en = lang === 'en';
  if (cell === null || cell === undefined) return { value: null };
  if (cell instanceof Date) {
    if (row.type === 'date') return { value: cell.toISOString().slice(0, 10) };
    cell = cell.toISOString().slice(0, 10);
  }
  if (typeof cell === 'string' && cell.trim() === '') return { value: null };
  switch (row.type) {
    case 'integer':
    case 'decimal':
    case 'percentage': {
      if (typeof cell === 'number') return { value: cell };
      let text = String(cell).trim().replace(/\u00a0/g, ' ');
      if (row.type === 'percentage' && text.endsWith('%')) text = text.slice(0, -1).trim();
      if (NUMBER.test(text) && !(row.type === 'integer' && GROUPED.test(text))) return { value: Number(text.replace(',', '.')) };
      if (GROUPED.test(text)) {
        const plain = text.replace(/[. ]/g, '');
        return problem('bad_number', en ? `Write the number without thousands separators: ${plain}.` : `Scrivi il numero senza separatori delle migliaia: ${plain}.`);
      }
      return problem(
        'bad_number',
        en ? `Not a number: «${short(text)}». Write digits only, with a comma or point for decimals.` : `Non è un numero: «${short(text)}». Scrivi solo cifre, con la virgola o il punto per i decimali.`,
      );
    }
    case 'yes_no':
    case 'single_choice': {
      const text = typeof cell === 'boolean' ? (cell ? 'yes' : 'no') : String(cell);
      const code = optionCode(row, text);
      return code ? { value: code } : notListed(row, text, lang);
    }
    case 'multiple_choice': {
      const parts = String(cell)
        .split(/[;\n]/)
        .map((p) => p.trim())
        .filter(Boolean);
      const codes: string[] = [];
      for (const part of parts) {
        const code = optionCode(row, part);
        if (!code) return notListed(row, part, lang);
        codes.push(code);
      }
      return { value: codes.length ? codes : null };
    }
    case 'date': {
      const text = String(cell).trim();
      const iso = ISO_DATE.exec(text);
      if (iso) return { value: `${iso[1]}-${pad(iso[2])}-${pad(iso[3])}` };
      const it = IT_DATE.exec(text);
      if (it) return { value: `${it[3]}-${pad(it[2])}-${pad(it[1])}` };
      return problem('bad_date', en ? `Not a date: «${short(text)}». Write YYYY-MM-DD or DD/MM/YYYY.` : `Non è una data: «${short(text)}». Scrivi AAAA-MM-GG o GG/MM/AAAA.`);
    }
    default:
      return { value: typeof cell === 'string' ? cell : String(cell) };
  }
}

/** A stored value in the shape an upload produces, so the two compare equal when they mean the same. */
export function normalizeStored(row: SheetRow, raw: unknown): unknown {
  if (isBlank(raw)) return null;
  if (Array.isArray(raw) || typeof raw === 'number') return raw;
  const parsed = parseCell(row, raw, 'it');
  return 'value' in parsed ? parsed.value : raw;
}

function optionCode(row: SheetRow, text: string): string | null {
  const t = normal(text);
  const alias = row.type === 'yes_no' && (t === 'si' || t === 'true' || t === 'vero') ? 'yes' : row.type === 'yes_no' && (t === 'false' || t === 'falso') ? 'no' : null;
  if (alias) return alias;
  const byCode = row.choices.find((o) => normal(o.code) === t);
  if (byCode) return byCode.code;
  const byLabel = row.choices.find((o) => normal(o.label.it) === t || normal(o.label.en ?? '') === t);
  return byLabel?.code ?? null;
}

function notListed(row: SheetRow, text: string, lang: Lang): Parsed {
  const list = row.choices.map((o) => local(o.label, lang)).join(', ');
  return problem(
    'bad_choice',
    lang === 'en' ? `«${short(text)}» is not one of the allowed values: ${list}.` : `«${short(text)}» non è tra i valori ammessi: ${list}.`,
  );
}

const problem = (code: string, message: string): Parsed => ({ problem: { code, message } });
const short = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
const normal = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
