import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../ui/format.ts';
import type { AuditEntry } from './api.ts';
import { AuditDiff } from './AuditDiff.tsx';

const LINKS: Record<string, (id: string) => string> = {
  organization: (id) => `/organizzazioni/${id}`,
  council: (id) => `/consigli/${id}`,
  user: (id) => `/utenti/${id}`,
  report: (id) => `/monografie/${id}`,
  library_document: (id) => `/documentazione/${id}`,
  event: (id) => `/eventi/${id}`,
  questionnaire: (id) => `/questionari/${id}`,
  association_profile: (id) => `/associazioni/${id}`,
  working_group: (id) => `/gruppi-di-lavoro/${id}`,
};

/** Audit entries, newest first; each row opens the before/after view of what it changed. */
export function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  if (!items.length) return <p className="text-secondary">{t('audit.none')}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-responsive mb-4" aria-labelledby="audit-caption" tabIndex={0}>
      <table className="table align-middle audit-table">
        <caption id="audit-caption" className="visually-hidden">
          {t('audit.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col">{t('audit.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => {
            const link = LINKS[e.entityType];
            const isOpen = open.has(e.id);
            const entity = `${t(`audit.entityTypes.${e.entityType}`, { defaultValue: e.entityType })} ${describeEntity(e)}`;
            return (
              <Fragment key={e.id}>
                <tr>
                  <th scope="row" className="fw-normal text-nowrap">
                    {f.dateTime(e.at)}
                  </th>
                  <td>{e.actor && e.actor !== 'cli' ? e.actor : t('audit.system')}</td>
                  <td>
                    {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
                    <span className="d-block small text-secondary font-monospace">{e.action}</span>
                  </td>
                  <td>{link ? <Link to={link(e.entityId)}>{entity}</Link> : entity}</td>
                  <td>
                    <button type="button" className="btn btn-outline-primary btn-xs" aria-expanded={isOpen} aria-controls={`audit-diff-${e.id}`} onClick={() => toggle(e.id)}>
                      {isOpen ? t('audit.hide') : t('audit.show')}
                      <span className="visually-hidden"> {t('audit.ofEntry', { entity, at: f.dateTime(e.at) })}</span>
                    </button>
                  </td>
                </tr>
                <tr id={`audit-diff-${e.id}`} hidden={!isOpen} className="audit-diff-row">
                  <td colSpan={5}>{isOpen && <AuditDiff entry={e} />}</td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** What a user recognises a record by: its name or e-mail as it was written, else its number. */
function describeEntity(e: AuditEntry): string {
  const image = (e.after ?? e.before) as Record<string, unknown> | null;
  const label = image && (typeof image.name === 'string' ? image.name : typeof image.email === 'string' ? image.email : null);
  return label ? `«${label}»` : `#${e.entityId}`;
}
