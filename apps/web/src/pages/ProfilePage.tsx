import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { type Language, switchLanguage } from '../i18n/index.ts';
import { useChangePassword, useMe } from '../modules/auth/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { RequiredNote, TextField } from '../ui/Field.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { useFormErrors } from '../ui/form.ts';
import { PageTitle } from '../ui/PageTitle.tsx';

function LanguageForm() {
  const { t, i18n } = useTranslation();
  const flash = useFlash();
  const [lang, setLang] = useState<Language>(i18n.language === 'en' ? 'en' : 'it');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await switchLanguage(lang);
    flash.show(t('profile.languageSaved'));
  };
  return (
    <form id="language-form" onSubmit={submit} className="mb-5">
      <fieldset className="form-fieldset">
        <legend className="h4 px-0">{t('profile.languageTitle')}</legend>
        {(['it', 'en'] as const).map((l) => (
          <div key={l} className="form-check">
            <input id={`lang-${l}`} name="lang" type="radio" value={l} checked={lang === l} onChange={() => setLang(l)} />
            <label htmlFor={`lang-${l}`} lang={l}>
              {l === 'it' ? 'Italiano' : 'English'}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="btn btn-primary mt-2">
        {t('profile.applyLanguage')}
      </button>
    </form>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const flash = useFlash();
  const change = useChangePassword();
  const { errors, fromError, setLocal, clear } = useFormErrors();
  const [v, setV] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const set = (k: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [k]: value }));
  const labels = { currentPassword: t('profile.currentPassword'), newPassword: t('auth.newPassword'), repeat: t('auth.repeatPassword') };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (v.newPassword !== v.repeat) {
      setLocal(t('form.fixFields'), { repeat: t('auth.passwordsDiffer') });
      return;
    }
    try {
      await change.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      setV({ currentPassword: '', newPassword: '', repeat: '' });
      flash.show(t('profile.passwordChanged'));
    } catch (err) {
      fromError(err, isApiError(err) && err.code === 'wrong_password' ? { currentPassword: err.message } : {});
    }
  };

  return (
    <form id="password-form" noValidate onSubmit={submit} aria-labelledby="password-title" className="mb-5">
      <h2 id="password-title" className="h4">
        {t('profile.passwordTitle')}
      </h2>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="pw" />
      <TextField id="pw-currentPassword" type="password" label={labels.currentPassword} required autoComplete="current-password" value={v.currentPassword} onChange={set('currentPassword')} error={errors.fields.currentPassword} />
      <TextField id="pw-newPassword" type="password" label={labels.newPassword} required autoComplete="new-password" value={v.newPassword} onChange={set('newPassword')} error={errors.fields.newPassword} hint={t('auth.passwordRule')} />
      <TextField id="pw-repeat" type="password" label={labels.repeat} required autoComplete="new-password" value={v.repeat} onChange={set('repeat')} error={errors.fields.repeat} />
      <button type="submit" className="btn btn-primary" disabled={change.isPending}>
        {t('profile.changePassword')}
      </button>
    </form>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.profile') }]} />
      <PageTitle title={t('profile.title')} />
      <DescriptionList
        items={[
          { label: t('users.fields.name'), value: me.name },
          { label: t('users.fields.email'), value: me.email },
          { label: t('users.roles'), value: me.roles.map((r) => `${t(`roles.${r.role}`)} (${r.scopeType === 'nation' ? t('scopes.nation') : (r.scopeName ?? r.scopeId)})`).join('; ') || '—' },
        ]}
      />
      <div className="row">
        <div className="col-12 col-lg-6">
          <PasswordForm />
        </div>
        <div className="col-12 col-lg-6">
          <LanguageForm />
        </div>
      </div>
    </>
  );
}
