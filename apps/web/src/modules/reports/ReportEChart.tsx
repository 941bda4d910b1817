// The full ECharts build: the shared options (packages/contracts/src/report-chart-options.ts) are the PDF's too and
// may use any chart or component, so every one is registered. This file is loaded only by pages that draw a report.
import { chartOption, mapOption } from '@mosaico/contracts/report-chart-options';
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';
import type { ChartBlock, MapBlock } from './blocks.ts';

export interface ReportEChartProps {
  block: ChartBlock | MapBlock;
  /** A name unique to the report and block: ECharts keeps registered maps by name. */
  mapName: string;
  /** The accessible name of the image (its figcaption says the same in full). */
  label: string;
  /** The id of the visible caption that describes the image in full. */
  describedBy?: string;
  height?: number;
}

/** A report chart or map drawn in SVG from the same options the PDF renderer uses. */
export default function ReportEChart({ block, mapName, label, describedBy, height = 380 }: ReportEChartProps) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const instance = echarts.init(node, undefined, { renderer: 'svg' });
    // Motion only for those who have not asked their system to reduce it.
    const opts = { fontFamily: 'Titillium Web, sans-serif', animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches };
    let option: echarts.EChartsCoreOption;
    if (block.kind === 'map') {
      echarts.registerMap(mapName, block.geojson as Parameters<typeof echarts.registerMap>[1]);
      option = mapOption(block, mapName, opts) as echarts.EChartsCoreOption;
    } else {
      option = chartOption(block, opts) as echarts.EChartsCoreOption;
    }
    // The figure's caption and table speak for the chart: ECharts' own aria description would repeat it.
    instance.setOption({ ...option, aria: { enabled: false } });
    // A resize may be delivered while the element leaves the page (a chart swapped for its table).
    const observer = new ResizeObserver(() => {
      if (!instance.isDisposed() && node.isConnected && node.clientWidth > 0) instance.resize();
    });
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
    };
  }, [block, mapName]);
  return <div ref={el} className={`report-echart report-echart-${block.kind}`} role="img" aria-label={label} aria-describedby={describedBy} style={{ height, width: '100%' }} />;
}
