import { useTranslation } from 'react-i18next';
import { useOutbox } from '../modules/outbox/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { useFormat } from '../ui/format.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';

/** E-mails that SMTP did not send (or that wait without SMTP), for national admins to read and forward. */
export function OutboxPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const outbox = useOutbox();
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.outbox') }]} />
      <PageTitle title={t('outbox.title')} lead={t('outbox.lead')} />
      {outbox.isPending ? (
        <Loading />
      ) : outbox.isError ? (
        <QueryError error={outbox.error} onRetry={() => outbox.refetch()} />
      ) : outbox.data.length === 0 ? (
        <p>{t('outbox.none')}</p>
      ) : (
        <>
          <p>{t('outbox.count', { count: outbox.data.length })}</p>
          <ul className="list-unstyled outbox-list">
            {outbox.data.map((m) => (
              <li key={m.id} className="mb-3">
                <details className="border rounded p-3">
                  <summary>
                    <span className="fw-semibold">{m.subject}</span> — {t('outbox.to', { to: m.to })} — {f.dateTime(m.createdAt)}
                    {m.sentAt ? ` — ${t('outbox.sent')}` : ''}
                  </summary>
                  {m.error && <p className="text-danger mt-2 mb-1">{t('outbox.error', { error: m.error })}</p>}
                  <pre className="mt-2 mb-0 outbox-body">{m.body}</pre>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
