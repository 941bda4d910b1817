import { ACCESS_RIGHTS, DATA_SOURCE_SCOPES, DATA_THEMES, FREQUENCIES } from '@mosaico/contracts/data-sources';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../modules/auth/api.ts';
import { canKeepDataSources, catalogUrl, type DataSourceFilters, useDataSources } from '../modules/data-sources/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { Pagination } from '../ui/Pagination.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';
import { useUrlFilters } from '../ui/useUrlFilters.ts';
import { FilterButtons } from '../ui/FilterButtons.tsx';

const PAGE_SIZE = 25;
// Address parameter (Italian, shareable) → API filter.
const PARAMS = { q: 'q', tema: 'theme', ambito: 'scope', accesso: 'access', frequenza: 'frequency' } as const;
type Param = keyof typeof PARAMS;

/** The inventory of territorial data sources (ricognizione delle basi dati territoriali). */
export function DataSourcesPage() {
  const { t } = useTranslation();
  const me = useSession().data?.me;
  const { applied, page, draft, set, submit, clear, hrefFor } = useUrlFilters(Object.keys(PARAMS) as Param[]);
  const filters: DataSourceFilters = useMemo(() => {
    const out: DataSourceFilters = { page, pageSize: PAGE_SIZE };
    for (const [p, k] of Object.entries(PARAMS)) if (applied[p as Param]) out[k] = applied[p as Param];
    return out;
  }, [applied, page]);
  const list = useDataSources(filters);
  const select = (id: Param, label: string, values: readonly string[], labelOf: (v: string) => string) => (
    <div className="col-md-6 col-lg-3">
      <SelectField id={`filter-${id}`} label={label} value={draft[id]} onChange={set(id)} emptyLabel={t('common.all')} options={values.map((v) => ({ value: v, label: labelOf(v) }))} />
    </div>
  );

  return (
    <>
      <Breadcrumb items={[{ label: t('dataSources.nav') }]} />
      <PageTitle title={t('dataSources.title')} lead={t('dataSources.lead')} />
      <div className="d-flex flex-wrap gap-2 mb-5">
        {canKeepDataSources(me) && (
          <Link className="btn btn-primary" to="/basi-dati/nuova">
            <Icon name="plus" color="white" className="me-1" />
            {t('dataSources.new')}
          </Link>
        )}
        <a className="btn btn-outline-primary" href={catalogUrl} type="application/ld+json">
          <Icon name="download" color="primary" className="me-1" />
          {t('dataSources.catalog')}
        </a>
      </div>
      <form id="data-sources-filter" className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('common.filters')}>
        <div className="col-md-6 col-lg-4">
          <TextField id="filter-q" type="search" label={t('common.search')} value={draft.q} onChange={set('q')} hint={t('dataSources.searchHint')} />
        </div>
        {select('tema', t('dataSources.fields.themes'), DATA_THEMES, (v) => t(`dataSources.themes.${v}`))}
        {select('ambito', t('dataSources.fields.scopeType'), DATA_SOURCE_SCOPES, (v) => t(`dataSources.scopes.${v}`))}
        {select('accesso', t('dataSources.fields.accessRights'), ACCESS_RIGHTS, (v) => t(`dataSources.access.${v}`))}
        {select('frequenza', t('dataSources.fields.frequency'), FREQUENCIES, (v) => t(`dataSources.frequencies.${v}`))}
        <FilterButtons resetTo="/basi-dati" onReset={clear} />
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('dataSources.count', { count: list.data.total })}
          </p>
          <Table
            caption={t('dataSources.caption')}
            captionHidden
            rows={list.data.items}
            rowKey={(d) => d.id}
            empty={t('dataSources.none')}
            columns={[
              { key: 'title', header: t('dataSources.fields.titleIt'), rowHeader: true, render: (d) => <Link to={`/basi-dati/${d.id}`}>{d.title.it}</Link> },
              { key: 'publisher', header: t('dataSources.fields.publisherName'), render: (d) => d.publisher.name },
              { key: 'scope', header: t('dataSources.fields.scopeType'), render: (d) => d.council?.name ?? d.region?.name ?? t('dataSources.scopes.nation') },
              { key: 'themes', header: t('dataSources.fields.themes'), render: (d) => d.themes.map((v) => t(`dataSources.themes.${v}`)).join(', ') },
              { key: 'frequency', header: t('dataSources.fields.frequency'), render: (d) => t(`dataSources.frequencies.${d.frequency}`) },
              { key: 'access', header: t('dataSources.fields.accessRights'), render: (d) => t(`dataSources.access.${d.accessRights}`) },
              { key: 'reachability', header: t('dataSources.fields.reachability'), render: (d) => t(`dataSources.reachabilities.${d.reachability}`) },
            ]}
          />
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
