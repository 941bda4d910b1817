import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePublicReports } from '../modules/reports/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { useFormat } from '../ui/format.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';
import { useUrlFilters } from '../ui/useUrlFilters.ts';
import { useTerritories } from '../modules/territories/api.ts';
import { FilterButtons } from '../ui/FilterButtons.tsx';

/** The public portal's list of published reports: open to everyone, no sign-in. */
export function PublicReportsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { applied, draft, set, submit, clear } = useUrlFilters(['regione', 'anno'] as const);
  const list = usePublicReports({ region: applied.regione || undefined, year: applied.anno || undefined });
  const regions = useTerritories({ level: 'region' });
  return (
    <>
      <Breadcrumb items={[{ label: t('reports.public.nav') }]} />
      <PageTitle title={t('reports.public.title')} lead={t('reports.public.lead')} />
      <form className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('common.filters')}>
        <div className="col-md-5">
          <SelectField
            id="filter-regione"
            label={t('reports.fields.region')}
            value={draft.regione}
            onChange={set('regione')}
            emptyLabel={t('common.all')}
            options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
        </div>
        <div className="col-md-3">
          <TextField id="filter-anno" label={t('reports.fields.year')} inputMode="numeric" maxLength={4} value={draft.anno} onChange={set('anno')} />
        </div>
        <FilterButtons resetTo="/portale/monografie" onReset={clear} />
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('reports.public.count', { count: list.data.length })}
          </p>
          <Table
            caption={t('reports.public.caption')}
            captionHidden
            rows={list.data}
            rowKey={(r) => r.id}
            empty={t('reports.public.none')}
            columns={[
              { key: 'title', header: t('reports.public.reportTitle'), rowHeader: true, render: (r) => <Link to={`/portale/monografie/${r.id}`}>{r.title}</Link> },
              { key: 'council', header: t('reports.fields.council'), render: (r) => r.councilName },
              { key: 'region', header: t('reports.fields.region'), render: (r) => r.regionName },
              { key: 'year', header: t('reports.fields.year'), numeric: true, render: (r) => r.year },
              { key: 'published', header: t('reports.fields.publishedAt'), render: (r) => f.date(r.publishedAt) },
            ]}
          />
        </>
      )}
    </>
  );
}
