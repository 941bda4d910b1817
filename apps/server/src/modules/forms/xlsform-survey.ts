import type { ItemType } from '@mosaico/form-engine/definition';
import type { Message } from '@mosaico/form-engine/text';
import { DISPLAY_APPEARANCES, YES_NO_LIST } from './xlsform-layout.ts';
import type { SourceMap } from './xlsform-locate.ts';
import { xm } from './xlsform-messages.ts';
import { columnOf, type Report, type SheetRow, type SheetTable } from './xlsform-sheets.ts';

type Obj = Record<string, unknown>;
export type I18n = { it?: string; en?: string };

/** A choices list as read: its options and the row each came from. */
export interface ChoiceList {
  options: { code: string; label: I18n | undefined; row: number }[];
}

/** An expression cell, converted once every item's type is known. */
export interface ExpressionSlot {
  target: Obj;
  property: string;
  selfType?: ItemType;
}

type Block = { kind: 'group' | 'repeat' | 'table'; row: number; type: string; name: string; items?: Obj[]; path?: string; columns?: Obj[]; ignored?: boolean };

const METADATA = new Set(['start', 'end', 'today', 'deviceid', 'subscriberid', 'simserial', 'phonenumber', 'username', 'email', 'audit', 'start-geopoint', 'background-audio']);
const QUESTION: Record<string, ItemType> = { integer: 'integer', int: 'integer', decimal: 'decimal', text: 'text', string: 'text', date: 'date', calculate: 'decimal' };
/** Survey columns each kind of row may fill; others must stay empty. */
const GROUP_COLUMNS = new Set(['type', 'name', 'label:it', 'label:en', 'hint:it', 'hint:en', 'kind', 'appearance']);
const TABLE_COLUMN_COLUMNS = new Set(['type', 'name', 'label:it', 'label:en', 'appearance']);
const END_COLUMNS = new Set(['type', 'name']);

/** Reads the language columns of a base name ("label" → { it, en }); undefined when both are empty. */
export function textOf(r: SheetRow, base: string): I18n | undefined {
  const it = r.get(`${base}:it`);
  const en = r.get(`${base}:en`);
  if (!it && !en) return undefined;
  return { ...(it ? { it } : {}), ...(en ? { en } : {}) };
}

/** "begin group", "begin_repeat", "select_one list", "select one list or_other"… */
function parseType(raw: string) {
  const tokens = raw.split(' ');
  const t0 = tokens[0].toLowerCase();
  const joined = /^(begin|end)_(group|repeat|table)$/.exec(t0);
  if (joined) return { edge: joined[1], block: joined[2], list: tokens[1], extra: tokens.slice(2) };
  if ((t0 === 'begin' || t0 === 'end') && /^(group|repeat|table)$/i.test(tokens[1] ?? '')) {
    return { edge: t0, block: tokens[1].toLowerCase(), list: tokens[2], extra: tokens.slice(3) };
  }
  if (t0 === 'select' && /^(one|multiple)$/i.test(tokens[1] ?? '')) return { base: `select_${tokens[1].toLowerCase()}`, list: tokens[2], extra: tokens.slice(3) };
  if (t0 === 'select_one' || t0 === 'select_multiple') return { base: t0, list: tokens[1], extra: tokens.slice(2) };
  return { base: t0, extra: tokens.slice(1) };
}

/**
 * Walks the survey sheet: groups become sections, repeats and tables blocks of items, every other row an
 * item. Structural faults are reported where they are and read past, so that one pass reports them all;
 * rows that cannot be read faithfully stand in as plain items (`standIns`) so references to them resolve.
 */
export function readSurvey(
  survey: SheetTable,
  lists: Map<string, ChoiceList>,
  sources: SourceMap,
  report: Report,
) {
  const sections: Obj[] = [];
  const slots: ExpressionSlot[] = [];
  const standIns = new Set<number>();
  const stack: Block[] = [];
  let orphans: Obj | null = null;
  const problem = (r: SheetRow, key: string, message: Message, code: string) => {
    const { column, cell } = columnOf(survey, key);
    report({ code, sheet: survey.name, row: r.row, column, ...(cell ? { cell: cell(r.row) } : {}), message });
  };
  const notClosed = (open: Block) => {
    const { column, cell } = columnOf(survey, 'type');
    report({ code: 'not_closed', sheet: survey.name, row: open.row, column, ...(cell ? { cell: cell(open.row) } : {}), message: xm.notClosed(open.type) });
  };
  const onlyColumns = (r: SheetRow, allowed: Set<string>, type: string) => {
    for (const key of survey.columns.keys()) if (!allowed.has(key) && r.get(key)) problem(r, key, xm.notForType(survey.columns.get(key)?.header ?? key, type), 'not_for_type');
  };
  const listOf = (r: SheetRow, name: string | undefined, type: string) => {
    if (!name) {
      problem(r, 'type', xm.missingListName(type), 'missing_list_name');
      return null;
    }
    const list = lists.get(name);
    if (!list) problem(r, 'type', xm.listNotFound(name), 'list_not_found');
    return list ?? null;
  };
  const optionsOf = (list: ChoiceList, path: string, field: 'choices' | 'rows') =>
    list.options.map((o, i) => {
      sources.add(`${path}.${field}.${i}`, 'choices', o.row, 'option');
      return defined({ code: o.code, label: o.label });
    });
  // Where an item goes: the innermost open block, or — outside any group — a stand-in section, reported.
  const parentOf = (r: SheetRow): { items: Obj[]; path: string } => {
    const top = [...stack].reverse().find((b) => !b.ignored && b.items);
    if (top?.items && top.path) return { items: top.items, path: top.path };
    if (!orphans) {
      problem(r, 'type', xm.outsideGroup(), 'outside_group');
      orphans = { code: `senza_gruppo_${r.row}`, title: { it: '—' }, kind: 'quantitative', items: [] };
      sources.add(`sections.${sections.length}`, 'survey', r.row, 'section');
      sections.push(orphans);
    }
    return { items: orphans.items as Obj[], path: `sections.${sections.length - 1}` };
  };
  const close = (r: SheetRow, block: string, name: string) => {
    let at = stack.length - 1;
    while (at >= 0 && stack[at].kind !== block) at--;
    if (at < 0) {
      problem(r, 'type', xm.endWithoutBegin(`end ${block}`), 'end_without_begin');
      return;
    }
    for (const open of stack.slice(at + 1)) notClosed(open);
    const closed = stack[at];
    stack.length = at;
    if (name && name !== closed.name) problem(r, 'name', xm.endNameMismatch(name, closed.name), 'end_name_mismatch');
    if (block === 'group' && !closed.ignored) orphans = null;
  };

  for (const r of survey.rows) {
    const rawType = r.get('type').trim().replace(/\s+/g, ' ');
    const name = r.get('name').trim();
    if (!rawType) {
      problem(r, 'type', xm.missingType(), 'missing_type');
      continue;
    }
    const t = parseType(rawType);
    const top = stack[stack.length - 1];
    if (t.edge === 'end') {
      onlyColumns(r, END_COLUMNS, rawType);
      close(r, t.block as string, name);
      continue;
    }
    if (t.edge === 'begin' && t.block === 'group') {
      onlyColumns(r, GROUP_COLUMNS, rawType);
      const inSection = stack.some((b) => b.kind === 'group');
      if (inSection || stack.length) {
        problem(r, 'type', top?.kind === 'group' ? xm.nestedGroup() : xm.groupInBlock(), 'nested_group');
        stack.push({ kind: 'group', row: r.row, type: rawType, name, ignored: true });
        continue;
      }
      orphans = null;
      const path = `sections.${sections.length}`;
      const kind = r.get('kind').trim().toLowerCase() || 'quantitative';
      if (kind !== 'quantitative' && kind !== 'evaluative') problem(r, 'kind', xm.sectionKind(), 'section_kind');
      readAppearance(r, rawType, null, (k, m, c) => problem(r, k, m, c));
      const section = defined({ code: name, kind, title: textOf(r, 'label'), description: textOf(r, 'hint'), items: [] as Obj[] });
      sources.add(path, 'survey', r.row, 'section');
      sections.push(section);
      stack.push({ kind: 'group', row: r.row, type: rawType, name, items: section.items as Obj[], path });
      continue;
    }
    if (top?.kind === 'table' && !top.ignored) {
      // Inside a table every row is one of its columns.
      onlyColumns(r, TABLE_COLUMN_COLUMNS, rawType);
      const columnType = tableColumnType(t, r, rawType, (k, m, c) => problem(r, k, m, c));
      const columns = top.columns as Obj[];
      sources.add(`${top.path}.columns.${columns.length}`, 'survey', r.row, 'column');
      columns.push({ code: name, label: textOf(r, 'label'), type: columnType ?? 'text' });
      if (t.edge === 'begin') stack.push({ kind: t.block as Block['kind'], row: r.row, type: rawType, name, ignored: true });
      continue;
    }
    const parent = parentOf(r);
    const path = `${parent.path}.items.${parent.items.length}`;
    let type: ItemType = 'text';
    const extra: Obj = {};
    if (t.edge === 'begin') {
      type = t.block === 'repeat' ? 'repeat' : 'table';
      readAppearance(r, rawType, null, (k, m, c) => problem(r, k, m, c));
      if (t.block === 'table') {
        const list = listOf(r, t.list, 'begin table');
        extra.rows = list ? optionsOf(list, path, 'rows') : undefined;
        extra.columns = [];
      } else extra.items = [];
      if (t.block === 'repeat' && t.list) problem(r, 'type', xm.unknownType(rawType), 'unknown_type');
    } else {
      const known = readQuestionType(t, r, rawType, lists, (k, m, c) => problem(r, k, m, c), listOf);
      if (!known) standIns.add(r.row);
      else {
        type = known.type;
        if (known.list) extra.choices = optionsOf(known.list, path, 'choices');
      }
    }
    if (r.get('kind')) problem(r, 'kind', xm.notForType(columnOf(survey, 'kind').column, rawType), 'not_for_type');
    const item = itemOf(r, type, extra, (k, m, c) => problem(r, k, m, c));
    for (const property of ['required', 'relevant', 'constraint', 'calculate']) {
      if (typeof item[property] === 'string') slots.push({ target: item, property, selfType: type });
    }
    sources.add(path, 'survey', r.row, 'item');
    parent.items.push(item);
    if (t.edge === 'begin') stack.push({ kind: t.block as Block['kind'], row: r.row, type: rawType, name, path, items: item.items as Obj[], columns: item.columns as Obj[] });
  }
  for (const open of stack) notClosed(open);
  return { sections, slots, standIns };
}

type Problem = (key: string, message: Message, code: string) => void;

/** The Mosaico type of a question row, or null (reported) when Mosaico has no such question. */
function readQuestionType(
  t: ReturnType<typeof parseType>,
  r: SheetRow,
  raw: string,
  lists: Map<string, ChoiceList>,
  problem: Problem,
  listOf: (r: SheetRow, name: string | undefined, type: string) => ChoiceList | null,
): { type: ItemType; list?: ChoiceList } | null {
  const base = t.base as string;
  if (base === 'select_one' || base === 'select_multiple') {
    if (t.extra.includes('or_other')) problem('type', xm.orOther(), 'or_other');
    else if (t.extra.length) problem('type', xm.unknownType(raw), 'unknown_type');
    const yesNo = base === 'select_one' && t.list === YES_NO_LIST && isYesNoList(lists.get(YES_NO_LIST));
    readAppearance(r, raw, null, problem);
    if (yesNo) return { type: 'yes_no' };
    const list = listOf(r, t.list, base);
    return { type: base === 'select_one' ? 'single_choice' : 'multiple_choice', ...(list ? { list } : {}) };
  }
  const type = QUESTION[base];
  if (!type || t.extra.length) {
    problem('type', base === 'note' ? xm.noteType() : METADATA.has(base) ? xm.metadataType(base) : xm.unknownType(raw), 'unknown_type');
    return null;
  }
  return { type: readAppearance(r, raw, type, problem) ?? type };
}

/** `select_one yes_no` is a yes/no question when the list is absent or holds exactly yes and no. */
function isYesNoList(list: ChoiceList | undefined): boolean {
  if (!list) return true;
  const codes = list.options.map((o) => o.code).sort();
  return codes.length === 2 && codes[0] === 'no' && codes[1] === 'yes';
}

/** multiline makes a text long; percentage makes a number a percentage; display hints are left aside. */
function readAppearance(r: SheetRow, raw: string, type: ItemType | null, problem: Problem): ItemType | null {
  let result: ItemType | null = null;
  for (const word of r.get('appearance').trim().split(/\s+/).filter(Boolean)) {
    const w = word.toLowerCase();
    if (w === 'multiline' && type === 'text') result = 'long_text';
    else if (w === 'percentage' && (type === 'integer' || type === 'decimal')) result = 'percentage';
    else if (!DISPLAY_APPEARANCES.has(w)) problem('appearance', xm.appearance(word, raw), 'appearance');
  }
  return result;
}

function tableColumnType(t: ReturnType<typeof parseType>, r: SheetRow, raw: string, problem: Problem): string | null {
  const base = t.base;
  if (base === 'select_one' && t.list === YES_NO_LIST && !t.extra.length) return 'yes_no';
  const type = base && !t.extra.length && !t.edge ? QUESTION[base] : undefined;
  if (!type || base === 'calculate' || type === 'date') {
    problem('type', xm.tableColumnType(raw), 'table_column_type');
    return null;
  }
  return readAppearance(r, raw, type, problem) ?? type;
}

/** Drops the properties that were not given, so the definition has only what the workbook says. */
export function defined<T extends Obj>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** yes/true/1 and no/false/0, as XLSForm writes them; anything else in `required` is an expression. */
export function flagOf(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['yes', 'true', 'true()', '1', 'sì', 'si'].includes(t)) return true;
  if (['no', 'false', 'false()', '0'].includes(t)) return false;
  return null;
}

function itemOf(r: SheetRow, type: ItemType, extra: Obj, problem: Problem): Obj {
  const required = r.get('required').trim();
  const flag = flagOf(required);
  const copy = r.get('copy_last_year').trim();
  const copyFlag = copy ? flagOf(copy) : undefined;
  if (copyFlag === null) problem('copy_last_year', xm.yesOrNo(), 'yes_or_no');
  const number = (key: string) => {
    const v = r.get(key).trim();
    if (!v) return undefined;
    const n = Number(v);
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v) || !Number.isFinite(n)) {
      problem(key, xm.notANumber(), 'not_a_number');
      return undefined;
    }
    return n;
  };
  return defined({
    code: r.get('name').trim(),
    type,
    label: textOf(r, 'label'),
    help: textOf(r, 'hint'),
    required: required ? (flag ?? required) : undefined,
    relevant: r.get('relevant') || undefined,
    constraint: r.get('constraint') || undefined,
    constraintMessage: textOf(r, 'constraint_message'),
    calculate: r.get('calculation') || undefined,
    unit: textOf(r, 'unit'),
    min: number('min'),
    max: number('max'),
    choices: extra.choices,
    disaggregation: r.get('disaggregation').trim() || undefined,
    rows: extra.rows,
    columns: extra.columns,
    items: extra.items,
    copyLastYear: copyFlag ?? undefined,
  });
}
