import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, RequiredNote, TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { type Council, useUpdateCouncil } from './api.ts';

interface Values {
  name: string;
  prefecture: string;
  email: string;
  active: boolean;
  territoryCodes: string;
}

function valuesOf(c: Council): Values {
  return { name: c.name, prefecture: c.prefecture, email: c.email ?? '', active: c.active, territoryCodes: c.territories.map((t) => t.code).join(', ') };
}

/** Edits a council (national admins): name, prefecture, e-mail, status and the territories it covers. */
export function CouncilForm({ council, onReload }: { council: Council; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const update = useUpdateCouncil(council.id);
  // Issues about single codes (territoryCodes.0) belong to the codes field.
  const { errors, fromError, clear } = useFormErrors({ fieldOf: (f) => (f.startsWith('territoryCodes.') ? 'territoryCodes' : f) });
  const [values, setValues] = useState<Values>(() => valuesOf(council));
  const [conflict, setConflict] = useState(false);
  const set = <K extends keyof Values>(k: K) => (v: Values[K]) => setValues((s) => ({ ...s, [k]: v }));
  const labels = {
    name: t('councils.fields.name'),
    prefecture: t('councils.fields.prefecture'),
    email: t('councils.fields.email'),
    active: t('councils.fields.active'),
    territoryCodes: t('councils.fields.territoryCodes'),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setConflict(false);
    try {
      const codes = values.territoryCodes
        .split(/[,;\s]+/)
        .map((c) => c.trim())
        .filter(Boolean);
      await update.mutateAsync({ name: values.name, prefecture: values.prefecture, email: values.email, active: values.active, territoryCodes: codes, version: council.version });
      flash.show(t('councils.saved'));
    } catch (err) {
      if (isApiError(err) && err.code === 'version_conflict') setConflict(true);
      // A code that names no territory concerns the codes field.
      fromError(err, isApiError(err) && err.code === 'territory_not_found' ? { territoryCodes: err.message } : {});
    }
  };

  const reload = async () => {
    const fresh = (await onReload()) as { data?: Council } | undefined;
    if (fresh?.data) setValues(valuesOf(fresh.data));
    clear();
    setConflict(false);
  };

  return (
    <form id="council-form" noValidate onSubmit={submit} aria-labelledby="council-form-title">
      <h2 id="council-form-title" className="h4">
        {t('councils.editTitle')}
      </h2>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="council">
        {conflict && (
          <button type="button" className="btn btn-outline-primary btn-sm mt-2" onClick={reload}>
            {t('form.reloadLatest')}
          </button>
        )}
      </ErrorSummary>
      <TextField id="council-name" label={labels.name} required value={values.name} onChange={set('name')} error={errors.fields.name} />
      <TextField id="council-prefecture" label={labels.prefecture} required value={values.prefecture} onChange={set('prefecture')} error={errors.fields.prefecture} />
      <TextField id="council-email" type="email" label={labels.email} value={values.email} onChange={set('email')} error={errors.fields.email} autoComplete="off" />
      <TextField
        id="council-territoryCodes"
        label={labels.territoryCodes}
        required
        hint={t('councils.fields.territoryCodesHint')}
        value={values.territoryCodes}
        onChange={set('territoryCodes')}
        error={errors.fields.territoryCodes}
      />
      <CheckboxField id="council-active" label={labels.active} checked={values.active} onChange={set('active')} error={errors.fields.active} className="mb-4" />
      <button type="submit" className="btn btn-primary" disabled={update.isPending}>
        {update.isPending ? t('common.saving') : t('common.save')}
      </button>
    </form>
  );
}
