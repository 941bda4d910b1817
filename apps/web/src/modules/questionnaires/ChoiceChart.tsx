import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { escapeHtml } from '../../ui/echarts-map.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

const FONT = 'Titillium Web, sans-serif';

export interface Bar {
  label: string;
  count: number;
  percent: number;
}

/**
 * A horizontal bar per option (ECharts, SVG), with its count and share written at the end of the bar. The table
 * beside it carries the same figures for screen readers and for those who prefer numbers.
 */
export default function ChoiceChart({ bars, label, formatPercent }: { bars: Bar[]; label: string; formatPercent: (n: number) => string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const instance = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const node = el.current;
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
    // Bars top to bottom in the questionnaire's order: ECharts draws a category axis from the bottom.
    const ordered = [...bars].reverse();
    chart.current?.setOption(
      {
        aria: { enabled: false },
        animation: false,
        grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'item',
          textStyle: { fontFamily: FONT, color: '#1a1a1a' },
          formatter: (p: { dataIndex: number }) => {
            const b = ordered[p.dataIndex];
            return `${escapeHtml(b.label)}: ${b.count} (${escapeHtml(formatPercent(b.percent))})`;
          },
        },
        xAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily: FONT, color: '#1a1a1a', fontSize: 13 } },
        yAxis: { type: 'category', data: ordered.map((b) => b.label), axisLabel: { fontFamily: FONT, color: '#1a1a1a', fontSize: 13, width: 240, overflow: 'break', lineHeight: 15 } },
        series: [
          {
            type: 'bar',
            data: ordered.map((b) => b.count),
            itemStyle: { color: '#0066cc' },
            barMaxWidth: 28,
            label: { show: true, position: 'right', fontFamily: FONT, color: '#1a1a1a', fontSize: 13, formatter: (p: { dataIndex: number }) => `${ordered[p.dataIndex].count} (${formatPercent(ordered[p.dataIndex].percent)})` },
          },
        ],
      },
      { notMerge: true },
    );
  }, [bars, formatPercent]);

  return <div ref={el} className="choice-chart" role="img" aria-label={label} style={{ height: Math.max(120, bars.length * 52 + 32), width: '100%' }} />;
}
