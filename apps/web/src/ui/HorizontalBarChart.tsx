import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { escapeHtml } from './echarts-map.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

const FONT = 'Titillium Web, sans-serif';
const INK = '#1a1a1a';

export interface HorizontalBar {
  /** The category, written on the left. */
  label: string;
  value: number;
  /** The figure written at the end of the bar and in its tooltip, e.g. "12 (40%)". */
  text: string;
}

/**
 * One horizontal bar per category, top to bottom in the given order (ECharts, SVG). The chart is an image with a
 * name: the table next to it carries the same figures for screen readers. Created once, then updated in place.
 */
export default function HorizontalBarChart({ bars, label, formatAxis, rowHeight = 40, className }: {
  bars: HorizontalBar[];
  label: string;
  formatAxis?: (v: number) => string;
  /** The height given to each bar's row, in pixels. */
  rowHeight?: number;
  className?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const instance = echarts.init(node, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      if (!instance.isDisposed() && node.isConnected && node.clientWidth > 0) instance.resize();
    });
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        aria: { enabled: false },
        animation: false,
        textStyle: { fontFamily: FONT, color: INK },
        grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'item',
          textStyle: { fontFamily: FONT, color: INK },
          formatter: (p: { dataIndex: number }) => `${escapeHtml(bars[p.dataIndex].label)}: ${escapeHtml(bars[p.dataIndex].text)}`,
        },
        xAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily: FONT, color: INK, fontSize: 13, ...(formatAxis ? { formatter: (v: number) => formatAxis(v) } : {}) } },
        yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisLabel: { fontFamily: FONT, color: INK, fontSize: 13, width: 240, overflow: 'break', lineHeight: 15 } },
        series: [
          {
            type: 'bar',
            data: bars.map((b) => b.value),
            itemStyle: { color: '#0066cc' },
            barMaxWidth: 28,
            label: { show: true, position: 'right', fontFamily: FONT, color: INK, fontSize: 13, formatter: (p: { dataIndex: number }) => bars[p.dataIndex].text },
          },
        ],
      },
      { notMerge: true },
    );
  }, [bars, formatAxis]);

  return <div ref={el} className={className} role="img" aria-label={label} style={{ height: Math.max(90, bars.length * rowHeight + 32), width: '100%' }} />;
}
