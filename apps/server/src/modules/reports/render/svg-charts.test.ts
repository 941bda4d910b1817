import { describe, expect, it } from 'vitest';
import { buildFixtureDocument } from './report-document.fixture.ts';
import { renderChartSvg, renderMapSvg, svgToPng } from './svg-charts.ts';

const doc = buildFixtureDocument('ITC45');
const blocks = doc.snapshot.chapters.flatMap((c) => c.blocks);

describe('server-side SVG of charts and maps', () => {
  it('draws the Lombardia choropleth with every province named, the legend classes and Milano outlined', () => {
    const map = blocks.find((b) => b.kind === 'map');
    if (map?.kind !== 'map') throw new Error('fixture without map');
    const { svg } = renderMapSvg(map);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const name of ['Milano', 'Bergamo', 'Sondrio', 'Monza e della Brianza']) expect(svg).toContain(`>${name}<`);
    expect(svg).toContain('14,7%'); // Milano's share, the top of the highest class
    expect(svg.toUpperCase()).toContain('#CC334D'); // the focus outline
  });

  it('draws a pyramid with males on the left and positive labels (test values)', () => {
    // Illustrative values for the layout only, not statistics.
    const { svg } = renderChartSvg({ kind: 'chart', key: 'p', title: 'Piramide', sources: [], chart: 'pyramid', categories: ['0-17', '18-39', '40-64', '65+'], series: [{ name: 'Maschi', values: [1200, 3400, 2100, 400] }, { name: 'Femmine', values: [1100, 3600, 2500, 600] }], unit: null, alt: 'Piramide di prova' });
    expect(svg).toContain('>3.400<');
    expect(svg).not.toContain('>-3.400<');
    expect(svg).not.toContain('>−3.400<');
    expect(svg).toContain('Maschi');
  });

  it('rasterises a chart to PNG with the embedded font for the DOCX fallback', () => {
    const chart = blocks.find((b) => b.kind === 'chart');
    if (chart?.kind !== 'chart') throw new Error('fixture without chart');
    const png = svgToPng(renderChartSvg(chart));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(910); // width: 455 pt at 2×
  });
});
