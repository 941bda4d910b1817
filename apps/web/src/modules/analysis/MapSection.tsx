import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '../../ui/Table.tsx';
import { type Indicator, valuesExportUrl } from '../indicators/api.ts';
import { localized, useIndicatorFormat } from '../indicators/text.ts';
import { classOf, valueClasses } from './classes.ts';
import { Downloads } from './Downloads.tsx';
import type { TerritoryRow } from './explorer-data.ts';
import type { ExplorerState } from './explorer-state.ts';
import { IndicatorMap, useYearBoundaries } from './IndicatorMap.tsx';
import { SourceNote } from './SourceNote.tsx';
import { ViewToggle } from './ViewToggle.tsx';

interface MapSectionProps {
  indicator: Indicator;
  state: ExplorerState;
  year: string;
  rows: TerritoryRow[];
  selected: string;
  onSelect: (code: string) => void;
  onViewChange: (view: 'map' | 'table') => void;
}

/** The year's values as a map of classes or as its table (the toggle keeps the choice in the address), with downloads. */
export function MapSection({ indicator, state, year, rows, selected, onSelect, onViewChange }: MapSectionProps) {
  const { t, i18n } = useTranslation();
  const fmt = useIndicatorFormat();
  const name = localized(indicator.name, i18n.language);
  const boundaries = useYearBoundaries(state.level, year);
  const classes = useMemo(() => valueClasses(rows.flatMap((r) => (r.value == null ? [] : [r.value])), indicator.decimals), [rows, indicator.decimals]);
  const byName = useMemo(() => [...rows].sort((a, b) => a.name.localeCompare(b.name, fmt.locale)), [rows, fmt.locale]);
  const levelName = t(`analysis.levelsPlural.${state.level}`);
  const chosen = rows.find((r) => r.code === selected);
  const chosenClass = chosen ? classOf(classes, chosen.value, indicator.decimals) : null;
  const query = { level: state.level, period: year };

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <ViewToggle
          label={t('analysis.map.showAs')}
          value={state.mapView}
          onChange={onViewChange}
          options={[
            { value: 'map', label: t('analysis.views.map') },
            { value: 'table', label: t('analysis.views.table') },
          ]}
        />
        {chosen && (
          <p className="mb-0" aria-live="polite">
            <strong>{chosen.name}</strong>: {chosen.value != null ? fmt.value(chosen.value, indicator) : t(`analysis.reasons.${chosen.reason ?? 'no_data'}`)}
            {chosenClass && ` · ${t('analysis.map.classOf', { n: chosenClass.index + 1, of: classes.length })}`}
            {chosen.rank && ` · ${t('analysis.map.rank', { rank: chosen.rank, of: rows.filter((r) => r.rank).length })}`}
          </p>
        )}
      </div>
      {state.mapView === 'map' ? (
        <figure className="mb-2">
          <IndicatorMap
            indicator={indicator}
            level={state.level}
            year={year}
            rows={rows}
            classes={classes}
            selected={selected}
            onSelect={onSelect}
            boundaries={boundaries}
            label={t('analysis.map.label', { indicator: name, level: levelName, year })}
          />
          <figcaption className="small text-secondary mt-2">{t('analysis.map.caption')}</figcaption>
        </figure>
      ) : (
        <Table<TerritoryRow>
          caption={t('analysis.map.tableCaption', { indicator: name, level: levelName, year })}
          rows={byName}
          rowKey={(r) => r.code}
          empty={t('analysis.noValues')}
          columns={[
            { key: 'name', header: t(`analysis.levels.${state.level}`), rowHeader: true, render: (r) => r.name },
            {
              key: 'value',
              header: fmt.unitOf(indicator) ? `${t('analysis.value')} (${fmt.unitOf(indicator)})` : t('analysis.value'),
              numeric: true,
              render: (r) => (r.value != null ? fmt.number(r.value, indicator) : t(`analysis.reasons.${r.reason ?? 'no_data'}`)),
            },
            {
              key: 'class',
              header: t('analysis.map.class'),
              render: (r) => {
                const c = classOf(classes, r.value, indicator.decimals);
                return c ? t('analysis.map.classOf', { n: c.index + 1, of: classes.length }) : '—';
              },
            },
          ]}
        />
      )}
      <SourceNote elements={indicator.elements} boundaries={state.mapView === 'map' ? boundaries.data?.attribution : undefined} />
      <Downloads
        what={t('analysis.map.downloadWhat', { indicator: name, level: levelName, year })}
        csvHref={valuesExportUrl(indicator.code, query, 'csv', i18n.language)}
        xlsxHref={valuesExportUrl(indicator.code, query, 'xlsx', i18n.language)}
      />
    </>
  );
}
