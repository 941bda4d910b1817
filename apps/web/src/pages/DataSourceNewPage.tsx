import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RequireRole } from '../app/RequireAuth.tsx';
import { canKeepDataSources, useCreateDataSource } from '../modules/data-sources/api.ts';
import { DataSourceForm } from '../modules/data-sources/DataSourceForm.tsx';
import { EMPTY_DATA_SOURCE } from '../modules/data-sources/form-values.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

export function DataSourceNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const create = useCreateDataSource();
  return (
    <RequireRole allow={canKeepDataSources}>
      <Breadcrumb items={[{ label: t('dataSources.nav'), to: '/basi-dati' }, { label: t('dataSources.new') }]} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <PageTitle title={t('dataSources.new')} lead={t('dataSources.newLead')} />
          <DataSourceForm
            initial={EMPTY_DATA_SOURCE}
            submitting={create.isPending}
            onSubmit={async (body) => {
              const d = await create.mutateAsync(body);
              flash.show(t('dataSources.created', { title: d.title.it }), { path: `/basi-dati/${d.id}` });
              navigate(`/basi-dati/${d.id}`);
            }}
          />
        </div>
      </div>
    </RequireRole>
  );
}
