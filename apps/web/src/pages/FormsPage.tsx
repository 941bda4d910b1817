import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../modules/auth/api.ts';
import { can } from '../modules/auth/permissions.ts';
import { useForms } from '../modules/forms/api.ts';
import { FormVersionsTable } from '../modules/forms/FormVersionsTable.tsx';
import { useLocalNode } from '../modules/forms/LocalText.tsx';
import { useLocalText } from '../modules/forms/text.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';

/** The monitoring forms and their versions (drafts only for national admins, who may also import). */
export function FormsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const local = useLocalText();
  const node = useLocalNode();
  const forms = useForms();
  const admin = can.manageForms(me);
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.forms') }]} />
      <PageTitle title={t('forms.title')} lead={admin ? t('forms.leadAdmin') : t('forms.lead')} />
      {admin && (
        <p>
          <Link className="btn btn-primary" to="/moduli/importa">
            {t('forms.import.title')}
          </Link>
        </p>
      )}
      {forms.isPending ? (
        <Loading />
      ) : forms.isError ? (
        <QueryError error={forms.error} onRetry={() => forms.refetch()} />
      ) : forms.data.length === 0 ? (
        <p className="text-secondary">{t('forms.none')}</p>
      ) : (
        forms.data.map((f) => (
          <section key={f.id} aria-labelledby={`form-${f.id}-title`} className="mb-5">
            <h2 id={`form-${f.id}-title`} className="h4">
              {node(f.title)}
            </h2>
            <p className="small text-secondary">
              {t('forms.fields.code')}: <code>{f.code}</code>
            </p>
            <FormVersionsTable form={f} title={local(f.title)} />
          </section>
        ))
      )}
    </>
  );
}
