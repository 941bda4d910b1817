import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditFilters, useAudit } from '../modules/audit/api.ts';
import { AuditTable } from '../modules/audit/AuditTable.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { TextField } from '../ui/Field.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { Pagination } from '../ui/Pagination.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { useUrlFilters } from '../ui/useUrlFilters.ts';
import { FilterButtons } from '../ui/FilterButtons.tsx';

const PAGE_SIZE = 50;
// Address parameter → API filter.
const PARAMS = { tipo: 'entityType', id: 'entityId', autore: 'actor', azione: 'action', dal: 'from', al: 'to' } as const;
type Param = keyof typeof PARAMS;

export function AuditPage() {
  const { t } = useTranslation();
  const { applied, page, draft, set, submit, clear, hrefFor } = useUrlFilters(Object.keys(PARAMS) as Param[]);
  const filters = useMemo(() => {
    const out: AuditFilters = { page, pageSize: PAGE_SIZE };
    for (const [p, k] of Object.entries(PARAMS)) if (applied[p as Param]) out[k] = applied[p as Param];
    return out;
  }, [applied, page]);
  const audit = useAudit(filters);

  return (
    <>
      <Breadcrumb items={[{ label: t('nav.audit') }]} />
      <PageTitle title={t('audit.title')} lead={t('audit.lead')} />
      <form id="audit-filter" className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('common.filters')}>
        <div className="col-md-4">
          <TextField id="audit-tipo" label={t('audit.entityType')} value={draft.tipo} onChange={set('tipo')} hint={t('audit.entityTypeHint')} />
        </div>
        <div className="col-md-4">
          <TextField id="audit-id" label={t('audit.entityId')} value={draft.id} onChange={set('id')} />
        </div>
        <div className="col-md-4">
          <TextField id="audit-autore" label={t('audit.actor')} value={draft.autore} onChange={set('autore')} hint={t('audit.actorHint')} />
        </div>
        <div className="col-md-4">
          <TextField id="audit-azione" label={t('audit.action')} value={draft.azione} onChange={set('azione')} hint={t('audit.actionHint')} />
        </div>
        <div className="col-md-4">
          <TextField id="audit-dal" type="date" label={t('audit.from')} value={draft.dal} onChange={set('dal')} />
        </div>
        <div className="col-md-4">
          <TextField id="audit-al" type="date" label={t('audit.to')} value={draft.al} onChange={set('al')} />
        </div>
        <FilterButtons resetTo="/registro-attivita" onReset={clear} />
      </form>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <QueryError error={audit.error} onRetry={() => audit.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('audit.count', { count: audit.data.total })}
          </p>
          <AuditTable items={audit.data.items} />
          <Pagination page={audit.data.page} pageSize={audit.data.pageSize} total={audit.data.total} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
