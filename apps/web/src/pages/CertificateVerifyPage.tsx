import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { TextField } from '../ui/Field.tsx';
import { useFormErrors } from '../ui/form.ts';
import { PageTitle } from '../ui/PageTitle.tsx';

/** Anyone holding a certificate's paper types its code here (no sign-in) to see whether it is authentic. */
export function CertificateVerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const { errors, setLocal, clear } = useFormErrors();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    const clean = code.toUpperCase().replace(/[\s-]/g, '');
    if (!clean) return setLocal(t('form.fixFields'), { code: t('form.required') });
    if (!/^[A-Z2-9]{12}$/.test(clean)) return setLocal(t('form.fixFields'), { code: t('attendance.verify.codeShape') });
    navigate(`/attestati/${clean.match(/.{4}/g)?.join('-')}`);
  };
  return (
    <div className="row">
      <div className="col-12 col-lg-7">
        <PageTitle title={t('attendance.verify.title')} lead={t('attendance.verify.lead')} />
        <form onSubmit={submit} noValidate className="mb-5">
          <ErrorSummary errors={errors} labels={{ code: t('attendance.verify.code') }} idPrefix="verify" />
          <TextField id="verify-code" label={t('attendance.verify.code')} hint={t('attendance.verify.codeHint')} required value={code} onChange={setCode} error={errors.fields.code} maxLength={20} autoComplete="off" />
          <button type="submit" className="btn btn-primary">
            {t('attendance.verify.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
