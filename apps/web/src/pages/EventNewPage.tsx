import { useTranslation } from 'react-i18next';
import { canKeepPlaceRecords } from '../modules/auth/permissions.ts';
import { RequireRole } from '../app/RequireAuth.tsx';
import { EventForm } from '../modules/events/EventForm.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

export function EventNewPage() {
  const { t } = useTranslation();
  return (
    <RequireRole allow={canKeepPlaceRecords}>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('events.nav'), to: '/eventi' }, { label: t('events.new') }]} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <PageTitle title={t('events.new')} lead={t('events.newLead')} />
          <EventForm />
        </div>
      </div>
    </RequireRole>
  );
}
