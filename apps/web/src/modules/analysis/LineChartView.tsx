import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/Loading.tsx';
import type { LineChartProps } from './LineChart.tsx';

// ECharts is large: it is loaded only by the pages that draw a chart.
const LineChart = lazy(() => import('./LineChart.tsx'));

export type { LineSeries } from './LineChart.tsx';

export function LineChartView(props: LineChartProps) {
  return (
    <Suspense fallback={<Loading />}>
      <LineChart {...props} />
    </Suspense>
  );
}
