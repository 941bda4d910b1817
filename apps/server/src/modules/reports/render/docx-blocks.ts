import type { ReportDocument, ResolvedBlock } from '@mosaico/contracts/reports';
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type NarrativeBlock, parseNarrative, type Run, runsText } from './narrative-html.ts';
import { hasFigureData, keyFigureRows, sourceEntries, sourceLine, tableCellText } from './report-format.ts';
import { renderChartSvg, renderMapSvg, type SvgFigure, svgToPng } from './svg-charts.ts';

/** Each kind of resolved block, and the narrative's HTML subset, as Word paragraphs and tables. */

export type DocxChild = Paragraph | Table;
const HEAD_FILL = 'E5F0FA';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'C5C7C9' };
/** Content width of an A4 page with 2 cm margins, in pixels at 96 dpi (docx sizes images in pixels). */
const CONTENT_PX = 642;

export function runsToChildren(runs: Run[], base: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}): ParagraphChild[] {
  return runs.map((r) => {
    if (r.lineBreak) return new TextRun({ text: '', break: 1 });
    const run = new TextRun({ text: r.text, bold: r.bold || base.bold, italics: r.italic || base.italics, size: base.size, color: base.color, ...(r.href ? { style: 'Hyperlink' } : {}) });
    return r.href ? new ExternalHyperlink({ link: r.href, children: [run] }) : run;
  });
}

const para = (runs: Run[], opts: { style?: string; italics?: boolean; color?: string; size?: number } = {}) =>
  new Paragraph({ style: opts.style, children: runsToChildren(runs, { italics: opts.italics, color: opts.color, size: opts.size }) });

interface CellSpec {
  text: string;
  header?: boolean;
  bold?: boolean;
  right?: boolean;
  colspan?: number;
}

/** A table whose header rows repeat on every page (tblHeader) and never split a row across pages. */
export function table(headerRows: CellSpec[][], rows: CellSpec[][], caption?: string | null, widths?: number[]): DocxChild[] {
  const total = widths?.reduce((a, b) => a + b, 0) ?? 0;
  // Twips of a 16.4 cm text column, shared out in proportion.
  const columnWidths = widths?.map((w) => Math.round((w / total) * 9298));
  const cell = (c: CellSpec, head: boolean) =>
    new TableCell({
      columnSpan: c.colspan,
      shading: head ? { type: ShadingType.CLEAR, fill: HEAD_FILL, color: 'auto' } : undefined,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [new Paragraph({ alignment: c.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: c.text, bold: head || c.bold || c.header })] })],
    });
  const out: DocxChild[] = [];
  if (caption) out.push(new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(caption)] }));
  out.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths,
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
      rows: [
        ...headerRows.map((r) => new TableRow({ tableHeader: true, cantSplit: true, children: r.map((c) => cell(c, true)) })),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, false)) })),
      ],
    }),
  );
  return out;
}

function sourceNote(doc: ReportDocument, indexes: number[]): DocxChild[] {
  const line = sourceLine(doc.snapshot.sources, indexes);
  return line ? [new Paragraph({ style: 'SourceNote', children: [new TextRun(line)] })] : [];
}

let imageCounter = 0;
/** A chart or map: the SVG (vector where Word draws it) with a PNG fallback, alt text, and its title as caption. */
function figure(title: string | null, fig: SvgFigure, alt: string): DocxChild[] {
  const width = Math.min(CONTENT_PX, Math.round(fig.width * (96 / 72)));
  const height = Math.round((fig.height / fig.width) * width);
  const n = ++imageCounter;
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(fig.svg),
    fallback: { type: 'png', data: svgToPng(fig) },
    transformation: { width, height },
    altText: { name: `Figura ${n}`, title: title ?? `Figura ${n}`, description: alt },
  });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120 }, children: [image] }),
    ...(title ? [new Paragraph({ style: 'Caption', alignment: AlignmentType.CENTER, children: [new TextRun(title)] })] : []),
  ];
}

export function blockToDocx(block: ResolvedBlock, doc: ReportDocument): DocxChild[] {
  const title = 'title' in block ? block.title : null;
  const out: DocxChild[] = [];
  if (title && block.kind !== 'chart' && block.kind !== 'map') out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(title)] }));
  if ((block.kind === 'chart' || block.kind === 'map') && !hasFigureData(block)) {
    // Nothing to draw: the title and the snapshot's explanation (its alt text) as text.
    return [new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(block.title ?? 'Figura')] }), para([{ text: block.alt }], { italics: true })];
  }
  if ((block.kind === 'table' && block.rows.length === 0) || (block.kind === 'key_figures' && block.items.length === 0)) {
    out.push(para([{ text: (block.kind === 'table' ? block.note : null) ?? 'Nessun dato disponibile.' }], { italics: true }));
    return out;
  }
  switch (block.kind) {
    case 'key_figures': {
      const { header, rows } = keyFigureRows(block, doc.snapshot.council.regionName);
      out.push(
        ...table(
          [header.map((text, i) => ({ text, right: i > 0 }))],
          rows.map((r) => r.map((text, i) => ({ text, header: i === 0, bold: i === 1, right: i > 0 }))),
          null,
          [2.9, 1.6, 1.8, 1.5, 1.5],
        ),
      );
      out.push(...sourceNote(doc, block.sources));
      break;
    }
    case 'table': {
      out.push(
        ...table(
          [block.columns.map((c) => ({ text: c.unit && c.unit !== '%' ? `${c.label} (${c.unit})` : c.label, right: c.numeric }))],
          block.rows.map((r) => r.map((v, i) => ({ text: tableCellText(v, block.columns[i] ?? { numeric: false, unit: null, decimals: 0 }), header: i === 0, right: block.columns[i]?.numeric ?? false }))),
          null,
          block.columns.map((c, i) => (i === 0 ? 2.2 : c.numeric ? 1.2 : 1.6)),
        ),
      );
      if (block.note) out.push(new Paragraph({ style: 'SourceNote', children: [new TextRun(block.note)] }));
      out.push(...sourceNote(doc, block.sources));
      break;
    }
    case 'chart':
      out.push(...figure(block.title, renderChartSvg(block), block.alt), ...sourceNote(doc, block.sources));
      break;
    case 'map':
      out.push(...figure(block.title, renderMapSvg(block), block.alt), ...sourceNote(doc, block.sources));
      break;
    case 'texts':
      if (block.groups.every((g) => g.entries.length === 0)) out.push(para([{ text: block.empty ?? 'Nessun contenuto.' }], { italics: true }));
      for (const g of block.groups) {
        if (g.heading) out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(g.heading)] }));
        for (const e of g.entries) out.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: e.label, bold: true })] }), para([{ text: e.text }]));
      }
      break;
    case 'narrative': {
      const blocks = parseNarrative(doc.narratives[block.key] ?? '');
      if (blocks.length === 0) out.push(para([{ text: 'Sezione non ancora compilata.' }], { italics: true }));
      out.push(...narrativeToDocx(blocks));
      break;
    }
    case 'sources':
      for (const s of sourceEntries(doc.snapshot.sources)) {
        const runs: Run[] = [{ text: s.title, bold: true }, { text: '\n', lineBreak: true }, { text: s.detail }];
        if (s.url) runs.push({ text: '\n', lineBreak: true }, { text: s.url, href: s.url });
        out.push(new Paragraph({ bullet: { level: 0 }, children: runsToChildren(runs) }));
      }
      out.push(para([{ text: 'I dati sono riprodotti senza modifiche; i valori provvisori sono indicati come tali. Le mappe usano i confini openpolis (CC BY 4.0).' }], { italics: true }));
      break;
  }
  return out;
}

/** h3/h4 → Heading 3/4, p → paragraphs, lists → bullets or numbering, blockquote → Quote, tables with header rows. */
export function narrativeToDocx(blocks: NarrativeBlock[]): DocxChild[] {
  const out: DocxChild[] = [];
  let listInstance = 0;
  for (const b of blocks) {
    if (b.type === 'heading') out.push(new Paragraph({ heading: b.level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4, keepNext: true, children: runsToChildren(b.runs) }));
    else if (b.type === 'paragraph') out.push(b.quote ? para(b.runs, { style: 'Quote' }) : para(b.runs));
    else if (b.type === 'list') {
      listInstance++;
      for (const item of b.items) {
        out.push(new Paragraph({ ...(b.ordered ? { numbering: { reference: 'report-numbers', level: 0, instance: listInstance } } : { bullet: { level: 0 } }), children: runsToChildren(item) }));
      }
    } else if (b.type === 'table') {
      const cells = (r: (typeof b.rows)[number]) => r.map((c) => ({ text: runsText(c.runs), header: c.header, colspan: c.colspan > 1 ? c.colspan : undefined }));
      out.push(...table(b.rows.slice(0, b.headerRows).map(cells), b.rows.slice(b.headerRows).map(cells), b.caption));
    }
  }
  return out;
}
