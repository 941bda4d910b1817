import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExplorerFilters } from '../modules/analysis/ExplorerFilters.tsx';
import { rowsOfYear, yearsWithData } from '../modules/analysis/explorer-data.ts';
import { useExplorerState } from '../modules/analysis/explorer-state.ts';
import { MapSection } from '../modules/analysis/MapSection.tsx';
import { RankingTable } from '../modules/analysis/RankingTable.tsx';
import { SeriesPanel } from '../modules/analysis/SeriesPanel.tsx';
import { SourceNote } from '../modules/analysis/SourceNote.tsx';
import { Downloads } from '../modules/analysis/Downloads.tsx';
import { useSession } from '../modules/auth/api.ts';
import { scopeIdsOf } from '../modules/auth/permissions.ts';
import { useCouncil } from '../modules/councils/api.ts';
import { useIndicators, useIndicatorThemes, useIndicatorValues, valuesExportUrl } from '../modules/indicators/api.ts';
import { indicatorGroups } from '../modules/indicators/IndicatorSelect.tsx';
import { localized } from '../modules/indicators/text.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import '../modules/analysis/analysis.css';

const DEFAULT_INDICATOR = 'stranieri_residenti';

/** The indicator explorer: choose indicator, level and year; map, ranking and time series, all kept in the address. */
export function AnalysisPage() {
  const { t, i18n } = useTranslation();
  const { state, update } = useExplorerState();
  const themes = useIndicatorThemes();
  const indicators = useIndicators();
  const all = indicators.data ?? [];
  // Without a choice in the address: foreign residents (the starter set's first figure), else the first key indicator.
  const code =
    state.indicator ||
    all.find((i) => i.code === DEFAULT_INDICATOR)?.code ||
    all.find((i) => i.key)?.code ||
    indicatorGroups(all, themes.data ?? [], i18n.language, t)[0]?.options[0]?.value ||
    '';
  const indicator = all.find((i) => i.code === code);
  const levelValues = useIndicatorValues(indicator?.code, { level: state.level });
  const years = useMemo(() => yearsWithData(levelValues.data ?? []), [levelValues.data]);
  const year = years.includes(state.year) ? state.year : (years[0] ?? '');
  const rows = useMemo(() => (year ? rowsOfYear(levelValues.data ?? [], year) : []), [levelValues.data, year]);
  // The territory followed: the one chosen, else the user's own council's (province or region), else the first ranked.
  const me = useSession().data?.me;
  const council = useCouncil(me ? (scopeIdsOf(me, 'council')[0] ?? 0) : 0);
  const own = state.level === 'province' ? council.data?.territories.find((x) => x.level === 'province')?.code : council.data?.region.code;
  const has = (code: string | undefined) => !!code && rows.some((r) => r.code === code);
  const selected = has(state.territory) ? state.territory : has(own) ? (own as string) : (rows.find((r) => r.rank === 1)?.code ?? '');
  const name = indicator ? localized(indicator.name, i18n.language) : '';
  const levelName = t(`analysis.levelsPlural.${state.level}`);

  return (
    <>
      <PageTitle title={t('analysis.title')} lead={t('analysis.lead')} />
      <p>
        <Link to="/indicatori">{t('analysis.catalogueLink')}</Link> · <Link to="/analisi/tabella">{t('analysis.pivotLink')}</Link>{' · '}<Link to="/basi-dati">{t('dataSources.nav')}</Link>
      </p>
      {themes.isPending || indicators.isPending ? (
        <Loading />
      ) : themes.isError || indicators.isError ? (
        <QueryError error={themes.error ?? indicators.error} onRetry={() => {
            void themes.refetch();
            void indicators.refetch();
          }} />
      ) : !indicator ? (
        <p>{state.indicator ? t('analysis.unknownIndicator', { code: state.indicator }) : t('analysis.noIndicators')}</p>
      ) : (
        <>
          <ExplorerFilters state={{ ...state, indicator: code }} indicators={all} themes={themes.data} years={years} onApply={(p) => update({ ...p, territory: '' })} />
          <div className="mb-4">
            {indicator.description && (
              <p className="mb-1">
                <strong>{name}</strong>: {localized(indicator.description, i18n.language)}{' '}
                <Link to={`/indicatori/${indicator.code}`}>{t('analysis.definitionLink')}</Link>
              </p>
            )}
            {state.year && year && state.year !== year && (
              <p className="alert alert-info" role="status">
                {t('analysis.yearFallback', { asked: state.year, year })}
              </p>
            )}
          </div>
          {levelValues.isPending ? (
            <Loading />
          ) : levelValues.isError ? (
            <QueryError error={levelValues.error} onRetry={() => levelValues.refetch()} />
          ) : !year ? (
            <p>{t('analysis.noValues')}</p>
          ) : (
            <>
              <section aria-labelledby="explorer-map-title" className="mb-5">
                <h2 id="explorer-map-title" className="h4">
                  {t('analysis.map.title', { indicator: name, level: levelName, year })}
                </h2>
                <MapSection
                  indicator={indicator}
                  state={state}
                  year={year}
                  rows={rows}
                  selected={selected}
                  onSelect={(territory) => update({ territory }, { replace: true })}
                  onViewChange={(mapView) => update({ mapView }, { replace: true })}
                />
              </section>
              <section aria-labelledby="explorer-ranking-title" className="mb-5">
                <h2 id="explorer-ranking-title" className="h4">
                  {t('analysis.ranking.title', { year })}
                </h2>
                <RankingTable
                  indicator={indicator}
                  rows={rows}
                  year={year}
                  caption={t('analysis.ranking.caption', { indicator: name, level: levelName, year })}
                  selected={selected}
                  onSelect={(territory) => update({ territory }, { replace: true })}
                />
                <SourceNote elements={indicator.elements} />
                <Downloads
                  what={t('analysis.ranking.downloadWhat', { year })}
                  csvHref={valuesExportUrl(indicator.code, { level: state.level, period: year }, 'csv', i18n.language)}
                  xlsxHref={valuesExportUrl(indicator.code, { level: state.level, period: year }, 'xlsx', i18n.language)}
                />
              </section>
              <SeriesPanel indicator={indicator} state={state} rows={rows} selected={selected} levelValues={levelValues.data ?? []} onChange={update} />
            </>
          )}
        </>
      )}
    </>
  );
}
