import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useEvent } from '../modules/events/api.ts';
import { EventForm } from '../modules/events/EventForm.tsx';
import { Alert } from '../ui/Alert.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

export function EventEditPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useEvent(id);
  if (q.isPending && Number.isInteger(id)) return <Loading />;
  if (!q.data) {
    return <LoadFailed error={q.error} notFoundTitle={t('events.notFound')} parents={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('events.nav'), to: '/eventi' }]} back={{ to: '/eventi', label: t('events.backToList') }} onRetry={() => q.refetch()} />;
  }
  const e = q.data;
  return (
    <>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('events.nav'), to: '/eventi' }, { label: e.title, to: `/eventi/${e.id}` }, { label: t('events.edit') }]} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <PageTitle title={t('events.editTitle', { title: e.title })} />
          {e.canEdit ? <EventForm key={e.version} event={e} /> : <Alert variant="warning">{t('events.notOrganiser')}</Alert>}
        </div>
      </div>
    </>
  );
}
