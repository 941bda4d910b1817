import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DescriptionList } from '../../ui/DescriptionList.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { useParticipation } from './api.ts';

/** What the association did, computed from attendance and questionnaires; rooms said to be not available yet. */
export function ParticipationSection({ id }: { id: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const p = useParticipation(id);
  return (
    <section aria-labelledby="participation-title" className="mb-5">
      <h2 id="participation-title" className="h4">
        {t('associations.participation.title')}
      </h2>
      <p className="small text-secondary">{t('associations.participation.lead')}</p>
      {p.isPending ? (
        <Loading />
      ) : p.isError ? (
        <QueryError error={p.error} onRetry={() => p.refetch()} />
      ) : (
        <>
          <DescriptionList
            items={[
              { label: t('associations.participation.events'), value: f.integer(p.data.eventsAttended) },
              { label: t('associations.participation.hours'), value: f.number(p.data.hoursAttended) },
              { label: t('associations.participation.questionnaires'), value: f.integer(p.data.questionnairesAnswered) },
              { label: t('associations.participation.rooms'), value: t('associations.participation.roomsUnavailable') },
            ]}
          />
          <Table
            caption={t('associations.participation.byYear')}
            rows={p.data.byYear}
            rowKey={(y) => y.year}
            empty={t('associations.participation.none')}
            columns={[
              { key: 'year', header: t('associations.participation.year'), rowHeader: true, render: (y) => y.year },
              { key: 'events', header: t('associations.participation.events'), numeric: true, render: (y) => f.integer(y.events) },
              { key: 'hours', header: t('associations.participation.hours'), numeric: true, render: (y) => f.number(y.hours) },
              { key: 'questionnaires', header: t('associations.participation.questionnaires'), numeric: true, render: (y) => f.integer(y.questionnaires) },
            ]}
          />
          {p.data.events.length > 0 && (
            <Table
              caption={t('associations.participation.eventList')}
              rows={p.data.events}
              rowKey={(e) => e.id}
              columns={[
                { key: 'title', header: t('associations.participation.event'), rowHeader: true, render: (e) => <Link to={`/eventi/${e.id}`}>{e.title}</Link> },
                { key: 'kind', header: t('associations.participation.kind'), render: (e) => t(`events.kinds.${e.kind}`) },
                { key: 'date', header: t('associations.participation.date'), render: (e) => f.date(e.firstDate) },
                { key: 'people', header: t('associations.participation.people'), numeric: true, render: (e) => f.integer(e.people) },
                { key: 'hours', header: t('associations.participation.hours'), numeric: true, render: (e) => f.number(e.hours) },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}
