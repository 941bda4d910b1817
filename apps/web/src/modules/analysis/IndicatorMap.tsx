import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type CategoryArea, CategoryMapView, type MapCategory, MapLegend } from '../../ui/CategoryMapView.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import type { Indicator } from '../indicators/api.ts';
import { useIndicatorFormat } from '../indicators/text.ts';
import { type Boundaries, useBoundaries } from '../territories/api.ts';
import { classOf, NO_DATA_COLOR, type ValueClass } from './classes.ts';
import type { MapLevel } from './explorer-state.ts';
import type { TerritoryRow } from './explorer-data.ts';

// Unpatterned: the map's default style is this category's, and a pattern there would show under every class too.
const NO_DATA: Omit<MapCategory, 'label'> = { key: 'none', color: NO_DATA_COLOR, pattern: 'none' };

/** The boundaries of a year's layout: ISTAT stocks are at 1 January, so the layout of that day. */
export function useYearBoundaries(level: MapLevel, year: string) {
  return useBoundaries({ level, at: year ? `${year}-01-01` : undefined });
}

interface IndicatorMapProps {
  indicator: Indicator;
  level: MapLevel;
  year: string;
  rows: TerritoryRow[];
  classes: ValueClass[];
  selected: string;
  onSelect: (code: string) => void;
  label: string;
  boundaries: ReturnType<typeof useYearBoundaries>;
}

/** Provinces or regions coloured by class of value, the selected one outlined; a legend names every class. */
export function IndicatorMap({ indicator, level, year, rows, classes, selected, onSelect, label, boundaries }: IndicatorMapProps) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const categories: MapCategory[] = useMemo(
    () => classes.map((c) => ({ key: String(c.index), label: '', color: c.color, pattern: 'none', patternColor: undefined })),
    [classes],
  );
  const noData: MapCategory = useMemo(() => ({ ...NO_DATA, label: t('analysis.map.noData') }), [t]);
  const areas: CategoryArea[] = useMemo(
    () =>
      rows.map((r) => {
        const c = classOf(classes, r.value, indicator.decimals);
        return {
          code: r.code,
          category: c ? String(c.index) : 'none',
          outlined: r.code === selected,
          tooltip: [
            r.name,
            `${year}: ${r.value != null ? fmt.value(r.value, indicator) : t(`analysis.reasons.${r.reason ?? 'no_data'}`)}`,
            ...(c ? [t('analysis.map.classOf', { n: c.index + 1, of: classes.length })] : []),
            ...(r.rank ? [t('analysis.map.rank', { rank: r.rank, of: rows.filter((x) => x.rank).length })] : []),
          ],
        };
      }),
    [rows, classes, selected, indicator, year, fmt, t],
  );
  const unit = fmt.unitOf(indicator);
  const legend = [
    ...classes.map((c) => ({
      category: { color: c.color, pattern: 'none' as const },
      label: t('analysis.map.classRange', {
        min: fmt.number(c.min, indicator),
        max: fmt.number(c.max, indicator),
        unit: unit ? ` ${unit}` : '',
        count: c.count,
        level: t(`analysis.levelsPlural.${level}`),
      }),
    })),
    ...(rows.some((r) => r.value == null) || !rows.length ? [{ category: NO_DATA, label: t('analysis.map.noData') }] : []),
  ];

  return (
    <div className="row g-3">
      <div className="col-12 col-md-8">
        {boundaries.isPending ? (
          <Loading label={t('territories.loadingMap')} />
        ) : boundaries.isError ? (
          <QueryError error={boundaries.error} onRetry={() => boundaries.refetch()} />
        ) : (
          <CategoryMapView
            mapId={`${(boundaries.data as Boundaries).id}:IT`}
            topology={(boundaries.data as Boundaries).topology}
            categories={categories}
            areas={areas}
            otherCategory={noData}
            label={label}
            onSelect={onSelect}
          />
        )}
      </div>
      <div className="col-12 col-md-4">
        <MapLegend title={t('analysis.map.legend', { year })} entries={legend} />
        <p className="small text-secondary mt-2">{t('analysis.map.legendHint')}</p>
      </div>
    </div>
  );
}
