import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { escapeHtml, toGeoJson, useMapChart } from './echarts-map.ts';
import { decalOf, type MapCategory } from './category-map-patterns.ts';

echarts.use([MapChart, TooltipComponent, SVGRenderer]);

export interface CategoryArea {
  /** The boundary feature's `properties.code`. */
  code: string;
  category: string;
  /** Lines of the tooltip (plain text). */
  tooltip: string[];
  /** Drawn with a thick dark outline (e.g. overdue). */
  outlined?: boolean;
}

export interface CategoryMapProps {
  /** A name unique to this set of boundaries (ECharts keeps registered maps by name). */
  mapId: string;
  topology: unknown;
  categories: MapCategory[];
  areas: CategoryArea[];
  /** The category of boundaries with no area (e.g. "not in this selection"). */
  otherCategory: MapCategory;
  /** What the map shows, for screen readers (the table that follows it is the accessible equivalent). */
  label: string;
  onSelect?: (code: string) => void;
  /** The tallest the map may be; its height otherwise follows the shape of the boundaries. */
  maxHeight?: number;
}

const OUTLINE = '#1a1a1a';
// Hover uses the focus colour of Bootstrap Italia, unlike the dark outline that carries meaning.
const HOVER = '#ffb400';
const OTHER_EDGE = '#9aa5b1';

// ECharts draws longitude and latitude with this ratio (its `aspectScale` default).
const ASPECT_SCALE = 0.75;


/** Width over height of the drawn boundaries, so the box fits the shape (Italy is tall, Lombardia wide). */
function aspectOf(geoJson: unknown): number {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    } else for (const inner of c) visit(inner);
  };
  for (const f of (geoJson as { features: { geometry?: { coordinates?: unknown } }[] }).features) visit(f.geometry?.coordinates);
  if (!(maxX > minX && maxY > minY)) return 1;
  return Math.min(2, Math.max(0.5, ((maxX - minX) * ASPECT_SCALE) / (maxY - minY)));
}


/** Boundaries coloured and patterned by category (ECharts, SVG); clicking an area calls onSelect with its code. */
export default function CategoryMap({ mapId, topology, categories, areas, otherCategory, label, onSelect, maxHeight = 560 }: CategoryMapProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useMapChart(el, onSelect);
  const geoJson = useMemo(() => toGeoJson(topology), [topology]);
  const aspect = useMemo(() => aspectOf(geoJson), [geoJson]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    echarts.registerMap(mapId, geoJson);
    const byKey = new Map(categories.map((c) => [c.key, c]));
    const byCode = new Map(areas.map((a) => [a.code, a]));
    const styleOf = (c: MapCategory) => ({ areaColor: c.color, decal: decalOf(c.pattern, c.patternColor) });
    instance.setOption(
      {
        aria: { enabled: false },
        tooltip: {
          trigger: 'item',
          textStyle: { fontFamily: 'Titillium Web, sans-serif', color: '#1a1a1a' },
          formatter: (p: { name: string }) => {
            const a = byCode.get(p.name);
            if (!a) return escapeHtml(otherCategory.label);
            const [first, ...rest] = a.tooltip;
            return [`<strong>${escapeHtml(first ?? '')}</strong>`, ...rest.map(escapeHtml)].join('<br/>');
          },
        },
        series: [
          {
            type: 'map',
            map: mapId,
            nameProperty: 'code',
            roam: false,
            selectedMode: false,
            // Areas outside the selection are pale: a grey edge keeps their shape visible.
            itemStyle: { borderColor: OTHER_EDGE, borderWidth: 0.8, ...styleOf(otherCategory) },
            // Hovering outlines the area and keeps its colour and pattern, so the status stays readable.
            emphasis: { label: { show: false }, itemStyle: { areaColor: 'inherit', borderColor: HOVER, borderWidth: 3 } },
            label: { show: false },
            data: areas.map((a) => {
              const c = byKey.get(a.category) ?? otherCategory;
              return {
                name: a.code,
                value: 1,
                itemStyle: { ...styleOf(c), ...(a.outlined ? { borderColor: OUTLINE, borderWidth: 2 } : { borderColor: '#ffffff', borderWidth: 0.8 }) },
              };
            }),
          },
        ],
      },
      { notMerge: true },
    );
  }, [chart, mapId, geoJson, categories, areas, otherCategory]);

  return <div ref={el} className="category-map" role="img" aria-label={label} style={{ aspectRatio: String(aspect), maxHeight, width: '100%' }} />;
}
