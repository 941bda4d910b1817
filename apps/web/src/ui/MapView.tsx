import { lazy, Suspense } from 'react';
import type { ChoroplethMapProps } from './ChoroplethMap.tsx';
import { Loading } from './Loading.tsx';

// ECharts is large: it is loaded only by the pages that draw a map.
const ChoroplethMap = lazy(() => import('./ChoroplethMap.tsx'));

export type { MapValue } from './ChoroplethMap.tsx';

export function MapView(props: ChoroplethMapProps) {
  return (
    <Suspense fallback={<Loading />}>
      <ChoroplethMap {...props} />
    </Suspense>
  );
}
