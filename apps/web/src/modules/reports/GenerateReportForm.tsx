import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { RequiredNote, SelectField, TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useCampaigns } from '../campaigns/api.ts';
import type { Council } from '../councils/api.ts';
import { useCreateReport, useReportTemplates } from './api.ts';

/** "Genera monografia": a council, a year and a template; a report that exists already is linked instead. */
export function GenerateReportForm({ councils }: { councils: Council[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const create = useCreateReport();
  const templates = useReportTemplates();
  const [councilId, setCouncilId] = useState(councils.length === 1 ? String(councils[0]?.id) : '');
  const campaigns = useCampaigns();
  // The year of the latest campaign (whose data the platform holds), until the user types another.
  const latestYear = campaigns.data?.length ? Math.max(...campaigns.data.map((c) => c.year)) : new Date().getFullYear() - 1;
  const [typedYear, setYear] = useState<string | null>(null);
  const year = typedYear ?? String(latestYear);
  const [templateId, setTemplateId] = useState('');
  const [existing, setExisting] = useState<number | null>(null);
  const { errors, fromError, setLocal, clear } = useFormErrors();
  const labels = { councilId: t('reports.fields.council'), year: t('reports.fields.year'), templateId: t('reports.fields.template') };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setExisting(null);
    const local: Record<string, string> = {};
    if (!councilId) local.councilId = t('form.required');
    if (!/^\d{4}$/.test(year.trim())) local.year = t('reports.generate.yearInvalid');
    if (Object.keys(local).length) return setLocal(t('form.fixFields'), local);
    try {
      const r = await create.mutateAsync({ councilId: Number(councilId), year: Number(year), templateId: templateId ? Number(templateId) : undefined });
      flash.show(t('reports.generate.done', { council: r.councilName, year: r.year }), { path: `/monografie/${r.id}` });
      navigate(`/monografie/${r.id}`);
    } catch (err) {
      const details = isApiError(err) ? (err.details as { reportId?: number } | undefined) : undefined;
      if (isApiError(err) && err.code === 'report_exists' && details?.reportId) setExisting(details.reportId);
      fromError(err);
    }
  };

  return (
    <form id="generate-report" noValidate onSubmit={submit} aria-labelledby="generate-title" className="card card-bg p-4 mb-5">
      <h2 id="generate-title" className="h4">
        {t('reports.generate.title')}
      </h2>
      <p>{t('reports.generate.lead')}</p>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="gen">
        {existing && (
          <p className="mb-0 mt-2">
            <Link to={`/monografie/${existing}`}>{t('reports.generate.openExisting')}</Link>
          </p>
        )}
      </ErrorSummary>
      <div className="row g-3">
        <div className="col-md-5">
          <SelectField
            id="gen-councilId"
            label={labels.councilId}
            required
            value={councilId}
            onChange={setCouncilId}
            emptyLabel={t('form.choose')}
            error={errors.fields.councilId}
            options={[...councils].sort((a, b) => a.name.localeCompare(b.name, 'it')).map((c) => ({ value: String(c.id), label: c.name }))}
          />
        </div>
        <div className="col-md-2">
          <TextField id="gen-year" label={labels.year} required inputMode="numeric" maxLength={4} value={year} onChange={setYear} error={errors.fields.year} />
        </div>
        <div className="col-md-5">
          <SelectField
            id="gen-templateId"
            label={labels.templateId}
            value={templateId}
            onChange={setTemplateId}
            emptyLabel={t('reports.generate.defaultTemplate')}
            error={errors.fields.templateId}
            options={(templates.data ?? []).map((tp) => ({ value: String(tp.id), label: `${tp.name.it} (v${tp.version})` }))}
          />
        </div>
      </div>
      <div>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? t('reports.generate.running') : t('reports.generate.submit')}
        </button>
      </div>
    </form>
  );
}
