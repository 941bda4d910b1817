import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { councilFeedUrl, type EventSummary, useEvents } from './api.ts';
import { useEventTime } from './useEventTime.ts';
import { romeDay } from '../../ui/format.ts';

/** The kinds a council's page lists: its own meetings and its Migration Days. */
const COUNCIL_KINDS = new Set(['council_plenary', 'working_table_meeting', 'seeding_meeting', 'stakeholder_meeting', 'migration_day', 'training_day', 'course']);

const UNDATED = 'undated';

/** A council's meetings and Migration Days, grouped by year (newest first), with the council's calendar feed. */
export function CouncilEvents({ councilId }: { councilId: number }) {
  const { t } = useTranslation();
  const time = useEventTime();
  const list = useEvents({ councilId: String(councilId), pageSize: 500 });
  const byYear = new Map<string, EventSummary[]>();
  for (const e of list.data?.items ?? []) {
    if (!COUNCIL_KINDS.has(e.kind) || e.status === 'draft') continue;
    // Undated events go under a fixed key (an id must not hold the translated label's spaces).
    const year = e.startsAt ? romeDay(e.startsAt).slice(0, 4) : UNDATED;
    byYear.set(year, [...(byYear.get(year) ?? []), e]);
  }
  // Years newest first, the undated ones last.
  const years = [...byYear.keys()].sort((a, b) => (a === UNDATED ? 1 : b === UNDATED ? -1 : b.localeCompare(a)));
  return (
    <section aria-labelledby="council-events-title" className="mb-5">
      <h2 id="council-events-title" className="h4">
        {t('events.council.heading')}
      </h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : years.length === 0 ? (
        <p className="text-secondary">{t('events.council.none')}</p>
      ) : (
        years.map((year) => (
          <section key={year} aria-labelledby={`council-events-${year}`} className="mb-3">
            <h3 id={`council-events-${year}`} className="h5">
              {year === UNDATED ? t('events.council.undated') : year}
            </h3>
            <ul>
              {(byYear.get(year) ?? [])
                .slice()
                .sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? ''))
                .map((e) => (
                  <li key={e.id}>
                    <Link to={`/eventi/${e.id}`}>{e.title}</Link> <span className="text-secondary">({t(`events.kinds.${e.kind}`)}, {time.short(e.startsAt)}{e.status === 'cancelled' ? `, ${t('events.statuses.cancelled')}` : ''})</span>
                  </li>
                ))}
            </ul>
          </section>
        ))
      )}
      <p className="d-flex flex-wrap gap-3">
        <Link to={`/eventi?consiglio=${councilId}`}>{t('events.council.all')}</Link>
        <a href={councilFeedUrl(councilId)}>{t('events.council.feed')}</a>
      </p>
    </section>
  );
}
