import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError, useErrorMessage } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { type ReportDetail, reportFileUrl, useCompareVersions, useReportVersions, useRestoreVersion, type VersionComparison } from './api.ts';

function Comparison({ data }: { data: VersionComparison }) {
  const { t } = useTranslation();
  const shown = (v: string | number | null) => (v == null ? '—' : String(v));
  const nothing = !data.figures.length && !data.narratives.length && !data.blocksAdded.length && !data.blocksRemoved.length;
  return (
    <div className="mt-3">
      <h4 className="h6">{t('reports.versions.comparing', { from: data.from, to: data.to })}</h4>
      {nothing && <p>{t('reports.versions.same')}</p>}
      {data.figures.length > 0 && (
        <Table
          caption={t('reports.versions.figures', { from: data.from, to: data.to })}
          rows={data.figures}
          rowKey={(r) => `${r.block}-${r.label}`}
          columns={[
            { key: 'label', header: t('reports.versions.figure'), rowHeader: true, render: (r) => `${r.chapter} › ${r.block} › ${r.label}` },
            { key: 'before', header: t('reports.versions.before', { n: data.from }), numeric: true, render: (r) => shown(r.before) },
            { key: 'after', header: t('reports.versions.after', { n: data.to }), numeric: true, render: (r) => shown(r.after) },
          ]}
        />
      )}
      {data.narratives.map((n) => (
        <div key={n.blockKey} className="mb-3">
          <h5 className="h6">{t('reports.versions.narrative', { title: n.title ?? n.blockKey })}</h5>
          <div className="row g-2">
            <div className="col-md-6">
              <p className="small fw-semibold mb-1">{t('reports.versions.before', { n: data.from })}</p>
              <p className="report-diff-before report-text p-2 mb-0">{n.before || '—'}</p>
            </div>
            <div className="col-md-6">
              <p className="small fw-semibold mb-1">{t('reports.versions.after', { n: data.to })}</p>
              <p className="report-diff-after report-text p-2 mb-0">{n.after || '—'}</p>
            </div>
          </div>
        </div>
      ))}
      {data.blocksAdded.length > 0 && <p>{t('reports.versions.added', { list: data.blocksAdded.join(', ') })}</p>}
      {data.blocksRemoved.length > 0 && <p>{t('reports.versions.removed', { list: data.blocksRemoved.join(', ') })}</p>}
    </div>
  );
}

/** The report's versions: list, compare two, restore one (as a new version, after confirmation). */
export function ReportVersions({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const flash = useFlash();
  const messageOf = useErrorMessage();
  const versions = useReportVersions(report.id);
  const restore = useRestoreVersion(report.id);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [asked, setAsked] = useState<{ from: number; to: number } | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const comparison = useCompareVersions(report.id, asked?.from ?? null, asked?.to ?? null);

  if (versions.isPending) return <Loading />;
  if (versions.isError) return <QueryError error={versions.error} onRetry={() => versions.refetch()} />;
  const list = versions.data;
  const options = list.map((v) => ({ value: String(v.version), label: t('reports.versions.option', { n: v.version }) }));
  const compare = (e: FormEvent) => {
    e.preventDefault();
    if (from && to) setAsked({ from: Number(from), to: Number(to) });
  };
  const doRestore = async (n: number) => {
    try {
      const r = await restore.mutateAsync(n);
      setConfirming(null);
      setError(null);
      flash.show(t('reports.versions.restored', { n, version: r.version }));
    } catch (err) {
      setConfirming(null);
      setError(messageOf(err));
    }
  };

  return (
    <>
      {error && (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      )}
      <Table
        caption={t('reports.versions.caption')}
        captionHidden
        rows={list}
        rowKey={(v) => v.version}
        columns={[
          { key: 'n', header: t('reports.fields.version'), rowHeader: true, render: (v) => (v.current ? t('reports.versions.current', { n: v.version }) : String(v.version)) },
          { key: 'at', header: t('reports.versions.createdAt'), render: (v) => f.dateTime(v.createdAt) },
          { key: 'by', header: t('reports.versions.createdBy'), render: (v) => v.createdBy },
          { key: 'reason', header: t('reports.versions.reason'), render: (v) => t(`reports.versions.reasons.${v.reason}`) },
          { key: 'tpl', header: t('reports.versions.templateVersion'), numeric: true, render: (v) => v.templateVersion },
          {
            key: 'actions',
            header: t('reports.versions.actions'),
            render: (v) => (
              <div className="d-flex flex-wrap gap-2 align-items-center">
                <a href={reportFileUrl(report.id, 'pdf', { version: v.version })} type="application/pdf">
                  {t('reports.versions.pdf', { n: v.version })}
                </a>
                {!v.current && report.canEdit && confirming !== v.version && (
                  <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setConfirming(v.version)}>
                    {t('reports.versions.restore', { n: v.version })}
                  </button>
                )}
              </div>
            ),
          },
        ]}
      />
      {confirming != null && (
        <div className="alert alert-warning">
          <p>{t('reports.versions.restoreQuestion', { n: confirming })}</p>
          <div className="d-flex gap-2">
            <button type="button" className="btn btn-primary" onClick={() => doRestore(confirming)} disabled={restore.isPending}>
              {t('reports.versions.restoreConfirm', { n: confirming })}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {list.length > 1 && (
        <form className="row g-3 align-items-end" onSubmit={compare} aria-label={t('reports.versions.compareForm')}>
          <div className="col-md-4">
            <SelectField id="compare-from" label={t('reports.versions.from')} value={from} onChange={setFrom} emptyLabel={t('form.choose')} options={options} />
          </div>
          <div className="col-md-4">
            <SelectField id="compare-to" label={t('reports.versions.to')} value={to} onChange={setTo} emptyLabel={t('form.choose')} options={options} />
          </div>
          <div className="col-md-4 mb-4">
            <button type="submit" className="btn btn-outline-primary" disabled={!from || !to || from === to}>
              {t('reports.versions.compare')}
            </button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {asked && comparison.isPending && <Loading />}
        {comparison.isError && <QueryError error={comparison.error} />}
        {comparison.data && <Comparison data={comparison.data} />}
      </div>
    </>
  );
}
