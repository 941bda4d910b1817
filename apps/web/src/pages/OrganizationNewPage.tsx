import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateOrganization } from '../modules/organizations/api.ts';
import { EMPTY_ORGANIZATION, OrganizationForm } from '../modules/organizations/OrganizationForm.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

export function OrganizationNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const create = useCreateOrganization();
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.organizations'), to: '/organizzazioni' }, { label: t('organizations.new') }]} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <PageTitle title={t('organizations.new')} lead={t('organizations.newLead')} />
          <OrganizationForm
            initial={EMPTY_ORGANIZATION}
            submitting={create.isPending}
            onSubmit={async (body) => {
              const o = await create.mutateAsync(body);
              flash.show(t('organizations.created', { name: o.name }), { path: `/organizzazioni/${o.id}` });
              navigate(`/organizzazioni/${o.id}`);
            }}
          />
        </div>
      </div>
    </>
  );
}
