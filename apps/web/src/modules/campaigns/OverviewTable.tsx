import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import type { OverviewRow } from './overview-api.ts';
import { percent } from './percent.ts';
import { SubmissionStatusBadge } from './SubmissionStatusBadge.tsx';

/** Every council's submission in the selection: the accessible equivalent of the map, with links. */
export function OverviewTable({ rows, caption }: { rows: OverviewRow[]; caption: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table<OverviewRow>
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(r) => r.submissionId}
      empty={t('campaignOverview.none')}
      columns={[
        { key: 'council', header: t('campaigns.overview.council'), rowHeader: true, render: (r) => <Link to={`/compilazioni/${r.submissionId}`}>{r.council.name}</Link> },
        { key: 'region', header: t('campaigns.overview.region'), render: (r) => r.region.name },
        { key: 'status', header: t('campaigns.overview.status'), render: (r) => <SubmissionStatusBadge status={r.status} reviewLevel={r.reviewLevel} /> },
        {
          key: 'overdue',
          header: t('campaignOverview.overdue'),
          render: (r) => (r.overdue ? <strong className="text-danger">{t('common.yes')}</strong> : t('common.no')),
        },
        { key: 'completeness', header: t('campaigns.overview.completeness'), numeric: true, render: (r) => percent(r.completeness, f.locale) },
        { key: 'errors', header: t('campaigns.overview.errors'), numeric: true, render: (r) => f.integer(r.errorCount) },
        { key: 'activity', header: t('campaigns.overview.lastActivity'), render: (r) => f.dateTime(r.lastActivityAt) },
      ]}
    />
  );
}
