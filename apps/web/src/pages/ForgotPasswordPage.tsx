import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRequestPasswordReset } from '../modules/auth/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { RequiredNote, TextField } from '../ui/Field.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { useFormErrors } from '../ui/form.ts';
import { PageTitle } from '../ui/PageTitle.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const flash = useFlash();
  const request = useRequestPasswordReset();
  const { errors, fromError, clear } = useFormErrors();
  const [email, setEmail] = useState('');
  const labels = { email: t('auth.email') };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      await request.mutateAsync({ email });
      flash.show(t('auth.resetRequested'));
    } catch (err) {
      fromError(err);
    }
  };

  return (
    <>
      <Breadcrumb items={[{ label: t('auth.signInTitle'), to: '/accesso' }, { label: t('auth.forgotTitle') }]} />
      <div className="row">
        <div className="col-12 col-lg-7">
          <PageTitle title={t('auth.forgotTitle')} lead={t('auth.forgotLead')} />
          <form id="forgot-form" noValidate onSubmit={submit} className="mb-4">
            <RequiredNote />
            <ErrorSummary errors={errors} labels={labels} idPrefix="forgot" />
            <TextField id="forgot-email" type="email" label={labels.email} required autoComplete="email" value={email} onChange={setEmail} error={errors.fields.email} />
            <div className="d-flex flex-wrap gap-3 align-items-center">
              <button type="submit" className="btn btn-primary" disabled={request.isPending}>
                {t('auth.sendLink')}
              </button>
              <Link to="/accesso">{t('auth.backToSignIn')}</Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
