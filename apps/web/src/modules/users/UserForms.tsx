import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, RequiredNote, SelectField, TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useMe } from '../auth/api.ts';
import { isNationalAdmin } from '../auth/permissions.ts';
import { type User, useCreateUser, useUpdateUser } from './api.ts';
import { EMPTY_CHOICE, grantOf, RolePicker, type RoleChoice, useScopeLabel } from './RolePicker.tsx';

const LOCALES = [
  { value: 'it', label: 'Italiano' },
  { value: 'en', label: 'English' },
];

// The first role's issues ("roles.0.scopeId") belong to the role picker's fields ("role-scopeId").
const fieldOfCreate = (f: string) => (f === 'roles' ? 'role-role' : f.replace(/^roles\.0\./, 'role-'));

/** Creates an account with its first role (required outside national admins, who may add roles later). */
export function UserCreateForm() {
  const { t } = useTranslation();
  const flash = useFlash();
  const navigate = useNavigate();
  const me = useMe();
  const create = useCreateUser();
  const [v, setV] = useState({ email: '', name: '', locale: 'it', password: '' });
  const [choice, setChoice] = useState<RoleChoice>(EMPTY_CHOICE);
  const { errors, fromError, clear } = useFormErrors({
    fieldOf: fieldOfCreate,
    isEmpty: (f) => f.startsWith('role-') && choice[f.slice(5) as keyof RoleChoice] === '',
  });
  const set = (k: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [k]: value }));
  const roleLabels = { role: t('users.grant.role'), scopeType: t('users.grant.scopeType'), scopeId: useScopeLabel(choice.scopeType) };
  const labels = {
    email: t('users.fields.email'),
    name: t('users.fields.name'),
    locale: t('users.fields.locale'),
    password: t('users.fields.password'),
    'role-role': roleLabels.role,
    'role-scopeType': roleLabels.scopeType,
    'role-scopeId': roleLabels.scopeId,
  };
  const admin = isNationalAdmin(me);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      const roles = choice.role ? [grantOf(choice)] : [];
      const u = await create.mutateAsync({ email: v.email, name: v.name, locale: v.locale as 'it' | 'en', password: v.password || undefined, roles });
      flash.show(t('users.created'), { path: `/utenti/${u.id}` });
      navigate(`/utenti/${u.id}`);
    } catch (err) {
      fromError(err, isApiError(err) && err.code === 'email_taken' ? { email: err.message } : {});
    }
  };

  return (
    <form id="user-create-form" noValidate onSubmit={submit}>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="user" />
      <TextField id="user-email" type="email" label={labels.email} required value={v.email} onChange={set('email')} error={errors.fields.email} autoComplete="off" />
      <TextField id="user-name" label={labels.name} required value={v.name} onChange={set('name')} error={errors.fields.name} autoComplete="off" />
      <SelectField id="user-locale" label={labels.locale} required value={v.locale} onChange={set('locale')} options={LOCALES} error={errors.fields.locale} />
      <TextField
        id="user-password"
        type="password"
        label={labels.password}
        value={v.password}
        onChange={set('password')}
        error={errors.fields.password}
        hint={t('users.fields.passwordHint')}
        autoComplete="new-password"
      />
      <fieldset className="form-fieldset mb-3">
        <legend className="h5 px-0">{admin ? t('users.firstRoleOptional') : t('users.firstRole')}</legend>
        <RolePicker
          idPrefix="user-role"
          value={choice}
          onChange={setChoice}
          labels={roleLabels}
          required={!admin}
          errors={{ role: errors.fields['role-role'], scopeType: errors.fields['role-scopeType'], scopeId: errors.fields['role-scopeId'] }}
        />
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t('users.create')}
      </button>
    </form>
  );
}

/** Edits name, language and status of an account, with the version read (409 → reload offered). */
export function UserEditForm({ user, onReload }: { user: User; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const update = useUpdateUser(user.id);
  const { errors, fromError, clear } = useFormErrors();
  const [v, setV] = useState({ name: user.name, locale: user.locale as string, active: user.active });
  const [conflict, setConflict] = useState(false);
  const labels = { name: t('users.fields.name'), locale: t('users.fields.locale'), active: t('users.fields.active') };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setConflict(false);
    try {
      await update.mutateAsync({ name: v.name, locale: v.locale as 'it' | 'en', active: v.active, version: user.version });
      flash.show(t('users.saved'));
    } catch (err) {
      setConflict(isApiError(err) && err.code === 'version_conflict');
      fromError(err);
    }
  };
  const reload = async () => {
    const r = (await onReload()) as { data?: User };
    if (r.data) setV({ name: r.data.name, locale: r.data.locale, active: r.data.active });
    clear();
    setConflict(false);
  };

  return (
    <form id="user-edit-form" noValidate onSubmit={submit} aria-labelledby="user-edit-title" className="mb-5">
      <h2 id="user-edit-title" className="h4">
        {t('users.editTitle')}
      </h2>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="user-edit">
        {conflict && (
          <button type="button" className="btn btn-outline-primary btn-sm mt-2" onClick={reload}>
            {t('form.reloadLatest')}
          </button>
        )}
      </ErrorSummary>
      <TextField id="user-edit-name" label={labels.name} required value={v.name} onChange={(name) => setV((s) => ({ ...s, name }))} error={errors.fields.name} />
      <SelectField id="user-edit-locale" label={labels.locale} required value={v.locale} onChange={(locale) => setV((s) => ({ ...s, locale }))} options={LOCALES} error={errors.fields.locale} />
      <CheckboxField id="user-edit-active" label={labels.active} checked={v.active} onChange={(active) => setV((s) => ({ ...s, active }))} error={errors.fields.active} className="mb-4" />
      <button type="submit" className="btn btn-primary" disabled={update.isPending}>
        {t('common.save')}
      </button>
    </form>
  );
}
