import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { type EventHours, signInSheetUrl, useEventHours } from '../modules/attendance/api.ts';
import { CertificatesPanel } from '../modules/attendance/CertificatesPanel.tsx';
import { CheckInList } from '../modules/attendance/CheckInList.tsx';
import { HoursTable } from '../modules/attendance/HoursTable.tsx';
import { useEventTime } from '../modules/events/useEventTime.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { useFormat } from '../ui/format.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Table } from '../ui/Table.tsx';

/** Attendance of an event for its organisers: the sessions with their check-in and sign-in sheet, hours per person, certificates. */
export function EventAttendancePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const hours = useEventHours(id);
  if (hours.isPending && Number.isInteger(id) && id > 0) return <Loading />;
  if (!hours.data) {
    return <LoadFailed error={hours.error} notFoundTitle={t('events.notFound')} parents={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('events.nav'), to: '/eventi' }]} back={{ to: '/eventi', label: t('events.backToList') }} onRetry={() => hours.refetch()} />;
  }
  return <Loaded hours={hours.data} />;
}

function Loaded({ hours }: { hours: EventHours }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const eventId = hours.event.id;
  const sessionNumber = (sid: number) => hours.sessions.findIndex((s) => s.id === sid) + 1;
  const chosen = Number(params.get('sessione')) || null;
  const session = hours.sessions.find((s) => s.id === chosen) ?? null;
  // Sessions are planned in Italian time, whatever the browser's zone.
  const et = useEventTime();
  const label = (s: EventHours['sessions'][number]) => t('attendance.sessions.label', { n: sessionNumber(s.id), date: `${et.short(s.startsAt)}, ${et.time(s.startsAt)}` });
  return (
    <>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('events.nav'), to: '/eventi' }, { label: hours.event.title, to: `/eventi/${eventId}` }, { label: t('attendance.nav') }]} />
      <PageTitle title={t('attendance.title', { title: hours.event.title })} documentTitle={t('attendance.documentTitle', { title: hours.event.title })} lead={t('attendance.lead')} />

      <h2 className="h3">{t('attendance.sessions.heading')}</h2>
      <Table
        caption={t('attendance.sessions.caption')}
        captionHidden
        rows={hours.sessions}
        rowKey={(s) => s.id}
        empty={t('attendance.sessions.none')}
        columns={[
          { key: 'n', header: t('attendance.fields.session'), rowHeader: true, render: (s) => `${sessionNumber(s.id)}${s.title ? ` · ${s.title}` : ''}` },
          { key: 'when', header: t('attendance.fields.when'), render: (s) => `${et.short(s.startsAt)}, ${et.time(s.startsAt)}–${et.time(s.endsAt)}` },
          { key: 'hours', header: t('attendance.fields.hours'), numeric: true, render: (s) => f.number(s.hours) },
          { key: 'recorded', header: t('attendance.fields.recorded'), numeric: true, render: (s) => s.recorded },
          {
            key: 'actions',
            header: t('common.actions'),
            render: (s) => (
              <div className="d-flex flex-wrap gap-2 align-items-center">
                <button
                  type="button"
                  className={`btn btn-sm ${s.id === chosen ? 'btn-primary' : 'btn-outline-primary'}`}
                  aria-pressed={s.id === chosen}
                  onClick={() => setParams(s.id === chosen ? {} : { sessione: String(s.id) }, { replace: true })}
                >
                  {t('attendance.sessions.checkIn')}
                  <span className="visually-hidden"> – {label(s)}</span>
                </button>
                <a href={signInSheetUrl(eventId, s.id)} target="_blank" rel="noopener">
                  {t('attendance.sessions.signInSheet')}
                  <span className="visually-hidden"> – {label(s)}</span>
                </a>
              </div>
            ),
          },
        ]}
      />
      {session && <CheckInList key={session.id} eventId={eventId} sessionId={session.id} heading={t('attendance.checkIn.heading', { session: label(session) })} />}

      <h2 className="h3 mt-5">{t('attendance.hours.heading')}</h2>
      <HoursTable hours={hours} />

      <h2 className="h3 mt-5">{t('attendance.certificates.heading')}</h2>
      <CertificatesPanel eventId={eventId} hours={hours} />
    </>
  );
}
