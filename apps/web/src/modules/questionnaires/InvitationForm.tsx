import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, TextField } from '../../ui/Field.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { type Questionnaire, useSendInvitations } from './api.ts';

const ID = 'qinv';

/** Addresses typed one per line (or separated by commas or spaces), lower-cased, without repeats. */
const addressesOf = (text: string) => [...new Set(text.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean))];

/** Send the one-time answer links: to addresses typed in, and/or to the registered participants of the event. */
export function InvitationForm({ q }: { q: Questionnaire }) {
  const { t } = useTranslation();
  const send = useSendInvitations(q.id);
  const [emails, setEmails] = useState('');
  const [participants, setParticipants] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // "emails.3" names the fourth address: its message is shown on the box.
  const { errors, fromError, clear } = useFormErrors({ fieldOf: (f) => (f.startsWith('emails') ? 'emails' : f) });
  const list = addressesOf(emails);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDone(null);
    try {
      const r = await send.mutateAsync({ emails: list, eventParticipants: participants });
      setDone(r.skipped.length ? t('questionnaires.invite.sentSkipped', { count: r.sent, skipped: r.skipped.join(', ') }) : t('questionnaires.invite.sent', { count: r.sent }));
      setEmails('');
      setParticipants(false);
    } catch (err) {
      fromError(err);
    }
  };

  return (
    <form id={ID} noValidate onSubmit={submit} className="mb-4" aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`} className="h4">
        {t('questionnaires.invite.title')}
      </h2>
      <p>{t('questionnaires.invite.lead')}</p>
      <ErrorSummary errors={errors} labels={{ emails: t('questionnaires.invite.emails'), eventParticipants: t('questionnaires.invite.participants') }} idPrefix={ID} />
      <TextField id={`${ID}-emails`} label={t('questionnaires.invite.emails')} multiline rows={4} value={emails} onChange={setEmails} error={errors.fields.emails} hint={t('questionnaires.invite.emailsHint')} />
      {q.event && <CheckboxField id={`${ID}-eventParticipants`} label={t('questionnaires.invite.participants')} checked={participants} onChange={setParticipants} error={errors.fields.eventParticipants} hint={t('questionnaires.invite.participantsHint', { title: q.event.title })} />}
      <button type="submit" className="btn btn-primary mt-3" disabled={send.isPending}>
        {send.isPending ? t('questionnaires.invite.sending') : t('questionnaires.invite.send')}
      </button>
      <p role="status" aria-live="polite" className="mt-3">
        {done}
      </p>
    </form>
  );
}
