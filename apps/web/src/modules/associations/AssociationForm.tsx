import { ASSOCIATION_SECTORS, LEGAL_FORMS } from '@mosaico/contracts/participation';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { RequiredNote, SelectField, TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { splitWords, useCreateAssociation } from './api.ts';

const EMPTY = { name: '', territoryCode: '', legalForm: 'unrecognised_association', communities: '', languages: '', activities: '', email: '', phone: '', website: '', contactPerson: '' };
type Key = keyof typeof EMPTY;

/** Register an association: the organisation (name, territory, contacts) and its profile, in one step. */
export function AssociationForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const create = useCreateAssociation();
  const [v, setV] = useState(EMPTY);
  const [sectors, setSectors] = useState<string[]>([]);
  const set = (k: Key) => (value: string) => setV((prev) => ({ ...prev, [k]: value }));
  const { errors, fromError, setLocal, clear } = useFormErrors({ fieldOf: (f) => f.split('.')[0], isEmpty: (f) => !v[f as Key] });
  const labels: Record<string, string> = {
    name: t('associations.fields.name'),
    territoryCode: t('associations.fields.territoryCode'),
    legalForm: t('associations.fields.legalForm'),
    communities: t('associations.fields.communities'),
    languages: t('associations.fields.languages'),
    sectors: t('associations.fields.sectors'),
    activities: t('associations.fields.activities'),
    contactPerson: t('associations.fields.contactPerson'),
    email: t('associations.fields.email'),
    phone: t('associations.fields.phone'),
    website: t('associations.fields.website'),
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const local: Record<string, string> = {};
    if (!v.name.trim()) local.name = t('form.required');
    if (!v.territoryCode.trim()) local.territoryCode = t('form.required');
    if (Object.keys(local).length) return setLocal(t('form.fixFields'), local);
    try {
      const a = await create.mutateAsync({ ...v, communities: splitWords(v.communities), languages: splitWords(v.languages), sectors });
      flash.show(t('associations.created', { name: a.name }), { path: `/associazioni/${a.id}` });
      navigate(`/associazioni/${a.id}`);
    } catch (err) {
      fromError(err);
    }
  };
  return (
    <form id="association-new" noValidate onSubmit={submit} className="mb-5">
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="association" />
      <TextField id="association-name" label={labels.name} required value={v.name} onChange={set('name')} error={errors.fields.name} maxLength={200} />
      <TextField id="association-territoryCode" label={labels.territoryCode} required value={v.territoryCode} onChange={set('territoryCode')} error={errors.fields.territoryCode} hint={t('associations.territoryHint')} maxLength={10} />
      <SelectField id="association-legalForm" label={labels.legalForm} value={v.legalForm} onChange={set('legalForm')} error={errors.fields.legalForm} options={LEGAL_FORMS.map((f) => ({ value: f, label: t(`associations.legalForms.${f}`) }))} />
      <TextField id="association-communities" label={labels.communities} value={v.communities} onChange={set('communities')} error={errors.fields.communities} hint={t('associations.listHint')} />
      <TextField id="association-languages" label={labels.languages} value={v.languages} onChange={set('languages')} error={errors.fields.languages} hint={t('associations.listHint')} />
      <CheckboxGroup id="association-sectors" legend={labels.sectors} values={ASSOCIATION_SECTORS} labelOf={(s) => t(`associations.sectors.${s}`)} selected={sectors} onChange={setSectors} error={errors.fields.sectors} columns={3} />
      <TextField id="association-activities" label={labels.activities} multiline value={v.activities} onChange={set('activities')} error={errors.fields.activities} maxLength={4000} />
      <TextField id="association-contactPerson" label={labels.contactPerson} value={v.contactPerson} onChange={set('contactPerson')} error={errors.fields.contactPerson} maxLength={200} />
      <div className="row">
        <div className="col-md-6">
          <TextField id="association-email" type="email" label={labels.email} value={v.email} onChange={set('email')} error={errors.fields.email} />
        </div>
        <div className="col-md-6">
          <TextField id="association-phone" type="tel" label={labels.phone} value={v.phone} onChange={set('phone')} error={errors.fields.phone} />
        </div>
      </div>
      <TextField id="association-website" type="url" label={labels.website} value={v.website} onChange={set('website')} error={errors.fields.website} />
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {create.isPending ? t('common.saving') : t('associations.create')}
      </button>
    </form>
  );
}
