import type { FormDefinition } from '@mosaico/form-engine/definition';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import type { Me } from '../auth/api.ts';
import { useLocalNode } from '../forms/LocalText.tsx';
import { useLocalText } from '../forms/text.ts';
import { useOrganizations } from '../organizations/api.ts';
import type { Submission } from './api.ts';
import { useAssignSection } from './entry-api.ts';

const EDITABLE = new Set(['draft', 'returned']);

const holds = (me: Me, role: string, scopeType: string, scopeId: number | null) =>
  me.roles.some((g) => g.role === role && g.scopeType === scopeType && (scopeId === null || g.scopeId === scopeId));

/** The council side reads the assignments; the council's referent and national admins change them while editable. */
export function assignmentRights(me: Me, s: Submission) {
  const admin = holds(me, 'national_admin', 'nation', null);
  const referent = holds(me, 'council_referent', 'council', s.council.id);
  const councilSide =
    admin || referent || holds(me, 'tutor', 'council', s.council.id) || holds(me, 'regional_coordinator', 'region', s.region.id);
  return { read: councilSide, write: (admin || referent) && EDITABLE.has(s.status) };
}

/**
 * Which organisation of the council fills each section: a table for the council side; the referent (or a
 * national admin) picks an organisation, or none, per section and confirms with "Assegna".
 */
export function SectionAssignments({ me, submission, definition }: { me: Me; submission: Submission; definition: FormDefinition }) {
  const { t } = useTranslation();
  const node = useLocalNode();
  const local = useLocalText();
  const messageOf = useErrorMessage();
  const rights = assignmentRights(me, submission);
  const orgs = useOrganizations({ councilId: String(submission.council.id), pageSize: 1000, sort: 'name' }, rights.write);
  const assign = useAssignSection(submission.id);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (!rights.read) return null;
  const current = new Map(submission.assignments.map((a) => [a.sectionCode, a.organization]));

  async function save(section: string, title: string) {
    const picked = choice[section] ?? String(current.get(section)?.id ?? '');
    const organizationId = picked ? Number(picked) : null;
    try {
      const list = await assign.mutateAsync({ section, organizationId });
      const name = list.find((a) => a.sectionCode === section)?.organization?.name;
      setOutcome({ ok: true, text: name ? t('dataEntry.assign.done', { section: title, name }) : t('dataEntry.assign.cleared', { section: title }) });
    } catch (err) {
      setOutcome({ ok: false, text: `${title}: ${messageOf(err)}` });
    }
  }

  return (
    <section aria-labelledby="sub-assign-title" className="mb-5">
      <h2 id="sub-assign-title" className="h3">
        {t('dataEntry.assign.title')}
      </h2>
      <p>{rights.write ? t('dataEntry.assign.leadWrite') : t('dataEntry.assign.leadRead')}</p>
      <div role="status" aria-live="polite">
        {outcome && <p className={`alert ${outcome.ok ? 'alert-success' : 'alert-danger'} py-2`}>{outcome.text}</p>}
      </div>
      <div className="table-responsive">
        <table className="table table-sm assignment-table">
          <caption className="visually-hidden">{t('dataEntry.assign.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dataEntry.assign.section')}</th>
              <th scope="col">{t('dataEntry.assign.organization')}</th>
              {rights.write && <th scope="col">{t('dataEntry.assign.change')}</th>}
            </tr>
          </thead>
          <tbody>
            {definition.sections.map((s) => {
              const org = current.get(s.code);
              const title = local(s.title);
              const selectId = `sub-assign-${s.code}`;
              return (
                <tr key={s.code}>
                  <th scope="row" className="fw-normal">
                    {node(s.title)}
                  </th>
                  <td>{org ? org.name : <span className="text-secondary">{t('dataEntry.assign.none')}</span>}</td>
                  {rights.write && (
                    <td>
                      <div className="d-flex flex-wrap gap-2 align-items-center">
                        <label htmlFor={selectId} className="visually-hidden">
                          {t('dataEntry.assign.selectLabel', { section: title })}
                        </label>
                        <select
                          id={selectId}
                          className="form-select form-select-sm assignment-select"
                          value={choice[s.code] ?? String(org?.id ?? '')}
                          onChange={(e) => setChoice((c) => ({ ...c, [s.code]: e.target.value }))}
                        >
                          <option value="">{t('dataEntry.assign.noneOption')}</option>
                          {(orgs.data?.items ?? []).map((o) => (
                            <option key={o.id} value={o.id}>
                              {o.name}
                            </option>
                          ))}
                          {org && !orgs.data?.items.some((o) => o.id === org.id) && <option value={org.id}>{org.name}</option>}
                        </select>
                        <button type="button" className="btn btn-outline-primary btn-sm" disabled={assign.isPending} onClick={() => void save(s.code, title)}>
                          {t('dataEntry.assign.submit')}
                          <span className="visually-hidden"> {title}</span>
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
