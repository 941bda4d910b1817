import type { BlockSpec, TemplateDefinition } from '@mosaico/contracts/reports';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldIssue, isApiError } from '../../api/client.ts';
import { TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import { type ReportTemplate, useSaveTemplate } from './api.ts';
import './reports.css';
import { describeIssuePath } from './template-issues.ts';
import { TemplateBlockForm } from './TemplateBlockForm.tsx';

type Mode = 'structure' | 'json';

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** Issues whose path starts with `prefix` (a chapter's title, a block), shown beside what they are about. */
function IssuesAt({ issues, prefix, id }: { issues: FieldIssue[]; prefix: string; id?: string }) {
  const mine = issues.filter((i) => i.field === prefix || i.field.startsWith(`${prefix}.`));
  if (!mine.length) return null;
  return (
    <div id={id} className="invalid-feedback d-block field-error">
      {mine.map((i) => i.message).join(' ')}
    </div>
  );
}

/**
 * A template's chapters and blocks, edited as a structure (titles, order, removal, new blocks) or as JSON;
 * saving publishes a new version, and the server's validation issues are listed and shown where they point.
 */
export function TemplateEditor({ template }: { template: ReportTemplate }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const messageOf = useErrorMessage();
  const save = useSaveTemplate(template.id);
  const [name, setName] = useState(template.name.it);
  const [def, setDef] = useState<TemplateDefinition>(template.definition);
  const [mode, setMode] = useState<Mode>('structure');
  const [json, setJson] = useState('');
  const [adding, setAdding] = useState<number | null>(null);
  const [failure, setFailure] = useState<{ key: number; message: string; issues: FieldIssue[] } | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (failure) summary.current?.focus();
  }, [failure]);
  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const switchMode = (m: Mode) => {
    if (m === mode) return;
    if (m === 'json') setJson(JSON.stringify(def, null, 2));
    else {
      try {
        setDef(JSON.parse(json) as TemplateDefinition);
      } catch (err) {
        setFailure((f) => ({ key: (f?.key ?? 0) + 1, message: t('reports.templates.jsonInvalid', { detail: (err as Error).message }), issues: [] }));
        return;
      }
    }
    setMode(m);
  };
  const setChapter = (c: number, fn: (ch: TemplateDefinition['chapters'][number]) => TemplateDefinition['chapters'][number]) =>
    setDef((d) => ({ chapters: d.chapters.map((ch, i) => (i === c ? fn(ch) : ch)) }));
  const moveBlock = (c: number, b: number, to: number, dir: 'up' | 'down') => {
    const key = def.chapters[c]?.blocks[b]?.key;
    setChapter(c, (ch) => ({ ...ch, blocks: move(ch.blocks, b, to) }));
    // Keep the keyboard on the block that moved; at the edge, on its other button.
    const edge = (dir === 'up' && to === 0) || (dir === 'down' && to === (def.chapters[c]?.blocks.length ?? 1) - 1);
    pendingFocus.current = `tpl-${c}-${key}-${edge ? (dir === 'up' ? 'down' : 'up') : dir}`;
  };

  const submit = async () => {
    let definition = def;
    if (mode === 'json') {
      try {
        definition = JSON.parse(json) as TemplateDefinition;
      } catch (err) {
        setFailure((f) => ({ key: (f?.key ?? 0) + 1, message: t('reports.templates.jsonInvalid', { detail: (err as Error).message }), issues: [] }));
        return;
      }
    }
    try {
      const saved = await save.mutateAsync({ name: { ...template.name, it: name }, description: template.description ?? undefined, definition });
      setFailure(null);
      setDef(saved.definition);
      if (mode === 'json') setJson(JSON.stringify(saved.definition, null, 2));
      flash.show(t('reports.templates.saved', { version: saved.version }));
    } catch (err) {
      setFailure((f) => ({ key: (f?.key ?? 0) + 1, message: messageOf(err), issues: isApiError(err) ? err.issues : [] }));
    }
  };
  const issues = failure?.issues ?? [];
  const words = { chapter: t('reports.templates.chapter'), block: t('reports.templates.block') };

  return (
    <>
      {failure && (
        // biome-ignore lint/a11y/useSemanticElements: a named, focusable group announced on focus, as the app's other error summaries
        <div ref={summary} tabIndex={-1} role="group" aria-labelledby="tpl-errors-title" className="alert alert-danger error-summary mb-4">
          <h2 id="tpl-errors-title" className="h5">
            {t('form.errorSummaryTitle')}
          </h2>
          <p className="mb-2">{failure.message}</p>
          {issues.length > 0 && (
            <ul className="mb-0">
              {issues.map((i, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: issues of one answer
                <li key={n}>
                  {describeIssuePath(i.field, mode === 'json' ? null : def, words)}: {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <TextField id="tpl-name" label={t('reports.templates.name')} required value={name} onChange={setName} error={issues.find((i) => i.field.startsWith('name'))?.message} />
      <fieldset className="mb-3">
        <legend className="h6 px-0">{t('reports.templates.mode')}</legend>
        <div className="btn-group">
          {(['structure', 'json'] as const).map((m) => (
            <button key={m} type="button" className={`btn btn-sm ${mode === m ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={mode === m} onClick={() => switchMode(m)}>
              {t(`reports.templates.modes.${m}`)}
            </button>
          ))}
        </div>
      </fieldset>
      {mode === 'json' ? (
        <TextField id="tpl-json" label={t('reports.templates.json')} multiline rows={24} value={json} onChange={setJson} hint={t('reports.templates.jsonHint')} className="template-json" />
      ) : (
        <ol className="template-chapters list-unstyled">
          {def.chapters.map((ch, c) => (
            <li key={ch.key} className="card card-bg p-3 mb-3">
              <h2 className="h5 mb-5">{t('reports.templates.chapterHeading', { n: c + 1, key: ch.key })}</h2>
              <TextField
                id={`tpl-${c}-title`}
                label={t('reports.templates.chapterTitle', { n: c + 1 })}
                required
                value={ch.title.it}
                onChange={(v) => setChapter(c, (x) => ({ ...x, title: { ...x.title, it: v } }))}
                error={issues.find((i) => i.field.startsWith(`definition.chapters.${c}.title`))?.message}
              />
              <IssuesAt issues={issues.filter((i) => i.field === `definition.chapters.${c}.blocks`)} prefix={`definition.chapters.${c}.blocks`} />
              <ol className="template-blocks">
                {ch.blocks.map((b: BlockSpec, i) => (
                  <li key={b.key} className="mb-2">
                    <span className="fw-semibold">{t(`reports.templates.kinds.${b.kind}`)}</span> · <code>{b.key}</code>
                    {b.title?.it ? ` · ${b.title.it}` : ''}
                    <span className="d-inline-flex gap-1 ms-2">
                      <button id={`tpl-${c}-${b.key}-up`} type="button" className="btn btn-outline-secondary btn-xs" disabled={i === 0} onClick={() => moveBlock(c, i, i - 1, 'up')}>
                        {t('reports.templates.up')}
                        <span className="visually-hidden"> {b.key}</span>
                      </button>
                      <button id={`tpl-${c}-${b.key}-down`} type="button" className="btn btn-outline-secondary btn-xs" disabled={i === ch.blocks.length - 1} onClick={() => moveBlock(c, i, i + 1, 'down')}>
                        {t('reports.templates.down')}
                        <span className="visually-hidden"> {b.key}</span>
                      </button>
                      <button
                        type="button"
                        className="btn btn-outline-danger btn-xs"
                        onClick={() => {
                          setChapter(c, (x) => ({ ...x, blocks: x.blocks.filter((_, n) => n !== i) }));
                          pendingFocus.current = `tpl-${c}-add`;
                        }}
                      >
                        {t('reports.templates.remove')}
                        <span className="visually-hidden"> {b.key}</span>
                      </button>
                    </span>
                    <IssuesAt issues={issues} prefix={`definition.chapters.${c}.blocks.${i}`} />
                  </li>
                ))}
              </ol>
              {adding === c ? (
                <TemplateBlockForm
                  idPrefix={`tpl-${c}-new`}
                  onCancel={() => setAdding(null)}
                  onAdd={(b) => {
                    setChapter(c, (x) => ({ ...x, blocks: [...x.blocks, b] }));
                    setAdding(null);
                    pendingFocus.current = `tpl-${c}-${b.key}-up`;
                  }}
                />
              ) : (
                <div>
                  <button id={`tpl-${c}-add`} type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAdding(c)}>
                    {t('reports.templates.addBlockTo', { n: c + 1 })}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="btn btn-primary" onClick={submit} disabled={save.isPending}>
        {save.isPending ? t('common.saving') : t('reports.templates.save')}
      </button>
    </>
  );
}
