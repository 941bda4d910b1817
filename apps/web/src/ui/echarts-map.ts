import * as echarts from 'echarts/core';
import { type RefObject, useEffect, useRef } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Every object of a TopoJSON topology as one GeoJSON FeatureCollection, as ECharts' registerMap takes it. */
export function toGeoJson(topology: unknown) {
  const topo = topology as Topology;
  const features = Object.values(topo.objects).flatMap((obj) => (feature(topo, obj as GeometryCollection) as unknown as { features?: unknown[] }).features ?? []);
  return { type: 'FeatureCollection', features } as Parameters<typeof echarts.registerMap>[1];
}

export function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * An ECharts instance (SVG) living as long as the element: resized with it, disposed with it; a click on an area
 * calls the latest `onSelect` with the area's name (its code).
 */
export function useMapChart(el: RefObject<HTMLDivElement | null>, onSelect?: (code: string) => void) {
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    if (!el.current) return;
    const instance = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (p) => {
      if (p.name && select.current) select.current(String(p.name));
    });
    // A resize may be delivered while the element leaves the page (e.g. a map swapped for its table).
    const observer = new ResizeObserver(() => {
      if (!instance.isDisposed() && el.current?.isConnected && el.current.clientWidth > 0) instance.resize();
    });
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [el]);
  return chart;
}
