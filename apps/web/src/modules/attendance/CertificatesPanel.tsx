import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError, useErrorMessage } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { type Certificate, certificatePdfUrl, type EventHours, useCertificates, useIssueCertificates, useRevokeCertificate } from './api.ts';

/** Issue certificates to everyone eligible, list them with their PDF and verification page, revoke one with a reason. */
export function CertificatesPanel({ eventId, hours }: { eventId: number; hours: EventHours }) {
  const { t } = useTranslation();
  const f = useFormat();
  const flash = useFlash();
  const messageOf = useErrorMessage();
  const list = useCertificates(eventId);
  const issue = useIssueCertificates(eventId);
  const [revoking, setRevoking] = useState<string | null>(null);
  const waiting = hours.rows.filter((r) => r.eligible && !r.erased && !r.certificateCode).length;

  if (hours.event.certificateThreshold == null) return <p className="text-secondary">{t('attendance.certificates.notOffered')}</p>;

  const issueAll = async () => {
    try {
      const res = await issue.mutateAsync();
      flash.show(t('attendance.certificates.issued', { count: res.issued.length }));
    } catch {
      // Shown below from the mutation's error.
    }
  };

  return (
    <>
      <p>{t('attendance.certificates.eligibleWaiting', { count: waiting })}</p>
      <button type="button" className="btn btn-primary mb-3" onClick={issueAll} disabled={issue.isPending || waiting === 0}>
        {t('attendance.certificates.issue')}
      </button>
      {issue.isError && (
        <div className="alert alert-danger" role="alert">
          {messageOf(issue.error)}
        </div>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<Certificate>
          caption={t('attendance.certificates.caption')}
          rows={list.data.items}
          rowKey={(c) => c.id}
          empty={t('attendance.certificates.none')}
          columns={[
            { key: 'holder', header: t('attendance.fields.holder'), rowHeader: true, render: (c) => c.holderName },
            { key: 'code', header: t('attendance.fields.code'), render: (c) => <Link to={`/attestati/${c.code}`}>{c.code}</Link> },
            { key: 'hours', header: t('attendance.fields.hoursAttended'), numeric: true, render: (c) => f.number(c.hours) },
            { key: 'issued', header: t('attendance.fields.issuedAt'), render: (c) => f.dateTime(c.issuedAt) },
            {
              key: 'state',
              header: t('attendance.fields.state'),
              render: (c) => (c.revokedAt ? <span>{t('attendance.certificates.revokedOn', { when: f.dateTime(c.revokedAt), reason: c.revokeReason ?? '' })}</span> : t('attendance.certificates.valid')),
            },
            {
              key: 'actions',
              header: t('common.actions'),
              render: (c) => (
                <div className="d-flex flex-wrap gap-2 align-items-center">
                  <a href={certificatePdfUrl(c.code)} target="_blank" rel="noopener">
                    {t('attendance.certificates.pdf')}
                    <span className="visually-hidden"> – {c.holderName}</span>
                  </a>
                  {!c.revokedAt && (
                    <button type="button" className="btn btn-outline-danger btn-sm" aria-expanded={revoking === c.code} onClick={() => setRevoking(revoking === c.code ? null : c.code)}>
                      {t('attendance.certificates.revoke')}
                      <span className="visually-hidden"> – {c.holderName}</span>
                    </button>
                  )}
                </div>
              ),
            },
          ]}
        />
      )}
      {revoking && <RevokeForm eventId={eventId} code={revoking} onDone={() => setRevoking(null)} />}
    </>
  );
}

function RevokeForm({ eventId, code, onDone }: { eventId: number; code: string; onDone: () => void }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const revoke = useRevokeCertificate(eventId);
  const messageOf = useErrorMessage();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await revoke.mutateAsync({ code, reason });
      flash.show(t('attendance.certificates.revoked', { code }));
      onDone();
    } catch (err) {
      setError((isApiError(err) && err.issues[0]?.message) || messageOf(err));
    }
  };
  return (
    <form onSubmit={submit} noValidate className="card card-bg mb-4">
      <div className="card-body">
        <h3 className="h5">{t('attendance.certificates.revokeTitle', { code })}</h3>
        <TextField id="revoke-reason" label={t('attendance.fields.reason')} required value={reason} onChange={setReason} error={error} maxLength={500} />
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-danger" disabled={revoke.isPending}>
            {t('attendance.certificates.confirmRevoke')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}
