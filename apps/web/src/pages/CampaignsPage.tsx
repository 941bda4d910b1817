import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../modules/auth/api.ts';
import { can } from '../modules/auth/permissions.ts';
import { type Campaign, useCampaigns } from '../modules/campaigns/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { useFormat } from '../ui/format.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';

/** The yearly monitoring campaigns, with the number of submissions in the user's reach. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const q = useCampaigns();
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.campaigns') }]} />
      <PageTitle title={t('campaigns.title')} lead={t('campaigns.lead')} />
      {can.createCampaigns(me) && (
        <p>
          <Link className="btn btn-primary" to="/campagne/nuova">
            {t('campaigns.new')}
          </Link>
        </p>
      )}
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<Campaign>
          caption={t('campaigns.tableCaption')}
          rows={q.data}
          rowKey={(c) => c.id}
          empty={t('campaigns.none')}
          columns={[
            { key: 'name', header: t('campaigns.fields.name'), rowHeader: true, render: (c) => <Link to={`/campagne/${c.id}`}>{c.name}</Link> },
            { key: 'year', header: t('campaigns.fields.year'), render: (c) => c.year },
            { key: 'form', header: t('campaigns.fields.form'), render: (c) => `${c.form.code} – ${t('forms.versionN', { version: c.form.version })}` },
            { key: 'deadline', header: t('campaigns.fields.deadline'), render: (c) => f.date(c.deadline) },
            { key: 'count', header: t('campaigns.fields.submissionCount'), numeric: true, render: (c) => f.integer(c.submissionCount) },
          ]}
        />
      )}
    </>
  );
}
