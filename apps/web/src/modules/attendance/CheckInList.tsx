import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useEventTime } from '../events/useEventTime.ts';
import { signInSheetUrl, useRecordAttendance, useSessionAttendance } from './api.ts';

/**
 * The on-screen check-in of one session: a checkbox per person holding a seat, "everyone present", save. Shows who
 * recorded last and when; before the session starts it only says when recording opens.
 */
export function CheckInList({ eventId, sessionId, heading }: { eventId: number; sessionId: number; heading: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const et = useEventTime();
  const flash = useFlash();
  const list = useSessionAttendance(eventId, sessionId);
  const record = useRecordAttendance(eventId, sessionId);
  const { errors, fromError, clear } = useFormErrors();
  const [present, setPresent] = useState<Record<number, boolean>>({});
  const headingId = useId();

  // What was recorded fills the boxes; a new session starts unticked.
  useEffect(() => {
    if (list.data) setPresent(Object.fromEntries(list.data.rows.map((r) => [r.registrationId, r.present === true])));
  }, [list.data]);

  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const { session, rows } = list.data;
  const count = rows.filter((r) => present[r.registrationId]).length;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      await record.mutateAsync(rows.map((r) => ({ registrationId: r.registrationId, present: !!present[r.registrationId] })));
      flash.show(t('attendance.checkIn.saved', { count, total: rows.length }));
    } catch (err) {
      fromError(err);
    }
  };

  return (
    <section aria-labelledby={headingId} className="card card-bg mb-4">
      <div className="card-body">
        <h3 id={headingId} className="h5">
          {heading}
        </h3>
        <p className="mb-2">
          <a href={signInSheetUrl(eventId, sessionId)} target="_blank" rel="noopener">
            {t('attendance.sessions.signInSheet')}
            <span className="visually-hidden"> – {heading}</span>
          </a>
        </p>
        {!session.started ? (
          <p className="text-secondary">{t('attendance.checkIn.notStarted', { when: `${et.day(session.startsAt)}, ${et.time(session.startsAt)}` })}</p>
        ) : rows.length === 0 ? (
          <p className="text-secondary">{t('attendance.checkIn.nobody')}</p>
        ) : (
          <form onSubmit={save} noValidate>
            <ErrorSummary errors={errors} labels={{}} idPrefix={`checkin-${sessionId}`} />
            <p className="small text-secondary" role="status">
              {list.data.lastRecordedAt
                ? t('attendance.checkIn.lastRecorded', { who: list.data.lastRecordedBy?.name ?? t('attendance.checkIn.someone'), when: f.dateTime(list.data.lastRecordedAt) })
                : t('attendance.checkIn.neverRecorded')}
            </p>
            <fieldset>
              <legend className="h6 mb-2">{t('attendance.checkIn.legend', { count, total: rows.length })}</legend>
              <button type="button" className="btn btn-outline-primary btn-sm mb-3" onClick={() => setPresent(Object.fromEntries(rows.map((r) => [r.registrationId, true])))}>
                {t('attendance.checkIn.allPresent')}
              </button>
              <ul className="list-unstyled checkin-list">
                {rows.map((r) => {
                  const id = `present-${sessionId}-${r.registrationId}`;
                  return (
                    <li key={r.registrationId} className="form-check">
                      <input id={id} type="checkbox" checked={!!present[r.registrationId]} onChange={(e) => setPresent((p) => ({ ...p, [r.registrationId]: e.target.checked }))} />
                      <label htmlFor={id}>
                        {r.erased ? t('attendance.anonymised') : r.fullName}
                        {r.organizationName && <span className="text-secondary fw-normal"> · {r.organizationName}</span>}
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
            <button type="submit" className="btn btn-primary" disabled={record.isPending}>
              {t('attendance.checkIn.save')}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
