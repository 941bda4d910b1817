import { useTranslation } from 'react-i18next';
import { DEFINITION_SCHEMA_URL } from '../modules/forms/api.ts';
import { ImportForm } from '../modules/forms/ImportForm.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

export function FormImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.forms'), to: '/moduli' }, { label: t('forms.import.title') }]} />
      <div className="row">
        <div className="col-12 col-lg-10">
          <PageTitle title={t('forms.import.title')} lead={t('forms.import.lead')} />
          <section aria-labelledby="formimport-format-title" className="mb-4">
            <h2 id="formimport-format-title" className="h5">
              {t('forms.import.formatTitle')}
            </h2>
            <p>{t('forms.import.formatText')}</p>
            <p>
              <a href={DEFINITION_SCHEMA_URL} download="definition-schema.json">
                {t('forms.import.schemaLink')}
              </a>
            </p>
          </section>
          <section aria-labelledby="formimport-xlsform-title" className="mb-4">
            <h2 id="formimport-xlsform-title" className="h5">
              {t('xlsform.formatTitle')}
            </h2>
            <p>{t('xlsform.formatText')}</p>
            <p>{t('xlsform.templateHint')}</p>
          </section>
          <ImportForm />
        </div>
      </div>
    </>
  );
}
