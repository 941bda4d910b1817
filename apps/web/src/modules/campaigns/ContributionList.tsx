import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { type Contribution, useContributions } from './overview-api.ts';
import { SubmissionStatusBadge } from './SubmissionStatusBadge.tsx';

/** A data provider's way into a campaign: the submissions their organisation fills, and which sections. */
export function ContributionList({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const q = useContributions(campaignId);
  return (
    <section aria-labelledby="contributions-title" className="mb-5">
      <h2 id="contributions-title" className="h4">
        {t('campaignOverview.contributions.title')}
      </h2>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<Contribution>
          caption={t('campaignOverview.contributions.title')}
          captionHidden
          rows={q.data}
          rowKey={(c) => c.submissionId}
          empty={t('campaignOverview.contributions.none')}
          columns={[
            { key: 'council', header: t('campaigns.overview.council'), rowHeader: true, render: (c) => <Link to={`/compilazioni/${c.submissionId}`}>{c.council.name}</Link> },
            { key: 'status', header: t('campaigns.overview.status'), render: (c) => <SubmissionStatusBadge status={c.status} /> },
            {
              key: 'sections',
              header: t('campaignOverview.contributions.sections'),
              render: (c) => (
                <ul className="list-unstyled mb-0">
                  {c.sections.map((s) => (
                    <li key={s.code}>{s.title}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
