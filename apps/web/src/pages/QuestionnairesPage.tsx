import { QUESTIONNAIRE_STATUSES } from '@mosaico/contracts/participation';
import { canKeepPlaceRecords } from '../modules/auth/permissions.ts';
import { QUESTIONNAIRE_SCOPES } from '@mosaico/contracts/questionnaires';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../modules/auth/api.ts';
import { type QuestionnaireFilters, useQuestionnaires } from '../modules/questionnaires/api.ts';
import { StatusBadge } from '../modules/questionnaires/StatusBadge.tsx';
import { usePlaceLabel } from '../modules/questionnaires/usePlaceLabel.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { FilterButtons } from '../ui/FilterButtons.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { Pagination } from '../ui/Pagination.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';
import { useUrlFilters } from '../ui/useUrlFilters.ts';

const PAGE_SIZE = 25;
// Address parameter (Italian, shareable) → API filter. `evento` is what the event page links to.
const PARAMS = { q: 'q', stato: 'status', ambito: 'scope', evento: 'eventId' } as const;
type Param = keyof typeof PARAMS;

/** The feedback questionnaires of the caller's places; filtered by event when reached from an event's page. */
export function QuestionnairesPage() {
  const { t } = useTranslation();
  const me = useSession().data?.me;
  const placeOf = usePlaceLabel();
  const { applied, page, draft, set, submit, clear, hrefFor } = useUrlFilters(Object.keys(PARAMS) as Param[]);
  const filters: QuestionnaireFilters = useMemo(() => {
    const out: QuestionnaireFilters = { page, pageSize: PAGE_SIZE };
    for (const [p, k] of Object.entries(PARAMS)) if (applied[p as Param]) out[k] = applied[p as Param];
    return out;
  }, [applied, page]);
  const list = useQuestionnaires(filters);
  const eventId = applied.evento && /^\d+$/.test(applied.evento) ? applied.evento : '';
  const eventTitle = eventId ? list.data?.items.find((q) => q.event)?.event?.title : undefined;

  return (
    <>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('questionnaires.nav') }]} />
      <PageTitle title={t('questionnaires.title')} lead={t('questionnaires.lead')} />
      {eventId && (
        <p>
          {eventTitle ? t('questionnaires.ofEvent', { title: eventTitle }) : t('questionnaires.ofEventId', { id: eventId })}{' '}
          <Link to="/questionari">{t('questionnaires.allEvents')}</Link>
        </p>
      )}
      {canKeepPlaceRecords(me) && (
        <div className="mb-5">
          <Link className="btn btn-primary" to={eventId ? `/questionari/nuovo?evento=${eventId}` : '/questionari/nuovo'}>
            <Icon name="plus" color="white" className="me-1" />
            {t('questionnaires.new')}
          </Link>
        </div>
      )}
      <form id="questionnaire-filter" className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('common.filters')}>
        <div className="col-md-6 col-lg-4">
          <TextField id="filter-q" type="search" label={t('common.search')} value={draft.q} onChange={set('q')} hint={t('questionnaires.searchHint')} />
        </div>
        <div className="col-md-6 col-lg-3">
          <SelectField id="filter-stato" label={t('questionnaires.fields.status')} value={draft.stato} onChange={set('stato')} emptyLabel={t('common.all')} options={QUESTIONNAIRE_STATUSES.map((s) => ({ value: s, label: t(`questionnaires.statuses.${s}`) }))} />
        </div>
        <div className="col-md-6 col-lg-3">
          <SelectField id="filter-ambito" label={t('questionnaires.fields.scope')} value={draft.ambito} onChange={set('ambito')} emptyLabel={t('common.all')} options={QUESTIONNAIRE_SCOPES.map((s) => ({ value: s, label: t(`questionnaires.scopeFilter.${s}`) }))} />
        </div>
        <FilterButtons resetTo="/questionari" onReset={clear} />
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('questionnaires.count', { count: list.data.total })}
          </p>
          <Table
            caption={t('questionnaires.caption')}
            captionHidden
            rows={list.data.items}
            rowKey={(q) => q.id}
            empty={t('questionnaires.none')}
            columns={[
              { key: 'title', header: t('questionnaires.fields.title'), rowHeader: true, render: (q) => <Link to={`/questionari/${q.id}`}>{q.title}</Link> },
              { key: 'status', header: t('questionnaires.fields.status'), render: (q) => <StatusBadge status={q.status} /> },
              { key: 'scope', header: t('questionnaires.fields.scope'), render: placeOf },
              { key: 'event', header: t('questionnaires.fields.event'), render: (q) => q.event?.title ?? '—' },
              { key: 'anonymous', header: t('questionnaires.fields.anonymous'), render: (q) => (q.anonymous ? t('common.yes') : t('common.no')) },
              { key: 'responses', header: t('questionnaires.fields.responses'), render: (q) => q.responseCount },
              {
                key: 'answer',
                header: t('questionnaires.fields.yourAnswer'),
                render: (q) =>
                  q.answered ? (
                    t('questionnaires.answered')
                  ) : q.canAnswer ? (
                    <Link to={`/questionari/${q.id}/compila`}>
                      {t('questionnaires.answerNow')}
                      <span className="visually-hidden"> – {q.title}</span>
                    </Link>
                  ) : (
                    '—'
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
