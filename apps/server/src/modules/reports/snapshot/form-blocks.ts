import type { ResolvedBlock } from '@mosaico/contracts/reports';
import type { CompiledItem } from '@mosaico/form-engine/compile-form';
import type { SnapshotContext } from './snapshot-context.ts';
import { pick, say, WORDS } from './snapshot-text.ts';

type Row = (string | number | null)[];
type Texts = Extract<ResolvedBlock, { kind: 'texts' }>;
type Table = Extract<ResolvedBlock, { kind: 'table' }>;

/** The monitoring form's section on the council's own work (meetings, groups, training, Migration Day). */
const ACTIVITY_SECTION = 'cons';
/** Contact people of a good practice: personal data that a published report does not print. */
const PERSONAL_ITEMS = new Set(['val_bp_contatto', 'val_bp_email']);

const NUMERIC = new Set(['integer', 'decimal', 'percentage']);

/** A row label with the unit a bare number would lack ("Quota di assegnazioni ERP a nuclei stranieri (%)"). */
function labelWithUnit(ctx: SnapshotContext, item: CompiledItem): string {
  const label = pick(item.item.label, ctx.lang);
  if (item.item.type === 'percentage') return `${label} (%)`;
  if (item.item.type === 'decimal' && item.item.unit) return `${label} (${pick(item.item.unit, ctx.lang)})`;
  return label;
}

/** The rows of a fixed table item: one per table row with anything filled, first numeric column as the value. */
function tableRows(ctx: SnapshotContext, item: CompiledItem): Row[] {
  const f = ctx.form;
  const out: Row[] = [];
  for (const r of item.item.rows ?? []) {
    const cells = (item.item.columns ?? []).map((c) => ({ c, raw: f.raw(`${item.code}.${r.code}.${c.code}`) }));
    if (cells.every((x) => x.raw === undefined || x.raw === null || x.raw === '')) continue;
    const main = cells.find((x) => NUMERIC.has(x.c.type) && typeof x.raw === 'number');
    const details = cells
      .filter((x) => x !== main)
      .flatMap((x) => {
        const t = f.text({ item: { ...item.item, type: x.c.type, unit: undefined } }, x.raw);
        return t ? [`${pick(x.c.label, ctx.lang)}: ${t}`] : [];
      });
    out.push([`${pick(item.item.label, ctx.lang)} – ${pick(r.label, ctx.lang)}${main ? ` (${pick(main.c.label, ctx.lang).toLowerCase()})` : ''}`, main ? (main.raw as number) : null, details.join('; ') || null]);
  }
  return out;
}

/** Items of the council's submission for the year, one row each (numbers stay numbers, answers written out). */
export function resolveFormItems(ctx: SnapshotContext, key: string, title: string, items: string[]): Table {
  const f = ctx.form;
  const columns = [
    { label: say(WORDS.item, ctx.lang), numeric: false, unit: null, decimals: 0 },
    { label: say(WORDS.value, ctx.lang), numeric: true, unit: null, decimals: 0 },
  ];
  if (!f.submission) return { kind: 'table', key, title, columns, rows: [], note: say(WORDS.noSubmission(ctx.year), ctx.lang), sources: [] };
  const rows: Row[] = [];
  const unknown: string[] = [];
  for (const code of items) {
    const item = f.item(code);
    if (!item || item.repeat !== null) {
      unknown.push(code);
      continue;
    }
    if (item.item.type === 'table') {
      for (const r of tableRows(ctx, item)) rows.push(r.slice(0, 2));
      continue;
    }
    const n = f.number(code);
    if (n !== null || NUMERIC.has(item.item.type)) rows.push([labelWithUnit(ctx, item), n]);
    else rows.push([labelWithUnit(ctx, item), f.text(item, f.raw(code))]);
  }
  // Decimal and percentage items keep their digits: the column shows as many as the most precise figure needs.
  const decimals = Math.max(0, ...rows.map((r) => (typeof r[1] === 'number' && !Number.isInteger(r[1]) ? Math.min(2, String(r[1]).split('.')[1]?.length ?? 0) : 0)));
  columns[1].decimals = decimals;
  const note = unknown.length
    ? ctx.lang === 'it'
      ? `Voci non presenti nella scheda di monitoraggio: ${unknown.join(', ')}.`
      : `Items not in the monitoring form: ${unknown.join(', ')}.`
    : null;
  return { kind: 'table', key, title, columns, rows, note, sources: [ctx.sources.add(f.sourceRef())] };
}

function emptyTexts(ctx: SnapshotContext, key: string, title: string | null, what: { it: string; en: string }): Texts {
  const empty = ctx.form.submission ? say(WORDS.nothingFilled(what), ctx.lang) : say(WORDS.noSubmission(ctx.year), ctx.lang);
  return { kind: 'texts', key, title, groups: [], empty, sources: [] };
}

/** The items of the form's evaluative sections (written by the council together, not by data providers). */
function evaluativeItems(ctx: SnapshotContext): CompiledItem[] {
  const form = ctx.form.form;
  if (!form) return [];
  const codes = new Set(form.definition.sections.filter((s) => s.kind === 'evaluative').map((s) => s.code));
  return form.sections.filter((s) => codes.has(s.code)).flatMap((s) => s.items);
}

/**
 * The evaluative section as the council wrote it: strengths, problems, priorities and proposals (with the areas
 * chosen), then how the section was approved. Repeating groups (good practices) have their own block.
 */
export function resolveEvaluation(ctx: SnapshotContext, key: string, title: string | null): ResolvedBlock {
  const what = { it: 'la sezione valutativa', en: 'the evaluative section' };
  const items = evaluativeItems(ctx);
  if (!ctx.form.submission || !items.length) return emptyTexts(ctx, key, title, what);
  const written: Texts['groups'][number]['entries'] = [];
  const approval: Texts['groups'][number]['entries'] = [];
  for (const item of items) {
    if (item.repeat !== null || item.item.type === 'repeat' || item.calculate) continue;
    const text = ctx.form.text(item, ctx.form.raw(item.code));
    if (!text) continue;
    const entry = { label: pick(item.item.label, ctx.lang), text };
    if (['long_text', 'text', 'single_choice', 'multiple_choice'].includes(item.item.type)) written.push(entry);
    else approval.push(entry);
  }
  if (!written.length && !approval.length) return emptyTexts(ctx, key, title, what);
  const groups = [
    ...(written.length ? [{ heading: null, entries: written }] : []),
    ...(approval.length ? [{ heading: ctx.lang === 'it' ? 'Approvazione della sezione' : 'Approval of the section', entries: approval }] : []),
  ];
  return { kind: 'texts', key, title, groups, empty: null, sources: [ctx.sources.add(ctx.form.sourceRef())] };
}

/** Each good practice of the submission: its title as heading, then description, area and promoter. */
export function resolveGoodPractices(ctx: SnapshotContext, key: string, title: string | null): ResolvedBlock {
  const repeats = evaluativeItems(ctx).filter((i) => i.item.type === 'repeat');
  const groups: Texts['groups'] = [];
  for (const repeat of repeats) {
    const children = repeat.item.items ?? [];
    const heading = children.find((c) => c.type === 'text');
    for (const row of ctx.form.rows(repeat.code)) {
      const entries = children
        .filter((c) => c !== heading && !PERSONAL_ITEMS.has(c.code))
        .flatMap((c) => {
          const text = ctx.form.text({ item: c }, row[c.code]);
          return text ? [{ label: pick(c.label, ctx.lang), text }] : [];
        });
      const h = heading ? ctx.form.text({ item: heading }, row[heading.code]) : null;
      if (h || entries.length) groups.push({ heading: h, entries });
    }
  }
  if (!groups.length) {
    const none = { it: `Nessuna buona pratica segnalata nella scheda di monitoraggio ${ctx.year}.`, en: `No good practice reported in the ${ctx.year} monitoring form.` };
    return { kind: 'texts', key, title, groups: [], empty: say(ctx.form.submission ? none : WORDS.noSubmission(ctx.year), ctx.lang), sources: [] };
  }
  return { kind: 'texts', key, title, groups, empty: null, sources: [ctx.sources.add(ctx.form.sourceRef())] };
}

/** The council's activity: meetings, working groups and their topics, training by topic, Migration Day. */
export function resolveActivities(ctx: SnapshotContext, key: string, title: string | null): ResolvedBlock {
  const items = ctx.form.form?.sections.find((s) => s.code === ACTIVITY_SECTION)?.items ?? [];
  const rows: Row[] = [];
  if (ctx.form.submission) {
    for (const item of items) {
      if (!ctx.form.relevant(item.code) || item.item.type === 'repeat') continue;
      if (item.item.type === 'table') {
        rows.push(...tableRows(ctx, item));
        continue;
      }
      // Totals calculated from the training table repeat its rows: left out.
      if (item.calculate) continue;
      const n = ctx.form.number(item.code);
      if (n !== null) rows.push([labelWithUnit(ctx, item), n, null]);
      else if (!NUMERIC.has(item.item.type)) {
        const text = ctx.form.text(item, ctx.form.raw(item.code));
        if (text) rows.push([labelWithUnit(ctx, item), null, text]);
      }
    }
  }
  if (!rows.length) return emptyTexts(ctx, key, title, { it: "la sezione sull'attività del Consiglio", en: "the section on the council's activity" });
  return {
    kind: 'table',
    key,
    title,
    columns: [
      { label: say(WORDS.item, ctx.lang), numeric: false, unit: null, decimals: 0 },
      { label: say(WORDS.value, ctx.lang), numeric: true, unit: null, decimals: 0 },
      { label: say(WORDS.details, ctx.lang), numeric: false, unit: null, decimals: 0 },
    ],
    rows,
    note: null,
    sources: [ctx.sources.add(ctx.form.sourceRef())],
  };
}
