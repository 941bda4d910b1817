import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { RequiredNote, SelectField } from '../../ui/Field.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useDataSources } from '../data-sources/api.ts';
import { rememberFile, useDryRun } from './api.ts';

/** Choose a file (and the data source it comes from), then dry-run it: nothing is written yet. */
export function ImportUpload({ dataSourceId }: { dataSourceId?: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sources = useDataSources({ pageSize: 500 });
  const dryRun = useDryRun();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState(dataSourceId ? String(dataSourceId) : '');
  const { errors, fromError, setLocal, clear } = useFormErrors();
  const labels = { file: t('imports.file'), dataSourceId: t('imports.dataSource') };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!file) {
      setLocal(t('form.fixFields'), { file: t('imports.fileRequired') });
      return;
    }
    try {
      const id = source ? Number(source) : undefined;
      const r = await dryRun.mutateAsync({ file, dataSourceId: id });
      rememberFile(r.id, file, id);
      navigate(`/statistiche/importazioni/${r.id}`);
    } catch (err) {
      fromError(err);
    }
  };

  return (
    <form id="import-upload" noValidate onSubmit={submit} className="mb-5" aria-labelledby="import-upload-title">
      <h2 id="import-upload-title" className="h4">
        {t('imports.newTitle')}
      </h2>
      <p>{t('imports.newLead')}</p>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="import" />
      <div className="form-group">
        <label htmlFor="import-file" className="active">
          <span id="import-file-label">{labels.file}</span>
          <span className="required-mark" aria-hidden="true">
            {' '}*
          </span>
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          required
          className={`form-control${errors.fields.file ? ' is-invalid' : ''}`}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-labelledby="import-file-label"
          aria-describedby={`import-file-hint${errors.fields.file ? ' import-file-error' : ''}`}
          aria-invalid={errors.fields.file ? true : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <small id="import-file-hint" className="form-text d-block">
          {t('imports.fileHint')}
        </small>
        {errors.fields.file && (
          <div id="import-file-error" className="invalid-feedback d-block field-error">
            {errors.fields.file}
          </div>
        )}
      </div>
      <SelectField
        id="import-dataSourceId"
        label={labels.dataSourceId}
        value={source}
        onChange={setSource}
        error={errors.fields.dataSourceId}
        emptyLabel={t('imports.noDataSource')}
        hint={t('imports.dataSourceHint')}
        options={(sources.data?.items ?? []).map((d) => ({ value: String(d.id), label: d.title.it }))}
      />
      <button type="submit" className="btn btn-primary" disabled={dryRun.isPending}>
        {dryRun.isPending ? t('imports.checking') : t('imports.dryRun')}
      </button>
      {dryRun.isPending && (
        <p role="status" className="mt-2">
          {t('imports.checkingLong')}
        </p>
      )}
    </form>
  );
}
