import PDFDocument from 'pdfkit';
import type { Run } from './narrative-html.ts';
import { FONT_FILES } from './report-fonts.ts';

/**
 * Page layout and tagged text for the report PDF: fonts, colours, margins, headings (with bookmarks and
 * keep-with-next), paragraphs of styled runs with links, and the running header and footer as artifacts.
 */

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

/** Structure element options pdfkit supports but its type definitions lag behind on. */
export interface StructOptions {
  alt?: string;
  title?: string;
  lang?: string;
  scope?: 'Row' | 'Column' | 'Both';
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
}

/** A structure element; `draw` (run when it is attached) becomes its marked content. */
export function el(doc: Doc, type: string, options: StructOptions = {}, draw?: () => void): Struct {
  const make = doc.struct as unknown as (t: string, o: StructOptions, c?: (() => void) | null) => Struct;
  return make.call(doc, type, options, draw ?? null);
}

export const F = { regular: 'TitilliumWeb', italic: 'TitilliumWeb-Italic', semibold: 'TitilliumWeb-SemiBold', bold: 'TitilliumWeb-Bold', boldItalic: 'TitilliumWeb-BoldItalic', light: 'TitilliumWeb-Light' };

/** Bootstrap Italia colours; text ones ≥ 4.5:1 on white. */
export const C = { primary: '#0066CC', primaryDark: '#003366', text: '#1A1A1A', heading: '#17324D', muted: '#5C6F82', rule: '#C5C7C9', zebra: '#F2F7FC', headBg: '#E5F0FA', draft: '#CC334D' };

/** A4 in points, with generous margins and room for the running header and footer. */
export const PAGE = { width: 595.28, height: 841.89, margins: { top: 72, bottom: 72, left: 70, right: 70 } };
export const CONTENT_WIDTH = PAGE.width - PAGE.margins.left - PAGE.margins.right;
export const BODY_SIZE = 10.5;

export interface Layout {
  doc: Doc;
  /** The root structure element (Document). */
  root: Struct;
  /** Headings written so far, for the table of contents. */
  headings: { level: number; title: string; page: number; dest: string }[];
  outline: PDFKit.PDFOutline;
  chapterOutline: PDFKit.PDFOutline | null;
}

/** The bytes of a PDF document, once it has been ended (listen before writing: pdfkit streams as it goes). */
export function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export function createPdf(info: { title: string; author: string; subject: string; keywords: string }): Layout {
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE.margins,
    pdfVersion: '1.7',
    // PDF/UA-1 identification in the XMP metadata (pdfuaid:part 1).
    subset: 'PDF/UA' as PDFKit.PDFDocumentOptions['subset'],
    tagged: true,
    lang: 'it-IT',
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: info.title, Author: info.author, Subject: info.subject, Keywords: info.keywords, Creator: 'Mosaico', Producer: 'Mosaico (pdfkit)' },
  } as PDFKit.PDFDocumentOptions);
  for (const [k, file] of Object.entries(FONT_FILES)) doc.registerFont(F[k as keyof typeof F], file);
  doc.font(F.regular).fontSize(BODY_SIZE);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, root, headings: [], outline: doc.outline, chapterOutline: null };
}

export function newPage(l: Layout): void {
  l.doc.addPage({ size: 'A4', margins: PAGE.margins });
  l.doc.x = PAGE.margins.left;
}

/** Space left above the bottom margin. */
export function spaceLeft(l: Layout): number {
  return PAGE.height - PAGE.margins.bottom - l.doc.y;
}

/** Starts a new page unless `height` fits: keeps figures and rows whole and headings with what follows. */
export function ensureSpace(l: Layout, height: number): void {
  if (spaceLeft(l) < height) newPage(l);
}

let destCounter = 0;
const HEADING = {
  1: { font: F.bold, size: 22, before: 0, after: 14, color: C.primaryDark },
  2: { font: F.semibold, size: 15, before: 18, after: 8, color: C.heading },
  3: { font: F.semibold, size: 12.5, before: 12, after: 5, color: C.heading },
  4: { font: F.bold, size: 11, before: 10, after: 4, color: C.heading },
} as const;

/**
 * A heading Hn under `parent`, bookmarked (levels 1–2) and listed in the table of contents; `keepWith` is the
 * height of what must follow it on the same page (so a heading never ends a page).
 */
export function heading(l: Layout, parent: Struct, level: 1 | 2 | 3 | 4, title: string, keepWith = 48): void {
  const { doc } = l;
  const s = HEADING[level];
  doc.font(s.font).fontSize(s.size);
  const h = doc.heightOfString(title, { width: CONTENT_WIDTH, lineGap: 2 });
  if (level > 1) {
    if (doc.y > PAGE.margins.top + 1) doc.y += s.before;
    ensureSpace(l, h + s.after + keepWith);
  }
  const dest = `h${++destCounter}`;
  const page = doc.bufferedPageRange().start + doc.bufferedPageRange().count;
  doc.addNamedDestination(dest, 'XYZ', PAGE.margins.left, PAGE.height - doc.y, null);
  if (level === 1) {
    l.chapterOutline = l.outline.addItem(title);
    l.headings.push({ level, title, page, dest });
  } else if (level === 2) {
    (l.chapterOutline ?? l.outline).addItem(title);
    l.headings.push({ level, title, page, dest });
  }
  parent.add(
    el(doc, `H${level}`, {}, () => {
      doc.font(s.font).fontSize(s.size).fillColor(s.color).text(title, PAGE.margins.left, doc.y, { width: CONTENT_WIDTH, lineGap: 2 });
    }),
  );
  if (level === 1) {
    // A rule under chapter titles: decoration, so an artifact.
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .moveTo(PAGE.margins.left, doc.y + 4)
      .lineTo(PAGE.margins.left + 60, doc.y + 4)
      .lineWidth(3)
      .strokeColor(C.primary)
      .stroke();
    doc.endMarkedContent();
    doc.y += 8;
  }
  doc.y += s.after;
  doc.font(F.regular).fontSize(BODY_SIZE).fillColor(C.text);
}

function fontOf(r: Run, base: { bold?: boolean; italic?: boolean } = {}): string {
  const b = r.bold || base.bold;
  const i = r.italic || base.italic;
  return b && i ? F.boldItalic : b ? F.bold : i ? F.italic : F.regular;
}

export interface ParagraphStyle {
  size?: number;
  indent?: number;
  width?: number;
  x?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  align?: 'left' | 'right' | 'center' | 'justify';
  after?: number;
}

/** The height a paragraph of runs will take (for keep-together decisions). */
export function measureRuns(l: Layout, runs: Run[], style: ParagraphStyle = {}): number {
  const { doc } = l;
  doc.font(fontOf({ text: '' }, style)).fontSize(style.size ?? BODY_SIZE);
  return doc.heightOfString(runs.map((r) => r.text).join(''), { width: style.width ?? CONTENT_WIDTH - (style.indent ?? 0), lineGap: 2.5 });
}

/**
 * Writes runs as one flowing paragraph into `into` (a P, LI body, TD…): each run is marked content of that
 * element, links become Link elements holding their annotation. Flows across pages.
 */
export function writeRuns(l: Layout, into: Struct, runs: Run[], style: ParagraphStyle = {}): void {
  const { doc } = l;
  const x = (style.x ?? PAGE.margins.left) + (style.indent ?? 0);
  const width = style.width ?? CONTENT_WIDTH - (style.indent ?? 0);
  const size = style.size ?? BODY_SIZE;
  // A <br> ends a line: each line is its own chain of continued runs starting at the left edge.
  const lines: Run[][] = [[]];
  for (const r of runs) {
    if (r.lineBreak) lines.push([]);
    else lines[lines.length - 1].push(r);
  }
  for (const line of lines) {
    const parts = line.length > 0 ? line : [{ text: ' ' }];
    parts.forEach((r, i) => {
      const last = i === parts.length - 1;
      const opts = { width, lineGap: 2.5, continued: !last, align: style.align ?? 'left' } as PDFKit.Mixins.TextOptions;
      const draw = () => {
        doc
          .font(fontOf(r, style))
          .fontSize(size)
          .fillColor(r.href ? C.primary : (style.color ?? C.text));
        if (i === 0) doc.text(r.text, x, doc.y, { ...opts, ...(r.href ? { link: r.href, underline: true } : {}) });
        else doc.text(r.text, { ...opts, ...(r.href ? { link: r.href, underline: true } : { link: null as unknown as string, underline: false }) });
      };
      into.add(r.href ? el(doc, 'Link', { alt: r.href }, draw) : (draw as never));
    });
  }
  doc.x = PAGE.margins.left;
  doc.y += style.after ?? 6;
}

/** A paragraph element P under `parent`. */
export function paragraph(l: Layout, parent: Struct, runs: Run[], style: ParagraphStyle = {}): void {
  // At least two lines (or the whole of a short paragraph) on this page: no lone line at a page's foot.
  const twoLines = 2 * (l.doc.font(F.regular).fontSize(style.size ?? BODY_SIZE).currentLineHeight(true) + 2.5);
  ensureSpace(l, Math.min(measureRuns(l, runs, style), twoLines) + 1);
  const p = l.doc.struct('P');
  parent.add(p);
  writeRuns(l, p, runs, style);
  p.end();
}

/** Running header (report title) and footer (council · page n of N) on every page but the cover, as artifacts. */
export function drawPageFurniture(l: Layout, header: string, footer: string): void {
  const { doc } = l;
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Drawing inside the bottom margin must not make pdfkit break to a new page.
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] });
    doc.font(F.regular).fontSize(8.5).fillColor(C.muted);
    doc.text(header, PAGE.margins.left, 36, { width: CONTENT_WIDTH, lineBreak: false, ellipsis: true });
    doc
      .moveTo(PAGE.margins.left, 50)
      .lineTo(PAGE.width - PAGE.margins.right, 50)
      .lineWidth(0.5)
      .strokeColor(C.rule)
      .stroke();
    doc.endMarkedContent();
    doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
    doc
      .moveTo(PAGE.margins.left, PAGE.height - 52)
      .lineTo(PAGE.width - PAGE.margins.right, PAGE.height - 52)
      .lineWidth(0.5)
      .strokeColor(C.rule)
      .stroke();
    doc.font(F.regular).fontSize(8.5).fillColor(C.muted);
    doc.text(footer, PAGE.margins.left, PAGE.height - 46, { width: CONTENT_WIDTH - 90, lineBreak: false, ellipsis: true });
    doc.text(`Pagina ${i - range.start + 1} di ${total}`, PAGE.width - PAGE.margins.right - 90, PAGE.height - 46, { width: 90, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
