import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureDocument } from './report-document.fixture.ts';
import { renderReportDocx } from './report-docx.ts';

function unzip(buf: Buffer): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(buf));
}

describe('renderReportDocx', () => {
  let files: Record<string, Uint8Array>;
  let body: string;
  beforeAll(async () => {
    files = unzip(await renderReportDocx(buildFixtureDocument('ITC45')));
    body = strFromU8(files['word/document.xml']);
  });

  it('uses real heading styles, a title page and a table of contents field', () => {
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(body).toContain('<w:pStyle w:val="Heading2"/>');
    expect(body).toContain('<w:pStyle w:val="Heading3"/>');
    expect(body).toContain('<w:pStyle w:val="Title"/>');
    expect(body).toContain('TOC \\h \\o &quot;1-2&quot;');
    expect(body.match(/<w:pageBreakBefore\/>/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('has tables whose header row repeats on each page', () => {
    expect(body.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThanOrEqual(4);
    expect(body).toContain('<w:cantSplit/>');
  });

  it('holds the charts and the map as images with alternative text, SVG with a PNG fallback', () => {
    const descr = [...body.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]);
    expect(descr).toHaveLength(4);
    expect(descr.some((d) => d.startsWith('Grafico a linee: stranieri residenti nella provincia di Milano'))).toBe(true);
    expect(descr.some((d) => d.startsWith('Mappa delle province della regione Lombardia'))).toBe(true);
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(4);
    expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(4);
    const png = files[media.find((f) => f.endsWith('.png')) as string];
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });

  it('writes the figures, lists, links, page numbers and the Italian language', () => {
    expect(body).toContain('475.171');
    expect(body).toContain('+11.580 (+2,5%)');
    expect(body).toContain('<w:numPr>');
    expect(body).toContain('Punti di attenzione');
    const rels = strFromU8(files['word/_rels/document.xml.rels']);
    expect(rels).toContain('Target="https://www.istat.it/" TargetMode="External"');
    const styles = strFromU8(files['word/styles.xml']);
    expect(styles).toContain('<w:lang w:val="it-IT"/>');
    const footers = Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => strFromU8(files[f]));
    expect(footers.some((f) => f.includes('PAGE') && f.includes('NUMPAGES'))).toBe(true);
    const core = strFromU8(files['docProps/core.xml']);
    expect(core).toContain('<dc:title>Monografia provinciale sull’immigrazione – Milano</dc:title>');
    expect(Object.keys(files).some((f) => f.startsWith('word/fonts/'))).toBe(true);
  });

  it('lets no hostile narrative HTML reach the file', async () => {
    const out = unzip(
      await renderReportDocx(
        buildFixtureDocument('ITC45', {
          narratives: { introduzione: '<p>Testo<script>alert(1)</script> <a href="javascript:alert(2)" onclick="steal()">qui</a><img src=x onerror="alert(3)"></p><h1>Titolo</h1>' },
        }),
      ),
    );
    const xml = Object.entries(out)
      .filter(([f]) => f.endsWith('.xml') || f.endsWith('.rels'))
      .map(([, d]) => strFromU8(d))
      .join('\n');
    expect(xml).toContain('Testo');
    expect(xml).toContain('qui');
    expect(xml).not.toMatch(/javascript|alert|steal|onerror/i);
  });
});
