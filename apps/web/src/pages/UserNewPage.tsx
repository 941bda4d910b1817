import { useTranslation } from 'react-i18next';
import { UserCreateForm } from '../modules/users/UserForms.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

export function UserNewPage() {
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.users'), to: '/utenti' }, { label: t('users.new') }]} />
      <div className="row">
        <div className="col-12 col-lg-7">
          <PageTitle title={t('users.new')} lead={t('users.newLead')} />
          <UserCreateForm />
        </div>
      </div>
    </>
  );
}
