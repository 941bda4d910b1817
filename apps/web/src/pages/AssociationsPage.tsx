import { ASSOCIATION_SECTORS, ENGAGEMENT_STATUSES } from '@mosaico/contracts/participation';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AssociationFilters, canKeepAssociations, useAssociations } from '../modules/associations/api.ts';
import { useSession } from '../modules/auth/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { FilterButtons } from '../ui/FilterButtons.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { Pagination } from '../ui/Pagination.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';
import { useUrlFilters } from '../ui/useUrlFilters.ts';

const PAGE_SIZE = 25;
// Address parameter (Italian, shareable) → API filter.
const PARAMS = { q: 'q', stato: 'status', settore: 'sector', comunita: 'community', lingua: 'language' } as const;
type Param = keyof typeof PARAMS;

/** The registry of immigrant associations the caller reads, with the pipeline status of each. */
export function AssociationsPage() {
  const { t } = useTranslation();
  const me = useSession().data?.me;
  const { applied, page, draft, set, submit, clear, hrefFor } = useUrlFilters(Object.keys(PARAMS) as Param[]);
  const filters = useMemo(() => {
    const out: AssociationFilters = { page, pageSize: PAGE_SIZE };
    for (const [p, k] of Object.entries(PARAMS)) if (applied[p as Param]) out[k] = applied[p as Param];
    return out;
  }, [applied, page]);
  const list = useAssociations(filters);
  return (
    <>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('associations.nav') }]} />
      <PageTitle title={t('associations.title')} lead={t('associations.lead')} />
      {canKeepAssociations(me) && (
        <div className="mb-5 d-flex flex-wrap gap-2">
          <Link className="btn btn-primary" to="/associazioni/nuova">
            {t('associations.new')}
          </Link>
          <Link className="btn btn-outline-primary" to="/associazioni/richieste">
            {t('associations.requests.nav')}
          </Link>
          <Link className="btn btn-outline-primary" to="/aderisci">
            {t('associations.joinPage')}
          </Link>
        </div>
      )}
      <form id="associations-filter" className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('common.filters')}>
        <div className="col-md-6 col-lg-3">
          <TextField id="filter-q" type="search" label={t('common.search')} value={draft.q} onChange={set('q')} hint={t('associations.searchHint')} />
        </div>
        <div className="col-md-6 col-lg-2">
          <SelectField id="filter-stato" label={t('associations.fields.status')} value={draft.stato} onChange={set('stato')} emptyLabel={t('common.all')} options={ENGAGEMENT_STATUSES.map((s) => ({ value: s, label: t(`associations.statuses.${s}`) }))} />
        </div>
        <div className="col-md-6 col-lg-2">
          <SelectField id="filter-settore" label={t('associations.fields.sector')} value={draft.settore} onChange={set('settore')} emptyLabel={t('common.all')} options={ASSOCIATION_SECTORS.map((s) => ({ value: s, label: t(`associations.sectors.${s}`) }))} />
        </div>
        <div className="col-md-6 col-lg-2">
          <TextField id="filter-comunita" label={t('associations.fields.community')} value={draft.comunita} onChange={set('comunita')} />
        </div>
        <div className="col-md-6 col-lg-3">
          <TextField id="filter-lingua" label={t('associations.fields.language')} value={draft.lingua} onChange={set('lingua')} />
        </div>
        <FilterButtons resetTo="/associazioni" onReset={clear} />
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('associations.count', { count: list.data.total })}
          </p>
          <Table
            caption={t('associations.caption')}
            captionHidden
            rows={list.data.items}
            rowKey={(a) => a.id}
            empty={t('associations.none')}
            columns={[
              { key: 'name', header: t('associations.fields.name'), rowHeader: true, render: (a) => <Link to={`/associazioni/${a.id}`}>{a.name}</Link> },
              { key: 'council', header: t('associations.fields.council'), render: (a) => a.council?.name ?? a.region?.name ?? '—' },
              { key: 'communities', header: t('associations.fields.communities'), render: (a) => a.communities.join(', ') || '—' },
              { key: 'status', header: t('associations.fields.status'), render: (a) => t(`associations.statuses.${a.engagementStatus}`) },
              { key: 'verified', header: t('associations.fields.verified'), render: (a) => (a.verifiedAt ? t('common.yes') : t('common.no')) },
            ]}
          />
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
