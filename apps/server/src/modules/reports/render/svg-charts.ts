import { type ChartBlock, chartOption, type MapBlock, mapOption } from '@mosaico/contracts/report-chart-options';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { FONT_FILES } from './report-fonts.ts';

/**
 * Server-side SVG of a report's charts and maps with ECharts' SSR renderer: the same options the web app draws,
 * as vector SVG for the PDF (svg-to-pdfkit) and, rasterised, for the DOCX.
 */

export interface SvgFigure {
  svg: string;
  width: number;
  height: number;
}

/** Width and height in points (1/72 in) — the PDF draws the SVG at this size, so text sizes stay true. */
export const CHART_SIZE = { width: 455, height: 260 };
export const MAP_SIZE = { width: 455, height: 360 };

function render(option: Record<string, unknown>, size: { width: number; height: number }): SvgFigure {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return { svg: chart.renderToSVGString(), ...size };
  } finally {
    chart.dispose();
  }
}

export function renderChartSvg(block: ChartBlock, fontFamily?: string): SvgFigure {
  const rows = block.chart === 'bar' && block.categories.length > 8 ? block.categories.length : 0;
  const height = rows > 0 ? Math.max(CHART_SIZE.height, 40 + rows * 22) : block.chart === 'pyramid' ? Math.max(CHART_SIZE.height, 60 + block.categories.length * 18) : CHART_SIZE.height;
  return render(chartOption(block, { fontFamily }), { width: CHART_SIZE.width, height });
}

let mapCounter = 0;
export function renderMapSvg(block: MapBlock, fontFamily?: string): SvgFigure {
  // A unique name per call: registerMap is global to the module, and two councils' maps may render concurrently.
  const name = `report-map-${process.pid}-${++mapCounter}`;
  echarts.registerMap(name, block.geojson as Parameters<typeof echarts.registerMap>[1]);
  try {
    return render(mapOption(block, name, { fontFamily }), MAP_SIZE);
  } finally {
    // ECharts keeps registered maps for the life of the process and has no unregisterMap: re-registering the
    // name with an empty collection frees the geometry, so a batch of 107 maps does not grow the heap.
    echarts.registerMap(name, { type: 'FeatureCollection', features: [] } as Parameters<typeof echarts.registerMap>[1]);
  }
}

const fontFiles = Object.values(FONT_FILES);
/** A PNG of the SVG at `scale`× (Word and LibreOffice show it where they cannot draw the SVG), Titillium Web embedded. */
export function svgToPng(fig: SvgFigure, scale = 2): Buffer {
  const resvg = new Resvg(fig.svg, {
    fitTo: { mode: 'width', value: Math.round(fig.width * scale) },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Titillium Web' },
    background: '#FFFFFF',
  });
  return resvg.render().asPng();
}
