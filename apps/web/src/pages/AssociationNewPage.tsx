import { useTranslation } from 'react-i18next';
import { RequireRole } from '../app/RequireAuth.tsx';
import { canKeepAssociations } from '../modules/associations/api.ts';
import { AssociationForm } from '../modules/associations/AssociationForm.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

export function AssociationNewPage() {
  const { t } = useTranslation();
  return (
    <RequireRole allow={canKeepAssociations}>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('associations.nav'), to: '/associazioni' }, { label: t('associations.new') }]} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <PageTitle title={t('associations.new')} lead={t('associations.newLead')} />
          <AssociationForm />
        </div>
      </div>
    </RequireRole>
  );
}
