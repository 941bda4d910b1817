import type { Item } from '@mosaico/form-engine/definition';
import { useTranslation } from 'react-i18next';
import type { ItemIssue } from './runtime.ts';
import { useLocalNode } from './LocalText.tsx';

/** The ids a control is described by: its help, its unit or formula, its issues (only those present). */
export function describedBy(id: string, parts: { hint?: boolean; extra?: boolean; issues?: boolean }): string | undefined {
  const ids = [parts.hint ? `${id}-hint` : null, parts.extra ? `${id}-extra` : null, parts.issues ? `${id}-issues` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The asterisk of a required item: visual only, the control itself says "required". */
export function RequiredMark({ required }: { required: boolean }) {
  if (!required) return null;
  return (
    <span className="required-mark" aria-hidden="true">
      {' '}*
    </span>
  );
}

/** For groups (fieldsets, tables), whose name is their legend or caption: "required" said in words. */
export function RequiredText({ required }: { required: boolean }) {
  const { t } = useTranslation();
  if (!required) return null;
  return (
    <>
      <RequiredMark required />
      <span className="visually-hidden"> ({t('forms.preview.required')})</span>
    </>
  );
}

export function ItemHelp({ id, item }: { id: string; item: Item }) {
  const node = useLocalNode();
  if (!item.help) return null;
  return (
    <small id={`${id}-hint`} className="form-text d-block item-help">
      {node(item.help)}
    </small>
  );
}

/** The issues of an item, errors first; the control points here with aria-describedby. */
export function ItemIssues({ id, issues }: { id: string; issues: ItemIssue[] }) {
  const { t } = useTranslation();
  if (!issues.length) return null;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <div id={`${id}-issues`} className="item-issues">
      {sorted.map((i) => (
        <p key={`${i.severity}-${i.message}`} className={`mb-1 ${i.severity === 'error' ? 'item-error' : 'item-warning'}`}>
          <span className="fw-semibold">{i.severity === 'error' ? t('forms.preview.errorPrefix') : t('forms.preview.warningPrefix')}</span> {i.message}
        </p>
      ))}
    </div>
  );
}

export function hasError(issues: ItemIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
