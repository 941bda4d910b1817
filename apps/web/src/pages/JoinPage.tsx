import { ASSOCIATION_SECTORS, LEGAL_FORMS } from '@mosaico/contracts/participation';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitWords, useJoinProvinces, useSendJoinRequest } from '../modules/associations/api.ts';
import { Alert } from '../ui/Alert.tsx';
import { CheckboxGroup } from '../ui/CheckboxGroup.tsx';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { CheckboxField, RequiredNote, SelectField, TextField } from '../ui/Field.tsx';
import { useFormErrors } from '../ui/form.ts';
import { PageTitle } from '../ui/PageTitle.tsx';

const EMPTY = { provinceCode: '', name: '', legalForm: '', communities: '', languages: '', activities: '', contactPerson: '', email: '', phone: '', website: '' };
type Key = keyof typeof EMPTY;

/** The public form by which an association asks to join its council's registry; signed out. */
export function JoinPage() {
  const { t } = useTranslation();
  const provinces = useJoinProvinces();
  const send = useSendJoinRequest();
  const [v, setV] = useState(EMPTY);
  const [sectors, setSectors] = useState<string[]>([]);
  const [consent, setConsent] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const set = (k: Key) => (value: string) => setV((p) => ({ ...p, [k]: value }));
  const { errors, fromError } = useFormErrors({ fieldOf: (f) => f.split('.')[0] });
  const labels: Record<string, string> = {
    provinceCode: t('associations.join.province'),
    name: t('associations.fields.name'),
    legalForm: t('associations.fields.legalForm'),
    communities: t('associations.fields.communities'),
    languages: t('associations.fields.languages'),
    sectors: t('associations.fields.sectors'),
    activities: t('associations.fields.activities'),
    contactPerson: t('associations.fields.contactPerson'),
    email: t('associations.fields.email'),
    phone: t('associations.fields.phone'),
    website: t('associations.fields.website'),
    consent: t('associations.join.consentShort'),
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const body = { ...v, legalForm: v.legalForm || undefined, communities: splitWords(v.communities), languages: splitWords(v.languages), sectors, consent };
      const r = await send.mutateAsync(body);
      setSent(r.council.name);
    } catch (err) {
      fromError(err);
    }
  };
  if (sent) {
    return (
      <>
        <PageTitle title={t('associations.join.title')} />
        <Alert variant="success" title={t('associations.join.sentTitle')} role="status">
          {t('associations.join.sent', { council: sent })}
        </Alert>
      </>
    );
  }
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle title={t('associations.join.title')} lead={t('associations.join.lead')} />
        <form id="join" noValidate onSubmit={submit} className="mb-5">
          <RequiredNote />
          <ErrorSummary errors={errors} labels={labels} idPrefix="join" />
          <SelectField id="join-provinceCode" label={labels.provinceCode} required value={v.provinceCode} onChange={set('provinceCode')} error={errors.fields.provinceCode} emptyLabel={t('form.choose')} hint={t('associations.join.provinceHint')} options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))} />
          <TextField id="join-name" label={labels.name} required value={v.name} onChange={set('name')} error={errors.fields.name} maxLength={200} autoComplete="organization" />
          <SelectField id="join-legalForm" label={labels.legalForm} required value={v.legalForm} onChange={set('legalForm')} error={errors.fields.legalForm} emptyLabel={t('form.choose')} options={LEGAL_FORMS.map((f) => ({ value: f, label: t(`associations.legalForms.${f}`) }))} />
          <TextField id="join-communities" label={labels.communities} value={v.communities} onChange={set('communities')} error={errors.fields.communities} hint={t('associations.listHint')} />
          <TextField id="join-languages" label={labels.languages} value={v.languages} onChange={set('languages')} error={errors.fields.languages} hint={t('associations.listHint')} />
          <CheckboxGroup id="join-sectors" legend={labels.sectors} values={ASSOCIATION_SECTORS} labelOf={(s) => t(`associations.sectors.${s}`)} selected={sectors} onChange={setSectors} error={errors.fields.sectors} columns={3} />
          <TextField id="join-activities" label={labels.activities} multiline value={v.activities} onChange={set('activities')} error={errors.fields.activities} maxLength={2000} />
          <h2 className="h5 mt-4">{t('associations.join.contactTitle')}</h2>
          <p className="small mb-4">{t('associations.join.contactLead')}</p>
          <TextField id="join-contactPerson" label={labels.contactPerson} required value={v.contactPerson} onChange={set('contactPerson')} error={errors.fields.contactPerson} maxLength={200} autoComplete="name" />
          <TextField id="join-email" type="email" label={labels.email} required value={v.email} onChange={set('email')} error={errors.fields.email} autoComplete="email" />
          <TextField id="join-phone" type="tel" label={labels.phone} value={v.phone} onChange={set('phone')} error={errors.fields.phone} autoComplete="tel" />
          <TextField id="join-website" type="url" label={labels.website} value={v.website} onChange={set('website')} error={errors.fields.website} autoComplete="url" />
          <CheckboxField id="join-consent" label={t('associations.join.consent')} checked={consent} onChange={setConsent} error={errors.fields.consent} className="mb-4" />
          <button type="submit" className="btn btn-primary" disabled={send.isPending}>
            {t('associations.join.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
