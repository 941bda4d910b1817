import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import { useImportForm } from './api.ts';
import { type DefinitionIssue, DefinitionIssues } from './DefinitionIssues.tsx';
import { useLocalText } from './text.ts';
import { WorkbookIssues } from './WorkbookIssues.tsx';
import { isWorkbook, useImportXlsform, type WorkbookIssue } from './xlsform.ts';

const PREFIX = 'formimport';

/**
 * Where JSON.parse stopped, in the interface language: the browser's own message is in its language.
 * The caret of the text box is put there, so it is at the fault when the box takes focus.
 */
function describeJsonError(err: Error, text: string, t: TFunction): string {
  if (/end of (JSON )?input|unexpected end/i.test(err.message)) return t('forms.import.notJsonEnd');
  const at = /position (\d+)/.exec(err.message);
  if (!at) return t('forms.import.notJsonPlain');
  const position = Number(at[1]);
  const before = text.slice(0, position).split('\n');
  const box = document.getElementById(`${PREFIX}-text`) as HTMLTextAreaElement | null;
  box?.setSelectionRange(position, position + 1);
  return t('forms.import.notJsonAt', { line: before.length, column: before[before.length - 1].length + 1 });
}
const ISSUES_ID = `${PREFIX}-issues`;

/**
 * Import of a form definition: a .json file (read into the text box, where it can be corrected), pasted
 * JSON, or an XLSForm workbook (.xlsx, sent as it is); the server checks it whole and answers every
 * problem, shown as a table under the error summary — for a workbook, by sheet, row and column.
 */
export function ImportForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const local = useLocalText();
  const messageOf = useErrorMessage();
  const run = useImportForm();
  const runWorkbook = useImportXlsform();
  const fileInput = useRef<HTMLInputElement>(null);
  const [workbook, setWorkbook] = useState<File | null>(null);
  const [workbookIssues, setWorkbookIssues] = useState<WorkbookIssue[] | null>(null);
  const { errors, setLocal, clear } = useFormErrors();
  const [text, setText] = useState('');
  const [loaded, setLoaded] = useState<string | null>(null);
  const [issues, setIssues] = useState<{ list: DefinitionIssue[]; sent: unknown } | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setWorkbook(null);
    if (!file) return;
    if (isWorkbook(file)) {
      // A workbook is sent as it is: the text box is for JSON only.
      setWorkbook(file);
      setText('');
      setLoaded(t('xlsform.fileLoaded', { name: file.name }));
      return;
    }
    try {
      setText(await file.text());
      setLoaded(t('forms.import.fileLoaded', { name: file.name }));
    } catch {
      setLoaded(null);
      setLocal(t('forms.import.fileUnreadable'), { file: t('forms.import.fileUnreadable') });
    }
  };

  const done = (v: Awaited<ReturnType<typeof run.mutateAsync>>) => {
    const title = local(v.definition.title);
    const path = `/moduli/${v.formId}/versioni/${v.version}`;
    flash.show(t('forms.import.done', { title, version: v.version }), { path });
    navigate(path);
  };

  const submitWorkbook = async (file: File) => {
    try {
      done(await runWorkbook.mutateAsync(file));
    } catch (err) {
      const list = isApiError(err) ? (err.issues as WorkbookIssue[]) : [];
      // A file-level fault (not a workbook, empty) is one issue on `file`: said next to the file field.
      if (list.length === 1 && list[0].sheet == null && list[0].row == null) {
        setLocal(t('xlsform.fileRejected'), { file: list[0].message });
      } else if (list.length) {
        setWorkbookIssues(list);
        setLocal(t('xlsform.rejected', { count: list.length }), {});
      } else {
        setLocal(messageOf(err), {});
      }
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setIssues(null);
    setWorkbookIssues(null);
    if (workbook) {
      await submitWorkbook(workbook);
      return;
    }
    if (!text.trim()) {
      setLocal(t('forms.import.nothing'), { file: t('forms.import.nothing') });
      return;
    }
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch (err) {
      setLocal(t('forms.import.notJson'), { text: describeJsonError(err as Error, text, t) });
      return;
    }
    try {
      done(await run.mutateAsync(definition));
    } catch (err) {
      const list = isApiError(err) ? (err.issues as DefinitionIssue[]) : [];
      if (list.length) {
        setIssues({ list, sent: definition });
        setLocal(t('forms.import.rejected', { count: list.length }), {});
      } else {
        setLocal(messageOf(err), {});
      }
    }
  };

  const labels = { file: t('forms.import.file'), text: t('forms.import.text') };
  return (
    <form id={PREFIX} noValidate onSubmit={submit} className="mb-4">
      <ErrorSummary errors={errors} labels={labels} idPrefix={PREFIX}>
        {(issues || workbookIssues) && (
          <p className="mb-0 mt-2">
            <a
              href={`#${ISSUES_ID}`}
              onClick={(e) => {
                const table = document.getElementById(ISSUES_ID);
                if (!table) return;
                e.preventDefault();
                table.focus();
                table.scrollIntoView({ block: 'start' });
              }}
            >
              {t('forms.import.goToIssues')}
            </a>
          </p>
        )}
      </ErrorSummary>
      <div className="form-group">
        <label htmlFor={`${PREFIX}-file`} className="active">
          <span id={`${PREFIX}-file-label`}>{labels.file}</span>
        </label>
        <input
          id={`${PREFIX}-file`}
          name="file"
          type="file"
          ref={fileInput}
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-labelledby={`${PREFIX}-file-label`}
          className={`form-control${errors.fields.file ? ' is-invalid' : ''}`}
          aria-invalid={errors.fields.file ? true : undefined}
          aria-describedby={`${PREFIX}-file-hint${errors.fields.file ? ` ${PREFIX}-file-error` : ''}`}
          onChange={onFile}
        />
        <small id={`${PREFIX}-file-hint`} className="form-text d-block">
          {t('forms.import.fileHint')}
        </small>
        {errors.fields.file && (
          <div id={`${PREFIX}-file-error`} className="invalid-feedback d-block field-error">
            {errors.fields.file}
          </div>
        )}
        <p role="status" className="small mt-2 mb-0">
          {loaded}
        </p>
      </div>
      <TextField
        id={`${PREFIX}-text`}
        label={labels.text}
        multiline
        rows={14}
        value={text}
        onChange={(v) => {
          setText(v);
          setLoaded(null);
          // Typing a definition replaces a chosen workbook.
          if (workbook && fileInput.current) fileInput.current.value = '';
          setWorkbook(null);
        }}
        hint={t('forms.import.textHint')}
        error={errors.fields.text}
        className="definition-text"
      />
      <button type="submit" className="btn btn-primary" disabled={run.isPending || runWorkbook.isPending}>
        {run.isPending || runWorkbook.isPending ? t('forms.import.sending') : t('forms.import.submit')}
      </button>
      {issues && <DefinitionIssues id={ISSUES_ID} issues={issues.list} definition={issues.sent} />}
      {workbookIssues && <WorkbookIssues id={ISSUES_ID} issues={workbookIssues} />}
    </form>
  );
}
