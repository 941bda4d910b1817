import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LineChartView } from '../modules/analysis/LineChartView.tsx';
import { useOverview, useOverviewScopes } from '../modules/participation/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { SelectField } from '../ui/Field.tsx';
import { useFormat } from '../ui/format.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 8 }, (_, i) => String(THIS_YEAR - i));
const AREAS = [
  { to: '/eventi', key: 'events' },
  { to: '/associazioni', key: 'associations' },
  { to: '/gruppi-di-lavoro', key: 'workingGroups' },
  { to: '/questionari', key: 'questionnaires' },
  { to: '/obiettivi', key: 'targets' },
] as const;

/** The participation area's hub: the overview of a council, a region or the nation for a year, and its sections. */
export function ParticipationPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const scopes = useOverviewScopes();
  const [scope, setScope] = useState('');
  const [year, setYear] = useState(String(THIS_YEAR));
  const items = scopes.data?.items ?? [];
  const chosen = scope || (items[0] ? (items[0].type === 'nation' ? 'nation' : `${items[0].type}:${items[0].id}`) : '');
  const overview = useOverview(chosen, Number(year));
  const o = overview.data;
  const rate = o?.questionnaires.rate;
  return (
    <>
      <Breadcrumb items={[{ label: t('participation.nav') }]} />
      <PageTitle title={t('participation.title')} lead={t('participation.lead')} />
      <nav aria-labelledby="areas-title" className="mb-5">
        <h2 id="areas-title" className="h4">
          {t('participation.areas.title')}
        </h2>
        <ul className="row list-unstyled g-3">
          {AREAS.map((a) => (
            <li key={a.key} className="col-12 col-md-6 col-lg-4">
              <Link to={a.to} className="d-block card card-bg p-3 h-100 text-decoration-none">
                <span className="h5 d-block">{t(`participation.areas.${a.key}`)}</span>
                <span className="small text-dark">{t(`participation.areas.${a.key}Description`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="overview-title">
        <h2 id="overview-title" className="h4">
          {t('participation.overview.title')}
        </h2>
        {scopes.isError ? (
          <QueryError error={scopes.error} onRetry={() => scopes.refetch()} />
        ) : items.length === 0 && !scopes.isPending ? (
          <p>{t('participation.overview.noScope')}</p>
        ) : (
          <>
            <form className="row g-3 mt-3" aria-label={t('participation.overview.pickers')} onSubmit={(e) => e.preventDefault()}>
              <div className="col-md-6">
                <SelectField
                  id="overview-scope"
                  label={t('participation.overview.scope')}
                  value={chosen}
                  onChange={setScope}
                  options={items.map((s) => ({ value: s.type === 'nation' ? 'nation' : `${s.type}:${s.id}`, label: s.type === 'region' ? t('participation.overview.region', { name: s.name }) : s.name }))}
                />
              </div>
              <div className="col-md-3">
                <SelectField id="overview-year" label={t('participation.overview.year')} value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: y }))} />
              </div>
            </form>
            {overview.isPending || !o ? (
              overview.isError ? <QueryError error={overview.error} onRetry={() => overview.refetch()} /> : <Loading />
            ) : (
              <div aria-live="polite">
                <h3 className="h5 mt-3">{t('participation.overview.figuresOf', { place: o.scope.name, year: o.year })}</h3>
                <dl className="row figures mt-3">
                  {[
                    ['associationsEngaged', f.integer(o.associationsEngaged), t('participation.overview.associationsEngagedHint', { takingPart: o.associationsTakingPart, registered: o.associationsRegistered })],
                    ['meetingsHeld', f.integer(o.meetingsHeld), null],
                    ['trainingHours', f.number(o.trainingHoursDelivered), null],
                    ['personHours', f.number(o.personHoursAttended), null],
                    ['responseRate', f.share(rate), t('participation.overview.responseRateHint', { answered: o.questionnaires.answered, sent: o.questionnaires.sent })],
                    ['workingGroups', f.integer(o.workingGroupsActive), null],
                  ].map(([key, value, hint]) => (
                    <div key={key as string} className="col-6 col-lg-4 mb-4">
                      <dt className="small text-secondary fw-semibold">{t(`participation.overview.${key}`)}</dt>
                      <dd className="h3 mb-0">{value}</dd>
                      {hint && <dd className="small mb-0">{hint}</dd>}
                    </div>
                  ))}
                </dl>
                <h3 className="h5">{t('participation.overview.chartTitle')}</h3>
                <LineChartView
                  periods={o.associationsByYear.map((y) => String(y.year))}
                  series={[{ name: t('participation.overview.associationsEngaged'), values: o.associationsByYear.map((y) => y.engaged) }]}
                  // Only whole numbers on the axis: there is no such thing as half an association.
                  format={(n) => (Number.isInteger(n) ? f.integer(n) : '')}
                  label={t('participation.overview.chartLabel', { place: o.scope.name })}
                  height={260}
                />
                <Table
                  caption={t('participation.overview.chartTable')}
                  rows={o.associationsByYear}
                  rowKey={(y) => y.year}
                  columns={[
                    { key: 'year', header: t('participation.overview.year'), rowHeader: true, render: (y) => y.year },
                    { key: 'engaged', header: t('participation.overview.associationsEngaged'), numeric: true, render: (y) => f.integer(y.engaged) },
                  ]}
                />
                <Table
                  caption={t('participation.overview.meetingsByKind')}
                  rows={o.meetingsByKind}
                  rowKey={(k) => k.kind}
                  columns={[
                    { key: 'kind', header: t('participation.overview.kind'), rowHeader: true, render: (k) => t(`events.kinds.${k.kind}`) },
                    { key: 'count', header: t('participation.overview.count'), numeric: true, render: (k) => f.integer(k.count) },
                  ]}
                />
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}
