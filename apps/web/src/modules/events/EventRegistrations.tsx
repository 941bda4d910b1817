import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { Icon } from '../../ui/Icon.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError, useErrorMessage } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { type EventDetail, type EventRegistration, registrationsCsvUrl, useCancelRegistration, useEraseRegistration, useRegister, useRegistrations, useUserSearch } from './api.ts';
import { useEventTime } from './useEventTime.ts';

/** An organiser registers an external participant: name, organisation, e-mail and their consent, nothing more. */
function ExternalForm({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const register = useRegister(eventId);
  const [v, setV] = useState({ fullName: '', organizationName: '', email: '', consent: false });
  const [done, setDone] = useState<string | null>(null);
  const { errors, fromError, setLocal, clear } = useFormErrors();
  const labels = { fullName: t('events.registrations.fullName'), organizationName: t('events.registrations.organizationName'), email: t('events.registrations.email'), consent: t('events.registrations.consent') };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDone(null);
    if (!v.consent) {
      setLocal(t('form.fixFields'), { consent: t('events.registrations.consentRequired') });
      return;
    }
    try {
      const r = await register.mutateAsync({ kind: 'external', ...v });
      setDone(t(r.status === 'waiting' ? 'events.registrations.addedWaiting' : 'events.registrations.added', { name: v.fullName, position: r.position }));
      setV({ fullName: '', organizationName: '', email: '', consent: false });
    } catch (err) {
      fromError(err);
    }
  };
  return (
    <form id="external-form" noValidate onSubmit={submit} className="border rounded p-3 mb-4" aria-labelledby="external-form-title">
      <h3 id="external-form-title" className="h5 mb-4">
        {t('events.registrations.addExternal')}
      </h3>
      <p className="small text-secondary mb-4">{t('events.registrations.minimumData')}</p>
      <ErrorSummary errors={errors} labels={labels} idPrefix="external" />
      <div className="row">
        <div className="col-md-4">
          <TextField id="external-fullName" label={labels.fullName} required value={v.fullName} onChange={(x) => setV({ ...v, fullName: x })} error={errors.fields.fullName} maxLength={200} autoComplete="off" />
        </div>
        <div className="col-md-4">
          <TextField id="external-organizationName" label={labels.organizationName} value={v.organizationName} onChange={(x) => setV({ ...v, organizationName: x })} error={errors.fields.organizationName} maxLength={300} autoComplete="off" />
        </div>
        <div className="col-md-4">
          <TextField id="external-email" label={labels.email} type="email" required value={v.email} onChange={(x) => setV({ ...v, email: x })} error={errors.fields.email} maxLength={254} autoComplete="off" />
        </div>
      </div>
      <CheckboxField id="external-consent" label={labels.consent} checked={v.consent} onChange={(x) => setV({ ...v, consent: x })} error={errors.fields.consent} className="mb-3" />
      <button type="submit" className="btn btn-primary" disabled={register.isPending}>
        {t('events.registrations.register')}
      </button>
      {done && (
        <p role="status" className="mt-2 mb-0">
          {done}
        </p>
      )}
    </form>
  );
}

/** An organiser registers a platform user, found by name or e-mail among the users they manage. */
function UserForm({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const register = useRegister(eventId);
  const [q, setQ] = useState('');
  const [userId, setUserId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const found = useUserSearch(q);
  const { errors, fromError, setLocal, clear } = useFormErrors();
  const users = found.data?.items ?? [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDone(null);
    if (!userId) {
      setLocal(t('form.fixFields'), { userId: t('form.required') });
      return;
    }
    try {
      const r = await register.mutateAsync({ kind: 'user', userId: Number(userId) });
      setDone(t(r.status === 'waiting' ? 'events.registrations.addedWaiting' : 'events.registrations.added', { name: r.user?.name, position: r.position }));
      setUserId('');
    } catch (err) {
      fromError(err);
    }
  };
  return (
    <form id="user-form" noValidate onSubmit={submit} className="border rounded p-3 mb-4" aria-labelledby="user-form-title">
      <h3 id="user-form-title" className="h5 mb-4">
        {t('events.registrations.addUser')}
      </h3>
      <ErrorSummary errors={errors} labels={{ userId: t('events.registrations.user') }} idPrefix="user" />
      <div className="row">
        <div className="col-md-6">
          <TextField
            id="user-search"
            type="search"
            label={t('events.registrations.searchUser')}
            value={q}
            onChange={setQ}
            hint={found.isError ? t('events.registrations.searchUnavailable') : t('events.registrations.searchUserHint')}
            autoComplete="off"
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="user-userId"
            label={t('events.registrations.user')}
            required
            value={userId}
            onChange={setUserId}
            error={errors.fields.userId}
            emptyLabel={q.trim().length < 2 ? t('events.registrations.typeToSearch') : found.isPending ? t('common.loading') : t('events.registrations.usersFound', { count: users.length })}
            options={users.map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` }))}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={register.isPending}>
        {t('events.registrations.register')}
      </button>
      {done && (
        <p role="status" className="mt-2 mb-0">
          {done}
        </p>
      )}
    </form>
  );
}

function RowActions({ eventId, r, name }: { eventId: number; r: EventRegistration; name: string }) {
  const { t } = useTranslation();
  const cancel = useCancelRegistration(eventId);
  const erase = useEraseRegistration(eventId);
  const messageOf = useErrorMessage();
  const [confirmErase, setConfirmErase] = useState(false);
  const error = cancel.error ?? erase.error;
  return (
    <div className="d-flex flex-wrap gap-2">
      {r.status !== 'cancelled' && (
        <button type="button" className="btn btn-outline-danger btn-sm" disabled={cancel.isPending} onClick={() => cancel.mutate(r.id)}>
          {t('events.registrations.cancel')}
          <span className="visually-hidden"> – {name}</span>
        </button>
      )}
      {r.kind === 'external' &&
        !r.erasedAt &&
        (confirmErase ? (
          <button type="button" className="btn btn-danger btn-sm" disabled={erase.isPending} onClick={() => erase.mutate(r.id)}>
            {t('events.registrations.confirmErase', { name })}
          </button>
        ) : (
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setConfirmErase(true)}>
            {t('events.registrations.erase')}
            <span className="visually-hidden"> – {name}</span>
          </button>
        ))}
      {error && (
        <span role="alert" className="text-danger small">
          {messageOf(error)}
        </span>
      )}
    </div>
  );
}

/** The organisers' panel: who holds a seat, who waits (in order), who cancelled; add people, cancel, erase, export. */
export function EventRegistrations({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const time = useEventTime();
  const list = useRegistrations(event.id);
  const nameOf = (r: EventRegistration) => r.user?.name ?? r.fullName ?? t('events.registrations.erasedName', { id: r.id });
  const statusOf = (r: EventRegistration) => (r.status === 'waiting' ? t('events.registrations.waitingAt', { position: r.position }) : t(`events.registrationStatuses.${r.status}`));
  return (
    <section aria-labelledby="event-registrations-title" className="mb-5">
      <h2 id="event-registrations-title" className="h4">
        {t('events.registrations.heading')}
      </h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {list.data.capacity != null ? t('events.registrations.seatsOf', { taken: list.data.registeredCount, capacity: list.data.capacity }) : t('events.registrations.seats', { taken: list.data.registeredCount })}{' '}
            {t('events.registrations.waitingCount', { count: list.data.waitingCount })}
          </p>
          <p>
            <a href={registrationsCsvUrl(event.id)} download>
              <Icon name="download" className="me-1" />
              {t('events.registrations.csv')}
            </a>
          </p>
          <Table
            caption={t('events.registrations.caption')}
            rows={list.data.items}
            rowKey={(r) => r.id}
            empty={t('events.registrations.none')}
            columns={[
              { key: 'name', header: t('events.registrations.name'), rowHeader: true, render: nameOf },
              { key: 'kind', header: t('events.registrations.kind'), render: (r) => t(`events.registrations.kinds.${r.kind}`) },
              { key: 'org', header: t('events.registrations.organizationName'), render: (r) => r.organizationName ?? '—' },
              { key: 'email', header: t('events.registrations.email'), render: (r) => r.user?.email ?? r.email ?? '—' },
              { key: 'status', header: t('events.registrations.status'), render: statusOf },
              { key: 'at', header: t('events.registrations.at'), render: (r) => time.short(r.createdAt) },
              { key: 'actions', header: t('common.actions'), render: (r) => <RowActions eventId={event.id} r={r} name={nameOf(r)} /> },
            ]}
          />
        </>
      )}
      {event.status !== 'cancelled' && (
        <>
          <UserForm eventId={event.id} />
          <ExternalForm eventId={event.id} />
        </>
      )}
    </section>
  );
}

/** A reader's own registration: register, see the seat or the place in the queue, cancel. */
export function SelfRegistration({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const register = useRegister(event.id);
  const cancel = useCancelRegistration(event.id);
  const messageOf = useErrorMessage();
  const mine = event.myRegistration;
  const error = register.error ?? cancel.error;
  if (!mine && !event.canRegister) return null;
  return (
    <section aria-labelledby="my-registration-title" className="mb-5">
      <h2 id="my-registration-title" className="h4">
        {t('events.self.heading')}
      </h2>
      <p role="status">{mine ? (mine.status === 'waiting' ? t('events.self.waiting', { position: mine.position }) : t('events.self.registered')) : t('events.self.notYet')}</p>
      {mine ? (
        <button type="button" className="btn btn-outline-danger" disabled={cancel.isPending} onClick={() => cancel.mutate(mine.id)}>
          {t('events.self.cancel')}
        </button>
      ) : (
        <button type="button" className="btn btn-primary" disabled={register.isPending} onClick={() => register.mutate({ kind: 'self' })}>
          {t('events.self.register')}
        </button>
      )}
      {error && (
        <div className="alert alert-danger mt-3" role="alert">
          {messageOf(error)}
        </div>
      )}
    </section>
  );
}
