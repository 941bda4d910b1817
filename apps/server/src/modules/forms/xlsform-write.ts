import type { FormDefinition, I18nText, Item, Option, Section } from '@mosaico/form-engine/definition';
import ExcelJS from 'exceljs';
import { headerOf, keysOf, LANGUAGE_SUFFIX, type SheetKey, SHEET_ORDER, SHEETS, settingsHeader, YES_NO_LABELS, YES_NO_LIST } from './xlsform-layout.ts';

type Cells = Record<string, string | number | undefined>;

const WIDTH: Record<string, number> = { type: 26, name: 28, label: 48, hint: 56, message: 56, constraint_message: 40, left: 40, right: 40, relevant: 36, constraint: 36, calculation: 40 };
const NUMERIC = new Set(['min', 'max']);

/** { it, en } as the two language columns of a base name. */
function texts(base: string, t: I18nText | undefined): Cells {
  return t ? { [`${base}:it`]: t.it, [`${base}:en`]: t.en } : {};
}

const flag = (v: boolean | undefined) => (v === undefined ? undefined : v ? 'yes' : 'no');

/** The XLSForm type and appearance of an item (the list name for choices and tables is given). */
function typeOf(item: Item, list: string | undefined): { type: string; appearance?: string } {
  switch (item.type) {
    case 'percentage':
      return { type: 'decimal', appearance: 'percentage' };
    case 'long_text':
      return { type: 'text', appearance: 'multiline' };
    case 'single_choice':
      return { type: `select_one ${list}` };
    case 'multiple_choice':
      return { type: `select_multiple ${list}` };
    case 'yes_no':
      return { type: `select_one ${YES_NO_LIST}` };
    case 'table':
      return { type: `begin table ${list}` };
    case 'repeat':
      return { type: 'begin repeat' };
    default:
      return { type: item.type };
  }
}

/**
 * Lays a definition out as an XLSForm workbook that readXlsform reads back to the same definition:
 * sections as groups, tables as `begin table <rows list>` with one row per column, repeats as repeats,
 * choices and table rows as lists named after their item, and Mosaico's categories, combinations and
 * rules in sheets of their own.
 */
export function buildXlsform(def: FormDefinition, opts: { version?: number } = {}) {
  const rows: Record<SheetKey, Cells[]> = { survey: [], choices: [], settings: [], categories: [], combinations: [], rules: [] };
  const listNames = new Set<string>([YES_NO_LIST]);
  let yesNoUsed = false;
  const listFor = (item: Item, options: Option[]) => {
    let name = item.code;
    while (listNames.has(name)) name = `${name}_list`;
    listNames.add(name);
    for (const o of options) rows.choices.push({ list_name: name, name: o.code, ...texts('label', o.label) });
    return name;
  };
  const addItem = (item: Item) => {
    const options = item.type === 'table' ? item.rows : item.type === 'single_choice' || item.type === 'multiple_choice' ? item.choices : undefined;
    const list = options ? listFor(item, options) : undefined;
    if (item.type === 'yes_no') yesNoUsed = true;
    rows.survey.push({
      ...typeOf(item, list),
      name: item.code,
      ...texts('label', item.label),
      ...texts('hint', item.help),
      required: typeof item.required === 'string' ? item.required : flag(item.required),
      relevant: item.relevant,
      constraint: item.constraint,
      ...texts('constraint_message', item.constraintMessage),
      calculation: item.calculate,
      ...texts('unit', item.unit),
      min: item.min,
      max: item.max,
      disaggregation: item.disaggregation,
      copy_last_year: flag(item.copyLastYear),
    });
    if (item.type === 'table') {
      for (const c of item.columns ?? []) {
        if (c.type === 'yes_no') yesNoUsed = true;
        rows.survey.push({ ...typeOf({ ...c, type: c.type } as Item, undefined), name: c.code, ...texts('label', c.label) });
      }
      rows.survey.push({ type: 'end table', name: item.code });
    }
    if (item.type === 'repeat') {
      for (const child of item.items ?? []) addItem(child);
      rows.survey.push({ type: 'end repeat', name: item.code });
    }
  };
  const addSection = (s: Section) => {
    rows.survey.push({ type: 'begin group', name: s.code, ...texts('label', s.title), ...texts('hint', s.description), kind: s.kind });
    for (const item of s.items) addItem(item);
    rows.survey.push({ type: 'end group', name: s.code });
  };
  for (const s of def.sections) addSection(s);
  if (yesNoUsed) {
    for (const code of ['yes', 'no'] as const) rows.choices.push({ list_name: YES_NO_LIST, name: code, ...texts('label', YES_NO_LABELS[code]) });
  }
  rows.settings.push({
    form_id: def.code,
    ...texts('form_title', def.title),
    ...texts('description', def.description),
    version: opts.version === undefined ? undefined : String(opts.version),
    default_language: LANGUAGE_SUFFIX.it,
  });
  for (const c of def.categories) {
    rows.categories.push({ category: c.code, ...texts('label', c.label) });
    for (const o of c.options) rows.categories.push({ category: c.code, option: o.code, ...texts('label', o.label) });
  }
  for (const c of def.categoryCombos) rows.combinations.push({ name: c.code, categories: c.categories.join(' '), ...texts('label', c.label) });
  for (const r of def.rules) {
    rows.rules.push({
      name: r.code,
      left: r.left,
      operator: r.operator,
      right: r.right,
      severity: r.severity,
      ...texts('message', r.message),
      missing_values: r.missingValueStrategy,
    });
  }
  return rows;
}

/** The definition as an .xlsx workbook (see buildXlsform); `created` fixes the file's dates for reproducible files. */
export async function writeXlsform(def: FormDefinition, opts: { version?: number; created?: Date } = {}): Promise<Buffer> {
  const rows = buildXlsform(def, opts);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mosaico';
  wb.created = opts.created ?? new Date();
  wb.modified = wb.created;
  for (const key of SHEET_ORDER) {
    const ws = wb.addWorksheet(SHEETS[key], { views: [{ state: 'frozen', ySplit: 1 }] });
    const keys = keysOf(key);
    ws.columns = keys.map((k) => ({
      header: key === 'settings' ? settingsHeader(k) : headerOf(k),
      key: k,
      width: WIDTH[k.split(':')[0]] ?? 18,
      // Text format, so that Excel keeps codes such as 1-2 or 0017 as typed when the author edits them.
      style: NUMERIC.has(k) ? {} : { numFmt: '@' },
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows[key]) ws.addRow(Object.fromEntries(keys.map((k) => [k, r[k] ?? null])));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
