import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type CampaignInput, useCreateCampaign } from '../modules/campaigns/api.ts';
import { useCouncils } from '../modules/councils/api.ts';
import { useForms } from '../modules/forms/api.ts';
import { useLocalText } from '../modules/forms/text.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { RequiredNote, SelectField, TextField } from '../ui/Field.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { useFormErrors } from '../ui/form.ts';
import { PageTitle } from '../ui/PageTitle.tsx';

const P = 'camp';
/** The approval chains a campaign may have, as the select's values. */
const APPROVAL_CHAINS = ['region,nation', 'nation', 'region'] as const;

/** A national admin opens a yearly campaign: one draft submission per council (or per chosen council). */
export function CampaignNewPage() {
  const { t } = useTranslation();
  const local = useLocalText();
  const navigate = useNavigate();
  const flash = useFlash();
  const forms = useForms();
  const councils = useCouncils();
  const create = useCreateCampaign();
  const { errors, fromError, setLocal, clear } = useFormErrors({
    fieldOf: (f) => (f === 'formId' || f === 'version' ? 'formVersion' : f.startsWith('councilIds') ? 'councilIds' : f.startsWith('approvalLevels') ? 'approvalLevels' : f),
  });
  const [formVersion, setFormVersion] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [deadline, setDeadline] = useState('');
  const [name, setName] = useState('');
  const [councilIds, setCouncilIds] = useState<string[]>([]);
  const [approval, setApproval] = useState<(typeof APPROVAL_CHAINS)[number]>('region,nation');

  const options = (forms.data ?? []).flatMap((fm) =>
    fm.versions.filter((v) => v.status === 'published').map((v) => ({ value: `${fm.id}:${v.version}`, label: `${local(fm.title)} – ${t('forms.versionN', { version: v.version })}` })),
  );
  const labels = {
    formVersion: t('campaigns.newForm.formVersion'),
    year: t('campaigns.fields.year'),
    deadline: t('campaigns.fields.deadline'),
    name: t('campaigns.fields.name'),
    councilIds: t('campaigns.newForm.councils'),
    approvalLevels: t('campaigns.fields.approvalLevels'),
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    clear();
    if (!formVersion) {
      setLocal(t('form.fixFields'), { formVersion: t('form.required') });
      return;
    }
    const [formId, version] = formVersion.split(':').map(Number);
    try {
      const c = await create.mutateAsync({
        formId,
        version,
        year: Number(year),
        deadline,
        name: name.trim() || undefined,
        councilIds: councilIds.length ? councilIds.map(Number) : undefined,
        approvalLevels: approval.split(',') as CampaignInput['approvalLevels'],
      });
      flash.show(t('campaigns.created', { name: c.name }), { path: `/campagne/${c.id}` });
      navigate(`/campagne/${c.id}`);
    } catch (err) {
      fromError(err);
    }
  }

  return (
    <>
      <Breadcrumb items={[{ label: t('nav.campaigns'), to: '/campagne' }, { label: t('campaigns.new') }]} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <PageTitle title={t('campaigns.new')} lead={t('campaigns.newLead')} />
          <ErrorSummary errors={errors} labels={labels} idPrefix={P} />
          <RequiredNote />
          <form noValidate onSubmit={(e) => void onSubmit(e)}>
            <SelectField
              id={`${P}-formVersion`}
              label={labels.formVersion}
              required
              value={formVersion}
              onChange={setFormVersion}
              emptyLabel={t('campaigns.newForm.chooseForm')}
              options={options}
              error={errors.fields.formVersion}
            />
            <TextField id={`${P}-year`} label={labels.year} required type="number" inputMode="numeric" value={year} onChange={setYear} error={errors.fields.year} />
            <TextField id={`${P}-deadline`} label={labels.deadline} required type="date" value={deadline} onChange={setDeadline} error={errors.fields.deadline} />
            <SelectField
              id={`${P}-approvalLevels`}
              label={labels.approvalLevels}
              required
              hint={t('campaigns.newForm.approvalHint')}
              value={approval}
              onChange={(v) => setApproval(v as typeof approval)}
              options={APPROVAL_CHAINS.map((c) => ({ value: c, label: t(`campaigns.approval.${c}`) }))}
              error={errors.fields.approvalLevels}
            />
            <TextField id={`${P}-name`} label={labels.name} hint={t('campaigns.newForm.nameHint')} value={name} onChange={setName} error={errors.fields.name} />
            <div className="form-group">
              <label htmlFor={`${P}-councilIds`} className="active">
                {labels.councilIds}
              </label>
              <select
                id={`${P}-councilIds`}
                multiple
                size={8}
                className="form-select"
                value={councilIds}
                aria-describedby={`${P}-councilIds-hint${errors.fields.councilIds ? ` ${P}-councilIds-error` : ''}`}
                aria-invalid={errors.fields.councilIds ? true : undefined}
                onChange={(e) => setCouncilIds([...e.target.selectedOptions].map((o) => o.value))}
              >
                {(councils.data ?? []).map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {c.name}
                  </option>
                ))}
              </select>
              <small id={`${P}-councilIds-hint`} className="form-text d-block">
                {t('campaigns.newForm.councilsHint')}
              </small>
              {errors.fields.councilIds && (
                <div id={`${P}-councilIds-error`} className="invalid-feedback d-block field-error">
                  {errors.fields.councilIds}
                </div>
              )}
            </div>
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {t('campaigns.newForm.submit')}
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
