import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTerritory } from '../modules/territories/api.ts';
import { LayoutYearForm } from '../modules/territories/LayoutYearForm.tsx';
import { useLayoutYear } from '../modules/territories/layout.ts';
import { ComuneBody, ProvinceBody, RegionBody } from '../modules/territories/TerritoryBodies.tsx';
import { Alert } from '../ui/Alert.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** A region (map of its provinces), a province (its comuni) or a comune, at the chosen layout year. */
export function TerritoryPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { at, suffix, year, isCurrent } = useLayoutYear();
  const q = useTerritory(code, at);

  if (q.isPending) return <Loading />;
  if (q.isError) {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('territories.notFound')}
        parents={[{ label: t('nav.territories'), to: '/territori' }]}
        back={{ to: '/territori', label: t('territories.backToItaly') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const territory = q.data;
  const levelLabel = t(`territories.levels.${territory.level}`);
  const crumbs = [
    { label: t('nav.territories'), to: '/territori' },
    ...territory.ancestors.filter((a) => a.level !== 'nation').map((a) => ({ label: a.name, to: `/territori/${a.code}${suffix}` })),
    { label: territory.name },
  ];
  const Body = territory.level === 'region' ? RegionBody : territory.level === 'province' ? ProvinceBody : ComuneBody;
  return (
    <>
      <Breadcrumb items={crumbs} />
      <PageTitle
        title={territory.name}
        documentTitle={isCurrent ? `${territory.name} (${levelLabel})` : `${territory.name} (${levelLabel}, ${year})`}
        lead={t('territories.pageLead', { level: levelLabel, code: territory.code })}
      />
      {territory.resolvedFrom && territory.resolvedFrom !== territory.code && (
        <Alert variant="info">
          <p className="mb-0">{t('territories.resolvedFrom', { from: territory.resolvedFrom, name: territory.name, code: territory.code })}</p>
        </Alert>
      )}
      {territory.level === 'region' && (
        <p>
          <Link to={`/regioni/${territory.code}/cruscotto`}>{t('analysis.dashboard.regionLink')}</Link>
        </p>
      )}
      {territory.level !== 'comune' && <LayoutYearForm key={year} />}
      <Body territory={territory} at={at} suffix={suffix} />
    </>
  );
}
