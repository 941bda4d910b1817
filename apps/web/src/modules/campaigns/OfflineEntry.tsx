import type { FormDefinition } from '@mosaico/form-engine/definition';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../ui/Alert.tsx';
import { DescriptionList } from '../../ui/DescriptionList.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useFormat } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import { useLocalText } from '../forms/text.ts';
import './offline.css';
import type { Submission } from './api.ts';
import { exportUrl, type OfflineFormat, templateUrl, type UploadProblem, type UploadResult, useUploadSection } from './offlineApi.ts';

const EDITABLE = new Set(['draft', 'returned']);
const P = 'offline';

/**
 * Filling a section offline: choose it, download its template (XLSX or CSV), upload the filled file for a
 * check that lists every problem by row, then apply; and the export of the whole submission.
 */
export function OfflineEntry({ submission, definition, onApplied }: { submission: Submission; definition: FormDefinition; onApplied: () => void }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const local = useLocalText();
  const flash = useFlash();
  const upload = useUploadSection(submission.id);
  const { errors, fromError, setLocal, clear } = useFormErrors();
  const writable = EDITABLE.has(submission.status) ? definition.sections.filter((s) => submission.writableSections.includes(s.code)) : [];
  const [section, setSection] = useState(writable[0]?.code ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<UploadResult | null>(null);
  const [applied, setApplied] = useState<UploadResult | null>(null);
  const resultTitle = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const lang = i18n.language === 'en' ? 'en' : 'it';

  useEffect(() => {
    if (check || applied) resultTitle.current?.focus();
  }, [check, applied]);

  const reset = () => {
    clear();
    setCheck(null);
    setApplied(null);
  };

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    if (!file) {
      setLocal(t('offline.fileMissing'), { file: t('offline.fileMissing') });
      return;
    }
    try {
      setCheck(await upload.mutateAsync({ section, file, dryRun: true }));
    } catch (err) {
      fromError(err);
    }
  };

  const apply = async () => {
    if (!file || !check) return;
    clear();
    try {
      const r = await upload.mutateAsync({ section, file, dryRun: false });
      setApplied(r);
      setCheck(null);
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      flash.show(t('offline.done', { new: r.counts.new, changed: r.counts.changed, cleared: r.counts.cleared }));
      onApplied();
    } catch (err) {
      // The file met a problem the check did not (someone saved meanwhile): show the rows again.
      const problems = isApiError(err) ? (err.details as { problems?: UploadProblem[] } | undefined)?.problems : undefined;
      if (problems) setCheck({ ...check, problems });
      else fromError(err);
    }
  };

  const columnName = (c: string | null) => (c ? t(`offline.columns.${c}`, { defaultValue: c }) : '—');
  const shown = applied ?? check;
  return (
    <section aria-labelledby={`${P}-title`} className="card-wrapper mb-5">
      <div className="card card-bg p-4">
        <h2 id={`${P}-title`} className="h3">
          {t('offline.title')}
        </h2>
        {writable.length > 0 ? (
          <>
            <ol className="mb-4">
              <li>{t('offline.step1')}</li>
              <li>{t('offline.step2')}</li>
              <li>{t('offline.step3')}</li>
            </ol>
            <form id={`${P}-form`} noValidate onSubmit={verify} className="mb-3">
              <ErrorSummary errors={errors} labels={{ file: t('offline.file') }} idPrefix={P} />
              <div className="row">
                <div className="col-12 col-lg-6">
                  <SelectField
                    id={`${P}-section`}
                    label={t('offline.section')}
                    value={section}
                    onChange={(v) => {
                      setSection(v);
                      reset();
                    }}
                    options={writable.map((s) => ({ value: s.code, label: local(s.title) }))}
                  />
                </div>
                <div className="col-12 col-lg-6">
                  <p className="mb-1 fw-semibold" id={`${P}-template-label`}>
                    {t('offline.template')}
                  </p>
                  <ul className="list-unstyled d-flex flex-wrap gap-2 mb-4" aria-labelledby={`${P}-template-label`}>
                    {(['xlsx', 'csv'] as OfflineFormat[]).map((format) => (
                      <li key={format}>
                        <a className="btn btn-outline-primary btn-sm" href={templateUrl(submission.id, section, format, lang)} download>
                          {t(`offline.download.${format}`)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
              <div className="form-group mt-2">
                <label htmlFor={`${P}-file`} className="active">
                  <span id={`${P}-file-label`}>{t('offline.file')}</span>
                </label>
                <input
                  ref={fileInput}
                  id={`${P}-file`}
                  name="file"
                  type="file"
                  accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  aria-labelledby={`${P}-file-label`}
                  className={`form-control${errors.fields.file ? ' is-invalid' : ''}`}
                  aria-invalid={errors.fields.file ? true : undefined}
                  aria-describedby={`${P}-file-hint${errors.fields.file ? ` ${P}-file-error` : ''}`}
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    reset();
                  }}
                />
                <small id={`${P}-file-hint`} className="form-text d-block">
                  {t('offline.fileHint')}
                </small>
                {errors.fields.file && (
                  <div id={`${P}-file-error`} className="invalid-feedback d-block">
                    {errors.fields.file}
                  </div>
                )}
              </div>
              <button type="submit" className="btn btn-primary" disabled={upload.isPending}>
                {upload.isPending && !check ? t('offline.checking') : t('offline.verify')}
              </button>
            </form>

            {shown && (
              <section aria-labelledby={`${P}-result-title`} className="mb-3">
                <h3 id={`${P}-result-title`} ref={resultTitle} tabIndex={-1} className="h4">
                  {applied ? t('offline.appliedTitle') : t('offline.checkTitle')}
                </h3>
                <DescriptionList
                  items={[
                    { label: t('offline.total'), value: f.integer(shown.total) },
                    { label: t('offline.new'), value: f.integer(shown.counts.new) },
                    { label: t('offline.changed'), value: f.integer(shown.counts.changed) },
                    { label: t('offline.cleared'), value: f.integer(shown.counts.cleared) },
                    { label: t('offline.unchanged'), value: f.integer(shown.counts.unchanged) },
                    { label: t('offline.problems'), value: f.integer(shown.problems.length) },
                  ]}
                />
                {check && check.problems.length > 0 && (
                  <>
                    <Alert variant="danger">
                      <p className="mb-0">{t('offline.hasProblems', { count: check.problems.length })}</p>
                    </Alert>
                    <Table
                      caption={t('offline.problemsCaption')}
                      rows={check.problems}
                      rowKey={(x) => `${x.line}-${x.column}-${x.code}-${x.key}`}
                      columns={[
                        { key: 'line', header: t('offline.line'), numeric: true, rowHeader: true, render: (x) => f.integer(x.line) },
                        { key: 'column', header: t('offline.column'), render: (x) => columnName(x.column) },
                        { key: 'key', header: t('offline.key'), render: (x) => (x.key ? <code className="text-break">{x.key}</code> : '—') },
                        // A minimum width keeps the message readable when the table scrolls on a narrow screen.
                        { key: 'message', header: t('offline.message'), render: (x) => <span className="d-inline-block offline-message">{x.message}</span> },
                      ]}
                    />
                  </>
                )}
                {check && check.problems.length === 0 && (
                  <>
                    <Alert variant="success">
                      <p className="mb-0">{check.counts.new + check.counts.changed + check.counts.cleared > 0 ? t('offline.ready') : t('offline.nothing')}</p>
                    </Alert>
                    <button type="button" className="btn btn-primary" onClick={apply} disabled={upload.isPending}>
                      {upload.isPending ? t('common.saving') : t('offline.apply')}
                    </button>
                  </>
                )}
              </section>
            )}
          </>
        ) : (
          <p>{EDITABLE.has(submission.status) ? t('offline.readOnly') : t('offline.notEditable')}</p>
        )}
        <h3 className="h5 mt-4" id={`${P}-export-label`}>
          {t('offline.exportTitle')}
        </h3>
        <ul className="list-unstyled d-flex flex-wrap gap-2 mb-0" aria-labelledby={`${P}-export-label`}>
          {(['xlsx', 'csv'] as OfflineFormat[]).map((format) => (
            <li key={format}>
              <a className="btn btn-outline-primary btn-sm" href={exportUrl(submission.id, format, lang)} download>
                {t(`offline.export.${format}`)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
