import { LIBRARY_KINDS, LIBRARY_SCOPES } from '@mosaico/contracts/library';
import { canKeepPlaceRecords } from '../modules/auth/permissions.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../modules/auth/api.ts';
import { downloadUrl, type LibraryFilters, useLibraryDocuments } from '../modules/library/api.ts';
import { useFileSize } from '../modules/library/FileField.tsx';
import { useScopeLabel } from '../modules/library/useScopeLabel.ts';
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
const PARAMS = { q: 'q', tipo: 'kind', ambito: 'scope', anno: 'year' } as const;
type Param = keyof typeof PARAMS;
const YEARS = Array.from({ length: new Date().getFullYear() - 2014 }, (_, i) => String(new Date().getFullYear() - i));

/** The shared document library (documentazione propedeutica): what the caller reads, filtered. */
export function LibraryPage() {
  const { t } = useTranslation();
  const me = useSession().data?.me;
  const size = useFileSize();
  const scopeOf = useScopeLabel();
  const { applied, page, draft, set, submit, clear, hrefFor } = useUrlFilters(Object.keys(PARAMS) as Param[]);
  const filters: LibraryFilters = useMemo(() => {
    const out: LibraryFilters = { page, pageSize: PAGE_SIZE };
    for (const [p, k] of Object.entries(PARAMS)) if (applied[p as Param]) out[k] = applied[p as Param];
    return out;
  }, [applied, page]);
  const list = useLibraryDocuments(filters);
  const select = (id: Param, label: string, values: readonly string[], labelOf: (v: string) => string) => (
    <div className="col-md-6 col-lg-2">
      <SelectField id={`filter-${id}`} label={label} value={draft[id]} onChange={set(id)} emptyLabel={t('common.all')} options={values.map((v) => ({ value: v, label: labelOf(v) }))} />
    </div>
  );

  return (
    <>
      <Breadcrumb items={[{ label: t('library.nav') }]} />
      <PageTitle title={t('library.title')} lead={t('library.lead')} />
      {canKeepPlaceRecords(me) && (
        <div className="mb-5">
          <Link className="btn btn-primary" to="/documentazione/nuovo">
            <Icon name="upload" color="white" className="me-1" />
            {t('library.new')}
          </Link>
        </div>
      )}
      <form id="library-filter" className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('common.filters')}>
        <div className="col-md-6 col-lg-4">
          <TextField id="filter-q" type="search" label={t('common.search')} value={draft.q} onChange={set('q')} hint={t('library.searchHint')} />
        </div>
        {select('tipo', t('library.fields.kind'), LIBRARY_KINDS, (v) => t(`library.kinds.${v}`))}
        {select('ambito', t('library.fields.scope'), LIBRARY_SCOPES, (v) => t(`library.scopeFilter.${v}`))}
        {select('anno', t('library.fields.year'), YEARS, (v) => v)}
        <FilterButtons resetTo="/documentazione" onReset={clear} />
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('library.count', { count: list.data.total })}
          </p>
          <Table
            caption={t('library.caption')}
            captionHidden
            rows={list.data.items}
            rowKey={(d) => d.id}
            empty={t('library.none')}
            columns={[
              { key: 'title', header: t('library.fields.title'), rowHeader: true, render: (d) => <Link to={`/documentazione/${d.id}`}>{d.title}</Link> },
              { key: 'kind', header: t('library.fields.kind'), render: (d) => t(`library.kinds.${d.kind}`) },
              { key: 'scope', header: t('library.fields.scope'), render: scopeOf },
              { key: 'year', header: t('library.fields.year'), render: (d) => d.year ?? '—' },
              {
                key: 'file',
                header: t('library.fields.currentFile'),
                render: (d) => (
                  <a href={downloadUrl(d.id)} download={d.current.fileName}>
                    {t('library.downloadShort', { type: d.current.fileType.toUpperCase(), size: size(d.current.size) })}
                    <span className="visually-hidden"> – {d.title}</span>
                  </a>
                ),
              },
            ]}
          />
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
