import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface TargetBarChartProps {
  /** Region names, top to bottom. */
  categories: string[];
  values: number[];
  /** The accessible name of the image; the table next to it is the data alternative. */
  label: string;
  format: (v: number) => string;
}

/** Progress per region as horizontal bars (ECharts, SVG). */
export default function TargetBarChart({ categories, values, label, format }: TargetBarChartProps) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const instance = echarts.init(node, undefined, { renderer: 'svg' });
    instance.setOption({
      aria: { enabled: false },
      animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
      textStyle: { fontFamily: 'Titillium Web, sans-serif', color: '#1a1a1a' },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', valueFormatter: (v: number) => format(v) },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => format(v) } },
      yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { color: '#1a1a1a' } },
      series: [{ type: 'bar', data: values, barMaxWidth: 22, itemStyle: { color: '#0066cc' }, label: { show: true, position: 'right', color: '#1a1a1a', formatter: (p: { value: number }) => format(p.value) } }],
    });
    const observer = new ResizeObserver(() => {
      if (!instance.isDisposed() && node.isConnected && node.clientWidth > 0) instance.resize();
    });
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
    };
  }, [categories, values, format]);
  return <div ref={el} role="img" aria-label={label} style={{ height: Math.max(90, categories.length * 28 + 40), width: '100%' }} />;
}
