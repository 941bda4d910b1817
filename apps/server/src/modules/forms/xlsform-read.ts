import type { ItemType } from '@mosaico/form-engine/definition';
import { convertExpression } from './xlsform-expressions.ts';
import { type Lang, languageOf, SHEET_ORDER, SHEETS, type SheetKey } from './xlsform-layout.ts';
import { SourceMap } from './xlsform-locate.ts';
import { type WorkbookProblem, xm } from './xlsform-messages.ts';
import { columnOf, openWorkbook, type Report, readSheet, type SheetRow, type SheetTable, sheetsByKey } from './xlsform-sheets.ts';
import { type ChoiceList, defined, type ExpressionSlot, readSurvey, textOf } from './xlsform-survey.ts';

type Obj = Record<string, unknown>;

export interface WorkbookRead {
  /** The definition as the workbook states it, not yet checked (the definition checks do that). */
  definition: Obj;
  /** What the reader found wrong, each where it is. */
  problems: WorkbookProblem[];
  /** Points a definition path at its sheet, row and column. */
  sources: SourceMap;
  /** Survey rows read as stand-ins for questions Mosaico has no type for: checks say nothing more of them. */
  standIns: Set<number>;
  /** True when the survey could not be read as a whole, so the definition checks would only add noise. */
  incomplete: boolean;
  /** The survey sheet's name as written. */
  surveySheet: string;
}

/** Problems are listed sheet by sheet in XLSForm's order (the file itself first), then by row. */
export function sheetRank(sheet: string | null): number {
  if (sheet === null) return -1;
  const i = SHEET_ORDER.findIndex((k) => SHEETS[k] === sheet.trim().toLowerCase());
  return i < 0 ? SHEET_ORDER.length : i;
}

const ALIAS_OPERATORS: Record<string, string> = { '==': '=', '<>': '!=' };

/**
 * Reads an XLSForm workbook (survey, choices, settings and Mosaico's categories, combinations and rules
 * sheets) into a form definition. Throws UnreadableWorkbook when the file is not a workbook; everything
 * else is collected as problems so that all of them are reported at once.
 */
export async function readXlsform(buf: Buffer): Promise<WorkbookRead> {
  const wb = await openWorkbook(buf);
  const problems: WorkbookProblem[] = [];
  const report: Report = (p) => problems.push(p as WorkbookProblem);
  const sheets = sheetsByKey(wb);

  // The settings name the default language, which tells what an unmarked `label` column is in.
  const settingsSheet = sheets.get('settings');
  const firstLook = settingsSheet ? readSheet(settingsSheet, 'settings', 'it', () => {}) : undefined;
  const languageText = firstLook?.rows[0]?.get('default_language').trim() ?? '';
  const defaultLang: Lang = (languageText && languageOf(languageText)) || 'it';

  const tables: Partial<Record<SheetKey, SheetTable>> = {};
  for (const [key, ws] of sheets) tables[key] = readSheet(ws, key, defaultLang, report);
  const sources = new SourceMap(tables);
  const at = (table: SheetTable, r: SheetRow, key: string) => {
    const { column, cell } = columnOf(table, key);
    return { sheet: table.name, row: r.row, column, ...(cell ? { cell: cell(r.row) } : {}) };
  };

  const settings = tables.settings;
  const values = settings?.rows[0];
  if (settings && values && languageText && !languageOf(languageText)) {
    report({ code: 'default_language', ...at(settings, values, 'default_language'), message: xm.defaultLanguage(languageText) });
  }
  for (const extra of settings?.rows.slice(1) ?? []) report({ code: 'settings_rows', sheet: settings?.name ?? 'settings', row: extra.row, column: null, message: xm.settingsRows() });
  sources.add('', 'settings', values?.row ?? 2, 'root');

  const survey = tables.survey;
  const surveySheet = survey?.name ?? 'survey';
  let incomplete = false;
  if (!survey) {
    report({ code: 'missing_survey', sheet: null, row: null, column: null, message: xm.missingSurvey(wb.worksheets.map((w) => w.name)) });
    incomplete = true;
  } else {
    for (const key of ['type', 'name']) {
      if (!survey.columns.has(key) && survey.rows.length) {
        report({ code: 'missing_column', sheet: survey.name, row: 1, column: key, message: xm.missingColumn(key) });
        incomplete = true;
      }
    }
    if (!survey.rows.length) {
      report({ code: 'survey_empty', sheet: survey.name, row: null, column: null, message: xm.surveyEmpty() });
      incomplete = true;
    }
  }
  const lists = readChoices(tables.choices, report);
  const read = survey && !incomplete ? readSurvey(survey, lists, sources, report) : { sections: [], slots: [], standIns: new Set<number>() };
  const categories = readCategories(tables.categories, sources, report);
  const combos = (tables.combinations?.rows ?? []).map((r, i) => {
    sources.add(`categoryCombos.${i}`, 'combinations', r.row, 'combo');
    const list = r.get('categories').trim();
    return defined({ code: r.get('name').trim(), label: textOf(r, 'label'), categories: list ? list.split(/[\s,;]+/) : [] });
  });
  const slots: ExpressionSlot[] = [...read.slots];
  const rules = (tables.rules?.rows ?? []).map((r, i) => {
    sources.add(`rules.${i}`, 'rules', r.row, 'rule');
    const operator = r.get('operator').trim();
    const strategy = r.get('missing_values').trim().toLowerCase();
    const rule = defined({
      code: r.get('name').trim(),
      left: r.get('left') || undefined,
      operator: ALIAS_OPERATORS[operator] ?? operator,
      right: r.get('right') || undefined,
      severity: r.get('severity').trim().toLowerCase(),
      message: textOf(r, 'message'),
      missingValueStrategy: strategy || undefined,
    });
    slots.push({ target: rule, property: 'left' }, { target: rule, property: 'right' });
    return rule;
  });

  const definition = defined({
    code: values?.get('form_id').trim() ?? '',
    title: values ? textOf(values, 'form_title') : undefined,
    description: values ? textOf(values, 'description') : undefined,
    categories,
    categoryCombos: combos,
    sections: read.sections,
    rules,
  });
  convertAll(read.sections, slots);
  problems.sort((a, b) => sheetRank(a.sheet) - sheetRank(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
  return { definition, problems, sources, standIns: read.standIns, incomplete, surveySheet };
}

/** Converts every expression once all item types are known (see convertExpression). */
function convertAll(sections: Obj[], slots: ExpressionSlot[]) {
  const types = new Map<string, ItemType>();
  const collect = (items: Obj[]) => {
    for (const item of items) {
      types.set(String(item.code), item.type as ItemType);
      if (Array.isArray(item.items)) collect(item.items as Obj[]);
    }
  };
  for (const s of sections) collect(s.items as Obj[]);
  for (const { target, property, selfType } of slots) {
    const v = target[property];
    if (typeof v === 'string') target[property] = convertExpression(v, (code) => types.get(code), property === 'constraint' ? selfType : undefined);
  }
}

function readChoices(table: SheetTable | undefined, report: Report): Map<string, ChoiceList> {
  const lists = new Map<string, ChoiceList>();
  if (!table) return lists;
  for (const key of ['list_name', 'name']) {
    if (!table.columns.has(key) && table.rows.length) report({ code: 'missing_column', sheet: table.name, row: 1, column: key, message: xm.missingColumn(key) });
  }
  for (const r of table.rows) {
    const list = r.get('list_name').trim();
    if (!list) {
      const { column, cell } = columnOf(table, 'list_name');
      report({ code: 'missing_list_name', sheet: table.name, row: r.row, column, ...(cell ? { cell: cell(r.row) } : {}), message: xm.missingListNameCell() });
      continue;
    }
    if (!lists.has(list)) lists.set(list, { options: [] });
    lists.get(list)?.options.push({ code: r.get('name').trim(), label: textOf(r, 'label'), row: r.row });
  }
  return lists;
}

/** The categories sheet: per category, one row without an option for its label, then one row per option. */
function readCategories(table: SheetTable | undefined, sources: SourceMap, report: Report): Obj[] {
  const categories = new Map<string, { index: number; labelRow: number | null; label: unknown; options: Obj[] }>();
  for (const r of table?.rows ?? []) {
    const code = r.get('category').trim();
    const option = r.get('option').trim();
    if (!table) continue;
    if (!code) {
      const { column, cell } = columnOf(table, 'category');
      report({ code: 'missing_category', sheet: table.name, row: r.row, column, ...(cell ? { cell: cell(r.row) } : {}), message: xm.missingCategory() });
      continue;
    }
    let c = categories.get(code);
    if (!c) {
      c = { index: categories.size, labelRow: null, label: undefined, options: [] };
      categories.set(code, c);
      sources.add(`categories.${c.index}`, 'categories', r.row, 'category');
    }
    if (!option) {
      if (c.labelRow !== null) {
        report({ code: 'repeated_category_label', sheet: table.name, row: r.row, column: columnOf(table, 'option').column, message: xm.repeatedCategoryLabel(c.labelRow) });
        continue;
      }
      c.labelRow = r.row;
      c.label = textOf(r, 'label');
      sources.add(`categories.${c.index}`, 'categories', r.row, 'category');
    } else {
      sources.add(`categories.${c.index}.options.${c.options.length}`, 'categories', r.row, 'categoryOption');
      c.options.push(defined({ code: option, label: textOf(r, 'label') }));
    }
  }
  return [...categories.entries()].map(([code, c]) => defined({ code, label: c.label, options: c.options }));
}
