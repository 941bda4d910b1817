import { REPORT_STATUSES } from '@mosaico/contracts/reports';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../modules/auth/api.ts';
import { isNationalAdmin } from '../modules/auth/permissions.ts';
import { useCouncils } from '../modules/councils/api.ts';
import { type ReportFilters, useReports } from '../modules/reports/api.ts';
import { BatchPanel } from '../modules/reports/BatchPanel.tsx';
import { GenerateReportForm } from '../modules/reports/GenerateReportForm.tsx';
import { canRunBatches, councilsToGenerate } from '../modules/reports/reach.ts';
import { ReportStatusBadge } from '../modules/reports/ReportStatusBadge.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { useFormat } from '../ui/format.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { Pagination } from '../ui/Pagination.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';
import { useUrlFilters } from '../ui/useUrlFilters.ts';
import { FilterButtons } from '../ui/FilterButtons.tsx';

const PAGE_SIZE = 25;

/** The reports in the user's reach, with filters; generating one, or every council's of a campaign. */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const f = useFormat();
  const councils = useCouncils();
  const { applied, page, draft, set, submit, clear, hrefFor } = useUrlFilters(['consiglio', 'anno', 'stato'] as const);
  const filters: ReportFilters = useMemo(
    () => ({ councilId: applied.consiglio || undefined, year: applied.anno || undefined, status: applied.stato || undefined, page, pageSize: PAGE_SIZE }),
    [applied, page],
  );
  const list = useReports(filters);
  const generatable = councilsToGenerate(me, councils.data ?? []);
  const councilOptions = [...(councils.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'it')).map((c) => ({ value: String(c.id), label: c.name }));

  return (
    <>
      <Breadcrumb items={[{ label: t('reports.nav') }]} />
      <PageTitle title={t('reports.title')} lead={t('reports.lead')} />
      <ul className="list-inline">
        <li className="list-inline-item me-4">
          <Link to="/documentazione">{t('reports.libraryLink')}</Link>
        </li>
        {isNationalAdmin(me) && (
          <li className="list-inline-item">
            <Link to="/monografie/modelli">{t('reports.templates.link')}</Link>
          </li>
        )}
      </ul>
      {generatable.length > 0 && <GenerateReportForm councils={generatable} />}
      {canRunBatches(me) && <BatchPanel />}
      <h2 className="h4">{t('reports.listTitle')}</h2>
      <form className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('common.filters')}>
        <div className="col-md-5">
          <SelectField id="filter-consiglio" label={t('reports.fields.council')} value={draft.consiglio} onChange={set('consiglio')} emptyLabel={t('common.all')} options={councilOptions} />
        </div>
        <div className="col-md-3">
          <TextField id="filter-anno" label={t('reports.fields.year')} inputMode="numeric" maxLength={4} value={draft.anno} onChange={set('anno')} />
        </div>
        <div className="col-md-4">
          <SelectField
            id="filter-stato"
            label={t('reports.fields.status')}
            value={draft.stato}
            onChange={set('stato')}
            emptyLabel={t('common.all')}
            options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) }))}
          />
        </div>
        <FilterButtons resetTo="/monografie" onReset={clear} />
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('reports.count', { count: list.data.total })}
          </p>
          <Table
            caption={t('reports.caption')}
            captionHidden
            rows={list.data.items}
            rowKey={(r) => r.id}
            empty={t('reports.none')}
            columns={[
              { key: 'council', header: t('reports.fields.council'), rowHeader: true, render: (r) => <Link to={`/monografie/${r.id}`}>{t('reports.rowLink', { council: r.councilName, year: r.year })}</Link> },
              { key: 'region', header: t('reports.fields.region'), render: (r) => r.regionName },
              { key: 'year', header: t('reports.fields.year'), numeric: true, render: (r) => r.year },
              { key: 'status', header: t('reports.fields.status'), render: (r) => <ReportStatusBadge status={r.status} /> },
              { key: 'version', header: t('reports.fields.version'), numeric: true, render: (r) => r.version },
              { key: 'template', header: t('reports.fields.template'), render: (r) => r.templateName },
              { key: 'updated', header: t('reports.fields.updatedAt'), render: (r) => f.dateTime(r.updatedAt) },
            ]}
          />
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
