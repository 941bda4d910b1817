import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { RequireRole } from '../app/RequireAuth.tsx';
import { useSession } from '../modules/auth/api.ts';
import { can } from '../modules/auth/permissions.ts';
import { useOrganization, useUpdateOrganization } from '../modules/organizations/api.ts';
import { OrganizationForm, valuesOf } from '../modules/organizations/OrganizationForm.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

export function OrganizationEditPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const flash = useFlash();
  const q = useOrganization(id);
  const update = useUpdateOrganization(id);
  const [resetKey, setResetKey] = useState(0);
  const me = useSession().data?.me;

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
  const reload = async () => {
    await q.refetch();
    setResetKey((k) => k + 1);
  };
  const contactOnly = !can.editOrganizations(me);
  return (
    <RequireRole allow={(m) => can.editOrganizations(m) || can.editOwnContacts(m, o.id)}>
      <Breadcrumb
        items={[
          { label: t('nav.organizations'), to: '/organizzazioni' },
          { label: o.name, to: `/organizzazioni/${o.id}` },
          { label: t('organizations.edit') },
        ]}
      />
      <div className="row">
        <div className="col-12 col-lg-8">
          <PageTitle title={t('organizations.editTitle', { name: o.name })} />
          <p className="small text-secondary">{t('organizations.versionNote', { version: o.version })}</p>
          <OrganizationForm
            key={o.id}
            initial={valuesOf(o)}
            contactOnly={contactOnly}
            resetKey={resetKey}
            submitting={update.isPending}
            summaryExtra={(err) =>
              isApiError(err) && err.code === 'version_conflict' ? (
                <button type="button" className="btn btn-outline-primary btn-sm mt-2" onClick={reload}>
                  {t('form.reloadLatest')}
                </button>
              ) : null
            }
            onSubmit={async (body) => {
              await update.mutateAsync({ ...body, version: o.version });
              flash.show(t('organizations.saved'), { path: `/organizzazioni/${o.id}` });
              navigate(`/organizzazioni/${o.id}`);
            }}
          />
        </div>
      </div>
    </RequireRole>
  );
}
