import { SUBMISSION_STATUSES } from '@mosaico/contracts/campaigns';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { SelectField } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Icon } from '../../ui/Icon.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useUrlFilters } from '../../ui/useUrlFilters.ts';
import { type OverviewFilters, overviewExportUrl, useCampaignOverview } from './overview-api.ts';
import { OverviewMap } from './OverviewMap.tsx';
import { OverviewSummary } from './OverviewSummary.tsx';
import { OverviewTable } from './OverviewTable.tsx';

// Address parameters (Italian, shareable): regione=03, stato=submitted, ritardo=si|no.
const PARAMS = ['regione', 'stato', 'ritardo'] as const;
const OVERDUE = { si: 'true', no: 'false' } as const;
const FIELD_LABELS: Record<string, string> = {
  'querystring.region': 'campaigns.overview.region',
  'querystring.status': 'campaigns.overview.status',
  'querystring.overdue': 'campaignOverview.overdue',
};

/** The campaign overview of the council side: filters kept in the address, counts, map, table and exports. */
export function CampaignOverviewSection({ campaignId, campaignName }: { campaignId: number; campaignName: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { pathname } = useLocation();
  const { applied, draft, set, submit, clear } = useUrlFilters(PARAMS);
  const filters: OverviewFilters = useMemo(
    () => ({
      region: applied.regione || undefined,
      status: applied.stato || undefined,
      overdue: OVERDUE[applied.ritardo as keyof typeof OVERDUE],
    }),
    [applied],
  );
  const q = useCampaignOverview(campaignId, filters);
  const o = q.data;
  const regions = o?.regions ?? [];
  // Someone who reaches one region (a coordinator, a council's people) sees it close up, filtered or not.
  const focus = o?.region ?? (regions.length === 1 ? regions[0] : null);

  return (
    <>
      <form className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('campaignOverview.filters')}>
        {(regions.length > 1 || applied.regione) && (
          <div className="col-md-6 col-lg-4">
            <SelectField
              id="overview-region"
              label={t('campaigns.overview.region')}
              value={draft.regione}
              onChange={set('regione')}
              emptyLabel={t('campaignOverview.allRegions')}
              options={regions.map((r) => ({ value: r.code, label: `${r.name} (${f.integer(r.count)})` }))}
            />
          </div>
        )}
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="overview-status"
            label={t('campaigns.overview.status')}
            value={draft.stato}
            onChange={set('stato')}
            emptyLabel={t('common.all')}
            options={SUBMISSION_STATUSES.map((s) => ({ value: s, label: t(`campaigns.status.${s}`) }))}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="overview-overdue"
            label={t('campaignOverview.overdue')}
            value={draft.ritardo}
            onChange={set('ritardo')}
            emptyLabel={t('common.all')}
            options={[
              { value: 'si', label: t('campaignOverview.overdueOnly') },
              { value: 'no', label: t('campaignOverview.inTimeOnly') },
            ]}
          />
        </div>
        <div className="col-12 mb-3 d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary">
            {t('common.applyFilters')}
          </button>
          <Link className="btn btn-outline-secondary" to={pathname} onClick={clear}>
            {t('common.resetFilters')}
          </Link>
        </div>
      </form>
      <div className="d-flex flex-wrap align-items-center gap-2 mb-4">
        {(['csv', 'xlsx'] as const).map((format) => (
          <a key={format} className="btn btn-outline-primary btn-sm" href={overviewExportUrl(campaignId, filters, format, i18n.language)} download>
            <Icon name="download" color="primary" size="sm" className="me-1" />
            {t(`campaignOverview.export.${format}`)}
          </a>
        ))}
        <span className="small text-secondary">{t('campaignOverview.export.hint')}</span>
      </div>

      {q.isPending ? (
        <Loading />
      ) : q.isError || !o ? (
        <>
          <QueryError error={q.error} onRetry={() => q.refetch()} />
          {/* A filter edited by hand in the address: say which one is wrong and why. */}
          {isApiError(q.error) && q.error.issues.length > 0 && (
            <ul>
              {q.error.issues.map((i) => (
                <li key={i.field}>
                  <strong>{FIELD_LABELS[i.field] ? t(FIELD_LABELS[i.field]) : i.field}</strong>: {i.message}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <>
          <section aria-labelledby="overview-situation-title">
            <h2 id="overview-situation-title" className="h4">
              {t('campaignOverview.situation', { date: f.date(o.asOf) })}
            </h2>
            <div className="row">
              <div className="col-12 col-lg-4">
                <OverviewSummary overview={o} where={o.summary.total === 1 && o.rows.length === 1 ? o.rows[0].council.name : focus?.name} />
              </div>
              <div className="col-12 col-lg-8 mb-4">
                <OverviewMap rows={o.rows} region={focus} locale={f.locale} />
              </div>
            </div>
          </section>
          <section aria-labelledby="overview-table-title">
            <h2 id="overview-table-title" className="h4">
              {t('campaigns.overview.title')}
            </h2>
            <p role="status" aria-live="polite">
              {t('campaignOverview.shown', { count: o.rows.length, total: o.summary.total })}
            </p>
            <OverviewTable rows={o.rows} caption={t('campaigns.overview.caption', { name: campaignName })} />
          </section>
        </>
      )}
    </>
  );
}
