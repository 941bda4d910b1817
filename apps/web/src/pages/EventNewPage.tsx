import { useTranslation } from 'react-i18next';
import { RequireRole } from '../app/RequireAuth.tsx';
import { canOrganizeEvents } from '../modules/events/api.ts';
import { EventForm } from '../modules/events/EventForm.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

export function EventNewPage() {
  const { t } = useTranslation();
  return (
    <RequireRole allow={canOrganizeEvents}>
      <Breadcrumb items={[{ label: t('events.nav'), to: '/eventi' }, { label: t('events.new') }]} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <PageTitle title={t('events.new')} lead={t('events.newLead')} />
          <EventForm />
        </div>
      </div>
    </RequireRole>
  );
}
