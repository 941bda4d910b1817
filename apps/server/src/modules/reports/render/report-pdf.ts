import type { ReportDocument } from '@mosaico/contracts/reports';
import { writeBlock } from './pdf-blocks.ts';
import { BODY_SIZE, C, CONTENT_WIDTH, createPdf, drawPageFurniture, F, heading, type Layout, newPage, PAGE, paragraph, type Struct, el, collectPdf } from './pdf-layout.ts';
import { formatDateIt, STATUS_LABELS } from './report-format.ts';

/**
 * The report as a tagged PDF (PDF/UA-1 identification, PDF 1.7, Lang it-IT, title shown in the window bar):
 * cover, table of contents, one chapter per page run, figures as vector SVG with alternative text, page furniture
 * as artifacts and bookmarks from the headings. Reads the ReportDocument only.
 */
export async function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  const s = doc.snapshot;
  const l = createPdf({
    title: s.title,
    author: s.council.name,
    subject: `${s.subtitle} – ${s.council.provinceName}, ${s.council.regionName}`,
    keywords: `monografia provinciale, immigrazione, ${s.council.provinceName}, ${s.council.regionName}, ${s.year}`,
  });
  const done = collectPdf(l.doc);

  writeCover(l, doc);
  newPage(l);
  const tocPage = l.doc.bufferedPageRange().count - 1;
  heading(l, l.root, 1, 'Indice');
  const toc = l.doc.struct('TOC');
  l.root.add(toc);
  const tocTop = l.doc.y;

  for (const chapter of s.chapters) {
    newPage(l);
    const sect = el(l.doc, 'Sect', { title: chapter.title });
    l.root.add(sect);
    heading(l, sect, 1, chapter.title);
    for (const block of chapter.blocks) writeBlock(l, sect, block, doc);
    sect.end();
  }

  writeToc(l, toc, tocPage, tocTop);
  toc.end();
  const published = doc.status === 'published';
  drawPageFurniture(l, `${s.title}${published ? '' : ` — ${STATUS_LABELS[doc.status].toUpperCase()}`}`, `${s.council.name} · ${s.year}`);
  l.root.end();
  l.doc.end();
  return done;
}

function writeCover(l: Layout, report: ReportDocument): void {
  const { doc, root } = l;
  const s = report.snapshot;
  newPage(l);
  doc.markContent('Artifact', { type: 'Layout' });
  doc.rect(0, 0, PAGE.width, 250).fill(C.primary);
  doc.rect(0, 250, PAGE.width, 6).fill(C.primaryDark);
  doc.endMarkedContent();
  doc.y = 90;
  paragraph(l, root, [{ text: 'Consigli territoriali per l’immigrazione' }], { size: 13, color: '#FFFFFF', x: PAGE.margins.left, after: 2 });
  paragraph(l, root, [{ text: `Regione ${s.council.regionName} · Provincia di ${s.council.provinceName}` }], { size: 11, color: '#FFFFFF', after: 0 });
  doc.y = 300;
  const h1 = el(doc, 'H1', {}, () => {
    doc.font(F.bold).fontSize(30).fillColor(C.primaryDark).text(s.title, PAGE.margins.left, doc.y, { width: CONTENT_WIDTH, lineGap: 2 });
  });
  root.add(h1);
  doc.addNamedDestination('cover', 'XYZ', 0, PAGE.height, null);
  l.outline.addItem(s.title);
  doc.y += 10;
  paragraph(l, root, [{ text: s.subtitle }], { size: 18, color: C.heading, after: 24 });
  // The default template's subtitle is the council's name: print it once.
  if (s.subtitle !== s.council.name) paragraph(l, root, [{ text: s.council.name, bold: true }], { size: 13, color: C.text, after: 4 });
  paragraph(l, root, [{ text: `Dati riferiti all’anno ${s.year}` }], { size: 12, color: C.text, after: 30 });

  if (report.status !== 'published') {
    // The draft mark is content (it changes what the document is), so it is tagged text, not an artifact.
    const y = doc.y;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.roundedRect(PAGE.margins.left, y, CONTENT_WIDTH, 58, 4).lineWidth(2).strokeColor(C.draft).stroke();
    doc.endMarkedContent();
    doc.y = y + 10;
    paragraph(l, root, [{ text: STATUS_LABELS[report.status].toUpperCase(), bold: true }], { size: 16, color: C.draft, x: PAGE.margins.left + 14, width: CONTENT_WIDTH - 28, after: 1 });
    paragraph(l, root, [{ text: `Documento non pubblicato: i contenuti possono cambiare. Versione ${report.version}.` }], { size: 10, color: C.text, x: PAGE.margins.left + 14, width: CONTENT_WIDTH - 28, after: 0 });
    doc.y = y + 70;
  } else {
    paragraph(l, root, [{ text: `Pubblicata il ${formatDateIt(report.publishedAt)} · versione ${report.version}` }], { size: 11, color: C.heading });
  }

  doc.y = PAGE.height - 150;
  paragraph(l, root, [{ text: `Generata dalla piattaforma Mosaico il ${formatDateIt(s.generatedAt)} con il modello «${s.template.name}» (versione ${s.template.version}).` }], { size: 9, color: C.muted, after: 2 });
  paragraph(l, root, [{ text: 'Fonti dei dati: vedi il capitolo «Fonti e note». Testi e dati sono pubblicati con licenza CC BY 4.0 salvo diversa indicazione.' }], { size: 9, color: C.muted });
}

/** The contents page, drawn once every heading knows its page: TOCI entries linking to the headings. */
function writeToc(l: Layout, toc: Struct, tocPage: number, top: number): void {
  const { doc } = l;
  doc.switchToPage(doc.bufferedPageRange().start + tocPage);
  const entries = l.headings.filter((h) => h.title !== 'Indice');
  const withSub = entries.length <= 36 ? entries : entries.filter((h) => h.level === 1);
  doc.y = top;
  for (const h of withSub) {
    const indent = h.level === 1 ? 0 : 16;
    const size = h.level === 1 ? BODY_SIZE + 1 : BODY_SIZE;
    const font = h.level === 1 ? F.semibold : F.regular;
    if (h.level === 1) doc.y += 6;
    const y = doc.y;
    const item = doc.struct('TOCI');
    toc.add(item);
    const link = doc.struct('Link');
    item.add(link);
    const x = PAGE.margins.left + indent;
    const width = CONTENT_WIDTH - indent - 40;
    doc.font(font).fontSize(size);
    const fullWidth = doc.widthOfString(h.title);
    const textHeight = doc.heightOfString(h.title, { width, lineGap: 1 });
    const drawTitle = () => {
      doc.font(font).fontSize(size).fillColor(C.text).text(h.title, x, y, { width, lineGap: 1 });
    };
    link.add(drawTitle as never);
    doc.goTo(x, y, CONTENT_WIDTH - indent, textHeight, h.dest, { structParent: link, Contents: new String(`${h.title}, pagina ${h.page}`) } as never);
    link.end();
    const lastLineY = y + textHeight - doc.currentLineHeight(true) - 1;
    if (fullWidth <= width) {
      // Dot leaders only for one-line entries: decoration, so an artifact.
      doc.markContent('Artifact', { type: 'Layout' });
      doc.font(F.regular).fontSize(size).fillColor(C.rule);
      const dots = '.'.repeat(Math.max(0, Math.floor((CONTENT_WIDTH - indent - fullWidth - 48) / doc.widthOfString('.'))));
      doc.text(dots, x + fullWidth + 4, y, { lineBreak: false });
      doc.endMarkedContent();
    }
    item.add(
      el(doc, 'Reference', {}, () => {
        doc.font(font).fontSize(size).fillColor(C.text).text(String(h.page), PAGE.width - PAGE.margins.right - 36, fullWidth <= width ? y : lastLineY, { width: 36, align: 'right', lineBreak: false });
      }),
    );
    item.end();
    doc.y = y + textHeight + 7;
  }
}
