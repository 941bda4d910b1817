import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { useCertificateVerification } from '../modules/attendance/api.ts';
import { Alert } from '../ui/Alert.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFormat } from '../ui/format.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';

/** The public result of a certificate code: valid or revoked, with the event and the holder masked; unknown codes say so. */
export function CertificatePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const code = useParams().code ?? '';
  const v = useCertificateVerification(code);
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle title={t('attendance.verify.resultTitle', { code })} />
        {v.isPending ? (
          <Loading />
        ) : v.isError ? (
          isApiError(v.error) && v.error.status === 404 ? (
            <Alert variant="warning" title={t('attendance.verify.unknownTitle')}>
              <p className="mb-0">{v.error.message}</p>
            </Alert>
          ) : (
            <QueryError error={v.error} onRetry={() => v.refetch()} />
          )
        ) : (
          <>
            {v.data.valid ? (
              <Alert variant="success" title={t('attendance.verify.validTitle')}>
                <p className="mb-0">{t('attendance.verify.validText')}</p>
              </Alert>
            ) : (
              <Alert variant="danger" title={t('attendance.verify.revokedTitle')}>
                <p className="mb-0">{t('attendance.verify.revokedText', { when: f.romeDateTime(v.data.revokedAt) })}</p>
              </Alert>
            )}
            <DescriptionList
              items={[
                { label: t('attendance.fields.code'), value: v.data.code },
                { label: t('attendance.fields.holder'), value: v.data.holder },
                { label: t('attendance.fields.event'), value: `${v.data.eventTitle} (${t(`events.kinds.${v.data.eventKind}`)})` },
                { label: t('attendance.fields.issuer'), value: v.data.issuer },
                { label: t('attendance.fields.dates'), value: v.data.firstDate && v.data.lastDate ? `${f.romeDate(v.data.firstDate)} – ${f.romeDate(v.data.lastDate)}` : '—' },
                { label: t('attendance.fields.hoursAttended'), value: t('attendance.verify.hoursOf', { hours: f.number(v.data.hours), total: f.number(v.data.totalHours) }) },
                { label: t('attendance.fields.issuedAt'), value: f.romeDate(v.data.issuedAt) },
              ]}
            />
          </>
        )}
        <p className="mt-4">
          <Link to="/attestati/verifica">{t('attendance.verify.another')}</Link>
        </p>
      </div>
    </div>
  );
}
