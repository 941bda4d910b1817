import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTargets } from '../modules/targets/api.ts';
import { TargetCard } from '../modules/targets/TargetCard.tsx';
import { TargetForm } from '../modules/targets/TargetForm.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';

/** The programme's targets and how far the events held have brought them, nationally and per region. */
export function TargetsPage() {
  const { t } = useTranslation();
  const list = useTargets();
  // 'new', a target's id being edited, or nothing.
  const [editing, setEditing] = useState<'new' | number | null>(null);
  return (
    <>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('targets.nav') }]} />
      <PageTitle title={t('targets.title')} lead={t('targets.lead')} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          {list.data.canCreate && editing !== 'new' && (
            <button type="button" className="btn btn-primary mb-4" onClick={() => setEditing('new')}>
              {t('targets.add')}
            </button>
          )}
          {editing === 'new' && <TargetForm onDone={() => setEditing(null)} />}
          {list.data.items.length === 0 && <p className="text-secondary">{t('targets.none')}</p>}
          {list.data.items.map((target) =>
            editing === target.id ? (
              <TargetForm key={target.id} target={target} onDone={() => setEditing(null)} />
            ) : (
              <TargetCard key={target.id} target={target} onEdit={target.canEdit ? () => setEditing(target.id) : undefined} />
            ),
          )}
        </>
      )}
    </>
  );
}
