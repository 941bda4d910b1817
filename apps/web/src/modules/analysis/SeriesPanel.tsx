import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { type Indicator, type IndicatorValue, useIndicatorValues, valuesExportUrl } from '../indicators/api.ts';
import { useIndicatorFormat } from '../indicators/text.ts';
import { useTerritories } from '../territories/api.ts';
import type { ExplorerState } from './explorer-state.ts';
import type { TerritoryRow } from './explorer-data.ts';
import { type SeriesTerritory, TimeSeriesSection } from './TimeSeriesSection.tsx';

interface SeriesPanelProps {
  indicator: Indicator;
  state: ExplorerState;
  rows: TerritoryRow[];
  selected: string;
  levelValues: IndicatorValue[];
  onChange: (patch: Partial<ExplorerState>, opts?: { replace?: boolean }) => void;
}

function territoryOf(values: IndicatorValue[], code: string | null | undefined): SeriesTerritory | null {
  if (!code) return null;
  const own = values.filter((v) => v.territory.code === code);
  return own.length ? { code, name: own[0].territory.name, values: own } : null;
}

/** The time series of the chosen territory (chosen here, on the map or in the ranking) beside its region and Italy. */
export function SeriesPanel({ indicator, state, rows, selected, levelValues, onChange }: SeriesPanelProps) {
  const { t, i18n } = useTranslation();
  const fmt = useIndicatorFormat();
  const isProvince = state.level === 'province';
  const regions = useIndicatorValues(indicator.code, { level: 'region' }, isProvince);
  const nation = useIndicatorValues(indicator.code, { level: 'nation' });
  // The region of a province: from the provinces of the latest year shown (a code keeps its region).
  const provinces = useTerritories({ level: 'province' }, isProvince);
  const parentCode = isProvince ? provinces.data?.items.find((p) => p.code === selected)?.parentCode : null;
  const options = useMemo(() => [...rows].sort((a, b) => a.name.localeCompare(b.name, fmt.locale)).map((r) => ({ value: r.code, label: r.name })), [rows, fmt.locale]);
  const own = territoryOf(levelValues, selected);
  const territories = useMemo(() => {
    const nationCode = nation.data?.[0]?.territory.code;
    return [own, isProvince ? territoryOf(regions.data ?? [], parentCode) : null, territoryOf(nation.data ?? [], nationCode)].filter((x): x is SeriesTerritory => !!x);
  }, [own, isProvince, regions.data, parentCode, nation.data]);

  return (
    <section aria-labelledby="explorer-series-title" className="mb-5">
      <h2 id="explorer-series-title" className="h4">
        {t('analysis.series.title', { where: territories.map((x) => x.name).join(', ') || '—' })}
      </h2>
      <div className="row mt-4">
        <div className="col-12 col-md-6 col-lg-4">
          <SelectField
            id="explorer-territory"
            label={t(`analysis.levels.${state.level}`)}
            hint={t('analysis.series.territoryHint')}
            value={selected}
            onChange={(territory) => onChange({ territory }, { replace: true })}
            options={options}
          />
        </div>
      </div>
      {nation.isPending || (isProvince && (regions.isPending || provinces.isPending)) ? (
        <Loading />
      ) : nation.isError || regions.isError ? (
        <QueryError error={nation.error ?? regions.error} onRetry={() => {
            void nation.refetch();
            void regions.refetch();
          }} />
      ) : (
        <TimeSeriesSection
          indicator={indicator}
          territories={territories}
          view={state.seriesView}
          onViewChange={(seriesView) => onChange({ seriesView }, { replace: true })}
          xlsxHref={valuesExportUrl(indicator.code, { level: state.level, territory: selected }, 'xlsx', i18n.language)}
        />
      )}
    </section>
  );
}
