import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../modules/auth/api.ts';
import { can } from '../modules/auth/permissions.ts';
import { ContactLog } from '../modules/organizations/ContactLog.tsx';
import { type Organization, useDeleteOrganization, useOrganization } from '../modules/organizations/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DeleteWithConfirmation } from '../ui/DeleteWithConfirmation.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { useFormat } from '../ui/format.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** Delete with a confirmation step; a version conflict offers to reload. */
function DeleteOrganization({ org, onReload }: { org: Organization; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const remove = useDeleteOrganization(org.id);
  return (
    <DeleteWithConfirmation
      version={org.version}
      remove={remove}
      labels={{ open: t('organizations.delete'), question: t('organizations.confirmDelete', { name: org.name }), confirm: t('organizations.confirmDeleteButton') }}
      onDeleted={() => {
        flash.show(t('organizations.deleted', { name: org.name }), { path: '/organizzazioni' });
        navigate('/organizzazioni');
      }}
      onReload={onReload}
    />
  );
}

export function OrganizationPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const id = Number(useParams().id);
  const session = useSession();
  const me = session.data?.me;
  const q = useOrganization(id);

  if (q.isPending && Number.isInteger(id)) return <Loading />;
  if (!q.data) {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('organizations.notFound')}
        parents={[{ label: t('nav.organizations'), to: '/organizzazioni' }]}
        back={{ to: '/organizzazioni', label: t('organizations.backToList') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const o = q.data;
  const canEdit = can.editOrganizations(me);
  const canEditContacts = canEdit || can.editOwnContacts(me, o.id);
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.organizations'), to: '/organizzazioni' }, { label: o.name }]} />
      <PageTitle title={o.name} documentTitle={t('organizations.documentTitle', { name: o.name })} lead={t(`organizations.kinds.${o.kind}`)} />
      {canEditContacts && (
        <div className="d-flex flex-wrap gap-2 mb-3">
          <Link className="btn btn-primary" to={`/organizzazioni/${o.id}/modifica`}>
            {canEdit ? t('organizations.edit') : t('organizations.editContacts')}
          </Link>
          {can.viewAudit(me) && (
            <Link className="btn btn-outline-primary" to={`/registro-attivita?tipo=organization&id=${o.id}`}>
              {t('organizations.history')}
            </Link>
          )}
        </div>
      )}
      <DescriptionList
        items={[
          { label: t('organizations.fields.kind'), value: t(`organizations.kinds.${o.kind}`) },
          { label: t('organizations.fields.collectionStatus'), value: t(`organizations.statuses.${o.collectionStatus}`) },
          { label: t('organizations.fields.territory'), value: <Link to={`/territori/${o.territory.code}`}>{`${o.territory.name} (${o.territory.code})`}</Link> },
          { label: t('organizations.fields.councilId'), value: o.council ? <Link to={`/consigli/${o.council.id}`}>{o.council.name}</Link> : '—' },
          { label: t('organizations.fields.region'), value: o.region ? <Link to={`/territori/${o.region.code}`}>{o.region.name}</Link> : t('organizations.national') },
          { label: t('organizations.fields.taxCode'), value: o.taxCode ?? '—' },
          { label: t('organizations.fields.email'), value: o.email ? <a href={`mailto:${o.email}`}>{o.email}</a> : '—' },
          { label: t('organizations.fields.phone'), value: o.phone ?? '—' },
          { label: t('organizations.fields.website'), value: o.website ? <a href={o.website} rel="noreferrer">{o.website}</a> : '—' },
          { label: t('organizations.fields.address'), value: o.address ?? '—' },
          { label: t('organizations.fields.contactPerson'), value: o.contactPerson ?? '—' },
          { label: t('organizations.fields.updatedAt'), value: f.dateTime(o.updatedAt) },
        ]}
      />
      {o.notes && (
        <section aria-labelledby="notes-title" className="mb-4">
          <h2 id="notes-title" className="h4">
            {t('organizations.fields.notes')}
          </h2>
          <p className="pre-line">{o.notes}</p>
        </section>
      )}
      {can.readContactLog(me) && <ContactLog organizationId={o.id} canAdd={canEdit} />}
      {canEdit && <DeleteOrganization org={o} onReload={() => q.refetch()} />}
    </>
  );
}
