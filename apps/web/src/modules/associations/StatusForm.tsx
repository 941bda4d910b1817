import { ENGAGEMENT_STATUSES } from '@mosaico/contracts/participation';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { todayInItaly } from '../../ui/format.ts';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { type Association, useChangeStatus } from './api.ts';


/** The pipeline as steps, the current one marked, and the form that moves the association to another. */
export function StatusForm({ association: a }: { association: Association }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const change = useChangeStatus(a.id);
  const [v, setV] = useState({ status: '', date: todayInItaly(), note: '' });
  const set = (k: keyof typeof v) => (value: string) => setV((p) => ({ ...p, [k]: value }));
  const { errors, fromError, setLocal, clear } = useFormErrors({ isEmpty: (f) => !v[f as keyof typeof v] });
  const labels = { status: t('associations.pipeline.to'), date: t('associations.pipeline.date'), note: t('associations.pipeline.note') };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!v.status) return setLocal(t('form.fixFields'), { status: t('form.required') });
    try {
      await change.mutateAsync({ ...v, version: a.version });
      flash.show(t('associations.pipeline.changed', { status: t(`associations.statuses.${v.status}`) }));
      setV({ status: '', date: todayInItaly(), note: '' });
    } catch (err) {
      fromError(err);
    }
  };
  return (
    <section aria-labelledby="pipeline-title" className="mb-5">
      <h2 id="pipeline-title" className="h4">
        {t('associations.pipeline.title')}
      </h2>
      <ol className="pipeline list-unstyled d-flex flex-wrap gap-2 mb-3">
        {ENGAGEMENT_STATUSES.map((s) => (
          <li key={s} className={`badge ${s === a.engagementStatus ? 'bg-primary' : 'border text-dark bg-white'} p-2`} aria-current={s === a.engagementStatus ? 'step' : undefined}>
            {t(`associations.statuses.${s}`)}
          </li>
        ))}
      </ol>
      {a.canEdit && (
        <form id="association-status" noValidate onSubmit={submit} className="row g-3 align-items-start">
          <div className="col-12">
            <ErrorSummary errors={errors} labels={labels} idPrefix="status" />
          </div>
          <div className="col-md-4">
            <SelectField
              id="status-status"
              label={labels.status}
              required
              value={v.status}
              onChange={set('status')}
              error={errors.fields.status}
              emptyLabel={t('form.choose')}
              options={ENGAGEMENT_STATUSES.filter((s) => s !== a.engagementStatus).map((s) => ({ value: s, label: t(`associations.statuses.${s}`) }))}
            />
          </div>
          <div className="col-md-3">
            <TextField id="status-date" type="date" label={labels.date} required value={v.date} onChange={set('date')} error={errors.fields.date} max={todayInItaly()} />
          </div>
          <div className="col-md-5">
            <TextField id="status-note" label={labels.note} required value={v.note} onChange={set('note')} error={errors.fields.note} maxLength={2000} />
          </div>
          <div className="col-12">
            <button type="submit" className="btn btn-primary" disabled={change.isPending}>
              {t('associations.pipeline.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
