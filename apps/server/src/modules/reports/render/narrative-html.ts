import { Parser } from 'htmlparser2';

/**
 * The narrative HTML (NARRATIVE_TAGS) as a small tree both renderers lay out. The server sanitises narratives
 * when they are saved; this parser is the second gate: it keeps only the allowed subset, drops script-like
 * elements with their content, keeps only http(s)/mailto links and never carries an attribute other than
 * href, scope, colspan and rowspan, so nothing hostile can reach a PDF or DOCX.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
  /** A <br>: a line break inside the paragraph. */
  lineBreak?: boolean;
}
export interface NarrativeCell {
  header: boolean;
  scope: 'col' | 'row' | null;
  colspan: number;
  runs: Run[];
}
export type NarrativeBlock =
  | { type: 'heading'; level: 3 | 4; runs: Run[] }
  | { type: 'paragraph'; runs: Run[]; quote?: boolean }
  | { type: 'list'; ordered: boolean; items: Run[][] }
  | { type: 'table'; caption: string | null; headerRows: number; rows: NarrativeCell[][] };

/** Elements whose content is never text (dropped whole). */
const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math', 'textarea', 'select', 'head', 'title']);
const BLOCKS = new Set(['p', 'h3', 'h4', 'blockquote', 'li', 'caption', 'th', 'td']);

export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  const trimmed = href.trim();
  // Only absolute http(s) and mailto: never javascript:, data:, file: or relative paths.
  if (/^https?:\/\/[^\s<>"]+$/i.test(trimmed) || /^mailto:[^\s<>"]+$/i.test(trimmed)) return trimmed;
  return undefined;
}

/** Parses narrative HTML into blocks of the allowed subset. */
export function parseNarrative(html: string): NarrativeBlock[] {
  const blocks: NarrativeBlock[] = [];
  let runs: Run[] = [];
  let current: { tag: string } | null = null;
  let bold = 0;
  let italic = 0;
  let href: string | undefined;
  let dropDepth = 0;
  let list: { ordered: boolean; items: Run[][] } | null = null;
  let table: { caption: string | null; headerRows: number; rows: NarrativeCell[][]; inHead: boolean } | null = null;
  let row: NarrativeCell[] | null = null;
  let cell: { header: boolean; scope: 'col' | 'row' | null; colspan: number } | null = null;
  let quote = 0;

  const flushRuns = (): Run[] => {
    const out = normaliseRuns(runs);
    runs = [];
    return out;
  };
  const flushParagraph = () => {
    const r = flushRuns();
    if (r.length > 0) blocks.push({ type: 'paragraph', runs: r, ...(quote > 0 ? { quote: true } : {}) });
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (dropDepth > 0 || DROPPED.has(name)) {
          if (DROPPED.has(name)) dropDepth++;
          return;
        }
        if (name === 'strong' || name === 'b') bold++;
        else if (name === 'em' || name === 'i') italic++;
        else if (name === 'a') href = safeHref(attrs.href);
        else if (name === 'br') runs.push({ text: '\n', lineBreak: true });
        else if (name === 'ul' || name === 'ol') {
          flushParagraph();
          list = { ordered: name === 'ol', items: [] };
        } else if (name === 'table') {
          flushParagraph();
          table = { caption: null, headerRows: 0, rows: [], inHead: false };
        } else if (name === 'thead' && table) table.inHead = true;
        else if (name === 'tr' && table) row = [];
        else if ((name === 'th' || name === 'td') && row) {
          runs = [];
          const scope = attrs.scope === 'row' || attrs.scope === 'col' ? attrs.scope : name === 'th' ? 'col' : null;
          cell = { header: name === 'th', scope, colspan: Math.min(20, Math.max(1, Number.parseInt(attrs.colspan ?? '1', 10) || 1)) };
        } else if (name === 'blockquote') {
          flushParagraph();
          quote++;
        } else if (BLOCKS.has(name)) {
          if (!cell && !(list && name !== 'li')) flushParagraph();
          current = { tag: name };
        }
      },
      ontext(text) {
        if (dropDepth > 0) return;
        if (!current && !cell && !list && !table && text.trim() === '') return;
        runs.push({ text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}), ...(href ? { href } : {}) });
      },
      onclosetag(name) {
        if (DROPPED.has(name) && dropDepth > 0) {
          dropDepth--;
          return;
        }
        if (dropDepth > 0) return;
        if (name === 'strong' || name === 'b') bold = Math.max(0, bold - 1);
        else if (name === 'em' || name === 'i') italic = Math.max(0, italic - 1);
        else if (name === 'a') href = undefined;
        else if (name === 'h3' || name === 'h4') {
          const r = flushRuns();
          if (r.length > 0) blocks.push({ type: 'heading', level: name === 'h3' ? 3 : 4, runs: r });
          current = null;
        } else if (name === 'li' && list) {
          const r = flushRuns();
          if (r.length > 0) list.items.push(r);
          current = null;
        } else if ((name === 'ul' || name === 'ol') && list) {
          const r = flushRuns();
          if (r.length > 0) list.items.push(r);
          if (list.items.length > 0) blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
          list = null;
        } else if (name === 'caption' && table) {
          table.caption = flushRuns()
            .map((r) => r.text)
            .join('')
            .trim();
          current = null;
        } else if ((name === 'th' || name === 'td') && row && cell) {
          row.push({ ...cell, runs: flushRuns() });
          cell = null;
        } else if (name === 'tr' && table && row) {
          if (row.length > 0) {
            table.rows.push(row);
            if (table.inHead || (table.rows.length === table.headerRows + 1 && row.every((c) => c.header))) table.headerRows++;
          }
          row = null;
        } else if (name === 'thead' && table) table.inHead = false;
        else if (name === 'table' && table) {
          if (table.rows.length > 0) blocks.push({ type: 'table', caption: table.caption, headerRows: table.headerRows, rows: table.rows });
          table = null;
          runs = [];
        } else if (name === 'blockquote') {
          flushParagraph();
          quote = Math.max(0, quote - 1);
        } else if (name === 'p') {
          if (!cell && !list) flushParagraph();
          current = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flushParagraph();
  return blocks;
}

/** Collapses whitespace as a browser would, merging neighbouring runs of the same style. */
function normaliseRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const text = r.lineBreak ? '\n' : r.text.replace(/\s+/g, ' ');
    if (text === '') continue;
    const prev = out[out.length - 1];
    if (prev && !prev.lineBreak && !r.lineBreak && prev.bold === r.bold && prev.italic === r.italic && prev.href === r.href) prev.text += text;
    else out.push({ ...r, text });
  }
  if (out.length > 0 && !out[0].lineBreak) out[0].text = out[0].text.replace(/^ /, '');
  const last = out[out.length - 1];
  if (last && !last.lineBreak) last.text = last.text.replace(/ $/, '');
  return out.filter((r) => r.text !== '' || r.lineBreak);
}

/** The plain text of runs (for alt text, captions and tests). */
export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}
