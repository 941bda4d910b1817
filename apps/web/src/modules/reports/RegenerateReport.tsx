import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import { type ReportDetail, useRegenerateReport, useReportTemplates } from './api.ts';

/** Regenerating makes a new version from today's data; the narrative is kept. It asks first. */
export function RegenerateReport({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const messageOf = useErrorMessage();
  const regenerate = useRegenerateReport(report.id);
  const templates = useReportTemplates();
  const [confirming, setConfirming] = useState(false);
  const [templateId, setTemplateId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    try {
      const r = await regenerate.mutateAsync(templateId ? Number(templateId) : undefined);
      setConfirming(false);
      setError(null);
      flash.show(t('reports.regenerate.done', { version: r.version }));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  if (!confirming)
    return (
      <button type="button" className="btn btn-outline-primary" onClick={() => setConfirming(true)}>
        {t('reports.regenerate.open')}
      </button>
    );
  return (
    <div className="alert alert-warning w-100 mt-2">
      <p>{t('reports.regenerate.question')}</p>
      {error && (
        <p role="alert" className="text-danger fw-semibold">
          {error}
        </p>
      )}
      <SelectField
        id="regenerate-template"
        label={t('reports.fields.template')}
        value={templateId}
        onChange={setTemplateId}
        emptyLabel={t('reports.regenerate.sameTemplate')}
        options={(templates.data ?? []).map((tp) => ({ value: String(tp.id), label: `${tp.name.it} (v${tp.version})` }))}
      />
      <div className="d-flex gap-2">
        <button type="button" className="btn btn-primary" onClick={go} disabled={regenerate.isPending}>
          {regenerate.isPending ? t('reports.regenerate.running') : t('reports.regenerate.confirm')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
