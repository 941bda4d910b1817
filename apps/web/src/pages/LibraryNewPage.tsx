import { useTranslation } from 'react-i18next';
import { canKeepPlaceRecords } from '../modules/auth/permissions.ts';
import { RequireRole } from '../app/RequireAuth.tsx';
import { LibraryUploadForm } from '../modules/library/LibraryUploadForm.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

export function LibraryNewPage() {
  const { t } = useTranslation();
  return (
    <RequireRole allow={canKeepPlaceRecords}>
      <Breadcrumb items={[{ label: t('library.nav'), to: '/documentazione' }, { label: t('library.new') }]} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <PageTitle title={t('library.new')} lead={t('library.newLead')} />
          <LibraryUploadForm />
        </div>
      </div>
    </RequireRole>
  );
}
