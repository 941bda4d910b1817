import type { ReportDocument } from '@mosaico/contracts/reports';
import fs from 'node:fs';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import { blockToDocx, type DocxChild } from './docx-blocks.ts';
import { FONT_FAMILY, FONT_FILES } from './report-fonts.ts';
import { formatDateIt, STATUS_LABELS } from './report-format.ts';

/**
 * The report as a Word document a council can keep editing: real Heading 1–4 styles, a title page, a table of
 * contents field, tables with repeating header rows, figures with alt text, page numbers, language it-IT.
 * Reads the ReportDocument only.
 */
let embedded: { name: string; data: Buffer; bold: Buffer; italic: Buffer; boldItalic: Buffer } | null = null;
/** Titillium Web embedded in the file, so the document looks the same on a machine without the font. */
function embeddedFont() {
  embedded ??= {
    name: FONT_FAMILY,
    data: fs.readFileSync(FONT_FILES.regular),
    bold: fs.readFileSync(FONT_FILES.bold),
    italic: fs.readFileSync(FONT_FILES.italic),
    boldItalic: fs.readFileSync(FONT_FILES.boldItalic),
  };
  return embedded;
}

export async function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  const s = doc.snapshot;
  const published = doc.status === 'published';
  const body: DocxChild[] = [];
  for (const chapter of s.chapters) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, keepNext: true, children: [new TextRun(chapter.title)] }));
    for (const block of chapter.blocks) body.push(...blockToDocx(block, doc));
  }

  const file = new Document({
    creator: s.council.name,
    title: s.title,
    subject: `${s.subtitle} – ${s.council.provinceName}, ${s.council.regionName}`,
    description: `Monografia provinciale ${s.year}, ${s.council.name}`,
    keywords: `monografia provinciale, immigrazione, ${s.council.provinceName}, ${s.year}`,
    lastModifiedBy: 'Mosaico',
    features: { updateFields: true },
    fonts: [embeddedFont()],
    styles: {
      default: {
        document: { run: { font: FONT_FAMILY, size: 21, language: { value: 'it-IT' }, color: '1A1A1A' }, paragraph: { spacing: { after: 120, line: 288, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT_FAMILY, size: 40, bold: true, color: '003366' }, paragraph: { spacing: { before: 0, after: 240 } } },
        heading2: { run: { font: FONT_FAMILY, size: 30, bold: true, color: '17324D' }, paragraph: { spacing: { before: 320, after: 120 } } },
        heading3: { run: { font: FONT_FAMILY, size: 25, bold: true, color: '17324D' }, paragraph: { spacing: { before: 240, after: 80 } } },
        heading4: { run: { font: FONT_FAMILY, size: 22, bold: true, color: '17324D' }, paragraph: { spacing: { before: 200, after: 60 } } },
        title: { run: { font: FONT_FAMILY, size: 56, bold: true, color: '003366' }, paragraph: { spacing: { after: 240 } } },
        hyperlink: { run: { color: '0066CC', underline: { type: 'single' } } },
      },
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { italics: true, size: 19, color: '5C6F82' }, paragraph: { spacing: { before: 60, after: 60 } } },
        { id: 'SourceNote', name: 'Fonte', basedOn: 'Normal', next: 'Normal', run: { italics: true, size: 17, color: '5C6F82' }, paragraph: { spacing: { before: 40, after: 200 } } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', run: { italics: true, color: '17324D' }, paragraph: { indent: { left: 480 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: '0066CC', space: 8 } } } },
        { id: 'TocTitle', name: 'Titolo indice', basedOn: 'Normal', next: 'Normal', run: { size: 40, bold: true, color: '003366' }, paragraph: { spacing: { after: 240 } } },
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: 34, color: '17324D' }, paragraph: { spacing: { after: 480 } } },
      ],
    },
    numbering: {
      config: [{ reference: 'report-numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1304, right: 1304 } }, titlePage: true },
        headers: {
          default: new Header({ children: [new Paragraph({ style: 'SourceNote', children: [new TextRun(`${s.title}${published ? '' : ` — ${STATUS_LABELS[doc.status].toUpperCase()}`}`)] })] }),
          first: new Header({ children: [] }),
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ size: 17, color: '5C6F82', children: [`${s.council.name} · Pagina `, PageNumber.CURRENT, ' di ', PageNumber.TOTAL_PAGES] })] })],
          }),
          first: new Footer({ children: [] }),
        },
        children: [...titlePage(doc), new Paragraph({ style: 'TocTitle', pageBreakBefore: true, children: [new TextRun('Indice')] }), new TableOfContents('Indice', { hyperlink: true, headingStyleRange: '1-2' }), ...body],
      },
    ],
  });
  return Packer.toBuffer(file);
}

function titlePage(doc: ReportDocument): Paragraph[] {
  const s = doc.snapshot;
  const out = [
    new Paragraph({ spacing: { before: 1600 }, children: [new TextRun({ text: 'Consigli territoriali per l’immigrazione', color: '0066CC', size: 26 })] }),
    new Paragraph({ spacing: { after: 1200 }, children: [new TextRun({ text: `Regione ${s.council.regionName} · Provincia di ${s.council.provinceName}`, color: '17324D', size: 22 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(s.title)] }),
    new Paragraph({ style: 'Subtitle', children: [new TextRun(s.subtitle)] }),
    ...(s.subtitle !== s.council.name ? [new Paragraph({ children: [new TextRun({ text: s.council.name, bold: true, size: 26 })] })] : []),
    new Paragraph({ spacing: { after: 600 }, children: [new TextRun({ text: `Dati riferiti all’anno ${s.year}`, size: 24 })] }),
  ];
  if (doc.status !== 'published') {
    out.push(
      new Paragraph({
        border: { top: { style: BorderStyle.SINGLE, size: 12, color: 'CC334D', space: 6 }, bottom: { style: BorderStyle.SINGLE, size: 12, color: 'CC334D', space: 6 } },
        children: [new TextRun({ text: STATUS_LABELS[doc.status].toUpperCase(), bold: true, color: 'CC334D', size: 32 }), new TextRun({ text: `Documento non pubblicato: i contenuti possono cambiare. Versione ${doc.version}.`, break: 1, size: 20 })],
      }),
    );
  } else {
    out.push(new Paragraph({ children: [new TextRun({ text: `Pubblicata il ${formatDateIt(doc.publishedAt)} · versione ${doc.version}`, color: '17324D' })] }));
  }
  out.push(
    new Paragraph({
      spacing: { before: 2400 },
      children: [new TextRun({ text: `Generata dalla piattaforma Mosaico il ${formatDateIt(s.generatedAt)} con il modello «${s.template.name}» (versione ${s.template.version}).`, size: 17, color: '5C6F82' })],
    }),
  );
  return out;
}
