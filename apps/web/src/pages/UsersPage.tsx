import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLES } from '@mosaico/contracts/vocabulary';
import { useUsers } from '../modules/users/api.ts';
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

const PAGE_SIZE = 25;

export function UsersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { applied, page, draft, set, submit, hrefFor } = useUrlFilters(['q', 'ruolo'] as const);
  const users = useUsers({ q: applied.q || undefined, role: applied.ruolo || undefined, page, pageSize: PAGE_SIZE });

  return (
    <>
      <Breadcrumb items={[{ label: t('nav.users') }]} />
      <PageTitle title={t('users.title')} lead={t('users.lead')} />
      <Link className="btn btn-primary mb-5" to="/utenti/nuovo">
        <Icon name="plus" color="white" className="me-1" />
        {t('users.new')}
      </Link>
      <form id="users-filter" className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('common.filters')}>
        <div className="col-md-6">
          <TextField id="users-q" type="search" label={t('common.search')} value={draft.q} onChange={set('q')} hint={t('users.searchHint')} />
        </div>
        <div className="col-md-6">
          <SelectField
            id="users-role"
            label={t('users.grant.role')}
            value={draft.ruolo}
            onChange={set('ruolo')}
            emptyLabel={t('common.all')}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </div>
        <div className="col-12 mb-4">
          <button type="submit" className="btn btn-primary">
            {t('common.applyFilters')}
          </button>
        </div>
      </form>
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <QueryError error={users.error} onRetry={() => users.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('users.count', { count: users.data.total })}
          </p>
          <Table
            caption={t('users.caption')}
            captionHidden
            rows={users.data.items}
            rowKey={(u) => u.id}
            empty={t('users.none')}
            columns={[
              { key: 'name', header: t('users.fields.name'), rowHeader: true, render: (u) => <Link to={`/utenti/${u.id}`}>{u.name}</Link> },
              { key: 'email', header: t('users.fields.email'), render: (u) => u.email },
              {
                key: 'roles',
                header: t('users.roles'),
                render: (u) => u.roles.map((r) => `${t(`roles.${r.role}`)}${r.scopeName ? ` – ${r.scopeName}` : ''}`).join('; ') || '—',
              },
              { key: 'active', header: t('users.fields.active'), render: (u) => (u.active ? t('common.yes') : t('common.no')) },
              { key: 'last', header: t('users.lastLogin'), render: (u) => f.dateTime(u.lastLoginAt) },
            ]}
          />
          <Pagination page={users.data.page} pageSize={users.data.pageSize} total={users.data.total} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
