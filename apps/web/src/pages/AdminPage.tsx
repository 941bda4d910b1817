import { useTranslation } from 'react-i18next';
import { menuFor } from '../app/menu.ts';
import { ShortcutCards } from '../app/ShortcutCards.tsx';
import { useMe } from '../modules/auth/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** The administration entries the user may use, which the header's menu groups under one link. */
export function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.admin') }]} />
      <PageTitle title={t('nav.admin')} lead={t('home.adminLead')} />
      <ShortcutCards items={menuFor(me, 'admin')} />
    </>
  );
}
