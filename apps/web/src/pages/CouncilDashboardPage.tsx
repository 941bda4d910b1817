import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Dashboard } from '../modules/analysis/Dashboard.tsx';
import { useCouncil } from '../modules/councils/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** A council's dashboard: the key indicators of its province beside its region and Italy, printable for meetings. */
export function CouncilDashboardPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useCouncil(id);
  if (q.isPending && Number.isInteger(id) && id > 0) return <Loading />;
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
  // A council serves one province (Sardinia's old provinces were merged into one unit): its first province.
  const province = c.territories.find((x) => x.level === 'province') ?? c.territories[0];
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.councils'), to: '/consigli' }, { label: c.name, to: `/consigli/${c.id}` }, { label: t('analysis.dashboard.title') }]} />
      <PageTitle title={t('analysis.dashboard.councilTitle', { name: c.name })} documentTitle={t('analysis.dashboard.councilDocumentTitle', { name: c.name })} />
      {province ? <Dashboard territory={province.code} level="province" /> : <p>{t('analysis.dashboard.noTerritory')}</p>}
    </>
  );
}
