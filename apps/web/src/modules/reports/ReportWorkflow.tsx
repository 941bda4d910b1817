import type { ReportTransition } from '@mosaico/contracts/reports';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormat } from '../../ui/format.ts';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import { type ReportDetail, useTransitionReport } from './api.ts';

/** Moves that must say why (the server requires the note too). */
const NEEDS_NOTE: ReportTransition[] = ['return', 'withdraw'];

/** The moves the server allows this user now, and the report's history of moves. */
export function ReportWorkflow({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const flash = useFlash();
  const messageOf = useErrorMessage();
  const move = useTransitionReport(report.id);
  const [asking, setAsking] = useState<ReportTransition | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const go = async (transition: ReportTransition) => {
    if (NEEDS_NOTE.includes(transition) && asking !== transition) {
      setAsking(transition);
      setNote('');
      setError(null);
      return;
    }
    if (NEEDS_NOTE.includes(transition) && !note.trim()) {
      setError(t('reports.workflow.noteRequired'));
      document.getElementById('report-transition-note')?.focus();
      return;
    }
    try {
      const r = await move.mutateAsync({ transition, note: note.trim() || undefined });
      setAsking(null);
      setNote('');
      setError(null);
      flash.show(t('reports.workflow.done', { status: t(`reports.status.${r.status}`) }));
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <section aria-labelledby="report-workflow-title" className="mb-5">
      <h2 id="report-workflow-title" className="h4">
        {t('reports.workflow.title')}
      </h2>
      {report.withdrawnReason && report.status === 'withdrawn' && <p className="alert alert-warning">{t('reports.workflow.withdrawnReason', { reason: report.withdrawnReason })}</p>}
      {report.transitions.length ? (
        <>
          {error && !asking && (
            <div className="alert alert-danger" role="alert">
              {error}
            </div>
          )}
          {asking ? (
            <div className="card card-bg p-3 mb-3">
              <TextField
                id="report-transition-note"
                label={t(`reports.workflow.note.${asking}`)}
                required
                multiline
                rows={3}
                maxLength={2000}
                value={note}
                onChange={setNote}
                error={error ?? undefined}
              />
              <div className="d-flex gap-2">
                <button type="button" className="btn btn-primary" onClick={() => go(asking)} disabled={move.isPending}>
                  {t(`reports.workflow.confirm.${asking}`)}
                </button>
                <button type="button" className="btn btn-outline-secondary" onClick={() => setAsking(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div className="d-flex flex-wrap gap-2 mb-3">
              {report.transitions.map((tr) => (
                <button key={tr} type="button" className={`btn ${tr === 'return' || tr === 'withdraw' ? 'btn-outline-danger' : 'btn-primary'}`} onClick={() => go(tr)} disabled={move.isPending}>
                  {t(`reports.workflow.action.${tr}`)}
                </button>
              ))}
            </div>
          )}
        </>
      ) : (
        <p className="text-secondary">{t('reports.workflow.noMoves')}</p>
      )}
      <h3 className="h5">{t('reports.workflow.history')}</h3>
      {report.history.length ? (
        <ol className="report-history">
          {report.history.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows at its end
            <li key={i}>
              {t('reports.workflow.entry', {
                when: f.dateTime(h.at),
                who: h.actor,
                action: t(`reports.workflow.action.${h.transition}`),
                from: t(`reports.status.${h.fromStatus}`),
                to: t(`reports.status.${h.toStatus}`),
              })}
              {h.note && <span className="d-block small report-text">{t('reports.workflow.noteShown', { note: h.note })}</span>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-secondary">{t('reports.workflow.noHistory')}</p>
      )}
    </section>
  );
}
