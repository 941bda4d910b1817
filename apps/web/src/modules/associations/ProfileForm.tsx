import { ASSOCIATION_SECTORS, LEGAL_FORMS } from '@mosaico/contracts/participation';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { type Association, splitWords, useUpdateAssociation } from './api.ts';

/** The profile's own fields, changed at the version read (contacts and territory live on the organisation's page). */
export function ProfileForm({ association: a, onDone }: { association: Association; onDone: () => void }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const update = useUpdateAssociation(a.id);
  const [v, setV] = useState({ legalForm: a.legalForm as string, communities: a.communities.join(', '), languages: a.languages.join(', '), activities: a.activities ?? '' });
  const [sectors, setSectors] = useState<string[]>(a.sectors);
  const set = (k: keyof typeof v) => (value: string) => setV((p) => ({ ...p, [k]: value }));
  const { errors, fromError, clear } = useFormErrors({ fieldOf: (f) => f.split('.')[0] });
  const labels = {
    legalForm: t('associations.fields.legalForm'),
    communities: t('associations.fields.communities'),
    languages: t('associations.fields.languages'),
    sectors: t('associations.fields.sectors'),
    activities: t('associations.fields.activities'),
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      await update.mutateAsync({ ...v, communities: splitWords(v.communities), languages: splitWords(v.languages), sectors, version: a.version });
      flash.show(t('associations.profileSaved'));
      onDone();
    } catch (err) {
      fromError(err);
    }
  };
  return (
    <form id="association-profile" noValidate onSubmit={submit} className="mb-4">
      <ErrorSummary errors={errors} labels={labels} idPrefix="profile" />
      <SelectField id="profile-legalForm" label={labels.legalForm} value={v.legalForm} onChange={set('legalForm')} error={errors.fields.legalForm} options={LEGAL_FORMS.map((f) => ({ value: f, label: t(`associations.legalForms.${f}`) }))} />
      <TextField id="profile-communities" label={labels.communities} value={v.communities} onChange={set('communities')} error={errors.fields.communities} hint={t('associations.listHint')} />
      <TextField id="profile-languages" label={labels.languages} value={v.languages} onChange={set('languages')} error={errors.fields.languages} hint={t('associations.listHint')} />
      <CheckboxGroup id="profile-sectors" legend={labels.sectors} values={ASSOCIATION_SECTORS} labelOf={(s) => t(`associations.sectors.${s}`)} selected={sectors} onChange={setSectors} error={errors.fields.sectors} columns={3} />
      <TextField id="profile-activities" label={labels.activities} multiline value={v.activities} onChange={set('activities')} error={errors.fields.activities} maxLength={4000} />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
