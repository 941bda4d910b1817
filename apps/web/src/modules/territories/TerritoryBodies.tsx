import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useCouncils } from '../councils/api.ts';
import { type TerritoryDetail, useTerritories } from './api.ts';
import { TerritoryCodes, TerritorySummary } from './TerritoryFacts.tsx';
import { TerritoryList } from './TerritoryList.tsx';
import { TerritoryMap } from './TerritoryMap.tsx';

interface BodyProps {
  territory: TerritoryDetail;
  at?: string;
  suffix: string;
}

/** A region: its figures, the population map of its provinces and their table. */
export function RegionBody({ territory, at, suffix }: BodyProps) {
  const { t } = useTranslation();
  const provinces = useTerritories({ level: 'province', parent: territory.code, at });
  const rows = provinces.data?.items ?? [];
  const values = useMemo(() => rows.map((r) => ({ code: r.code, name: r.name, value: r.population })), [rows]);

  const unit = t('territories.levelsPlural.province');
  return (
    <>
      <TerritorySummary territory={territory} />
      {provinces.isPending ? (
        <Loading />
      ) : provinces.isError ? (
        <QueryError error={provinces.error} onRetry={() => provinces.refetch()} />
      ) : (
        <>
          <TerritoryMap
            level="province"
            region={territory.code}
            at={at}
            values={values}
            valueName={t('territories.population')}
            title={t('territories.mapTitle', { unit, whole: territory.name })}
            label={t('territories.mapLabel', { unit, whole: territory.name })}
            tableCaption={t('territories.mapTableCaption', { unit, whole: territory.name })}
            whole={territory.name}
            suffix={suffix}
          />
          <section aria-labelledby="children-title" className="mb-4">
            <h2 id="children-title" className="h4">
              {t('territories.childrenTitle.province', { count: rows.length, name: territory.name })}
            </h2>
            <TerritoryList level="province" items={rows} caption={t('territories.childrenCaption.province', { name: territory.name })} suffix={suffix} />
          </section>
        </>
      )}
      <TerritoryCodes territory={territory} suffix={suffix} />
    </>
  );
}

/** The council (CTI) of a province, when there is one. */
function CouncilLink({ territory }: { territory: TerritoryDetail }) {
  const { t } = useTranslation();
  const region = territory.ancestors.find((a) => a.level === 'region');
  const councils = useCouncils({ region: region?.code });
  const council = councils.data?.find((c) => c.territories.some((x) => x.code === territory.code));
  if (!council) return null;
  return (
    <p>
      {t('territories.councilOf')} <Link to={`/consigli/${council.id}`}>{council.name}</Link>
    </p>
  );
}

/** A province: its council, its figures and the filterable table of its comuni. */
export function ProvinceBody({ territory, at, suffix }: BodyProps) {
  const { t } = useTranslation();
  const comuni = useTerritories({ level: 'comune', parent: territory.code, at });
  const items = comuni.data?.items ?? [];
  return (
    <>
      <CouncilLink territory={territory} />
      <TerritorySummary territory={territory} />
      {comuni.isPending ? (
        <Loading />
      ) : comuni.isError ? (
        <QueryError error={comuni.error} onRetry={() => comuni.refetch()} />
      ) : (
        <section aria-labelledby="children-title" className="mb-4">
          <h2 id="children-title" className="h4">
            {t('territories.childrenTitle.comune', { count: items.length, name: territory.name })}
          </h2>
          <TerritoryList level="comune" items={items} caption={t('territories.childrenCaption.comune', { name: territory.name })} suffix={suffix} filterable />
        </section>
      )}
      <TerritoryCodes territory={territory} suffix={suffix} />
    </>
  );
}

export function ComuneBody({ territory, suffix }: BodyProps) {
  return (
    <>
      <TerritorySummary territory={territory} />
      <TerritoryCodes territory={territory} suffix={suffix} />
    </>
  );
}
