import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { switchLanguage, storedLanguage } from '../i18n/index.ts';
import { useAuthConfig, useLogin, useSession } from '../modules/auth/api.ts';
import { Alert } from '../ui/Alert.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { RequiredNote, TextField } from '../ui/Field.tsx';
import { useFormErrors } from '../ui/form.ts';
import { PageTitle } from '../ui/PageTitle.tsx';

/** Only local paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/accesso') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const config = useAuthConfig();
  const login = useLogin();
  const { errors, fromError, clear } = useFormErrors();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));
  const labels = { email: t('auth.email'), password: t('auth.password') };

  if (session.data?.me && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      const me = await login.mutateAsync({ email, password });
      // The account's language applies unless this browser already chose one.
      if (!storedLanguage() && me.locale) await switchLanguage(me.locale);
      navigate(next, { replace: true });
    } catch (err) {
      fromError(err);
    }
  };

  const oidcError = params.get('errore');
  return (
    <>
      <Breadcrumb items={[{ label: t('auth.signInTitle') }]} />
      <div className="row">
        <div className="col-12 col-lg-7">
          <PageTitle title={t('auth.signInTitle')} lead={t('auth.signInLead')} />
          {params.has('scaduta') && (
            <Alert variant="warning">
              <p className="mb-0">{t('auth.sessionExpired')}</p>
            </Alert>
          )}
          {oidcError && (
            <Alert variant="danger">
              <p className="mb-0">
                {oidcError === 'oidc_no_account' ? t('auth.oidcNoAccount') : oidcError === 'account_disabled' ? t('auth.accountDisabled') : t('auth.oidcFailed')}
              </p>
            </Alert>
          )}
          <form id="login-form" noValidate onSubmit={submit} className="mb-4">
            <RequiredNote />
            <ErrorSummary errors={errors} labels={labels} idPrefix="login" />
            <TextField id="login-email" type="email" label={labels.email} required autoComplete="username" value={email} onChange={setEmail} error={errors.fields.email} />
            <TextField id="login-password" type="password" label={labels.password} required autoComplete="current-password" value={password} onChange={setPassword} error={errors.fields.password} />
            <div className="d-flex flex-wrap gap-3 align-items-center">
              <button type="submit" className="btn btn-primary" disabled={login.isPending}>
                {t('auth.signIn')}
              </button>
              <Link to="/password-dimenticata">{t('auth.forgotLink')}</Link>
            </div>
          </form>
          {config.data?.oidc.enabled && (
            <section aria-labelledby="sso-title" className="mb-4">
              <h2 id="sso-title" className="h5">
                {t('auth.ssoTitle')}
              </h2>
              <a className="btn btn-outline-primary" href={`/api/v1/auth/oidc/start?next=${encodeURIComponent(next)}`}>
                {t('auth.ssoButton', { label: config.data.oidc.label })}
              </a>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
