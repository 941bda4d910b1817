import { romeInstant } from '@mosaico/contracts/events';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { RequiredNote, TextField } from '../../ui/Field.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import { type EventDetail, type EventSession, useDeleteSession, useSaveSession } from './api.ts';
import { useEventTime } from './useEventTime.ts';
import { romeDay, romeTime } from '../../ui/format.ts';

interface Values {
  date: string;
  startTime: string;
  endTime: string;
  title: string;
  place: string;
  onlineUrl: string;
  capacity: string;
  agenda: string;
  minutes: string;
}

/** "9:00" or "9.30" as "09:00", "09:30": people type times both ways. */
const hhmm = (s: string) => {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(s.trim());
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : s.trim();
};

const valuesOf = (s?: EventSession): Values => ({
  date: s ? romeDay(s.startsAt) : '',
  startTime: s ? romeTime(s.startsAt) : '',
  endTime: s ? romeTime(s.endsAt) : '',
  title: s?.title ?? '',
  place: s?.place ?? '',
  onlineUrl: s?.onlineUrl ?? '',
  capacity: s?.capacity != null ? String(s.capacity) : '',
  agenda: s?.agenda ?? '',
  minutes: s?.minutes ?? '',
});

/** Adds a session, or changes one: day and times in Italian time, place and/or link, agenda and minutes. */
function SessionForm({ eventId, session, name, onDone }: { eventId: number; session?: EventSession; name?: string; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSession(eventId);
  const [v, setV] = useState<Values>(() => valuesOf(session));
  const set = (k: keyof Values) => (value: string) => setV((prev) => ({ ...prev, [k]: value }));
  const prefix = session ? `session-${session.id}` : 'session-new';
  const fieldOf = (f: string) => (f === 'startsAt' ? 'startTime' : f === 'endsAt' ? 'endTime' : f);
  const { errors, fromError, setLocal, clear } = useFormErrors({ fieldOf });
  const labels: Record<string, string> = {
    date: t('events.sessions.date'),
    startTime: t('events.sessions.startTime'),
    endTime: t('events.sessions.endTime'),
    title: t('events.sessions.title'),
    place: t('events.sessions.place'),
    onlineUrl: t('events.sessions.onlineUrl'),
    capacity: t('events.sessions.capacity'),
    agenda: t('events.sessions.agenda'),
    minutes: t('events.sessions.minutes'),
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const local: Record<string, string> = {};
    for (const k of ['date', 'startTime', 'endTime'] as const) if (!v[k]) local[k] = t('form.required');
    if (Object.keys(local).length) {
      setLocal(t('form.fixFields'), local);
      return;
    }
    const body = {
      title: v.title,
      startsAt: romeInstant(v.date, hhmm(v.startTime)),
      endsAt: romeInstant(v.date, hhmm(v.endTime)),
      place: v.place,
      onlineUrl: v.onlineUrl,
      capacity: v.capacity ? Number(v.capacity) : null,
      agenda: v.agenda,
      minutes: v.minutes,
      ...(session ? { version: session.version } : {}),
    };
    try {
      await save.mutateAsync({ sessionId: session?.id, body });
      if (!session) setV(valuesOf());
      onDone();
    } catch (err) {
      fromError(err);
    }
  };
  return (
    <form id={`${prefix}-form`} noValidate onSubmit={submit} className="border rounded p-3 mb-4" aria-label={name ? t('events.sessions.editOf', { name }) : t('events.sessions.add')}>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix={prefix} />
      <div className="row">
        <div className="col-md-4">
          <TextField id={`${prefix}-date`} label={labels.date} type="date" required value={v.date} onChange={set('date')} error={errors.fields.date} />
        </div>
        <div className="col-md-4">
          <TextField id={`${prefix}-startTime`} label={labels.startTime} type="text" inputMode="numeric" required value={v.startTime} onChange={set('startTime')} error={errors.fields.startTime} hint={t('events.sessions.timeHint')} maxLength={5} />
        </div>
        <div className="col-md-4">
          <TextField id={`${prefix}-endTime`} label={labels.endTime} type="text" inputMode="numeric" required value={v.endTime} onChange={set('endTime')} error={errors.fields.endTime} hint={t('events.sessions.timeHint')} maxLength={5} />
        </div>
      </div>
      <TextField id={`${prefix}-title`} label={labels.title} value={v.title} onChange={set('title')} error={errors.fields.title} maxLength={200} />
      <div className="row">
        <div className="col-md-6">
          <TextField id={`${prefix}-place`} label={labels.place} value={v.place} onChange={set('place')} error={errors.fields.place} hint={t('events.sessions.placeHint')} maxLength={300} />
        </div>
        <div className="col-md-6">
          <TextField id={`${prefix}-onlineUrl`} label={labels.onlineUrl} type="url" value={v.onlineUrl} onChange={set('onlineUrl')} error={errors.fields.onlineUrl} maxLength={500} />
        </div>
      </div>
      <TextField id={`${prefix}-capacity`} label={labels.capacity} type="number" inputMode="numeric" min="1" value={v.capacity} onChange={set('capacity')} error={errors.fields.capacity} hint={t('events.sessions.capacityHint')} />
      <TextField id={`${prefix}-agenda`} label={labels.agenda} multiline value={v.agenda} onChange={set('agenda')} error={errors.fields.agenda} maxLength={10000} />
      <TextField id={`${prefix}-minutes`} label={labels.minutes} multiline value={v.minutes} onChange={set('minutes')} error={errors.fields.minutes} hint={t('events.sessions.minutesHint')} maxLength={50000} />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : session ? t('common.save') : t('events.sessions.add')}
        </button>
        {session && (
          <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function SessionItem({ event, session, n }: { event: EventDetail; session: EventSession; n: number }) {
  const { t } = useTranslation();
  const time = useEventTime();
  const messageOf = useErrorMessage();
  const remove = useDeleteSession(event.id);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const name = session.title ? `${t('events.sessions.numbered', { n })}: ${session.title}` : t('events.sessions.numbered', { n });
  if (editing) return <SessionForm eventId={event.id} session={session} name={name} onDone={() => setEditing(false)} />;
  return (
    <li className="mb-4">
      <h3 className="h5 mb-1">{name}</h3>
      <p className="mb-1">
        {time.range(session)} · {t('events.hoursOf', { hours: time.hours(session.hours) })}
      </p>
      {session.place && <p className="mb-1">{session.place}</p>}
      {session.onlineUrl && (
        <p className="mb-1">
          <a href={session.onlineUrl} rel="noopener noreferrer" target="_blank">
            {t('events.sessions.joinOnline')}
            <span className="visually-hidden"> – {name}</span>
          </a>
        </p>
      )}
      {session.agenda && (
        <>
          <h4 className="h6 mt-2 mb-1">{t('events.sessions.agenda')}</h4>
          <p className="pre-line mb-1">{session.agenda}</p>
        </>
      )}
      {session.minutes && (
        <>
          <h4 className="h6 mt-2 mb-1">{t('events.sessions.minutes')}</h4>
          <p className="pre-line mb-1">{session.minutes}</p>
        </>
      )}
      {event.canEdit && (
        <div className="d-flex flex-wrap gap-2 mt-2">
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
            {t('events.sessions.edit')}
            <span className="visually-hidden"> – {name}</span>
          </button>
          {confirming ? (
            <>
              <button type="button" className="btn btn-danger btn-sm" disabled={remove.isPending} onClick={() => remove.mutateAsync({ sessionId: session.id, version: session.version }).catch(() => setConfirming(false))}>
                {t('events.sessions.confirmDelete', { name })}
              </button>
              <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setConfirming(true)}>
              {t('events.sessions.delete')}
              <span className="visually-hidden"> – {name}</span>
            </button>
          )}
        </div>
      )}
      {remove.isError && (
        <div className="alert alert-danger mt-2" role="alert">
          {messageOf(remove.error)}
        </div>
      )}
    </li>
  );
}

/** The sessions of an event, in order; its organisers add, change and delete them. */
export function EventSessions({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="event-sessions-title" className="mb-5">
      <h2 id="event-sessions-title" className="h4">
        {t('events.sessions.heading', { count: event.sessions.length })}
      </h2>
      {event.sessions.length ? (
        <ol className="list-unstyled">
          {event.sessions.map((s, i) => (
            <SessionItem key={s.id} event={event} session={s} n={i + 1} />
          ))}
        </ol>
      ) : (
        <p className="text-secondary">{t('events.sessions.none')}</p>
      )}
      {event.canEdit &&
        event.status !== 'cancelled' &&
        (adding ? (
          <SessionForm eventId={event.id} onDone={() => undefined} />
        ) : (
          <button type="button" className="btn btn-outline-primary" onClick={() => setAdding(true)}>
            {t('events.sessions.add')}
          </button>
        ))}
    </section>
  );
}
