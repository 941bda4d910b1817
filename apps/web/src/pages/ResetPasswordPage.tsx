import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useConfirmPasswordReset } from '../modules/auth/api.ts';
import { Alert } from '../ui/Alert.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { RequiredNote, TextField } from '../ui/Field.tsx';
import { useFormErrors } from '../ui/form.ts';
import { PageTitle } from '../ui/PageTitle.tsx';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmPasswordReset();
  const { errors, fromError, setLocal, clear } = useFormErrors();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const labels = { newPassword: t('auth.newPassword'), repeat: t('auth.repeatPassword'), token: t('auth.resetLink') };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (password !== repeat) {
      setLocal(t('form.fixFields'), { repeat: t('auth.passwordsDiffer') });
      return;
    }
    try {
      await confirm.mutateAsync({ token, newPassword: password });
    } catch (err) {
      fromError(err);
    }
  };

  return (
    <>
      <Breadcrumb items={[{ label: t('auth.signInTitle'), to: '/accesso' }, { label: t('auth.resetTitle') }]} />
      <div className="row">
        <div className="col-12 col-lg-7">
          <PageTitle title={t('auth.resetTitle')} lead={t('auth.passwordRule')} />
          <div role="status" aria-live="polite">
            {confirm.isSuccess && (
              <Alert variant="success">
                <p>{t('auth.resetDone')}</p>
                <Link to="/accesso">{t('auth.goToSignIn')}</Link>
              </Alert>
            )}
          </div>
          {!token ? (
            <Alert variant="danger">
              <p>{t('auth.resetMissingToken')}</p>
              <Link to="/password-dimenticata">{t('auth.requestNewLink')}</Link>
            </Alert>
          ) : (
            !confirm.isSuccess && (
              <form id="reset-form" noValidate onSubmit={submit} className="mb-4">
                <RequiredNote />
                <ErrorSummary errors={errors} labels={labels} idPrefix="reset" />
                <TextField
                  id="reset-newPassword"
                  type="password"
                  label={labels.newPassword}
                  required
                  autoComplete="new-password"
                  value={password}
                  onChange={setPassword}
                  error={errors.fields.newPassword}
                  hint={t('auth.passwordRule')}
                />
                <TextField id="reset-repeat" type="password" label={labels.repeat} required autoComplete="new-password" value={repeat} onChange={setRepeat} error={errors.fields.repeat} />
                <button type="submit" className="btn btn-primary" disabled={confirm.isPending}>
                  {t('auth.resetSubmit')}
                </button>
                {errors.fields.token || errors.message ? (
                  <p className="mt-3">
                    <Link to="/password-dimenticata">{t('auth.requestNewLink')}</Link>
                  </p>
                ) : null}
              </form>
            )
          )}
        </div>
      </div>
    </>
  );
}
