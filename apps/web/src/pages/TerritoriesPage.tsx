import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTerritories } from '../modules/territories/api.ts';
import { TerritoryList } from '../modules/territories/TerritoryList.tsx';
import { TerritoryMap } from '../modules/territories/TerritoryMap.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';

/** Italy and its regions: the population map of the regions and the table of the 20 regions. */
export function TerritoriesPage() {
  const { t } = useTranslation();
  const regions = useTerritories({});
  const whole = t('territories.italy');
  const unit = t('territories.levelsPlural.region');
  const values = useMemo(() => (regions.data?.items ?? []).map((r) => ({ code: r.code, name: r.name, value: r.population })), [regions.data]);
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.territories') }]} />
      <PageTitle title={t('territories.title')} lead={t('territories.lead')} />
      {regions.isPending ? (
        <Loading />
      ) : regions.isError ? (
        <QueryError error={regions.error} onRetry={() => regions.refetch()} />
      ) : (
        <>
          <section aria-labelledby="regions-title">
            <h2 id="regions-title" className="h4">
              {t('territories.regionsTitle', { count: regions.data.items.length })}
            </h2>
            <TerritoryList level="region" items={regions.data.items} caption={t('territories.regionsCaption')} suffix="" />
          </section>
          <TerritoryMap
            level="region"
            values={values}
            valueName={t('territories.population')}
            title={t('territories.mapTitle', { unit, whole })}
            label={t('territories.mapLabel', { unit, whole })}
            tableCaption={t('territories.mapTableCaption', { unit, whole })}
            whole={whole}
            suffix=""
          />
        </>
      )}
    </>
  );
}
