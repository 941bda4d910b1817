import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiUrl } from '../../api/client.ts';
import { DescriptionList } from '../../ui/DescriptionList.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useFormat } from '../../ui/format.ts';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import { type JoinRequest, useDecideJoinRequest, useEraseJoinRequest } from './api.ts';

/** One request: what the association said, who wrote (for the council only), and the decision. */
export function JoinRequestCard({ request: r }: { request: JoinRequest }) {
  const { t } = useTranslation();
  const f = useFormat();
  const flash = useFlash();
  const decide = useDecideJoinRequest();
  const erase = useEraseJoinRequest();
  const messageOf = useErrorMessage();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { errors, fromError, clear } = useFormErrors({ fieldOf: () => 'note' });
  const prefix = `request-${r.id}`;
  const act = (action: 'accept' | 'reject') => async (e?: FormEvent) => {
    e?.preventDefault();
    clear();
    try {
      await decide.mutateAsync({ id: r.id, action, body: action === 'accept' ? { note } : { reason: note } });
      flash.show(t(action === 'accept' ? 'associations.requests.accepted' : 'associations.requests.rejected', { name: r.name }));
    } catch (err) {
      fromError(err);
    }
  };
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : '—');
  return (
    <article className="card card-bg mb-4" aria-labelledby={`${prefix}-title`}>
      <div className="card-body">
        <h2 id={`${prefix}-title`} className="h5 card-title">
          {r.name}
        </h2>
        <p className="small">
          {t(`associations.requests.statuses.${r.status}`)} · {t('associations.requests.sentOn', { date: f.dateTime(r.createdAt) })} · {r.council.name}
        </p>
        <DescriptionList
          items={[
            { label: t('associations.fields.legalForm'), value: t(`associations.legalForms.${r.legalForm}`) },
            { label: t('associations.fields.province'), value: r.territory?.name ?? '—' },
            { label: t('associations.fields.communities'), value: list(r.communities) },
            { label: t('associations.fields.languages'), value: list(r.languages) },
            { label: t('associations.fields.activities'), value: r.activities },
            { label: t('associations.fields.contactPerson'), value: r.erasedAt ? t('associations.requests.erased') : r.contactPerson },
            { label: t('associations.fields.email'), value: r.erasedAt ? t('associations.requests.erased') : r.email },
            { label: t('associations.fields.phone'), value: r.erasedAt ? t('associations.requests.erased') : r.phone },
          ]}
        />
        {r.status === 'pending' ? (
          <form id={`${prefix}-decision`} noValidate onSubmit={act('accept')}>
            <ErrorSummary errors={errors} labels={{ note: t('associations.requests.note') }} idPrefix={prefix} />
            <TextField id={`${prefix}-note`} label={t('associations.requests.note')} value={note} onChange={setNote} error={errors.fields.note} hint={t('associations.requests.noteHint')} maxLength={2000} />
            <div className="d-flex flex-wrap gap-2">
              <button type="submit" className="btn btn-primary" disabled={decide.isPending}>
                {t('associations.requests.accept')}
                <span className="visually-hidden"> – {r.name}</span>
              </button>
              <button type="button" className="btn btn-outline-danger" disabled={decide.isPending} onClick={() => void act('reject')()}>
                {t('associations.requests.reject')}
                <span className="visually-hidden"> – {r.name}</span>
              </button>
            </div>
          </form>
        ) : (
          <>
            <p>
              {t('associations.requests.decided', { who: r.decidedBy ?? '—', date: f.dateTime(r.decidedAt) })}
              {r.decisionNote ? ` — ${r.decisionNote}` : ''}
            </p>
            {r.organizationId && <Link to={`/associazioni/${r.organizationId}`}>{t('associations.requests.open', { name: r.name })}</Link>}
            {erase.isError && (
              <div className="alert alert-danger mt-3 mb-0" role="alert">
                {messageOf(erase.error)}
              </div>
            )}
            {!r.erasedAt && (
              <div className="mt-3 d-flex flex-wrap gap-2 align-items-center">
                <a className="btn btn-outline-primary btn-sm" href={apiUrl(`/associations/join-requests/${r.id}/personal-data`)} download={`richiesta-${r.id}-dati-personali.json`}>
                  {t('associations.requests.export')}
                  <span className="visually-hidden"> – {r.name}</span>
                </a>
                {confirming ? (
                  <>
                    <span role="alert">{t('associations.requests.eraseQuestion')}</span>
                    <button type="button" className="btn btn-danger btn-sm" disabled={erase.isPending} onClick={() => erase.mutate(r.id)}>
                      {t('associations.requests.eraseConfirm')}
                    </button>
                    <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setConfirming(false)}>
                      {t('common.cancel')}
                    </button>
                  </>
                ) : (
                  <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setConfirming(true)}>
                    {t('associations.requests.erase')}
                    <span className="visually-hidden"> – {r.name}</span>
                  </button>
                )}
              </div>
            )}
          </>
        )}
      </div>
    </article>
  );
}
