import { useTranslation } from 'react-i18next';
import type { AuditEntry } from './api.ts';

function show(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return '∅';
  if (typeof v === 'string') return v;
  // References to other records ({ id, code, name }) read best by name.
  if (typeof v === 'object' && !Array.isArray(v) && typeof (v as { name?: unknown }).name === 'string') {
    const o = v as { name: string; code?: unknown };
    return o.code ? `${o.name} (${String(o.code)})` : o.name;
  }
  return JSON.stringify(v, null, 1);
}

function cell(text: string, mark: 'del' | 'ins' | null) {
  if (text === '') return <span className="text-secondary">—</span>;
  if (mark === 'del') return <del className="diff-old">{text}</del>;
  if (mark === 'ins') return <ins className="diff-new">{text}</ins>;
  return <span className="diff-same">{text}</span>;
}

/** Field by field, what an entry changed: the value before, the value after, and whether it differs. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const before = (entry.before && typeof entry.before === 'object' ? entry.before : {}) as Record<string, unknown>;
  const after = (entry.after && typeof entry.after === 'object' ? entry.after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (!keys.length) return <p className="mb-0">{t('audit.noDetails')}</p>;
  // A creation or a deletion has one side only: nothing to compare, so nothing is marked as changed.
  const compare = entry.before != null && entry.after != null;
  const rows = keys.map((k) => ({ k, b: show(before[k]), a: show(after[k]), changed: compare && show(before[k]) !== show(after[k]) }));
  rows.sort((x, y) => Number(y.changed) - Number(x.changed));
  return (
    <table className="table table-sm audit-diff mb-0">
      <caption className="visually-hidden">{t('audit.diffCaption', { id: entry.id })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.k} className={r.changed ? 'changed' : undefined}>
            <th scope="row" className="fw-normal">
              <code>{r.k}</code>
              {r.changed && <span className="badge bg-warning text-dark ms-2">{t('audit.changed')}</span>}
            </th>
            <td>{cell(r.b, r.changed ? 'del' : null)}</td>
            <td>{cell(r.a, r.changed ? 'ins' : null)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
