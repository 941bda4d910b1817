import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../modules/auth/api.ts';
import { can } from '../modules/auth/permissions.ts';
import { type EventDetail, icsUrl, useDeleteEvent, useEvent, useUpdateEvent } from '../modules/events/api.ts';
import { EventInvitations } from '../modules/events/EventInvitations.tsx';
import { EventMaterials } from '../modules/events/EventMaterials.tsx';
import { EventRegistrations, SelfRegistration } from '../modules/events/EventRegistrations.tsx';
import { EventSessions } from '../modules/events/EventSessions.tsx';
import { useEventTime } from '../modules/events/useEventTime.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DeleteWithConfirmation } from '../ui/DeleteWithConfirmation.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { Icon } from '../ui/Icon.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { useErrorMessage } from '../ui/QueryError.tsx';

/** Publishing a draft (with its sessions) in one click; the server refuses one without sessions. */
function PublishButton({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const update = useUpdateEvent(event.id);
  const messageOf = useErrorMessage();
  return (
    <>
      <button type="button" className="btn btn-primary" disabled={update.isPending} onClick={() => update.mutate({ status: 'published', version: event.version })}>
        {t('events.publish')}
      </button>
      {update.isError && (
        <div className="alert alert-danger w-100 mt-2" role="alert">
          {messageOf(update.error)}
        </div>
      )}
    </>
  );
}

function DeleteEvent({ event, onReload }: { event: EventDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const remove = useDeleteEvent(event.id);
  return (
    <DeleteWithConfirmation
      version={event.version}
      remove={remove}
      labels={{ open: t('events.delete'), question: t('events.confirmDelete', { title: event.title }), confirm: t('events.confirmDeleteButton') }}
      onDeleted={() => {
        flash.show(t('events.deleted', { title: event.title }), { path: '/eventi' });
        navigate('/eventi');
      }}
      onReload={onReload}
    />
  );
}

/** One event: what, where, when; sessions, materials, the caller's registration, and for organisers participants and invitations. */
export function EventPage() {
  const { t } = useTranslation();
  const time = useEventTime();
  const id = Number(useParams().id);
  const q = useEvent(id);
  const me = useSession().data?.me;
  if (q.isPending && Number.isInteger(id)) return <Loading />;
  if (!q.data) {
    return <LoadFailed error={q.error} notFoundTitle={t('events.notFound')} parents={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('events.nav'), to: '/eventi' }]} back={{ to: '/eventi', label: t('events.backToList') }} onRetry={() => q.refetch()} />;
  }
  const e = q.data;
  const place = e.scopeType === 'council' ? e.council?.name : e.scopeType === 'region' ? e.region?.name : e.scopeType === 'regions' ? e.regions.map((r) => r.name).join(', ') : t('events.scopes.nation');
  const list = (values: string[], key: string) => (values.length ? values.map((v) => t(`events.${key}.${v}`)).join(', ') : '—');
  return (
    <>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('events.nav'), to: '/eventi' }, { label: e.title }]} />
      <PageTitle title={e.title} documentTitle={t('events.documentTitle', { title: e.title })} lead={`${t(`events.kinds.${e.kind}`)} · ${t(`events.statuses.${e.status}`)}`} />
      <div className="d-flex flex-wrap gap-2 mb-4">
        {e.canEdit && e.status === 'draft' && e.sessions.length > 0 && <PublishButton event={e} />}
        {e.canEdit && (
          <Link className="btn btn-outline-primary" to={`/eventi/${e.id}/modifica`}>
            {t('events.edit')}
          </Link>
        )}
        {e.sessions.length > 0 && (
          <a className="btn btn-outline-primary" href={icsUrl(e.id)} download={`evento-${e.id}.ics`}>
            <Icon name="calendar" className="me-1" />
            {t('events.addToCalendar')}
          </a>
        )}
        {e.canEdit && (
          <Link className="btn btn-outline-primary" to={`/eventi/${e.id}/presenze`}>
            {t('events.attendanceLink')}
          </Link>
        )}
        <Link className="btn btn-outline-primary" to={`/questionari?evento=${e.id}`}>
          {t('events.questionnairesLink')}
        </Link>
        {e.canEdit && can.viewAudit(me) && (
          <Link className="btn btn-outline-secondary" to={`/registro-attivita?tipo=event&id=${e.id}`}>
            {t('events.history')}
          </Link>
        )}
      </div>
      {e.status === 'draft' && <p className="alert alert-info">{t('events.draftNote')}</p>}
      {e.description && <p className="pre-line">{e.description}</p>}
      <DescriptionList
        items={[
          { label: t('events.fields.when'), value: e.startsAt && e.endsAt ? (e.sessions.length > 1 ? t('events.fromTo', { from: time.short(e.startsAt), to: time.short(e.endsAt) }) : time.range({ startsAt: e.startsAt, endsAt: e.endsAt })) : t('events.noSessions') },
          { label: t('events.fields.scope'), value: `${t(`events.scopes.${e.scopeType}`)}${e.scopeType === 'nation' ? '' : `: ${place}`}` },
          { label: t('events.fields.organizer'), value: e.organizerOrganization ? `${e.organizerName} (${e.organizerOrganization.name})` : e.organizerName },
          ...(e.workingGroup ? [{ label: t('events.fields.workingGroup'), value: <Link to={`/gruppi-di-lavoro/${e.workingGroup.id}`}>{e.workingGroup.name}</Link> }] : []),
          { label: t('events.fields.topics'), value: list(e.topics, 'topics') },
          { label: t('events.fields.targetGroups'), value: list(e.targetGroups, 'targetGroups') },
          { label: t('events.fields.hours'), value: t('events.hoursOf', { hours: time.hours(e.hours) }) },
          { label: t('events.fields.seats'), value: e.capacity != null ? t('events.seatsTaken', { taken: e.registeredCount, capacity: e.capacity, waiting: e.waitingCount }) : t('events.noLimit', { taken: e.registeredCount }) },
          { label: t('events.fields.registrationOpen'), value: e.registrationOpen ? t('common.yes') : t('common.no') },
          { label: t('events.fields.certificateThreshold'), value: e.certificateThreshold != null ? t('events.thresholdOf', { percent: e.certificateThreshold }) : t('events.noCertificates') },
        ]}
      />
      <SelfRegistration event={e} />
      <EventSessions event={e} />
      <EventMaterials event={e} />
      {e.canEdit && <EventRegistrations event={e} />}
      {e.canEdit && <EventInvitations event={e} />}
      {e.canEdit && <DeleteEvent event={e} onReload={() => q.refetch()} />}
    </>
  );
}
