import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { Table } from '../../ui/Table.tsx';
import { type EventDetail, useInvitations, useInvite } from './api.ts';
import { useEventTime } from './useEventTime.ts';

/** Organisers invite people by e-mail (the mail goes through the outbox) and see who was invited. */
export function EventInvitations({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const time = useEventTime();
  const invite = useInvite(event.id);
  const list = useInvitations(event.id);
  const [emails, setEmails] = useState('');
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  // Errors on one address ("emails.3") are shown on the one field that holds them all.
  const { errors, fromError, clear } = useFormErrors({ fieldOf: (f) => f.split('.')[0] });
  const labels = { emails: t('events.invitations.emails'), message: t('events.invitations.message'), userIds: t('events.invitations.emails') };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setSent(null);
    const list = emails.split(/[\s,;]+/).filter(Boolean);
    try {
      const r = await invite.mutateAsync({ emails: list, message });
      setSent(r.sent);
      setEmails('');
      setMessage('');
    } catch (err) {
      fromError(err);
    }
  };
  return (
    <section aria-labelledby="event-invitations-title" className="mb-5">
      <h2 id="event-invitations-title" className="h4">
        {t('events.invitations.heading')}
      </h2>
      {event.status !== 'published' ? (
        <p className="text-secondary">{t('events.invitations.publishFirst')}</p>
      ) : (
        <form id="invitation-form" noValidate onSubmit={submit} className="mb-4 pt-4">
          <ErrorSummary errors={errors} labels={labels} idPrefix="invitation" />
          <TextField id="invitation-emails" label={labels.emails} required multiline rows={3} value={emails} onChange={setEmails} error={errors.fields.emails} hint={t('events.invitations.emailsHint')} />
          <TextField id="invitation-message" label={labels.message} multiline rows={3} value={message} onChange={setMessage} error={errors.fields.message} maxLength={2000} hint={t('events.invitations.messageHint')} />
          <button type="submit" className="btn btn-primary" disabled={invite.isPending}>
            {t('events.invitations.send')}
          </button>
          {sent != null && (
            <p role="status" className="mt-2">
              {t('events.invitations.sent', { count: sent })}
            </p>
          )}
        </form>
      )}
      {list.data && list.data.items.length > 0 && (
        <Table
          caption={t('events.invitations.caption')}
          rows={list.data.items}
          rowKey={(i) => i.id}
          columns={[
            { key: 'email', header: t('events.invitations.email'), rowHeader: true, render: (i) => (i.user ? `${i.user.name} (${i.email})` : i.email) },
            { key: 'by', header: t('events.invitations.by'), render: (i) => i.invitedBy?.name ?? '—' },
            { key: 'at', header: t('events.invitations.at'), render: (i) => time.short(i.invitedAt) },
          ]}
        />
      )}
    </section>
  );
}
