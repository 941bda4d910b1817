import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { escapeHtml, toGeoJson, useMapChart } from './echarts-map.ts';

echarts.use([MapChart, TooltipComponent, VisualMapContinuousComponent, SVGRenderer]);

export interface MapValue {
  code: string;
  name: string;
  value: number | null;
}

export interface ChoroplethMapProps {
  /** A name unique to this set of boundaries (ECharts keeps registered maps by name). */
  mapId: string;
  /** TopoJSON whose features carry `properties.code` and `properties.name`. */
  topology: unknown;
  values: MapValue[];
  /** What the map shows, for screen readers (the table below it is the accessible equivalent). */
  label: string;
  valueName: string;
  formatValue: (v: number) => string;
  noDataText: string;
  onSelect?: (code: string) => void;
  height?: number;
}

// Sequential blues around Bootstrap Italia's primary colour: light = few, dark = many.
const PALETTE = ['#e6f0fa', '#80b3e6', '#0066cc', '#004080', '#00264d'];


/** A choropleth of boundaries drawn with ECharts (SVG); clicking an area calls onSelect with its code. */
export default function ChoroplethMap({ mapId, topology, values, label, valueName, formatValue, noDataText, onSelect, height = 460 }: ChoroplethMapProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useMapChart(el, onSelect);

  const geoJson = useMemo(() => toGeoJson(topology), [topology]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    echarts.registerMap(mapId, geoJson);
    const byCode = new Map(values.map((v) => [v.code, v]));
    const numbers = values.map((v) => v.value).filter((v): v is number => v != null);
    const min = numbers.length ? Math.min(...numbers) : 0;
    const max = numbers.length ? Math.max(...numbers) : 1;
    instance.setOption(
      {
        tooltip: {
          trigger: 'item',
          textStyle: { fontFamily: 'Titillium Web, sans-serif', color: '#1a1a1a' },
          formatter: (p: { name: string }) => {
            const v = byCode.get(p.name);
            const name = v?.name ?? p.name;
            const shown = v?.value != null ? formatValue(v.value) : noDataText;
            return `<strong>${escapeHtml(name)}</strong><br/>${escapeHtml(valueName)}: ${escapeHtml(shown)}`;
          },
        },
        visualMap: {
          type: 'continuous',
          min,
          max: max === min ? min + 1 : max,
          left: 0,
          bottom: 0,
          calculable: false,
          inRange: { color: PALETTE },
          text: [formatValue(max), formatValue(min)],
          formatter: (v: number) => formatValue(Math.round(v)),
          textStyle: { color: '#1a1a1a', fontFamily: 'Titillium Web, sans-serif' },
        },
        series: [
          {
            type: 'map',
            map: mapId,
            nameProperty: 'code',
            roam: false,
            selectedMode: false,
            itemStyle: { borderColor: '#ffffff', borderWidth: 1, areaColor: '#d9dadb' },
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffb400', borderColor: '#1a1a1a' } },
            label: { show: false },
            data: values.map((v) => ({ name: v.code, value: v.value ?? undefined })),
          },
        ],
      },
      { notMerge: true },
    );
  }, [chart, mapId, geoJson, values, valueName, formatValue, noDataText]);

  return <div ref={el} className="choropleth" role="img" aria-label={label} style={{ height, width: '100%' }} />;
}

