import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureDocument } from './report-document.fixture.ts';
import { renderReportPdf } from './report-pdf.ts';

// poppler-utils (pdfinfo, pdftotext) are installed on developer machines and by .ci/run: the checks below read
// the PDF as an assistive technology or a text extractor would, not only its bytes.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaico-pdf-'));
function poppler(tool: 'pdfinfo' | 'pdftotext', args: string[], pdf: Buffer): string {
  const file = path.join(tmp, `r-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8', maxBuffer: 20 * 1024 * 1024 });
}

describe('renderReportPdf', () => {
  let pdf: Buffer;
  let latin1: string;
  beforeAll(async () => {
    pdf = await renderReportPdf(buildFixtureDocument('ITC45'));
    latin1 = pdf.toString('latin1');
  });

  it('is a tagged PDF 1.7 with language, title shown, PDF/UA identification and bookmarks', () => {
    expect(latin1.startsWith('%PDF-1.7')).toBe(true);
    expect(latin1).toContain('/StructTreeRoot');
    expect(latin1).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(latin1).toMatch(/\/Marked true/);
    expect(latin1).toContain('/Lang (it-IT)');
    expect(latin1).toMatch(/\/DisplayDocTitle true/);
    expect(latin1).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(latin1).toMatch(/\/Outlines \d+ 0 R/);
    const info = poppler('pdfinfo', [], pdf);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Monografia provinciale sull’immigrazione – Milano/);
    expect(info).toMatch(/Author:\s+Consiglio territoriale per l’immigrazione di Milano/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
  });

  it('embeds Titillium Web and no other font', () => {
    const fonts = [...latin1.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1].split('+')[1]);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.startsWith('TitilliumWeb'))).toBe(true);
    expect(latin1).toContain('/FontFile2');
  });

  it('has a structure tree of headings, sections, tables with scoped headers, lists, and figures with alt text', () => {
    const tree = poppler('pdfinfo', ['-struct-text'], pdf);
    const count = (tag: string) => tree.split('\n').filter((l) => l.trim().startsWith(tag)).length;
    expect(count('Document')).toBe(1);
    expect(count('Sect')).toBe(5);
    expect(count('H1')).toBeGreaterThanOrEqual(7); // cover title, contents, five chapters
    expect(count('H2')).toBeGreaterThanOrEqual(4);
    expect(count('Figure')).toBe(4);
    expect(count('TH')).toBeGreaterThan(20);
    expect(count('TOCI')).toBeGreaterThan(5);
    expect(count('LI')).toBeGreaterThan(3);
    expect(tree).toContain('/Scope /Column');
    expect(tree).toContain('/Scope /Row');
    // Every figure carries /Alt; the alt text is UTF-16 when it has accents, so count the keys.
    const figures = [...latin1.matchAll(/\/S \/Figure[^>]*?\/Alt [<(]/g)];
    expect(figures.length).toBe(4);
  });

  it('prints the real figures, the narrative and the sources as extractable text', () => {
    const text = poppler('pdftotext', ['-layout'], pdf);
    expect(text).toContain('475.171'); // foreign residents in the province of Milano, 1 January 2023 (Istat)
    expect(text).toContain('463.591');
    expect(text).toContain('+11.580 (+2,5%)');
    expect(text).toContain('14,7%');
    expect(text).toContain('Lombardia');
    expect(text).toContain('1.176.169');
    expect(text).toContain('Punti di attenzione');
    expect(text).toContain('la crescita degli iscritti dall’estero');
    expect(text).toContain('Stranieri ogni 100 residenti nelle province della regione Lombardia');
    expect(text).toContain('Licenza: CC BY 4.0');
    expect(text).toContain('Dati riferiti al 1 gennaio 2023');
    expect(text).toContain('BOZZA');
    expect(text).toMatch(/Pagina 3 di \d+/);
    // Charts are vector text, not pictures: the map's legend classes and the bar labels are text.
    expect(text).toMatch(/12,7% – 14,7%/);
    expect(latin1).not.toContain('/Subtype /Image');
  });

  it('repeats table headers on the next page and keeps headings with what follows', () => {
    const pages = poppler('pdftotext', ['-layout'], pdf).split('\f');
    const withHeader = pages.filter((p) => /Provincia\s+Stranieri residenti/.test(p));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const lines = page.split('\n').filter((l) => l.trim() !== '');
      // The last line of body text on a page is never a chapter or section heading (then the footer follows).
      const body = lines.slice(0, -1);
      const last = body[body.length - 1]?.trim() ?? '';
      expect(['Cifre chiave', 'Punti di attenzione', 'Considerazioni del Consiglio']).not.toContain(last);
    }
  });

  it('marks a published report as published and never as a draft', async () => {
    const published = await renderReportPdf(buildFixtureDocument('ITC45', { status: 'published', publishedAt: '2024-03-21T10:00:00Z' }));
    const text = poppler('pdftotext', [], published);
    expect(text).toContain('Pubblicata il 21 marzo 2024');
    expect(text).not.toContain('BOZZA');
  });

  it('lets no hostile narrative HTML reach the file', async () => {
    const hostile = buildFixtureDocument('ITC45', {
      narratives: {
        introduzione:
          '<p onclick="steal()">Testo <script>alert("x")</script><a href="javascript:alert(1)">collegamento</a> <a href="https://www.interno.gov.it/">Ministero</a><img src="x" onerror="alert(2)"><iframe src="https://evil.example/"></iframe><style>p{}</style></p>',
      },
    });
    const out = await renderReportPdf(hostile);
    const bytes = out.toString('latin1');
    const text = poppler('pdftotext', [], out);
    expect(text).toContain('Testo collegamento Ministero');
    expect(text).not.toContain('alert');
    expect(bytes).not.toMatch(/javascript/i);
    expect(bytes).not.toContain('/JavaScript');
    expect(bytes).not.toContain('evil.example');
    expect(bytes).not.toContain('steal');
    expect(bytes).toContain('/URI (https://www.interno.gov.it/)');
  });

  it('prints why a chart or table is empty instead of an empty frame', async () => {
    const doc = buildFixtureDocument('ITC45');
    doc.snapshot.chapters[2].blocks = [
      { kind: 'chart', key: 'piramide', title: 'Stranieri per classe di età e sesso', sources: [], chart: 'pyramid', categories: [], series: [{ name: 'Maschi', values: [] }, { name: 'Femmine', values: [] }], unit: null, alt: 'Il dato non è registrato sulla piattaforma.' },
      { kind: 'table', key: 'permessi', title: 'Permessi di soggiorno', sources: [], columns: [{ label: 'Voce', numeric: false, unit: null, decimals: 0 }], rows: [], note: 'La scheda di monitoraggio non è stata ancora compilata.' },
    ];
    const out = await renderReportPdf(doc);
    const text = poppler('pdftotext', [], out);
    expect(text).toContain('Il dato non è registrato sulla piattaforma.');
    expect(text).toContain('La scheda di monitoraggio non è stata ancora compilata.');
    expect([...out.toString('latin1').matchAll(/\/S \/Figure/g)]).toHaveLength(3);
  });
});
