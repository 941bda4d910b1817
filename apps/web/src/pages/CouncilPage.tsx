import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../modules/auth/api.ts';
import { can } from '../modules/auth/permissions.ts';
import { useCouncil } from '../modules/councils/api.ts';
import { CouncilForm } from '../modules/councils/CouncilForm.tsx';
import { CouncilEvents } from '../modules/events/CouncilEvents.tsx';
import { useOrganizations } from '../modules/organizations/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';

function CouncilOrganizations({ councilId }: { councilId: number }) {
  const { t } = useTranslation();
  const orgs = useOrganizations({ councilId: String(councilId), pageSize: 200, sort: 'name' });
  return (
    <section aria-labelledby="council-orgs-title" className="mb-5">
      <h2 id="council-orgs-title" className="h4">
        {t('councils.organizationsTitle')}
      </h2>
      {orgs.isPending ? (
        <Loading />
      ) : orgs.isError ? (
        <QueryError error={orgs.error} onRetry={() => orgs.refetch()} />
      ) : (
        <>
          <Table
            caption={t('councils.organizationsCaption')}
            captionHidden
            rows={orgs.data.items}
            rowKey={(o) => o.id}
            empty={t('organizations.none')}
            columns={[
              { key: 'name', header: t('organizations.fields.name'), rowHeader: true, render: (o) => <Link to={`/organizzazioni/${o.id}`}>{o.name}</Link> },
              { key: 'kind', header: t('organizations.fields.kind'), render: (o) => t(`organizations.kinds.${o.kind}`) },
              { key: 'status', header: t('organizations.fields.collectionStatus'), render: (o) => t(`organizations.statuses.${o.collectionStatus}`) },
            ]}
          />
          <Link to={`/organizzazioni?consiglio=${councilId}`}>{t('councils.allOrganizations')}</Link>
        </>
      )}
    </section>
  );
}

export function CouncilPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const session = useSession();
  const q = useCouncil(id);

  if (q.isPending && Number.isInteger(id)) return <Loading />;
  if (!q.data) {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('councils.notFound')}
        parents={[{ label: t('nav.councils'), to: '/consigli' }]}
        back={{ to: '/consigli', label: t('councils.backToList') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const c = q.data;
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.councils'), to: '/consigli' }, { label: c.name }]} />
      <PageTitle title={c.name} documentTitle={t('councils.documentTitle', { name: c.name })} lead={c.prefecture} />
      <DescriptionList
        items={[
          { label: t('councils.fields.code'), value: <span className="font-monospace">{c.code}</span> },
          { label: t('councils.fields.prefecture'), value: c.prefecture },
          { label: t('councils.fields.region'), value: <Link to={`/territori/${c.region.code}`}>{c.region.name}</Link> },
          { label: t('councils.fields.email'), value: c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—' },
          { label: t('councils.fields.status'), value: c.active ? t('councils.active') : t('councils.inactive') },
        ]}
      />
      <section aria-labelledby="council-territories-title" className="mb-4">
        <h2 id="council-territories-title" className="h4">
          {t('councils.territoriesTitle')}
        </h2>
        <ul>
          {c.territories.map((x) => (
            <li key={x.id}>
              <Link to={`/territori/${x.code}`}>{x.name}</Link> <span className="text-secondary">({t(`territories.levels.${x.level}`, { defaultValue: x.level })}, {x.code})</span>
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link to={`/consigli/${c.id}/cruscotto`}>{t('analysis.dashboard.councilLink')}</Link>
      </p>
      <CouncilOrganizations councilId={c.id} />
      <CouncilEvents councilId={c.id} />
      {can.editCouncils(session.data?.me) && (
        <div className="row">
          <div className="col-12 col-lg-8">
            <CouncilForm key={c.id} council={c} onReload={() => q.refetch()} />
          </div>
        </div>
      )}
    </>
  );
}
