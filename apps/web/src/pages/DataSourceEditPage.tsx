import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { RequireRole } from '../app/RequireAuth.tsx';
import { canKeepDataSources, useDataSource, useUpdateDataSource } from '../modules/data-sources/api.ts';
import { DataSourceForm } from '../modules/data-sources/DataSourceForm.tsx';
import { valuesOf } from '../modules/data-sources/form-values.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

export function DataSourceEditPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const flash = useFlash();
  const q = useDataSource(id);
  const update = useUpdateDataSource(id);
  const [resetKey, setResetKey] = useState(0);

  if (q.isPending && Number.isInteger(id)) return <Loading />;
  if (!q.data) {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('dataSources.notFound')}
        parents={[{ label: t('dataSources.nav'), to: '/basi-dati' }]}
        back={{ to: '/basi-dati', label: t('dataSources.backToList') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const d = q.data;
  const reload = async () => {
    await q.refetch();
    setResetKey((k) => k + 1);
  };
  return (
    <RequireRole allow={(me) => canKeepDataSources(me) && d.canEdit}>
      <Breadcrumb items={[{ label: t('dataSources.nav'), to: '/basi-dati' }, { label: d.title.it, to: `/basi-dati/${d.id}` }, { label: t('dataSources.edit') }]} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <PageTitle title={t('dataSources.editTitle', { title: d.title.it })} />
          <p className="small text-secondary">{t('dataSources.versionNote', { version: d.version })}</p>
          <DataSourceForm
            key={d.id}
            initial={valuesOf(d)}
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
              await update.mutateAsync({ ...body, version: d.version });
              flash.show(t('dataSources.saved'), { path: `/basi-dati/${d.id}` });
              navigate(`/basi-dati/${d.id}`);
            }}
          />
        </div>
      </div>
    </RequireRole>
  );
}
