import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { Table } from '../../ui/Table.tsx';
import type { Target } from './api.ts';

const HorizontalBarChart = lazy(() => import('../../ui/HorizontalBarChart.tsx'));
type Row = Target['progress']['regions'][number];

/** One target: what it counts, the progress bar of the whole, and the regions as a chart or, on request, a table. */
export function TargetCard({ target, onEdit }: { target: Target; onEdit?: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  const tableId = useId();
  const unit = t(`targets.units.${target.metric}`);
  const total = target.progress.total;
  const percent = total.percent ?? 0;
  const rows = target.progress.regions;
  // Regions where something was held, and every region of a regional target; the table lists them all.
  const drawn = useMemo(() => rows.filter((r) => r.value > 0 || target.scopeType === 'region'), [rows, target.scopeType]);
  const bars = useMemo(() => drawn.map((r) => ({ label: r.region?.name ?? '', value: r.value, text: f.number(r.value) })), [drawn, f]);
  const years = target.yearFrom === target.yearTo ? String(target.yearFrom) : `${target.yearFrom}–${target.yearTo}`;
  return (
    <section className="card card-bg mb-4 target-card" aria-labelledby={headingId}>
      <div className="card-body">
        <h2 id={headingId} className="h4">
          {target.name}
        </h2>
        <p className="small text-secondary mb-2">
          {t(`targets.metrics.${target.metric}`, { kind: t(`events.kinds.${target.eventKind}`) })} · {target.region ? target.region.name : t('targets.nation')} · {years}
        </p>
        {target.description && <p>{target.description}</p>}
        <p className="mb-1 fw-semibold">
          {target.metric === 'councils_with_event_per_year'
            ? t('targets.progressCouncils', { value: f.number(total.value), goal: f.number(total.goal ?? 0), percent: f.percent(percent), share: f.percent(target.targetValue) })
            : t('targets.progress', { value: f.number(total.value), goal: f.number(total.goal ?? 0), unit, percent: f.percent(percent) })}
        </p>
        <div
          className="progress mb-3"
          role="progressbar"
          aria-label={t('targets.progressLabel', { name: target.name })}
          aria-valuenow={Math.round(Math.min(percent, 100))}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuetext={f.percent(percent)}
          style={{ height: '1rem' }}
        >
          <div className="progress-bar bg-primary" style={{ width: `${Math.min(percent, 100)}%` }} />
        </div>
        <h3 className="h6">{t('targets.byRegion')}</h3>
        {drawn.length === 0 ? (
          <p className="text-secondary">{t('targets.nothingHeld')}</p>
        ) : (
          <Suspense fallback={<Loading />}>
            <HorizontalBarChart bars={bars} label={t('targets.chartLabel', { name: target.name, unit })} formatAxis={f.number} rowHeight={28} />
          </Suspense>
        )}
        <div className="d-flex flex-wrap gap-2 mt-2">
          <button type="button" className="btn btn-outline-primary btn-sm" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((s) => !s)}>
            {showTable ? t('targets.hideTable') : t('targets.showTable')}
          </button>
          {onEdit && (
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={onEdit}>
              {t('targets.edit')}
              <span className="visually-hidden"> – {target.name}</span>
            </button>
          )}
        </div>
        <div id={tableId} hidden={!showTable} className="mt-3">
          {showTable && (
            <Table<Row>
              caption={t('targets.tableCaption', { name: target.name })}
              rows={[...rows, { ...total, region: null }]}
              rowKey={(r) => r.region?.id ?? 0}
              columns={[
                { key: 'region', header: t('targets.fields.region'), rowHeader: true, render: (r) => r.region?.name ?? (target.region ? t('targets.totalRegion') : t('targets.totalNation')) },
                { key: 'value', header: t(`targets.valueHeader.${target.metric}`), numeric: true, render: (r) => f.number(r.value) },
                { key: 'goal', header: t('targets.fields.goal'), numeric: true, render: (r) => f.number(r.goal) },
                { key: 'percent', header: t('targets.fields.percent'), numeric: true, render: (r) => f.percent(r.percent) },
              ]}
            />
          )}
        </div>
      </div>
    </section>
  );
}
