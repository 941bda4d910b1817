import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { useInvitationStatus } from './api.ts';

/** Invitations sent and answered, the response rate, and (to keepers) one line per invitation. */
export function InvitationList({ id }: { id: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useInvitationStatus(id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const s = q.data;
  return (
    <section aria-labelledby="qinvlist-title" className="mb-5">
      <h2 id="qinvlist-title" className="h4">
        {t('questionnaires.invitations.title')}
      </h2>
      <p>
        {t('questionnaires.invitations.summary', { invited: s.invited, answered: s.answered, rate: f.share(s.rate) })}
        {s.directResponses > 0 && ` ${t('questionnaires.invitations.direct', { count: s.directResponses })}`}
      </p>
      {s.items.length > 0 && (
        <Table
          caption={t('questionnaires.invitations.caption')}
          rows={s.items}
          rowKey={(i) => i.id}
          columns={[
            { key: 'email', header: t('questionnaires.invitations.email'), rowHeader: true, render: (i) => i.email ?? '—' },
            { key: 'to', header: t('questionnaires.invitations.to'), render: (i) => i.organization?.name ?? i.user?.name ?? '—' },
            { key: 'sent', header: t('questionnaires.invitations.sentAt'), render: (i) => f.dateTime(i.sentAt) },
            // The server gives no day of a used link for an anonymous questionnaire: beside the answers it could point at a person.
            { key: 'answered', header: t('questionnaires.invitations.answeredAt'), render: (i) => (i.answered ? (i.answeredAt ? f.date(i.answeredAt) : t('questionnaires.invitations.answered')) : t('questionnaires.invitations.notYet')) },
          ]}
        />
      )}
    </section>
  );
}
