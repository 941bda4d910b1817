import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAssociation } from '../modules/associations/api.ts';
import { LogSection } from '../modules/associations/LogSection.tsx';
import { ParticipationSection } from '../modules/associations/ParticipationSection.tsx';
import { ProfileForm } from '../modules/associations/ProfileForm.tsx';
import { StatusForm } from '../modules/associations/StatusForm.tsx';
import { can } from '../modules/auth/permissions.ts';
import { useSession } from '../modules/auth/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFormat } from '../ui/format.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';

/** One association: its profile, where it stands in the pipeline, its dated log and its participation. */
export function AssociationPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useSession().data?.me;
  const id = Number(useParams().id);
  const q = useAssociation(id);
  const [editing, setEditing] = useState(false);
  if (q.isPending && Number.isInteger(id) && id > 0) return <Loading />;
  if (!q.data) {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('associations.notFound')}
        parents={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('associations.nav'), to: '/associazioni' }]}
        back={{ to: '/associazioni', label: t('associations.backToList') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const a = q.data;
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : '—');
  return (
    <>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('associations.nav'), to: '/associazioni' }, { label: a.name }]} />
      <PageTitle title={a.name} lead={t(`associations.statuses.${a.engagementStatus}`)} />
      {!a.hasProfile && <p className="alert alert-info">{t('associations.noProfile')}</p>}
      <section aria-labelledby="profile-title" className="mb-5">
        <h2 id="profile-title" className="h4">
          {t('associations.profile')}
        </h2>
        {editing ? (
          <ProfileForm association={a} onDone={() => setEditing(false)} />
        ) : (
          a.canEdit && (
            <button type="button" className="btn btn-outline-primary btn-sm mb-3" onClick={() => setEditing(true)}>
              {t('associations.editProfile')}
            </button>
          )
        )}
        <DescriptionList
          items={[
            { label: t('associations.fields.legalForm'), value: t(`associations.legalForms.${a.legalForm}`) },
            { label: t('associations.fields.council'), value: a.council?.name ?? '—' },
            { label: t('associations.fields.territory'), value: a.territory.name },
            { label: t('associations.fields.communities'), value: list(a.communities) },
            { label: t('associations.fields.languages'), value: list(a.languages) },
            { label: t('associations.fields.sectors'), value: list(a.sectors.map((s) => t(`associations.sectors.${s}`))) },
            { label: t('associations.fields.activities'), value: a.activities },
            { label: t('associations.fields.contactPerson'), value: a.contactPerson },
            { label: t('associations.fields.email'), value: a.email },
            { label: t('associations.fields.website'), value: a.website },
            { label: t('associations.fields.verified'), value: a.verifiedAt ? t('associations.verifiedBy', { who: a.verifiedBy ?? '—', date: f.dateTime(a.verifiedAt) }) : t('common.no') },
            { label: t('associations.fields.statusChangedOn'), value: f.date(a.statusChangedOn) },
          ]}
        />
        <Link to={`/organizzazioni/${a.id}`}>{t('associations.organizationLink')}</Link>
      </section>
      <StatusForm association={a} />
      {can.readContactLog(me) && <LogSection association={a} />}
      <ParticipationSection id={a.id} />
    </>
  );
}
