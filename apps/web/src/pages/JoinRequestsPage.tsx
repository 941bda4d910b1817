import { JOIN_REQUEST_STATUSES } from '@mosaico/contracts/participation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../app/RequireAuth.tsx';
import { canKeepAssociations, useJoinRequests } from '../modules/associations/api.ts';
import { JoinRequestCard } from '../modules/associations/JoinRequestCard.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { SelectField } from '../ui/Field.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';

/** The join requests of the councils the caller keeps: to verify, accept or reject; personal data erasable. */
export function JoinRequestsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('pending');
  const list = useJoinRequests(status);
  return (
    <RequireRole allow={canKeepAssociations}>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('associations.nav'), to: '/associazioni' }, { label: t('associations.requests.nav') }]} />
      <PageTitle title={t('associations.requests.title')} lead={t('associations.requests.lead')} />
      <div className="row">
        <div className="col-md-4">
          <SelectField id="requests-status" label={t('associations.requests.status')} value={status} onChange={setStatus} emptyLabel={t('common.all')} options={JOIN_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`associations.requests.statuses.${s}`) }))} />
        </div>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <p role="status" aria-live="polite">
            {t('associations.requests.count', { count: list.data.total })}
          </p>
          {list.data.items.map((r) => (
            <JoinRequestCard key={r.id} request={r} />
          ))}
        </>
      )}
    </RequireRole>
  );
}
