import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorValue } from '../indicators/api.ts';
import { localized, useIndicatorFormat } from '../indicators/text.ts';
import type { CsvCell } from './csv.ts';
import { Downloads } from './Downloads.tsx';
import { seriesOf } from './explorer-data.ts';
import { LineChartView } from './LineChartView.tsx';
import { SourceNote } from './SourceNote.tsx';
import { ViewToggle } from './ViewToggle.tsx';

export interface SeriesTerritory {
  code: string;
  name: string;
  values: IndicatorValue[];
}

interface TimeSeriesSectionProps {
  indicator: Indicator;
  /** The territory followed, then its region (for a province), then Italy. */
  territories: SeriesTerritory[];
  view: 'chart' | 'table';
  onViewChange: (view: 'chart' | 'table') => void;
  xlsxHref: string;
}

/** The years of a territory beside its region and Italy: a line chart or its table, with changes and downloads. */
export function TimeSeriesSection({ indicator, territories, view, onViewChange, xlsxHref }: TimeSeriesSectionProps) {
  const { t, i18n } = useTranslation();
  const fmt = useIndicatorFormat();
  const captionId = useId();
  const name = localized(indicator.name, i18n.language);
  const [own] = territories;
  const series = useMemo(() => territories.map((x) => ({ ...x, byPeriod: seriesOf(x.values, x.code) })), [territories]);
  const periods = useMemo(() => [...new Set(series.flatMap((s) => [...s.byPeriod.keys()]))].sort(), [series]);
  // Counts (summed, or with no denominator) of a province, its region and Italy differ in size: one axis would flatten
  // the province, so the chart shows it alone and the table all three.
  const charted = indicator.aggregation === 'sum' || !indicator.denominator ? series.slice(0, 1) : series;
  const valueAt = (s: (typeof series)[number], p: string) => s.byPeriod.get(p)?.value ?? null;
  const changeAt = (s: (typeof series)[number], p: string) => {
    const v = valueAt(s, p);
    const prev = valueAt(s, String(Number(p) - 1));
    return v != null && prev != null ? v - prev : null;
  };
  const format = (v: number) => fmt.number(v, indicator);
  const chartSeries = useMemo(() => charted.map((s) => ({ name: s.name, values: periods.map((p) => s.byPeriod.get(p)?.value ?? null) })), [charted, periods]);
  const where = territories.map((x) => x.name).join(', ');
  const csvRows = (): CsvCell[][] => [
    [t('analysis.series.year'), ...series.flatMap((s) => [s.name, t('analysis.series.changeOf', { name: s.name })])],
    ...periods.map((p) => [p, ...series.flatMap((s) => [valueAt(s, p), changeAt(s, p)])]),
  ];
  if (!own) return null;

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
        <ViewToggle
          label={t('analysis.series.showAs')}
          value={view}
          onChange={onViewChange}
          options={[
            { value: 'chart', label: t('analysis.views.chart') },
            { value: 'table', label: t('analysis.views.table') },
          ]}
        />
      </div>
      {periods.length === 0 ? (
        <p className="text-secondary">{t('analysis.series.none', { name: own.name })}</p>
      ) : view === 'chart' ? (
        <figure className="mb-2">
          <LineChartView periods={periods} series={chartSeries} format={format} label={t('analysis.series.chartLabel', { indicator: name, where: charted.map((s) => s.name).join(', ') })} />
          {charted.length < series.length && <figcaption className="small mt-1">{t('analysis.series.sumNote', { name: own.name })}</figcaption>}
        </figure>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        <section className="table-responsive mb-3" aria-labelledby={captionId} tabIndex={0}>
          <table className="table table-striped align-middle">
            <caption id={captionId} className="caption-top">
              {t('analysis.series.caption', { indicator: name, where })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('analysis.series.year')}</th>
                {series.map((s) => [
                  <th key={s.code} scope="col" className="text-end">
                    {s.name}
                  </th>,
                  <th key={`${s.code}-change`} scope="col" className="text-end">
                    {t('analysis.series.changeOf', { name: s.name })}
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p}>
                  <th scope="row" className="fw-normal">
                    {p}
                  </th>
                  {series.map((s) => [
                    <td key={s.code} className="text-end text-nowrap">
                      {fmt.value(valueAt(s, p), indicator)}
                    </td>,
                    <td key={`${s.code}-change`} className="text-end text-nowrap">
                      {fmt.change(changeAt(s, p), indicator)}
                    </td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <SourceNote elements={indicator.elements} />
      <Downloads
        what={t('analysis.series.downloadWhat', { where })}
        csv={{ filename: `${indicator.code}-${own.code}-serie.csv`, rows: csvRows }}
        xlsxHref={xlsxHref}
      />
    </>
  );
}
