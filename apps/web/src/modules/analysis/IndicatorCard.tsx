import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProfileResponse } from '../indicators/api.ts';
import { localized, useIndicatorFormat } from '../indicators/text.ts';
import { LineChartView } from './LineChartView.tsx';
import { SourceNote } from './SourceNote.tsx';

type ProfileIndicator = ProfileResponse['indicators'][number];

interface IndicatorCardProps {
  entry: ProfileIndicator;
  period: string;
  /** The data elements behind the indicator, for the source note. */
  elements: string[];
  /** The explorer's level for the territory of the dashboard. */
  level: 'province' | 'region';
}

/** One key indicator of a dashboard: the value, its change, the region and Italy beside it, a small trend and its table. */
export function IndicatorCard({ entry, period, elements, level }: IndicatorCardProps) {
  const { t, i18n } = useTranslation();
  const fmt = useIndicatorFormat();
  const titleId = useId();
  const ind = entry.indicator;
  const name = localized(ind.name, i18n.language);
  const [own, ...others] = entry.series;
  const at = (s: (typeof entry.series)[number] | undefined, p: string) => s?.points.find((x) => x.period === p);
  const point = at(own, period);
  const periods = own ? own.points.map((p) => p.period).sort() : [];
  const format = (v: number) => fmt.number(v, ind);
  if (!own) return null;

  return (
    <section className="card shadow-sm h-100 indicator-card" aria-labelledby={titleId}>
      <div className="card-body">
        <h3 id={titleId} className="h5 card-title">
          {name}
        </h3>
        <p className="indicator-figure mb-1">
          {point?.value != null ? fmt.value(point.value, ind) : <span className="text-secondary h6">{t(`analysis.reasons.${point?.reason ?? 'no_data'}`)}</span>}
        </p>
        <p className="small mb-2">
          {t('analysis.dashboard.valueAt', { name: own.territory.name, period })}
          {point?.provisional && ` ${t('analysis.provisionalMark')}`}
        </p>
        <p className="mb-2">
          {point?.change != null
            ? // A change of a percentage is told in points: a relative change of it would read as a second percentage.
              fmt.unitOf(ind) === '%'
              ? t('analysis.dashboard.changePoints', { change: fmt.change(point.change, ind), year: Number(period) - 1 })
              : t('analysis.dashboard.change', { change: fmt.change(point.change, ind), percent: fmt.changePercent(point.changePercent), year: Number(period) - 1 })
            : t('analysis.dashboard.noChange')}
        </p>
        {others.length > 0 && (
          <ul className="list-unstyled small mb-2">
            {others.map((s) => (
              <li key={s.territory.code}>
                {s.territory.name}: <strong>{fmt.value(at(s, period)?.value, ind)}</strong>
              </li>
            ))}
          </ul>
        )}
        {periods.length > 1 && (
          <LineChartView
            compact
            height={110}
            periods={periods}
            series={[{ name: own.territory.name, values: periods.map((p) => at(own, p)?.value ?? null) }]}
            format={format}
            label={t('analysis.dashboard.trendLabel', { indicator: name, name: own.territory.name, from: periods[0], to: periods[periods.length - 1] })}
          />
        )}
        <details className="mt-2">
          <summary>{t('analysis.dashboard.table')}</summary>
          <div className="table-responsive">
            <table className="table table-sm mb-0">
              <caption className="visually-hidden">{t('analysis.dashboard.tableCaption', { indicator: name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analysis.series.year')}</th>
                  {entry.series.map((s) => (
                    <th key={s.territory.code} scope="col" className="text-end">
                      {s.territory.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => (
                  <tr key={p}>
                    <th scope="row" className="fw-normal">
                      {p}
                    </th>
                    {entry.series.map((s) => (
                      <td key={s.territory.code} className="text-end text-nowrap">
                        {fmt.number(at(s, p)?.value, ind)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <SourceNote elements={elements} className="mt-2 mb-1" />
        <Link className="d-print-none small" to={`/analisi?indicatore=${encodeURIComponent(ind.code)}&livello=${level === 'region' ? 'regione' : 'provincia'}&anno=${period}&territorio=${encodeURIComponent(own.territory.code)}`}>
          {t('analysis.dashboard.explore')}
          <span className="visually-hidden"> – {name}</span>
        </Link>
      </div>
    </section>
  );
}
