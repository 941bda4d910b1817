import { WORKING_GROUP_ROLES } from '@mosaico/contracts/participation';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useOrganizations } from '../organizations/api.ts';
import { useAddMember, type WorkingGroupDetail } from './api.ts';

const EMPTY = { organizationId: '', personName: '', email: '', role: 'member' };

/** Add a member: an organisation of the group's council, a person (name and e-mail), or both, with a role. */
export function MemberForm({ group: g }: { group: WorkingGroupDetail }) {
  const { t } = useTranslation();
  const add = useAddMember(g.id);
  const orgs = useOrganizations({ councilId: g.council ? String(g.council.id) : undefined, region: g.council ? undefined : g.region.code, pageSize: 500 });
  const [v, setV] = useState(EMPTY);
  const set = (k: keyof typeof EMPTY) => (value: string) => setV((p) => ({ ...p, [k]: value }));
  const { errors, fromError, clear } = useFormErrors();
  const labels = { organizationId: t('workingGroups.members.organization'), personName: t('workingGroups.members.personName'), email: t('workingGroups.members.email'), role: t('workingGroups.members.role') };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      await add.mutateAsync({ organizationId: v.organizationId ? Number(v.organizationId) : null, personName: v.personName, email: v.email, role: v.role });
      setV(EMPTY);
    } catch (err) {
      fromError(err);
    }
  };
  return (
    <form id="member-new" noValidate onSubmit={submit} className="row g-3 align-items-start mt-2">
      <h3 className="h5 col-12">{t('workingGroups.members.add')}</h3>
      <p className="col-12 small">{t('workingGroups.members.addHint')}</p>
      <div className="col-12">
        <ErrorSummary errors={errors} labels={labels} idPrefix="member" />
      </div>
      <div className="col-md-6">
        <SelectField id="member-organizationId" label={labels.organizationId} value={v.organizationId} onChange={set('organizationId')} error={errors.fields.organizationId} emptyLabel={t('workingGroups.members.noOrganization')} options={(orgs.data?.items ?? []).map((o) => ({ value: String(o.id), label: o.name }))} />
      </div>
      <div className="col-md-6">
        <SelectField id="member-role" label={labels.role} required value={v.role} onChange={set('role')} error={errors.fields.role} options={WORKING_GROUP_ROLES.map((r) => ({ value: r, label: t(`workingGroups.roles.${r}`) }))} />
      </div>
      <div className="col-md-6">
        <TextField id="member-personName" label={labels.personName} value={v.personName} onChange={set('personName')} error={errors.fields.personName} maxLength={200} />
      </div>
      <div className="col-md-6">
        <TextField id="member-email" type="email" label={labels.email} value={v.email} onChange={set('email')} error={errors.fields.email} />
      </div>
      <div className="col-12">
        <button type="submit" className="btn btn-outline-primary" disabled={add.isPending}>
          {t('workingGroups.members.submit')}
        </button>
      </div>
    </form>
  );
}
