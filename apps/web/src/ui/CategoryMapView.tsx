import { lazy, type ReactNode, Suspense, useId } from 'react';
import type { CategoryMapProps } from './CategoryMap.tsx';
import type { MapCategory, MapPattern } from './category-map-patterns.ts';
import { Loading } from './Loading.tsx';

// ECharts is large: it is loaded only by the pages that draw a map.
const CategoryMap = lazy(() => import('./CategoryMap.tsx'));

export type { CategoryArea } from './CategoryMap.tsx';
export type { MapCategory } from './category-map-patterns.ts';

/** A legend swatch drawn with the same colour and pattern as the map (SVG, hidden from screen readers). */
export function Swatch({ category, outlined }: { category: Pick<MapCategory, 'color' | 'pattern' | 'patternColor'>; outlined?: boolean }) {
  const id = useId();
  const mark = category.patternColor ?? 'rgba(255,255,255,0.85)';
  const marks: Record<MapPattern, ReactNode> = {
    none: null,
    diagonal: <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke={mark} strokeWidth="2" />,
    horizontal: <rect x="0" y="0" width="6" height="2" fill={mark} />,
    dots: <circle cx="3" cy="3" r="1.1" fill={mark} />,
  };
  return (
    <svg width="28" height="20" aria-hidden="true" focusable="false" className="flex-shrink-0">
      <defs>
        <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse">
          {marks[category.pattern]}
        </pattern>
      </defs>
      <rect x="1" y="1" width="26" height="18" fill={category.color} stroke={outlined ? '#1a1a1a' : '#8c98a4'} strokeWidth={outlined ? 2.5 : 1} />
      {category.pattern !== 'none' && <rect x="1" y="1" width="26" height="18" fill={`url(#${id})`} />}
    </svg>
  );
}

interface LegendEntry {
  category: Pick<MapCategory, 'color' | 'pattern' | 'patternColor'>;
  label: ReactNode;
  outlined?: boolean;
}

/** The legend: each colour and pattern named in words (the map is never read by colour alone). */
export function MapLegend({ title, entries }: { title: string; entries: LegendEntry[] }) {
  return (
    <div className="map-legend">
      <p className="fw-semibold mb-2">{title}</p>
      <ul className="list-unstyled mb-0">
        {entries.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the entries are a fixed list in a fixed order.
          <li key={i} className="d-flex align-items-center gap-2 mb-1">
            <Swatch category={e.category} outlined={e.outlined} />
            <span>{e.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CategoryMapView(props: CategoryMapProps) {
  return (
    <Suspense fallback={<Loading />}>
      <CategoryMap {...props} />
    </Suspense>
  );
}
