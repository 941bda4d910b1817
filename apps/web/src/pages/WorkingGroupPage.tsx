import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useRemoveMember, useWorkingGroup } from '../modules/working-groups/api.ts';
import { MemberForm } from '../modules/working-groups/MemberForm.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFormat } from '../ui/format.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { useErrorMessage } from '../ui/QueryError.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Table } from '../ui/Table.tsx';

/** One working group: its members with roles and training hours, and its meetings (the events tied to it). */
export function WorkingGroupPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const id = Number(useParams().id);
  const q = useWorkingGroup(id);
  const remove = useRemoveMember(id);
  const messageOf = useErrorMessage();
  const [removing, setRemoving] = useState<number | null>(null);
  if (q.isPending && Number.isInteger(id) && id > 0) return <Loading />;
  if (!q.data) {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('workingGroups.notFound')}
        parents={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('workingGroups.nav'), to: '/gruppi-di-lavoro' }]}
        back={{ to: '/gruppi-di-lavoro', label: t('workingGroups.backToList') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const g = q.data;
  const who = (m: (typeof g.members)[number]) => [m.user?.name ?? m.personName, m.organization?.name].filter(Boolean).join(' – ') || '—';
  return (
    <>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('workingGroups.nav'), to: '/gruppi-di-lavoro' }, { label: g.name }]} />
      <PageTitle title={g.name} lead={g.area ?? undefined} />
      <DescriptionList
        items={[
          { label: t('workingGroups.fields.place'), value: g.council?.name ?? t('workingGroups.regionOf', { name: g.region.name }) },
          { label: t('workingGroups.fields.formedOn'), value: f.date(g.formedOn) },
          { label: t('workingGroups.fields.active'), value: g.active ? t('common.yes') : t('common.no') },
          { label: t('workingGroups.fields.description'), value: g.description },
        ]}
      />
      <section aria-labelledby="members-title" className="mb-5">
        <h2 id="members-title" className="h4">
          {t('workingGroups.members.title')}
        </h2>
        <p className="small">{t('workingGroups.members.hoursHint')}</p>
        {remove.isError && (
          <div className="alert alert-danger" role="alert">
            {messageOf(remove.error)}
          </div>
        )}
        <Table
          caption={t('workingGroups.members.title')}
          captionHidden
          rows={g.members}
          rowKey={(m) => m.id}
          empty={t('workingGroups.members.none')}
          columns={[
            { key: 'who', header: t('workingGroups.members.who'), rowHeader: true, render: who },
            { key: 'role', header: t('workingGroups.members.role'), render: (m) => t(`workingGroups.roles.${m.role}`) },
            ...(g.canEdit ? [{ key: 'email', header: t('workingGroups.members.email'), render: (m: (typeof g.members)[number]) => m.email ?? '—' }] : []),
            { key: 'hours', header: t('workingGroups.members.trainingHours'), numeric: true, render: (m) => f.number(m.trainingHours) },
            ...(g.canEdit
              ? [
                  {
                    key: 'actions',
                    header: t('common.actions'),
                    render: (m: (typeof g.members)[number]) =>
                      removing === m.id ? (
                        <span className="d-flex flex-wrap gap-2 align-items-center">
                          <span role="alert">{t('workingGroups.members.removeQuestion', { who: who(m) })}</span>
                          <button type="button" className="btn btn-danger btn-sm" disabled={remove.isPending} onClick={() => remove.mutate(m.id, { onSettled: () => setRemoving(null) })}>
                            {t('workingGroups.members.removeConfirm')}
                          </button>
                          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setRemoving(null)}>
                            {t('common.cancel')}
                          </button>
                        </span>
                      ) : (
                        <button type="button" className="btn btn-link p-0" disabled={remove.isPending} onClick={() => setRemoving(m.id)}>
                          {t('workingGroups.members.remove')}
                          <span className="visually-hidden"> – {who(m)}</span>
                        </button>
                      ),
                  },
                ]
              : []),
          ]}
        />
        {g.canEdit && <MemberForm group={g} />}
      </section>
      <section aria-labelledby="meetings-title" className="mb-5">
        <h2 id="meetings-title" className="h4">
          {t('workingGroups.meetings.title')}
        </h2>
        <Table
          caption={t('workingGroups.meetings.title')}
          captionHidden
          rows={g.meetings}
          rowKey={(m) => m.id}
          empty={t('workingGroups.meetings.none')}
          columns={[
            { key: 'title', header: t('workingGroups.meetings.event'), rowHeader: true, render: (m) => <Link to={`/eventi/${m.id}`}>{m.title}</Link> },
            { key: 'kind', header: t('workingGroups.meetings.kind'), render: (m) => t(`events.kinds.${m.kind}`) },
            { key: 'date', header: t('workingGroups.meetings.date'), render: (m) => f.date(m.firstDate) },
            { key: 'status', header: t('workingGroups.meetings.status'), render: (m) => t(`events.statuses.${m.status}`) },
            { key: 'sessions', header: t('workingGroups.meetings.sessions'), numeric: true, render: (m) => f.integer(m.sessions) },
            { key: 'hours', header: t('workingGroups.meetings.hours'), numeric: true, render: (m) => f.number(m.hours) },
          ]}
        />
      </section>
    </>
  );
}
