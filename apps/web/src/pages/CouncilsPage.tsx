import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCouncils } from '../modules/councils/api.ts';
import { useTerritories } from '../modules/territories/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { useFormat } from '../ui/format.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';
import { useUrlFilters } from '../ui/useUrlFilters.ts';

export function CouncilsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { applied, draft, set, submit } = useUrlFilters(['regione', 'q'] as const);
  const regions = useTerritories({});
  const councils = useCouncils({ region: applied.regione || undefined, q: applied.q || undefined });

  return (
    <>
      <Breadcrumb items={[{ label: t('nav.councils') }]} />
      <PageTitle title={t('councils.title')} lead={t('councils.lead')} />
      <p>
        <Link to="/territori">{t('councils.territoriesLink')}</Link>
      </p>
      <form id="councils-filter" className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('common.filters')}>
        <div className="col-md-6">
          <SelectField
            id="councils-region"
            label={t('councils.regionFilter')}
            value={draft.regione}
            onChange={set('regione')}
            emptyLabel={t('councils.allRegions')}
            options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
        </div>
        <div className="col-md-6">
          <TextField id="councils-q" type="search" label={t('common.search')} value={draft.q} onChange={set('q')} />
        </div>
        <div className="col-12 mb-4">
          <button type="submit" className="btn btn-primary">
            {t('common.applyFilters')}
          </button>
        </div>
      </form>
      {councils.isPending ? (
        <Loading />
      ) : councils.isError ? (
        <QueryError error={councils.error} onRetry={() => councils.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('councils.count', { count: councils.data.length })}
          </p>
          <Table
            caption={t('councils.caption')}
            captionHidden
            rows={councils.data}
            rowKey={(c) => c.id}
            empty={t('councils.none')}
            columns={[
              { key: 'name', header: t('councils.fields.name'), rowHeader: true, render: (c) => <Link to={`/consigli/${c.id}`}>{c.name}</Link> },
              { key: 'prefecture', header: t('councils.fields.prefecture'), render: (c) => c.prefecture },
              { key: 'region', header: t('councils.fields.region'), render: (c) => c.region.name },
              { key: 'territories', header: t('councils.fields.territories'), render: (c) => c.territories.map((x) => x.name).join(', ') },
              { key: 'orgs', header: t('councils.fields.organizationCount'), numeric: true, render: (c) => f.integer(c.organizationCount ?? null) },
              { key: 'active', header: t('councils.fields.status'), render: (c) => (c.active ? t('councils.active') : t('councils.inactive')) },
            ]}
          />
        </>
      )}
    </>
  );
}
