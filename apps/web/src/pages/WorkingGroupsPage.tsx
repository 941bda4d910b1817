import { useTranslation } from 'react-i18next';
import { canKeepPlaceRecords } from '../modules/auth/permissions.ts';
import { Link } from 'react-router';
import { useSession } from '../modules/auth/api.ts';
import { useWorkingGroups } from '../modules/working-groups/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { FilterButtons } from '../ui/FilterButtons.tsx';
import { useFormat } from '../ui/format.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { Pagination } from '../ui/Pagination.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';
import { useUrlFilters } from '../ui/useUrlFilters.ts';

/** The local working groups of the caller's region and council. */
export function WorkingGroupsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useSession().data?.me;
  const { applied, page, draft, set, submit, clear, hrefFor } = useUrlFilters(['q', 'attivi'] as const);
  const list = useWorkingGroups({ q: applied.q || undefined, active: applied.attivi || undefined, page, pageSize: 25 });
  return (
    <>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('workingGroups.nav') }]} />
      <PageTitle title={t('workingGroups.title')} lead={t('workingGroups.lead')} />
      {canKeepPlaceRecords(me) && (
        <div className="mb-5">
          <Link className="btn btn-primary" to="/gruppi-di-lavoro/nuovo">
            {t('workingGroups.new')}
          </Link>
        </div>
      )}
      <form id="groups-filter" className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('common.filters')}>
        <div className="col-md-6 col-lg-4">
          <TextField id="filter-q" type="search" label={t('common.search')} value={draft.q} onChange={set('q')} />
        </div>
        <div className="col-md-6 col-lg-3">
          <SelectField id="filter-attivi" label={t('workingGroups.fields.active')} value={draft.attivi} onChange={set('attivi')} emptyLabel={t('common.all')} options={[{ value: 'true', label: t('workingGroups.activeYes') }, { value: 'false', label: t('workingGroups.activeNo') }]} />
        </div>
        <FilterButtons resetTo="/gruppi-di-lavoro" onReset={clear} />
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('workingGroups.count', { count: list.data.total })}
          </p>
          <Table
            caption={t('workingGroups.title')}
            captionHidden
            rows={list.data.items}
            rowKey={(g) => g.id}
            empty={t('workingGroups.none')}
            columns={[
              { key: 'name', header: t('workingGroups.fields.name'), rowHeader: true, render: (g) => <Link to={`/gruppi-di-lavoro/${g.id}`}>{g.name}</Link> },
              { key: 'place', header: t('workingGroups.fields.place'), render: (g) => g.council?.name ?? g.region.name },
              { key: 'area', header: t('workingGroups.fields.area'), render: (g) => g.area ?? '—' },
              { key: 'formedOn', header: t('workingGroups.fields.formedOn'), render: (g) => f.date(g.formedOn) },
              { key: 'members', header: t('workingGroups.fields.members'), numeric: true, render: (g) => f.integer(g.membersCount) },
              { key: 'meetings', header: t('workingGroups.fields.meetings'), numeric: true, render: (g) => f.integer(g.meetingsCount) },
              { key: 'active', header: t('workingGroups.fields.active'), render: (g) => (g.active ? t('common.yes') : t('common.no')) },
            ]}
          />
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
