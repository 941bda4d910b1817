import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Dashboard } from '../modules/analysis/Dashboard.tsx';
import { useTerritory } from '../modules/territories/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** A region's dashboard: its key indicators beside Italy, printable for meetings of the regional network. */
export function RegionDashboardPage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const q = useTerritory(code);
  if (q.isPending) return <Loading />;
  if (q.data?.level !== 'region') {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('analysis.dashboard.regionNotFound')}
        parents={[{ label: t('nav.territories'), to: '/territori' }]}
        back={{ to: '/territori', label: t('territories.backToItaly') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const r = q.data;
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.territories'), to: '/territori' }, { label: r.name, to: `/territori/${r.code}` }, { label: t('analysis.dashboard.title') }]} />
      <PageTitle title={t('analysis.dashboard.regionTitle', { name: r.name })} documentTitle={t('analysis.dashboard.regionTitle', { name: r.name })} />
      <Dashboard territory={r.code} level="region" />
    </>
  );
}
