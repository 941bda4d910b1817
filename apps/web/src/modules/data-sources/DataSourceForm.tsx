import {
  ACCESS_RIGHTS,
  DATA_FORMATS,
  DATA_LANGUAGES,
  DATA_SOURCE_SCOPES,
  DATA_THEMES,
  DETAIL_LEVELS,
  FREQUENCIES,
  REACHABILITY,
} from '@mosaico/contracts/data-sources';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { RequiredNote, SelectField, TextField } from '../../ui/Field.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useSession } from '../auth/api.ts';
import { isNationalAdmin } from '../auth/permissions.ts';
import { useCouncils } from '../councils/api.ts';
import { useOrganizations } from '../organizations/api.ts';
import { useTerritories } from '../territories/api.ts';
import type { DataSourceInput } from './api.ts';
import { bodyOf, type DataSourceValues, fieldOf, type ListKey, type TextKey } from './form-values.ts';

interface DataSourceFormProps {
  initial: DataSourceValues;
  onSubmit: (body: DataSourceInput) => Promise<void>;
  submitting: boolean;
  summaryExtra?: (err: unknown) => ReactNode;
  resetKey?: number;
}

/** Create and edit form of an inventory entry (base dati territoriale), grouped as DCAT-AP_IT describes a dataset. */
export function DataSourceForm({ initial, onSubmit, submitting, summaryExtra, resetKey = 0 }: DataSourceFormProps) {
  const { t } = useTranslation();
  const me = useSession().data?.me;
  const councils = useCouncils();
  const regions = useTerritories({ level: 'region' });
  const orgs = useOrganizations({ pageSize: 1000, sort: 'name' });
  const [values, setValues] = useState(initial);
  const { errors, fromError, clear } = useFormErrors({ fieldOf, isEmpty: (f) => values[f as TextKey] === '' });
  const [lastError, setLastError] = useState<unknown>(null);
  const [seenReset, setSeenReset] = useState(resetKey);
  if (seenReset !== resetKey) {
    setSeenReset(resetKey);
    setValues(initial);
    setLastError(null);
    clear();
  }
  const labels = useMemo(
    () => Object.fromEntries(Object.keys(initial).map((k) => [k, t(`dataSources.fields.${k}`)])) as Record<keyof DataSourceValues, string>,
    [initial, t],
  );
  const f = (k: TextKey) => ({
    id: `ds-${k}`,
    label: labels[k],
    value: values[k],
    onChange: (v: string) => setValues((s) => ({ ...s, [k]: v })),
    error: errors.fields[k],
  });
  const list = (k: ListKey, options: readonly string[], labelOf: (v: string) => string) => ({
    id: `ds-${k}`,
    legend: labels[k],
    values: options,
    labelOf,
    selected: values[k],
    onChange: (v: string[]) => setValues((s) => ({ ...s, [k]: v })),
    error: errors.fields[k],
    columns: 3 as const,
  });
  const hint = (k: string) => t(`dataSources.hints.${k}`);
  const scopes = DATA_SOURCE_SCOPES.filter((s) => s !== 'nation' || isNationalAdmin(me));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setLastError(null);
    try {
      await onSubmit(bodyOf(values));
    } catch (err) {
      setLastError(err);
      fromError(err);
    }
  };

  return (
    <form id="data-source-form" noValidate onSubmit={submit}>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="ds">
        {lastError ? summaryExtra?.(lastError) : null}
      </ErrorSummary>
      <fieldset className="form-fieldset mb-4">
        <legend className="h5 px-0">{t('dataSources.sections.identity')}</legend>
        <TextField {...f('code')} required maxLength={60} hint={hint('code')} autoComplete="off" />
        <TextField {...f('titleIt')} required maxLength={300} />
        <TextField {...f('titleEn')} maxLength={300} />
        <TextField {...f('descriptionIt')} required multiline rows={4} maxLength={4000} />
        <TextField {...f('descriptionEn')} multiline rows={3} maxLength={4000} />
        <TextField {...f('content')} multiline rows={3} maxLength={2000} hint={hint('content')} />
        <CheckboxGroup {...list('themes', DATA_THEMES, (v) => t(`dataSources.themes.${v}`))} required />
        <TextField {...f('keywords')} hint={hint('list')} />
      </fieldset>
      <fieldset className="form-fieldset mb-4">
        <legend className="h5 px-0">{t('dataSources.sections.scope')}</legend>
        <SelectField {...f('scopeType')} required emptyLabel={t('form.choose')} hint={hint('scopeType')} options={scopes.map((s) => ({ value: s, label: t(`dataSources.scopes.${s}`) }))} />
        {values.scopeType === 'region' && (
          <SelectField
            {...f('regionCode')}
            required
            emptyLabel={t('form.choose')}
            options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
        )}
        {values.scopeType === 'council' && (
          <SelectField
            {...f('councilId')}
            required
            emptyLabel={t('form.choose')}
            options={[...(councils.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'it')).map((c) => ({ value: String(c.id), label: c.name }))}
          />
        )}
      </fieldset>
      <fieldset className="form-fieldset mb-4">
        <legend className="h5 px-0">{t('dataSources.sections.owner')}</legend>
        <SelectField
          {...f('publisherOrganizationId')}
          emptyLabel={t('dataSources.publisherNotRegistered')}
          hint={hint('publisherOrganizationId')}
          options={(orgs.data?.items ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
        />
        {!values.publisherOrganizationId && <TextField {...f('publisherName')} required maxLength={300} />}
        <TextField {...f('publisherIpaCode')} hint={hint('ipaCode')} autoComplete="off" />
        <TextField {...f('rightsHolderName')} required maxLength={300} />
        <TextField {...f('rightsHolderIpaCode')} hint={hint('ipaCode')} autoComplete="off" />
        <TextField {...f('contactName')} maxLength={200} />
        <TextField {...f('contactEmail')} type="email" autoComplete="off" />
      </fieldset>
      <fieldset className="form-fieldset mb-4">
        <legend className="h5 px-0">{t('dataSources.sections.coverage')}</legend>
        <TextField {...f('spatial')} hint={hint('spatial')} autoComplete="off" />
        <SelectField {...f('detailLevel')} emptyLabel={t('dataSources.notStated')} options={DETAIL_LEVELS.map((l) => ({ value: l, label: t(`dataSources.levels.${l}`) }))} />
        <TextField {...f('temporalStart')} type="date" />
        <TextField {...f('temporalEnd')} type="date" />
        <TextField {...f('periods')} maxLength={300} hint={hint('periods')} />
        <SelectField {...f('frequency')} required emptyLabel={t('form.choose')} options={FREQUENCIES.map((v) => ({ value: v, label: t(`dataSources.frequencies.${v}`) }))} />
      </fieldset>
      <fieldset className="form-fieldset mb-4">
        <legend className="h5 px-0">{t('dataSources.sections.access')}</legend>
        <CheckboxGroup {...list('formats', DATA_FORMATS, (v) => v)} required />
        <SelectField {...f('accessRights')} required options={ACCESS_RIGHTS.map((v) => ({ value: v, label: t(`dataSources.access.${v}`) }))} />
        <TextField {...f('licenseUri')} type="url" hint={hint('licenseUri')} />
        <TextField {...f('accessConditions')} multiline rows={3} maxLength={2000} />
        <TextField {...f('landingPage')} type="url" />
        <TextField {...f('accessUrl')} type="url" />
        <CheckboxGroup {...list('languages', DATA_LANGUAGES, (v) => t(`dataSources.languages.${v}`))} />
        <TextField {...f('issued')} type="date" />
        <TextField {...f('modified')} type="date" />
      </fieldset>
      <fieldset className="form-fieldset mb-4">
        <legend className="h5 px-0">{t('dataSources.sections.reachability')}</legend>
        <p className="small text-secondary">{t('dataSources.reachabilityNote')}</p>
        <SelectField {...f('reachability')} required options={REACHABILITY.map((v) => ({ value: v, label: t(`dataSources.reachabilities.${v}`) }))} />
        <TextField {...f('reachabilityCheckedAt')} type="date" />
        <TextField {...f('reachabilityNote')} multiline rows={2} maxLength={1000} />
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={submitting}>
        {submitting ? t('common.saving') : t('common.save')}
      </button>
    </form>
  );
}
