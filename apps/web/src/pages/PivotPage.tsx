import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Downloads } from '../modules/analysis/Downloads.tsx';
import { PivotControls } from '../modules/analysis/PivotControls.tsx';
import { PivotTable } from '../modules/analysis/PivotTable.tsx';
import { pivotQueryOf, usePivotState } from '../modules/analysis/pivot-state.ts';
import { SourceNote } from '../modules/analysis/SourceNote.tsx';
import { pivotExportUrl, useDataElements, useIndicators, useIndicatorThemes, usePivot } from '../modules/indicators/api.ts';
import { localized, useIndicatorFormat } from '../modules/indicators/text.ts';
import { useTerritories } from '../modules/territories/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import '../modules/analysis/analysis.css';

/** The pivot view: an indicator or data element by territory, year and breakdown, with its exports. */
export function PivotPage() {
  const { t, i18n } = useTranslation();
  const fmt = useIndicatorFormat();
  const { state: asked, apply } = usePivotState();
  const indicators = useIndicators();
  const themes = useIndicatorThemes();
  const elements = useDataElements();
  const regions = useTerritories({ level: 'region' });
  const state = useMemo(() => ({ ...asked, measure: asked.measure || 'indicator:stranieri_residenti' }), [asked]);
  const query = pivotQueryOf(state);
  const pivot = usePivot(query);
  // The years the measure has at all, whatever is chosen: from the nation's row.
  const span = usePivot({ measure: state.measure, level: 'nation' });
  const code = state.measure.split(':').slice(1).join(':');
  const indicator = state.measure.startsWith('indicator:') ? indicators.data?.find((i) => i.code === code) : undefined;
  const format = (v: number | null) => (indicator ? fmt.number(v, indicator) : fmt.amount(v));
  const name = pivot.data ? localized(pivot.data.measure.name, i18n.language) : '';
  const elementsUsed = indicator ? indicator.elements : [code];

  return (
    <>
      <Breadcrumb items={[{ label: t('analysis.nav'), to: '/analisi' }, { label: t('analysis.pivot.title') }]} />
      <PageTitle title={t('analysis.pivot.title')} lead={t('analysis.pivot.lead')} />
      {indicators.isPending || themes.isPending || elements.isPending ? (
        <Loading />
      ) : indicators.isError || themes.isError || elements.isError ? (
        <QueryError error={indicators.error ?? themes.error ?? elements.error} />
      ) : (
        <PivotControls
          state={state}
          indicators={indicators.data}
          themes={themes.data}
          elements={elements.data}
          regions={(regions.data?.items ?? []).map((r) => ({ code: r.code, name: r.name }))}
          years={span.data?.periods ?? []}
          onApply={apply}
        />
      )}
      <section aria-labelledby="pivot-result-title">
        <h2 id="pivot-result-title" className="h4">
          {name ? t('analysis.pivot.resultTitle', { name, level: t(`analysis.levelsPlural.${state.level}`) }) : t('analysis.pivot.result')}
        </h2>
        {pivot.isPending ? (
          <Loading />
        ) : pivot.isError ? (
          <QueryError error={pivot.error} onRetry={() => pivot.refetch()} />
        ) : (
          <>
            <PivotTable
              data={pivot.data}
              rows={state.rows}
              format={format}
              caption={t('analysis.pivot.caption', { name, unit: indicator ? fmt.unitOf(indicator) || '—' : '—' })}
            />
            <SourceNote elements={elementsUsed} />
            <Downloads
              what={t('analysis.pivot.downloadWhat', { name })}
              csvHref={pivotExportUrl(query, 'csv', i18n.language)}
              xlsxHref={pivotExportUrl(query, 'xlsx', i18n.language)}
            />
          </>
        )}
      </section>
    </>
  );
}
