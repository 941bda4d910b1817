import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../modules/auth/api.ts';
import { can } from '../modules/auth/permissions.ts';
import { useCouncils } from '../modules/councils/api.ts';
import { exportUrl, type OrganizationFilters, useOrganizations } from '../modules/organizations/api.ts';
import { COLLECTION_STATUSES, ORGANIZATION_KINDS } from '@mosaico/contracts/vocabulary';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { useFormat } from '../ui/format.ts';
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
const PARAMS = { q: 'q', tipo: 'kind', stato: 'status', consiglio: 'councilId', ordine: 'sort' } as const;
type Param = keyof typeof PARAMS;

export function OrganizationsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const session = useSession();
  const { applied, page, draft, set, submit, clear, hrefFor } = useUrlFilters(Object.keys(PARAMS) as Param[]);
  const filters: OrganizationFilters = useMemo(() => {
    const out: OrganizationFilters = { page, pageSize: PAGE_SIZE };
    for (const [p, k] of Object.entries(PARAMS)) if (applied[p as Param]) out[k] = applied[p as Param];
    return out;
  }, [applied, page]);
  const councils = useCouncils();
  const orgs = useOrganizations(filters);
  const canEdit = can.editOrganizations(session.data?.me);

  return (
    <>
      <Breadcrumb items={[{ label: t('nav.organizations') }]} />
      <PageTitle title={t('organizations.title')} lead={t('organizations.lead')} />
      <div className="d-flex flex-wrap gap-2 mb-5">
        {canEdit && (
          <>
            <Link className="btn btn-primary" to="/organizzazioni/nuova">
              <Icon name="plus" color="white" className="me-1" />
              {t('organizations.new')}
            </Link>
            <Link className="btn btn-outline-primary" to="/organizzazioni/importa">
              <Icon name="upload" color="primary" className="me-1" />
              {t('organizations.import')}
            </Link>
          </>
        )}
        <a className="btn btn-outline-primary" href={exportUrl(filters)} download>
          <Icon name="download" color="primary" className="me-1" />
          {t('organizations.export')}
        </a>
      </div>
      <form id="organizations-filter" className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('common.filters')}>
        <div className="col-md-6 col-lg-4">
          <TextField id="filter-q" type="search" label={t('common.search')} value={draft.q} onChange={set('q')} hint={t('organizations.searchHint')} />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="filter-kind"
            label={t('organizations.fields.kind')}
            value={draft.tipo}
            onChange={set('tipo')}
            emptyLabel={t('common.all')}
            options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizations.kinds.${k}`) }))}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="filter-status"
            label={t('organizations.fields.collectionStatus')}
            value={draft.stato}
            onChange={set('stato')}
            emptyLabel={t('common.all')}
            options={COLLECTION_STATUSES.map((s) => ({ value: s, label: t(`organizations.statuses.${s}`) }))}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="filter-council"
            label={t('organizations.fields.councilId')}
            value={draft.consiglio}
            onChange={set('consiglio')}
            emptyLabel={t('common.all')}
            options={[...(councils.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'it')).map((c) => ({ value: String(c.id), label: c.name }))}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="filter-sort"
            label={t('organizations.sort')}
            value={draft.ordine}
            onChange={set('ordine')}
            emptyLabel={t('organizations.sorts.name')}
            options={(['-name', '-updatedAt', 'updatedAt'] as const).map((s) => ({ value: s, label: t(`organizations.sorts.${s}`) }))}
          />
        </div>
        <FilterButtons resetTo="/organizzazioni" onReset={clear} />
      </form>
      {orgs.isPending ? (
        <Loading />
      ) : orgs.isError ? (
        <QueryError error={orgs.error} onRetry={() => orgs.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('organizations.count', { count: orgs.data.total })}
          </p>
          <Table
            caption={t('organizations.caption')}
            captionHidden
            rows={orgs.data.items}
            rowKey={(o) => o.id}
            empty={t('organizations.none')}
            columns={[
              { key: 'name', header: t('organizations.fields.name'), rowHeader: true, render: (o) => <Link to={`/organizzazioni/${o.id}`}>{o.name}</Link> },
              { key: 'kind', header: t('organizations.fields.kind'), render: (o) => t(`organizations.kinds.${o.kind}`) },
              { key: 'territory', header: t('organizations.fields.territory'), render: (o) => o.territory.name },
              { key: 'council', header: t('organizations.fields.councilId'), render: (o) => o.council?.name ?? '—' },
              { key: 'status', header: t('organizations.fields.collectionStatus'), render: (o) => t(`organizations.statuses.${o.collectionStatus}`) },
              { key: 'updated', header: t('organizations.fields.updatedAt'), render: (o) => f.dateTime(o.updatedAt) },
            ]}
          />
          <Pagination page={orgs.data.page} pageSize={orgs.data.pageSize} total={orgs.data.total} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
