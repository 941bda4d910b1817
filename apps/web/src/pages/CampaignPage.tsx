import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type SubmissionOverviewRow, useCampaign, useCampaignSubmissions } from '../modules/campaigns/api.ts';
import { percent } from '../modules/campaigns/percent.ts';
import { SubmissionStatusBadge } from '../modules/campaigns/SubmissionStatusBadge.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFormat } from '../ui/format.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';

/** One campaign: each council's submission with status, completeness, errors and last activity. */
export function CampaignPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const id = Number(useParams().id);
  const q = useCampaign(id);
  const rows = useCampaignSubmissions(id);
  const valid = Number.isInteger(id) && id > 0;
  if (q.isPending && valid) return <Loading />;
  if (!q.data) {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('campaigns.notFound')}
        parents={[{ label: t('nav.campaigns'), to: '/campagne' }]}
        back={{ to: '/campagne', label: t('campaigns.backToList') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const c = q.data;
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.campaigns'), to: '/campagne' }, { label: c.name }]} />
      <PageTitle title={c.name} documentTitle={`${c.name} – ${t('nav.campaigns')}`} />
      <DescriptionList
        items={[
          { label: t('campaigns.fields.year'), value: c.year },
          {
            label: t('campaigns.fields.form'),
            value: <Link to={`/moduli/${c.form.id}/versioni/${c.form.version}`}>{`${c.form.code} – ${t('forms.versionN', { version: c.form.version })}`}</Link>,
          },
          { label: t('campaigns.fields.deadline'), value: f.date(c.deadline) },
          { label: t('campaigns.fields.submissionCount'), value: f.integer(c.submissionCount) },
        ]}
      />
      <h2 className="h4">{t('campaigns.overview.title')}</h2>
      {rows.isPending ? (
        <Loading />
      ) : rows.isError ? (
        <QueryError error={rows.error} onRetry={() => rows.refetch()} />
      ) : (
        <Table<SubmissionOverviewRow>
          caption={t('campaigns.overview.caption', { name: c.name })}
          captionHidden
          rows={rows.data}
          rowKey={(r) => r.submissionId}
          empty={t('campaigns.overview.none')}
          columns={[
            { key: 'council', header: t('campaigns.overview.council'), rowHeader: true, render: (r) => <Link to={`/compilazioni/${r.submissionId}`}>{r.council.name}</Link> },
            { key: 'region', header: t('campaigns.overview.region'), render: (r) => r.region.name },
            { key: 'status', header: t('campaigns.overview.status'), render: (r) => <SubmissionStatusBadge status={r.status} reviewLevel={r.reviewLevel} /> },
            { key: 'completeness', header: t('campaigns.overview.completeness'), numeric: true, render: (r) => percent(r.completeness, f.locale) },
            { key: 'errors', header: t('campaigns.overview.errors'), numeric: true, render: (r) => f.integer(r.errorCount) },
            { key: 'activity', header: t('campaigns.overview.lastActivity'), render: (r) => f.dateTime(r.lastActivityAt) },
          ]}
        />
      )}
    </>
  );
}
