import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useFormat } from '../../ui/format.ts';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import { type Narrative, useSaveNarrative } from './api.ts';
import type { Block } from './blocks.ts';
import { normaliseNarrativeHtml } from './normalise-html.ts';
import { NarrativeHtml } from './ReportDocumentView.tsx';
import { RichTextEditor } from './RichTextEditor.tsx';

interface NarrativeBlockProps {
  reportId: number;
  block: Block<'narrative'>;
  /** The current text and its edit version (null when nobody has written yet). */
  narrative: Narrative | null;
  canEdit: boolean;
  /** Loads the report again (after a concurrent edit). */
  onReload: () => Promise<unknown>;
}

/** A narrative block: its text, and for those who may edit the draft, the editor saved with its version. */
export function NarrativeBlock({ reportId, block, narrative, canEdit, onReload }: NarrativeBlockProps) {
  const { t } = useTranslation();
  const messageOf = useErrorMessage();
  const f = useFormat();
  const save = useSaveNarrative(reportId, block.key);
  const [editing, setEditing] = useState(false);
  const [html, setHtml] = useState(narrative?.html ?? '');
  const [resetKey, setResetKey] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; conflict: boolean; lost: string } | null>(null);
  const editorId = `narrative-${block.key}`;
  const label = block.title ?? t('reports.editor.untitled');

  const open = () => {
    setHtml(narrative?.html ?? '');
    setResetKey((k) => k + 1);
    setStatus(null);
    setError(null);
    setEditing(true);
  };
  const submit = async () => {
    setStatus(null);
    setError(null);
    try {
      const saved = await save.mutateAsync({ html: normaliseNarrativeHtml(html), version: narrative?.version ?? 0 });
      setEditing(false);
      setStatus(t('reports.editor.saved', { version: saved.version }));
    } catch (err) {
      const conflict = isApiError(err) && err.status === 409;
      setError({ message: conflict ? t('reports.editor.conflict') : messageOf(err), conflict, lost: new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '' });
    }
  };
  const reload = async () => {
    const fresh = (await onReload()) as { data?: { narratives: Narrative[] } } | undefined;
    const latest = fresh?.data?.narratives.find((n) => n.blockKey === block.key);
    setHtml(latest?.html ?? '');
    setResetKey((k) => k + 1);
    setError(null);
  };

  return (
    <div className="report-narrative-block">
      <div role="status" aria-live="polite">
        {status && <p className="alert alert-success py-2">{status}</p>}
      </div>
      {error && (
        <div className="alert alert-danger" role="alert">
          <p className="mb-2">{error.message}</p>
          {error.conflict && (
            <>
              {error.lost && (
                <details className="mb-2">
                  <summary>{t('reports.editor.yourText')}</summary>
                  <p className="report-text mb-0">{error.lost}</p>
                </details>
              )}
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={reload}>
                {t('reports.editor.reload')}
              </button>
            </>
          )}
        </div>
      )}
      {editing ? (
        <>
          <RichTextEditor id={editorId} label={t('reports.editor.label', { title: label })} initialHtml={html} resetKey={resetKey} onChange={setHtml} hint={block.hint} />
          <div className="d-flex gap-2 mb-2">
            <button type="button" className="btn btn-primary btn-sm" onClick={submit} disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('reports.editor.save')}
            </button>
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <>
          <NarrativeHtml html={narrative?.html} emptyText={t('reports.view.narrativeEmpty')} />
          {narrative?.updatedAt && <p className="small text-secondary">{t('reports.editor.lastEdit', { who: narrative.updatedBy ?? '—', when: f.dateTime(narrative.updatedAt) })}</p>}
          {canEdit && (
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={open}>
              {t('reports.editor.edit', { title: label })}
            </button>
          )}
        </>
      )}
    </div>
  );
}
