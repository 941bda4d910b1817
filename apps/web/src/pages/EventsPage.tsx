import { EVENT_KINDS, EVENT_STATUSES, EVENT_TOPICS } from '@mosaico/contracts/participation';
import { canKeepPlaceRecords } from '../modules/auth/permissions.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../modules/auth/api.ts';
import { useCouncils } from '../modules/councils/api.ts';
import { type EventFilters, type EventSummary, useEventOptions, useEvents } from '../modules/events/api.ts';
import { EventCalendar, monthBounds } from '../modules/events/EventCalendar.tsx';
import { useEventTime } from '../modules/events/useEventTime.ts';
import { todayInItaly } from '../ui/format.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { FilterButtons } from '../ui/FilterButtons.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { Pagination } from '../ui/Pagination.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';
import { useUrlFilters } from '../ui/useUrlFilters.ts';

const PAGE_SIZE = 25;
// Address parameter (Italian, shareable) → API filter.
const PARAMS = { q: 'q', tipo: 'kind', stato: 'status', anno: 'year', regione: 'regionId', consiglio: 'councilId', tema: 'topic', gruppo: 'workingGroupId' } as const;
type Param = keyof typeof PARAMS;
const YEARS = Array.from({ length: new Date().getFullYear() - 2014 }, (_, i) => String(new Date().getFullYear() + 1 - i));

function useScopeText() {
  const { t } = useTranslation();
  return (e: EventSummary) =>
    e.scopeType === 'council' ? (e.council?.name ?? '—') : e.scopeType === 'region' ? (e.region?.name ?? '—') : e.scopeType === 'regions' ? e.regions.map((r) => r.name).join(', ') : t('events.scopes.nation');
}

/** Events and training: the list with filters, or a month's calendar. */
export function EventsPage() {
  const { t } = useTranslation();
  const time = useEventTime();
  const me = useSession().data?.me;
  const scopeText = useScopeText();
  const [params] = useSearchParams();
  const calendar = params.get('vista') === 'calendario';
  const month = /^\d{4}-\d{2}$/.test(params.get('mese') ?? '') ? (params.get('mese') as string) : todayInItaly().slice(0, 7);
  const { applied, page, draft, set, submit, clear, hrefFor } = useUrlFilters(Object.keys(PARAMS) as Param[]);
  const filters: EventFilters = useMemo(() => {
    const out: EventFilters = calendar ? { ...monthBounds(month), pageSize: 500 } : { page, pageSize: PAGE_SIZE };
    for (const [p, k] of Object.entries(PARAMS)) if (applied[p as Param]) out[k] = applied[p as Param];
    return out;
  }, [applied, page, calendar, month]);
  const list = useEvents(filters);
  const councils = useCouncils();
  const options = useEventOptions();
  const regions = [...new Map((councils.data ?? []).map((c) => [c.region.id, c.region])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const councilChoices = (councils.data ?? []).filter((c) => !draft.regione || String(c.region.id) === draft.regione);
  const withView = (view: 'elenco' | 'calendario', m?: string) => {
    const next = new URLSearchParams(params);
    next.delete('pagina');
    if (view === 'calendario') next.set('vista', 'calendario');
    else next.delete('vista');
    if (m) next.set('mese', m);
    return `?${next.toString()}`;
  };
  const select = (id: Param, label: string, values: { value: string; label: string }[]) => (
    <div className="col-md-6 col-lg-3">
      <SelectField id={`filter-${id}`} label={label} value={draft[id]} onChange={set(id)} emptyLabel={t('common.all')} options={values} />
    </div>
  );

  return (
    <>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('events.nav') }]} />
      <PageTitle title={t('events.title')} lead={t('events.lead')} />
      {canKeepPlaceRecords(me) && (
        <div className="mb-4">
          <Link className="btn btn-primary" to="/eventi/nuovo">
            <Icon name="plus" color="white" className="me-1" />
            {t('events.new')}
          </Link>
        </div>
      )}
      <form id="events-filter" className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('common.filters')}>
        <div className="col-md-6 col-lg-3">
          <TextField id="filter-q" type="search" label={t('common.search')} value={draft.q} onChange={set('q')} hint={t('events.searchHint')} />
        </div>
        {select('tipo', t('events.fields.kind'), EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) })))}
        {select('tema', t('events.fields.topic'), EVENT_TOPICS.map((k) => ({ value: k, label: t(`events.topics.${k}`) })))}
        {select('stato', t('events.fields.status'), EVENT_STATUSES.map((s) => ({ value: s, label: t(`events.statuses.${s}`) })))}
        {!calendar && select('anno', t('events.fields.year'), YEARS.map((y) => ({ value: y, label: y })))}
        {select('regione', t('events.fields.region'), regions.map((r) => ({ value: String(r.id), label: r.name })))}
        {select('consiglio', t('events.fields.council'), councilChoices.map((c) => ({ value: String(c.id), label: c.name })))}
        {(options.data?.workingGroups.length ?? 0) > 0 && select('gruppo', t('events.fields.workingGroup'), (options.data?.workingGroups ?? []).map((g) => ({ value: String(g.id), label: g.name })))}
        <FilterButtons resetTo={calendar ? `/eventi?vista=calendario&mese=${month}` : '/eventi'} onReset={clear} />
      </form>
      <nav aria-label={t('events.views')} className="mb-4 d-flex gap-2">
        <Link className={`btn btn-sm ${calendar ? 'btn-outline-primary' : 'btn-primary'}`} to={withView('elenco')} aria-current={calendar ? undefined : 'page'}>
          {t('events.listView')}
        </Link>
        <Link className={`btn btn-sm ${calendar ? 'btn-primary' : 'btn-outline-primary'}`} to={withView('calendario', month)} aria-current={calendar ? 'page' : undefined}>
          {t('events.calendarView')}
        </Link>
      </nav>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : calendar ? (
        <EventCalendar month={month} events={list.data.items} hrefForMonth={(m) => withView('calendario', m)} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('events.count', { count: list.data.total })}
          </p>
          <Table
            caption={t('events.caption')}
            captionHidden
            rows={list.data.items}
            rowKey={(e) => e.id}
            empty={t('events.none')}
            columns={[
              { key: 'title', header: t('events.fields.title'), rowHeader: true, render: (e) => <Link to={`/eventi/${e.id}`}>{e.title}</Link> },
              { key: 'kind', header: t('events.fields.kind'), render: (e) => t(`events.kinds.${e.kind}`) },
              { key: 'when', header: t('events.fields.when'), render: (e) => (e.startsAt ? time.short(e.startsAt) : t('events.noSessions')) },
              { key: 'scope', header: t('events.fields.scope'), render: scopeText },
              { key: 'status', header: t('events.fields.status'), render: (e) => t(`events.statuses.${e.status}`) },
              { key: 'seats', header: t('events.fields.registered'), numeric: true, render: (e) => (e.capacity != null ? `${e.registeredCount}/${e.capacity}` : String(e.registeredCount)) },
            ]}
          />
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
