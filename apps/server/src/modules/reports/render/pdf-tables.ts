import { BODY_SIZE, C, CONTENT_WIDTH, type Doc, ensureSpace, F, type Layout, newPage, PAGE, spaceLeft, type Struct, el } from './pdf-layout.ts';

/**
 * Tagged tables for the report PDF: Table → THead/TBody → TR → TH (with Scope) / TD. Rows never split; a table
 * longer than the page continues on the next one with its header rows repeated as pagination artifacts, so a
 * screen reader reads the header once and a sighted reader sees it on every page.
 */

export interface TableCell {
  text: string;
  header?: boolean;
  scope?: 'Row' | 'Column';
  bold?: boolean;
  colspan?: number;
  align?: 'left' | 'right' | 'center';
}
export interface TableSpec {
  /** Relative widths of the columns. */
  widths: number[];
  headerRows: TableCell[][];
  rows: TableCell[][];
  caption?: string | null;
  note?: string | null;
  fontSize?: number;
}

const PAD_X = 5;
const PAD_Y = 4;

interface Geometry {
  xs: number[];
  ws: number[];
  size: number;
}

function geometry(spec: TableSpec): Geometry {
  const total = spec.widths.reduce((a, b) => a + b, 0);
  const ws = spec.widths.map((w) => (w / total) * CONTENT_WIDTH);
  const xs: number[] = [];
  let x = PAGE.margins.left;
  for (const w of ws) {
    xs.push(x);
    x += w;
  }
  return { xs, ws, size: spec.fontSize ?? BODY_SIZE - 1 };
}

function cellWidth(g: Geometry, col: number, span: number): number {
  return g.ws.slice(col, col + span).reduce((a, b) => a + b, 0);
}

function rowHeight(doc: Doc, g: Geometry, row: TableCell[]): number {
  let h = 0;
  let col = 0;
  for (const cell of row) {
    const span = cell.colspan ?? 1;
    doc.font(cell.header || cell.bold ? F.semibold : F.regular).fontSize(g.size);
    h = Math.max(h, doc.heightOfString(cell.text || ' ', { width: cellWidth(g, col, span) - 2 * PAD_X, lineGap: 1 }));
    col += span;
  }
  return h + 2 * PAD_Y;
}

/** Backgrounds and rules: decoration, drawn as artifacts. */
function drawRowBackground(doc: Doc, y: number, h: number, kind: 'head' | 'zebra' | 'plain'): void {
  doc.markContent('Artifact', { type: 'Layout' });
  if (kind !== 'plain') doc.rect(PAGE.margins.left, y, CONTENT_WIDTH, h).fill(kind === 'head' ? C.headBg : C.zebra);
  doc
    .moveTo(PAGE.margins.left, y + h)
    .lineTo(PAGE.margins.left + CONTENT_WIDTH, y + h)
    .lineWidth(kind === 'head' ? 1 : 0.4)
    .strokeColor(kind === 'head' ? C.primary : C.rule)
    .stroke();
  doc.endMarkedContent();
}

function drawCellText(doc: Doc, g: Geometry, col: number, y: number, cell: TableCell): void {
  const span = cell.colspan ?? 1;
  doc
    .font(cell.header || cell.bold ? F.semibold : F.regular)
    .fontSize(g.size)
    .fillColor(cell.header ? C.heading : C.text);
  doc.text(cell.text || ' ', g.xs[col] + PAD_X, y + PAD_Y, { width: cellWidth(g, col, span) - 2 * PAD_X, align: cell.align ?? 'left', lineGap: 1 });
}

/** Draws a row; with `tr` its cells become TH/TD elements, without (a repeated header) it is an artifact. */
function drawRow(l: Layout, g: Geometry, row: TableCell[], kind: 'head' | 'zebra' | 'plain', tr: Struct | null): void {
  const { doc } = l;
  const y = doc.y;
  const h = rowHeight(doc, g, row);
  drawRowBackground(doc, y, h, kind);
  let col = 0;
  if (!tr) doc.markContent('Artifact', { type: 'Pagination' });
  for (const cell of row) {
    const c = col;
    if (tr) {
      tr.add(el(doc, cell.header ? 'TH' : 'TD', cell.header ? { scope: cell.scope ?? 'Column' } : {}, () => drawCellText(doc, g, c, y, cell)));
    } else drawCellText(doc, g, c, y, cell);
    col += cell.colspan ?? 1;
  }
  if (!tr) doc.endMarkedContent();
  doc.y = y + h;
  doc.x = PAGE.margins.left;
}

/** A table under `parent`, with caption (above) and note (below). */
export function drawTable(l: Layout, parent: Struct, spec: TableSpec): void {
  const { doc } = l;
  const g = geometry(spec);
  const headH = spec.headerRows.reduce((s, r) => s + rowHeight(doc, g, r), 0);
  const firstRows = spec.rows.slice(0, 2).reduce((s, r) => s + rowHeight(doc, g, r), 0);
  doc.font(F.semibold).fontSize(BODY_SIZE - 0.5);
  const captionH = spec.caption ? doc.heightOfString(spec.caption, { width: CONTENT_WIDTH }) + 4 : 0;
  ensureSpace(l, captionH + headH + firstRows);
  const table = doc.struct('Table');
  parent.add(table);
  if (spec.caption) {
    const caption = spec.caption;
    table.add(
      el(doc, 'Caption', {}, () => {
        doc.font(F.semibold).fontSize(BODY_SIZE - 0.5).fillColor(C.heading).text(caption, PAGE.margins.left, doc.y, { width: CONTENT_WIDTH });
      }),
    );
    doc.y += 4;
  }
  if (spec.headerRows.length > 0) {
    const thead = doc.struct('THead');
    table.add(thead);
    for (const r of spec.headerRows) {
      const tr = doc.struct('TR');
      thead.add(tr);
      drawRow(l, g, r, 'head', tr);
      tr.end();
    }
    thead.end();
  }
  const tbody = doc.struct('TBody');
  table.add(tbody);
  spec.rows.forEach((r, i) => {
    const h = rowHeight(doc, g, r);
    if (spaceLeft(l) < h) {
      newPage(l);
      for (const hr of spec.headerRows) drawRow(l, g, hr, 'head', null);
    }
    const tr = doc.struct('TR');
    tbody.add(tr);
    drawRow(l, g, r, i % 2 === 1 ? 'zebra' : 'plain', tr);
    tr.end();
  });
  tbody.end();
  table.end();
  if (spec.note) {
    const note = spec.note;
    doc.y += 3;
    const p = el(doc, 'P', {}, () => {
      doc.font(F.italic).fontSize(BODY_SIZE - 2).fillColor(C.muted).text(note, PAGE.margins.left, doc.y, { width: CONTENT_WIDTH });
    });
    parent.add(p);
  }
  doc.y += 10;
  doc.font(F.regular).fontSize(BODY_SIZE).fillColor(C.text);
}
