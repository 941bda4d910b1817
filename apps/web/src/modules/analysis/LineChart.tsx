import { LineChart as ELineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { escapeHtml } from '../../ui/echarts-map.ts';

echarts.use([ELineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface LineSeries {
  name: string;
  values: (number | null)[];
}

export interface LineChartProps {
  /** The x axis: periods, oldest first. */
  periods: string[];
  series: LineSeries[];
  /** What the chart shows, for screen readers (its table is the accessible equivalent). */
  label: string;
  format: (v: number) => string;
  height?: number;
  /** A small chart without axes' names or legend (dashboard cards). */
  compact?: boolean;
}

// Lines differ by colour, dash and marker, so they stay apart in grey print and for colour-blind readers.
export const LINE_STYLES = [
  { color: '#0066cc', type: 'solid', symbol: 'circle' },
  { color: '#cc334d', type: 'dashed', symbol: 'triangle' },
  { color: '#1a1a1a', type: 'dotted', symbol: 'rect' },
] as const;

const FONT = 'Titillium Web, sans-serif';

/** A line chart (ECharts, SVG) of one or more series over the periods. */
export default function LineChart({ periods, series, label, format, height = 320, compact }: LineChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const instance = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const node = el.current;
    // A resize may be delivered while the element leaves the page (a chart swapped for its table).
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
        grid: compact ? { left: 4, right: 8, top: 8, bottom: 4, containLabel: true } : { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
        legend: compact ? { show: false } : { top: 0, left: 0, textStyle: { fontFamily: FONT, color: '#1a1a1a', fontSize: 14 } },
        tooltip: {
          trigger: 'axis',
          textStyle: { fontFamily: FONT, color: '#1a1a1a' },
          formatter: (items: { seriesName: string; axisValue: string; value: number | null }[]) =>
            [`<strong>${escapeHtml(items[0]?.axisValue ?? '')}</strong>`, ...items.map((i) => `${escapeHtml(i.seriesName)}: ${i.value == null ? '—' : escapeHtml(format(i.value))}`)].join('<br/>'),
        },
        xAxis: { type: 'category', data: periods, boundaryGap: false, axisLabel: { margin: 12, fontFamily: FONT, color: '#1a1a1a', fontSize: compact ? 11 : 13 } },
        yAxis: {
          type: 'value',
          scale: true,
          splitNumber: compact ? 2 : 5,
          axisLabel: { fontFamily: FONT, color: '#1a1a1a', fontSize: compact ? 11 : 13, formatter: (v: number) => format(v) },
        },
        series: series.map((s, i) => {
          const style = LINE_STYLES[i % LINE_STYLES.length];
          return {
            type: 'line',
            name: s.name,
            data: s.values,
            connectNulls: false,
            symbol: style.symbol,
            symbolSize: compact ? 5 : 8,
            lineStyle: { color: style.color, type: style.type, width: compact ? 2 : 2.5 },
            itemStyle: { color: style.color },
          };
        }),
      },
      { notMerge: true },
    );
  }, [periods, series, format, compact]);

  return <div ref={el} className="line-chart" role="img" aria-label={label} style={{ height, width: '100%' }} />;
}
