import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { RequiredNote, SelectField, TextField } from '../../ui/Field.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useCouncils } from '../councils/api.ts';
import type { Organization, OrganizationInput } from './api.ts';
import { COLLECTION_STATUSES, ORGANIZATION_KINDS } from '@mosaico/contracts/vocabulary';

export interface OrganizationValues {
  name: string;
  kind: string;
  territoryCode: string;
  councilId: string;
  collectionStatus: string;
  taxCode: string;
  email: string;
  phone: string;
  website: string;
  address: string;
  contactPerson: string;
  notes: string;
}

export const EMPTY_ORGANIZATION: OrganizationValues = {
  name: '',
  kind: '',
  territoryCode: '',
  councilId: '',
  collectionStatus: 'new',
  taxCode: '',
  email: '',
  phone: '',
  website: '',
  address: '',
  contactPerson: '',
  notes: '',
};

export function valuesOf(o: Organization): OrganizationValues {
  return {
    name: o.name,
    kind: o.kind,
    territoryCode: o.territory.code,
    councilId: o.council ? String(o.council.id) : '',
    collectionStatus: o.collectionStatus,
    taxCode: o.taxCode ?? '',
    email: o.email ?? '',
    phone: o.phone ?? '',
    website: o.website ?? '',
    address: o.address ?? '',
    contactPerson: o.contactPerson ?? '',
    notes: o.notes ?? '',
  };
}

/** The request body: empty choices are left out, so the API answers "required" rather than "not allowed". */
function bodyOf(v: OrganizationValues): OrganizationInput {
  const body: Record<string, unknown> = { ...v };
  if (!v.kind) delete body.kind;
  if (!v.territoryCode.trim()) delete body.territoryCode;
  body.councilId = v.councilId ? Number(v.councilId) : null;
  return body as OrganizationInput;
}

// API error codes that concern one field; their message is shown next to it.
const FIELD_OF_CODE: Record<string, keyof OrganizationValues> = {
  territory_not_found: 'territoryCode',
  council_territory_mismatch: 'councilId',
  council_required: 'councilId',
};

interface OrganizationFormProps {
  initial: OrganizationValues;
  /** Sends the body; throws the API error on failure. */
  onSubmit: (body: OrganizationInput) => Promise<void>;
  submitting: boolean;
  /** Extra content of the error summary (e.g. the reload button after a version conflict). */
  summaryExtra?: (err: unknown) => ReactNode;
  /** Bumped by the parent to reset the fields (e.g. after reloading the latest version). */
  resetKey?: number;
  /** The organisation's own members may change only its contact details. */
  contactOnly?: boolean;
}

// The fields an organisation's members may change (ORGANIZATION_CONTACT_FIELDS in the contracts).
const CONTACT_FIELDS: string[] = ['email', 'phone', 'website', 'address', 'contactPerson'];

/** Create and edit form of a local actor (attore territoriale). */
export function OrganizationForm({ initial, onSubmit, submitting, summaryExtra, resetKey = 0, contactOnly = false }: OrganizationFormProps) {
  const { t } = useTranslation();
  const councils = useCouncils();
  const [values, setValues] = useState(initial);
  const { errors, fromError, clear } = useFormErrors({ isEmpty: (f) => values[f as keyof OrganizationValues] === '' });
  const [lastError, setLastError] = useState<unknown>(null);
  const [seenReset, setSeenReset] = useState(resetKey);
  if (seenReset !== resetKey) {
    setSeenReset(resetKey);
    setValues(initial);
    setLastError(null);
    clear();
  }
  const set = (k: keyof OrganizationValues) => (v: string) => setValues((s) => ({ ...s, [k]: v }));

  const labels: Record<keyof OrganizationValues, string> = {
    name: t('organizations.fields.name'),
    kind: t('organizations.fields.kind'),
    territoryCode: t('organizations.fields.territoryCode'),
    councilId: t('organizations.fields.councilId'),
    collectionStatus: t('organizations.fields.collectionStatus'),
    taxCode: t('organizations.fields.taxCode'),
    email: t('organizations.fields.email'),
    phone: t('organizations.fields.phone'),
    website: t('organizations.fields.website'),
    address: t('organizations.fields.address'),
    contactPerson: t('organizations.fields.contactPerson'),
    notes: t('organizations.fields.notes'),
  };
  const councilOptions = useMemo(
    () =>
      [...(councils.data ?? [])]
        .sort((a, b) => a.name.localeCompare(b.name, 'it'))
        .map((c) => ({ value: String(c.id), label: `${c.name} (${c.region.name})` })),
    [councils.data],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setLastError(null);
    try {
      const body = bodyOf(values);
      await onSubmit(contactOnly ? (Object.fromEntries(CONTACT_FIELDS.map((k) => [k, body[k as keyof OrganizationInput]])) as OrganizationInput) : body);
    } catch (err) {
      setLastError(err);
      const extra: Record<string, string> = {};
      if (isApiError(err)) {
        const field = FIELD_OF_CODE[err.code];
        if (field) extra[field] = err.message;
      }
      fromError(err, extra);
    }
  };

  const f = (k: keyof OrganizationValues) => ({
    id: `org-${k}`,
    label: labels[k],
    value: values[k],
    onChange: set(k),
    error: errors.fields[k],
    disabled: contactOnly && !CONTACT_FIELDS.includes(k),
  });
  return (
    <form id="organization-form" noValidate onSubmit={submit}>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="org">
        {lastError ? summaryExtra?.(lastError) : null}
      </ErrorSummary>
      <fieldset className="form-fieldset mb-4">
        <legend className="h5 px-0">{t('organizations.sections.identity')}</legend>
        <TextField {...f('name')} required maxLength={200} />
        <SelectField
          {...f('kind')}
          required
          emptyLabel={t('form.choose')}
          options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizations.kinds.${k}`) }))}
        />
        <TextField {...f('territoryCode')} required hint={t('organizations.fields.territoryCodeHint')} autoComplete="off" maxLength={10} />
        <SelectField {...f('councilId')} emptyLabel={t('organizations.fields.councilNone')} options={councilOptions} hint={t('organizations.fields.councilHint')} />
        <SelectField
          {...f('collectionStatus')}
          required
          options={COLLECTION_STATUSES.map((s) => ({ value: s, label: t(`organizations.statuses.${s}`) }))}
          hint={t('organizations.fields.collectionStatusHint')}
        />
        <TextField {...f('taxCode')} hint={t('organizations.fields.taxCodeHint')} autoComplete="off" />
      </fieldset>
      <fieldset className="form-fieldset mb-4">
        <legend className="h5 px-0">{t('organizations.sections.contacts')}</legend>
        <TextField {...f('email')} type="email" autoComplete="email" />
        <TextField {...f('phone')} type="tel" autoComplete="tel" />
        <TextField {...f('website')} type="url" hint={t('organizations.fields.websiteHint')} autoComplete="url" />
        <TextField {...f('address')} autoComplete="street-address" />
        <TextField {...f('contactPerson')} autoComplete="name" />
        <TextField {...f('notes')} multiline rows={4} maxLength={4000} />
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={submitting}>
        {submitting ? t('common.saving') : t('common.save')}
      </button>
    </form>
  );
}
