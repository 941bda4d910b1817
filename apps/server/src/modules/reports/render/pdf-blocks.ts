import type { ReportDocument, ResolvedBlock } from '@mosaico/contracts/reports';
import SVGtoPDF from 'svg-to-pdfkit';
import { type NarrativeBlock, parseNarrative, type Run, runsText } from './narrative-html.ts';
import { BODY_SIZE, C, CONTENT_WIDTH, ensureSpace, F, heading, type Layout, measureRuns, PAGE, paragraph, type Struct, writeRuns, el } from './pdf-layout.ts';
import { drawTable } from './pdf-tables.ts';
import { FONT_FAMILY } from './report-fonts.ts';
import { hasFigureData, keyFigureRows, sourceEntries, sourceLine, tableCellText } from './report-format.ts';
import { renderChartSvg, renderMapSvg, type SvgFigure } from './svg-charts.ts';

/** Each kind of resolved block, and the narrative's HTML subset, laid out as tagged PDF content. */


function sourceNote(l: Layout, parent: Struct, doc: ReportDocument, indexes: number[]): void {
  const line = sourceLine(doc.snapshot.sources, indexes);
  if (line) paragraph(l, parent, [{ text: line }], { size: BODY_SIZE - 2, color: C.muted, italic: true, after: 10 });
}

/** A chart or map as vector SVG inside a Figure element with its alternative text and a caption. */
function figure(l: Layout, parent: Struct, title: string | null, fig: SvgFigure, alt: string): void {
  const { doc } = l;
  const scale = Math.min(1, CONTENT_WIDTH / fig.width);
  const w = fig.width * scale;
  const h = fig.height * scale;
  const x = PAGE.margins.left + (CONTENT_WIDTH - w) / 2;
  ensureSpace(l, h + 30);
  const y = doc.y;
  parent.add(
    el(doc, 'Figure', { alt, bbox: [x, y, x + w, y + h], placement: 'Block' }, () => {
      SVGtoPDF(doc, fig.svg, x, y, {
        width: w,
        height: h,
        assumePt: true,
        fontCallback: (_family: string, bold: boolean, italic: boolean) => (bold ? F.bold : italic ? F.italic : F.regular),
      });
    }),
  );
  doc.y = y + h + 10;
  if (title) {
    // The title as a paragraph after the figure: readers announce the Figure's Alt, then read this.
    parent.add(
      el(doc, 'P', {}, () => {
        doc.font(F.italic).fontSize(BODY_SIZE - 1.5).fillColor(C.muted).text(title, PAGE.margins.left, doc.y, { width: CONTENT_WIDTH, align: 'center' });
      }),
    );
  }
  doc.y += 2;
  doc.font(F.regular).fontSize(BODY_SIZE).fillColor(C.text);
}

/** Height a block needs right below its heading, so the heading is not left alone at a page's foot. */
export function keepHeight(block: ResolvedBlock): number {
  if (block.kind === 'chart') return renderHeightOfChart(block);
  if (block.kind === 'map') return 400;
  if (block.kind === 'table' || block.kind === 'key_figures') return 90;
  return 48;
}
function renderHeightOfChart(block: Extract<ResolvedBlock, { kind: 'chart' }>): number {
  const rows = block.chart === 'bar' && block.categories.length > 8 ? block.categories.length : 0;
  return (rows > 0 ? Math.max(260, 40 + rows * 22) : 260) + 36;
}

export function writeBlock(l: Layout, parent: Struct, block: ResolvedBlock, doc: ReportDocument): void {
  const title = 'title' in block ? block.title : null;
  // Charts and maps carry their title as a caption; other titled blocks get an H2.
  const titled = title && block.kind !== 'chart' && block.kind !== 'map';
  if (titled) heading(l, parent, 2, title, keepHeight(block));
  switch (block.kind) {
    case 'key_figures': {
      const { header, rows } = keyFigureRows(block, doc.snapshot.council.regionName);
      if (block.items.length === 0) {
        paragraph(l, parent, [{ text: 'Nessun dato disponibile.' }], { italic: true, color: C.muted });
        return;
      }
      drawTable(l, parent, {
        widths: [2.9, 1.6, 1.8, 1.5, 1.5],
        fontSize: BODY_SIZE - 0.5,
        headerRows: [header.map((text, i) => ({ text, header: true, scope: 'Column' as const, align: i === 0 ? ('left' as const) : ('right' as const) }))],
        rows: rows.map((r) => r.map((text, i) => (i === 0 ? { text, header: true, scope: 'Row' as const } : { text, align: 'right' as const, bold: i === 1 }))),
      });
      sourceNote(l, parent, doc, block.sources);
      return;
    }
    case 'table': {
      if (block.rows.length === 0) {
        paragraph(l, parent, [{ text: block.note ?? 'Nessun dato disponibile.' }], { italic: true, color: C.muted });
        return;
      }
      const widths = block.columns.map((c, i) => (i === 0 ? 2.2 : c.numeric ? 1.2 : 1.6));
      drawTable(l, parent, {
        widths,
        headerRows: [block.columns.map((c) => ({ text: c.unit && c.unit !== '%' ? `${c.label} (${c.unit})` : c.label, header: true, scope: 'Column' as const, align: c.numeric ? ('right' as const) : ('left' as const) }))],
        rows: block.rows.map((r) =>
          r.map((v, i) => {
            const col = block.columns[i] ?? { numeric: false, unit: null, decimals: 0 };
            const text = tableCellText(v, col);
            return i === 0 ? { text, header: true, scope: 'Row' as const } : { text, align: col.numeric ? ('right' as const) : ('left' as const) };
          }),
        ),
        note: block.note,
      });
      sourceNote(l, parent, doc, block.sources);
      return;
    }
    case 'chart':
    case 'map':
      if (!hasFigureData(block)) {
        // Nothing to draw: the title and the snapshot's explanation (its alt text) as text, not an empty frame.
        heading(l, parent, 3, block.title ?? 'Figura', 60);
        paragraph(l, parent, [{ text: block.alt }], { italic: true, color: C.muted });
        return;
      }
      if (block.kind === 'map') {
        figure(l, parent, block.title, renderMapSvg(block, FONT_FAMILY), block.alt);
        sourceNote(l, parent, doc, block.sources);
        return;
      }
      figure(l, parent, block.title, renderChartSvg(block, FONT_FAMILY), block.alt);
      sourceNote(l, parent, doc, block.sources);
      return;
    case 'texts': {
      if (block.groups.every((g) => g.entries.length === 0)) {
        paragraph(l, parent, [{ text: block.empty ?? 'Nessun contenuto.' }], { italic: true, color: C.muted });
        return;
      }
      for (const g of block.groups) {
        if (g.heading) heading(l, parent, 3, g.heading);
        for (const e of g.entries) {
          ensureSpace(l, 40);
          paragraph(l, parent, [{ text: e.label, bold: true }], { after: 1 });
          paragraph(l, parent, [{ text: e.text }]);
        }
      }
      return;
    }
    case 'narrative': {
      const html = doc.narratives[block.key] ?? '';
      const blocks = parseNarrative(html);
      if (blocks.length === 0) {
        paragraph(l, parent, [{ text: 'Sezione non ancora compilata.' }], { italic: true, color: C.muted });
        return;
      }
      writeNarrative(l, parent, blocks);
      return;
    }
    case 'sources': {
      const list = l.doc.struct('L');
      parent.add(list);
      for (const s of sourceEntries(doc.snapshot.sources)) {
        const runs: Run[] = [{ text: s.title, bold: true }, { text: '\n', lineBreak: true }, { text: s.detail }];
        if (s.url) runs.push({ text: '\n', lineBreak: true }, { text: s.url, href: s.url });
        listItem(l, list, '•', runs);
      }
      list.end();
      paragraph(l, parent, [{ text: 'I dati sono riprodotti senza modifiche; i valori provvisori sono indicati come tali. Le mappe usano i confini openpolis (CC BY 4.0).' }], { size: BODY_SIZE - 1, color: C.muted, italic: true });
      return;
    }
  }
}

function listItem(l: Layout, list: Struct, label: string, runs: Run[]): void {
  const { doc } = l;
  ensureSpace(l, Math.min(80, measureRuns(l, runs, { indent: 18 }) + 4));
  const li = doc.struct('LI');
  list.add(li);
  const y = doc.y;
  li.add(
    el(doc, 'Lbl', {}, () => {
      doc.font(F.regular).fontSize(BODY_SIZE).fillColor(C.primary).text(label, PAGE.margins.left + 4, y, { width: 14, lineBreak: false });
    }),
  );
  doc.y = y;
  const body = doc.struct('LBody');
  li.add(body);
  writeRuns(l, body, runs, { indent: 18, after: 4 });
  body.end();
  li.end();
}

/** Narrative blocks: h3/h4 become H3/H4, paragraphs P, lists L/LI, quotes BlockQuote, tables Table. */
export function writeNarrative(l: Layout, parent: Struct, blocks: NarrativeBlock[]): void {
  const { doc } = l;
  for (const b of blocks) {
    if (b.type === 'heading') heading(l, parent, b.level, runsText(b.runs));
    else if (b.type === 'paragraph') {
      if (b.quote) {
        const q = doc.struct('BlockQuote');
        parent.add(q);
        const y0 = doc.y;
        paragraph(l, q, b.runs, { indent: 16, italic: true, color: C.heading });
        q.end();
        doc.markContent('Artifact', { type: 'Layout' });
        doc
          .moveTo(PAGE.margins.left + 4, y0)
          .lineTo(PAGE.margins.left + 4, Math.max(y0, doc.y - 6))
          .lineWidth(2.5)
          .strokeColor(C.primary)
          .stroke();
        doc.endMarkedContent();
      } else paragraph(l, parent, b.runs, { align: 'left' });
    } else if (b.type === 'list') {
      const list = doc.struct('L');
      parent.add(list);
      for (const [i, item] of b.items.entries()) listItem(l, list, b.ordered ? `${i + 1}.` : '•', item);
      list.end();
      doc.y += 4;
    } else if (b.type === 'table') {
      const width = Math.max(...b.rows.map((r) => r.reduce((s, c) => s + c.colspan, 0)));
      drawTable(l, parent, {
        widths: Array.from({ length: width }, () => 1),
        caption: b.caption,
        headerRows: b.rows.slice(0, b.headerRows).map((r) => r.map((c) => ({ text: runsText(c.runs), header: true, scope: 'Column' as const, colspan: c.colspan }))),
        rows: b.rows.slice(b.headerRows).map((r) => r.map((c) => ({ text: runsText(c.runs), header: c.header, scope: c.header ? (c.scope === 'col' ? ('Column' as const) : ('Row' as const)) : undefined, colspan: c.colspan }))),
      });
    }
  }
}
