import { useTranslation } from 'react-i18next';
import { CsvImport } from '../modules/organizations/CsvImport.tsx';
import { ORGANIZATION_CSV_COLUMNS } from '@mosaico/contracts/vocabulary';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

export function OrganizationImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.organizations'), to: '/organizzazioni' }, { label: t('import.title') }]} />
      <div className="row">
        <div className="col-12 col-lg-9">
          <PageTitle title={t('import.title')} lead={t('import.lead')} />
          <section aria-labelledby="import-format-title" className="mb-4">
            <h2 id="import-format-title" className="h5">
              {t('import.formatTitle')}
            </h2>
            <p>{t('import.formatText')}</p>
            <p>
              <code className="csv-columns">{ORGANIZATION_CSV_COLUMNS.join(',')}</code>
            </p>
            <p className="small">{t('import.formatNotes')}</p>
          </section>
          <CsvImport />
        </div>
      </div>
    </>
  );
}
