import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/Loading.tsx';
import type { ChartBlock, MapBlock } from './blocks.ts';
import { DataTable } from './DataTable.tsx';

// ECharts is large: it is loaded only when a report with a chart or map is shown.
const ReportEChart = lazy(() => import('./ReportEChart.tsx'));

/** The figures behind a chart or map, as a table: the data alternative to the image. */
function tableOf(block: ChartBlock | MapBlock, t: (k: string) => string) {
  if (block.kind === 'map') {
    return {
      columns: [
        { label: t('reports.figure.province'), numeric: false, unit: null, decimals: 0 },
        { label: `${block.title ?? block.indicator} (${block.period})`, numeric: true, unit: block.unit, decimals: block.decimals },
      ],
      rows: block.values.map((v) => [v.code === block.focusCode ? `${v.name} ★` : v.name, v.value]),
    };
  }
  const decimals = block.series.some((s) => s.values.some((v) => v != null && !Number.isInteger(v))) ? 1 : 0;
  return {
    columns: [
      { label: block.chart === 'pyramid' ? t('reports.figure.ageClass') : t('reports.figure.category'), numeric: false, unit: null, decimals: 0 },
      ...block.series.map((s) => ({ label: s.name, numeric: true, unit: block.unit, decimals })),
    ],
    rows: block.categories.map((c, i) => [c, ...block.series.map((s) => s.values[i] ?? null)]),
  };
}

/** Whether there is anything to draw: a block may lack data for a council (its alternative text says why). */
function hasFigures(block: ChartBlock | MapBlock) {
  if (block.kind === 'map') return block.values.some((v) => v.value != null);
  return block.categories.length > 0 && block.series.some((s) => s.values.some((v) => v != null));
}

/** A chart or map with a visible caption (title and alternative text) and its data table on request. */
export function ReportFigure({ block, reportId }: { block: ChartBlock | MapBlock; reportId: number }) {
  if (!hasFigures(block)) return <p className="report-no-figures">{block.alt}</p>;
  return <DrawnFigure block={block} reportId={reportId} />;
}

function DrawnFigure({ block, reportId }: { block: ChartBlock | MapBlock; reportId: number }) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const captionId = useId();
  const title = block.title ?? '';
  const data = tableOf(block, t);
  return (
    <figure className="report-figure mb-4">
      <Suspense fallback={<Loading />}>
        <ReportEChart block={block} mapName={`report-${reportId}-${block.key}`} label={title} describedBy={captionId} height={block.kind === 'map' ? 440 : 360} />
      </Suspense>
      {/* The block's h3 names the figure; the caption says what it shows, with its figures (the alternative text). */}
      <figcaption id={captionId} className="mt-2">
        <span className="small">{block.alt}</span>
        {block.kind === 'map' && <span className="d-block small text-secondary">{t('reports.figure.focusNote')}</span>}
      </figcaption>
      <button type="button" className="btn btn-outline-primary btn-sm mt-2" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((s) => !s)}>
        {showTable ? t('reports.figure.hideTable') : t('reports.figure.showTable')}
      </button>
      <div id={tableId} hidden={!showTable} className="mt-2">
        {showTable && <DataTable caption={t('reports.figure.tableCaption', { title })} columns={data.columns} rows={data.rows} />}
      </div>
    </figure>
  );
}
