import type { FormDefinition } from '@mosaico/form-engine/definition';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import '../forms/forms.css';
import { keyParts } from '../forms/keyLabels.ts';
import { type FormRuntime, FormRuntimeContext, type ItemIssue, controlId } from '../forms/runtime.ts';
import { SectionNav } from '../forms/SectionNav.tsx';
import { SectionView } from '../forms/SectionView.tsx';
import { useLocalText } from '../forms/text.ts';
import { type EnteredValues, usePreviewRuntime } from '../forms/usePreviewRuntime.ts';
import { Alert } from '../../ui/Alert.tsx';
import { useFormat } from '../../ui/format.ts';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import { type Submission, useSaveValues } from './api.ts';
import { IssueSummary } from './IssueSummary.tsx';
import { percent } from './percent.ts';
import { useCommentSlots } from './useCommentSlots.tsx';

const PREFIX = 'sub';
const EDITABLE = new Set(['draft', 'returned']);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const blank = (v: unknown) => v === undefined || v === null || v === '';

interface Conflict {
  message: string;
  texts: { key: string; mine: unknown; theirs: unknown }[];
}

const show = (v: unknown) => (blank(v) ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** The submission's form bound to its saved values: writable sections editable, "Salva" sends the changed keys. */
export function SubmissionEntry({ submission, definition, onReload }: { submission: Submission; definition: FormDefinition; onReload: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const local = useLocalText();
  const qc = useQueryClient();
  const messageOf = useErrorMessage();
  const save = useSaveValues(submission.id);
  const [baseline, setBaseline] = useState<EnteredValues>(submission.values);
  const [revision, setRevision] = useState(submission.revision);
  const state = usePreviewRuntime(definition, PREFIX, submission.values);
  const [serverIssues, setServerIssues] = useState<Record<string, ItemIssue[]>>({});
  const [failure, setFailure] = useState<{ message: string; key: number } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const comments = useCommentSlots(submission.id, definition);

  const readable = new Set(submission.readableSections);
  const writable = new Set(EDITABLE.has(submission.status) ? submission.writableSections : []);
  const sections = definition.sections.filter((s) => readable.has(s.code));
  const canSave = writable.size > 0;

  const changed = useMemo(() => {
    const keys = new Set([...Object.keys(state.values), ...Object.keys(baseline)]);
    const out: Record<string, unknown> = {};
    for (const k of keys) if (!same(blank(state.values[k]) ? null : state.values[k], blank(baseline[k]) ? null : baseline[k])) out[k] = blank(state.values[k]) ? null : state.values[k];
    return out;
  }, [state.values, baseline]);

  const runtime: FormRuntime = useMemo(
    () => ({ ...state.runtime, issues: (key: string) => [...(serverIssues[key] ?? []), ...state.runtime.issues(key)], itemExtras: comments.itemExtras }),
    [state.runtime, serverIssues, comments.itemExtras],
  );
  const rowWord = (label: string, n: number) => t('forms.preview.repetition', { label, n });
  const nameOf = (key: string) => {
    const p = keyParts(definition, key, local, rowWord);
    return p.cell ? `${p.item} – ${p.cell}` : p.item;
  };

  async function onSave() {
    setSaved(null);
    setConflict(null);
    setFailure(null);
    const keys = Object.keys(changed);
    if (!keys.length) {
      setSaved(t('campaigns.entry.nothingToSave'));
      return;
    }
    try {
      const r = await save.mutateAsync({ values: changed, expectedRevision: revision });
      setServerIssues({});
      setBaseline(state.values);
      setRevision(r.revision);
      qc.setQueryData<Submission>(['submissions', submission.id], (old) =>
        old ? { ...old, revision: r.revision, values: { ...old.values, ...changed }, evaluation: { completeness: r.completeness, issues: r.issues, rules: r.rules } } : old,
      );
      void qc.invalidateQueries({ queryKey: ['campaigns'] });
      setSaved(t('campaigns.entry.saved', { completeness: percent(r.completeness.overall, f.locale) }));
    } catch (err) {
      if (isApiError(err) && err.status === 409 && err.code === 'version_conflict') {
        const current = ((err.details as { currentValues?: Record<string, unknown> } | undefined)?.currentValues ?? {}) as Record<string, unknown>;
        setConflict({ message: messageOf(err), texts: Object.keys(current).map((k) => ({ key: k, mine: changed[k], theirs: current[k] })) });
        return;
      }
      const byKey: Record<string, ItemIssue[]> = {};
      if (isApiError(err)) for (const i of err.issues) byKey[i.field] = [...(byKey[i.field] ?? []), { severity: 'error', message: i.message, code: i.code }];
      setServerIssues(byKey);
      setFailure((prev) => ({ message: messageOf(err), key: (prev?.key ?? 0) + 1 }));
    }
  }

  const issueLines = Object.entries(serverIssues).flatMap(([key, list]) =>
    list.map((i, n) => ({ key: `${key}-${n}`, text: `${nameOf(key)}: ${i.message}`, target: controlId({ idPrefix: PREFIX }, key) })),
  );

  return (
    <section aria-labelledby={`${PREFIX}-title`} className="form-preview mb-5">
      <h2 id={`${PREFIX}-title`} className="h3">
        {t('campaigns.entry.title')}
      </h2>
      {!canSave && (
        <Alert variant="info">
          <p className="mb-0">{EDITABLE.has(submission.status) ? t('campaigns.entry.readOnly') : t('campaigns.entry.notEditable')}</p>
        </Alert>
      )}
      {failure && <IssueSummary id={`${PREFIX}-errors`} title={t('form.errorSummaryTitle')} message={failure.message} lines={issueLines} focusKey={failure.key} />}
      {conflict && (
        <div className="alert alert-warning" role="alert">
          <h2 className="h5">{t('campaigns.entry.conflictTitle')}</h2>
          <p>{conflict.message}</p>
          <p>{t('campaigns.entry.conflictHelp')}</p>
          {conflict.texts.map((c) => (
            <div key={c.key} className="mb-3">
              <h3 className="h6">{nameOf(c.key)}</h3>
              <div className="row">
                <div className="col-12 col-md-6">
                  <p className="fw-semibold mb-1">{t('campaigns.entry.yourText')}</p>
                  <pre className="conflict-text border p-2">{show(c.mine)}</pre>
                </div>
                <div className="col-12 col-md-6">
                  <p className="fw-semibold mb-1">{t('campaigns.entry.serverText')}</p>
                  <pre className="conflict-text border p-2">{show(c.theirs)}</pre>
                </div>
              </div>
            </div>
          ))}
          <button type="button" className="btn btn-primary" onClick={onReload}>
            {t('campaigns.entry.reload')}
          </button>
        </div>
      )}
      <SectionNav sections={sections} idPrefix={PREFIX} completeness={state.check.completeness} errors={state.errorsBySection} badges={comments.sectionBadges} />
      <form
        id={`${PREFIX}-form`}
        noValidate
        aria-labelledby={`${PREFIX}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        {sections.map((s) => (
          <FormRuntimeContext.Provider key={s.code} value={writable.has(s.code) ? runtime : { ...runtime, readOnly: true }}>
            <SectionView section={s} idPrefix={PREFIX} />
          </FormRuntimeContext.Provider>
        ))}
        <div role="status" aria-live="polite">
          {saved && <div className="alert alert-success">{saved}</div>}
        </div>
        {canSave && (
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        )}
      </form>
    </section>
  );
}
