import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { DescriptionList } from '../../ui/DescriptionList.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useFormat } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import { type ImportResult, useImportOrganizations } from './api.ts';

/** CSV import in two steps: a dry run that counts and lists row errors, then "Importa" (only without errors). */
export function CsvImport() {
  const { t } = useTranslation();
  const f = useFormat();
  const flash = useFlash();
  const run = useImportOrganizations();
  const { errors, fromError, setLocal, clear } = useFormErrors();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState<ImportResult | null>(null);
  const resultTitle = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (check || applied) resultTitle.current?.focus();
  }, [check, applied]);

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setCheck(null);
    setApplied(null);
    if (!file) {
      setLocal(t('import.fileMissing'), { file: t('import.fileMissing') });
      return;
    }
    try {
      setCheck(await run.mutateAsync({ file, dryRun: true }));
    } catch (err) {
      fromError(err);
    }
  };

  const apply = async () => {
    if (!file) return;
    clear();
    try {
      const r = await run.mutateAsync({ file, dryRun: false });
      setApplied(r);
      setCheck(null);
      flash.show(t('import.done', { created: r.created, updated: r.updated, unchanged: r.unchanged }));
    } catch (err) {
      fromError(err);
    }
  };

  const shown = applied ?? check;
  return (
    <>
      <form id="import-form" noValidate onSubmit={verify} className="mb-4">
        <ErrorSummary errors={errors} labels={{ file: t('import.file') }} idPrefix="import" />
        <div className="form-group">
          <label htmlFor="import-file" className="active">
            <span id="import-file-label">{t('import.file')}</span>
            <span className="required-mark" aria-hidden="true">
              {' '}*
            </span>
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-labelledby="import-file-label"
            className={`form-control${errors.fields.file ? ' is-invalid' : ''}`}
            aria-invalid={errors.fields.file ? true : undefined}
            aria-describedby={`import-file-hint${errors.fields.file ? ' import-file-error' : ''}`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setCheck(null);
              setApplied(null);
            }}
          />
          <small id="import-file-hint" className="form-text d-block">
            {t('import.fileHint')}
          </small>
          {errors.fields.file && (
            <div id="import-file-error" className="invalid-feedback d-block">
              {errors.fields.file}
            </div>
          )}
        </div>
        <button type="submit" className="btn btn-primary" disabled={run.isPending}>
          {t('import.verify')}
        </button>
      </form>

      {shown && (
        <section aria-labelledby="import-result-title" className="mb-4">
          <h2 id="import-result-title" ref={resultTitle} tabIndex={-1} className="h4">
            {applied ? t('import.appliedTitle') : t('import.checkTitle')}
          </h2>
          <DescriptionList
            items={[
              { label: t('import.total'), value: f.integer(shown.total) },
              { label: applied ? t('import.created') : t('import.toCreate'), value: f.integer(shown.created) },
              { label: applied ? t('import.updated') : t('import.toUpdate'), value: f.integer(shown.updated) },
              { label: t('import.unchanged'), value: f.integer(shown.unchanged) },
              { label: t('import.errors'), value: f.integer(shown.errors.length) },
            ]}
          />
          {check && check.errors.length > 0 && (
            <>
              <div className="alert alert-danger">{t('import.hasErrors', { count: check.errors.length })}</div>
              <Table
                caption={t('import.errorsCaption')}
                rows={check.errors}
                rowKey={(e) => `${e.line}-${e.field}-${e.message}`}
                columns={[
                  { key: 'line', header: t('import.line'), numeric: true, rowHeader: true, render: (e) => f.integer(e.line) },
                  { key: 'field', header: t('import.field'), render: (e) => <code>{e.field}</code> },
                  { key: 'message', header: t('import.message'), render: (e) => e.message },
                ]}
              />
            </>
          )}
          {check && check.errors.length === 0 && (
            <>
              <div className="alert alert-success">{t('import.ready')}</div>
              <button type="button" className="btn btn-primary" onClick={apply} disabled={run.isPending}>
                {t('import.apply')}
              </button>
            </>
          )}
          {applied && <Link to="/organizzazioni">{t('import.backToList')}</Link>}
        </section>
      )}
    </>
  );
}
