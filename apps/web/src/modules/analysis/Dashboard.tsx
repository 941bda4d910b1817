import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../ui/Field.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { type ProfileResponse, useIndicators, useProfile } from '../indicators/api.ts';
import { localized } from '../indicators/text.ts';
import { IndicatorCard } from './IndicatorCard.tsx';
import './analysis.css';

/**
 * The latest year in which the most key indicators have a value for the territory: statistics arrive at different
 * times (reception figures monthly, ISTAT balances a year later), and the newest year alone may hold one figure.
 */
export function fullestPeriod(p: ProfileResponse): string {
  const count = new Map<string, number>();
  for (const e of p.indicators) for (const x of e.series[0]?.points ?? []) if (x.value != null) count.set(x.period, (count.get(x.period) ?? 0) + 1);
  const most = Math.max(0, ...count.values());
  return [...count].filter(([, n]) => n === most).map(([period]) => period).sort().pop() ?? [...p.periods].sort().pop() ?? '';
}

/**
 * The key indicators of a province or region for a year (?anno=), each beside its region and Italy, ready to print
 * for a meeting.
 */
export function Dashboard({ territory, level }: { territory: string; level: 'province' | 'region' }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = /^\d{4}$/.test(params.get('anno') ?? '') ? (params.get('anno') as string) : undefined;
  const profile = useProfile(territory, asked);
  const indicators = useIndicators();
  const elementsOf = (code: string) => indicators.data?.find((i) => i.code === code)?.elements ?? [];

  if (profile.isPending) return <Loading />;
  if (profile.isError) return <QueryError error={profile.error} onRetry={() => profile.refetch()} />;
  const p = profile.data;
  const periods = [...p.periods].sort().reverse();
  const period = asked && periods.includes(asked) ? asked : fullestPeriod(p);
  // Indicators with no figure at all for the territory are named in one line at the end, not drawn as empty cards.
  const hasData = (e: (typeof p.indicators)[number]) => e.series[0]?.points.some((x) => x.value != null) ?? false;
  const shown = p.indicators.filter(hasData);
  const empty = p.indicators.filter((e) => !hasData(e));

  return (
    <div className="dashboard">
      <div className="d-flex flex-wrap align-items-end gap-3 mb-3 d-print-none">
        <div>
          <SelectField
            id="dashboard-year"
            label={t('analysis.year')}
            value={period}
            onChange={(anno) => setParams({ anno }, { replace: true, preventScrollReset: true })}
            options={periods.map((y) => ({ value: y, label: y }))}
          />
        </div>
        <div className="form-group">
          <button type="button" className="btn btn-outline-primary" onClick={() => window.print()}>
            <Icon name="print" color="primary" size="sm" className="me-1" />
            {t('analysis.dashboard.print')}
          </button>
        </div>
      </div>
      <p className="lead">{t('analysis.dashboard.intro', { name: p.territory.name, period, beside: [p.region?.name, p.nation.name].filter(Boolean).join(t('analysis.dashboard.and')) })}</p>
      {shown.length === 0 || !period ? (
        <p>{t('analysis.dashboard.none')}</p>
      ) : (
        <div className="row g-3">
          {shown.map((entry) => (
            <div key={entry.indicator.code} className="col-12 col-md-6 col-lg-4">
              <IndicatorCard entry={entry} period={period} elements={elementsOf(entry.indicator.code)} level={level} />
            </div>
          ))}
        </div>
      )}
      {empty.length > 0 && (
        <p className="small text-secondary mt-4">
          {t('analysis.dashboard.withoutData', { names: empty.map((e) => localized(e.indicator.name, i18n.language)).join('; ') })}
        </p>
      )}
    </div>
  );
}
