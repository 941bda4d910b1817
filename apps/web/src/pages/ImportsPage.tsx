import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireRole } from '../app/RequireAuth.tsx';
import { isNationalAdmin } from '../modules/auth/permissions.ts';
import { useDataSource } from '../modules/data-sources/api.ts';
import { ImportList } from '../modules/imports/ImportList.tsx';
import { ImportUpload } from '../modules/imports/ImportUpload.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** Import official statistics (national admins): a new dry run, and the history (of one data source with ?fonte=). */
export function ImportsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const sourceId = Number(params.get('fonte')) || undefined;
  const page = Math.max(1, Number(params.get('pagina')) || 1);
  const source = useDataSource(sourceId ?? 0);
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('pagina', String(p));
    return `?${next.toString()}`;
  };
  return (
    <RequireRole allow={isNationalAdmin}>
      <Breadcrumb items={[{ label: t('imports.nav') }]} />
      <PageTitle title={t('imports.title')} lead={t('imports.lead')} />
      {sourceId && source.data && (
        <p>
          {t('imports.ofSource')} <Link to={`/basi-dati/${sourceId}`}>{source.data.title.it}</Link> ·{' '}
          <Link to="/statistiche/importa">{t('imports.allSources')}</Link>
        </p>
      )}
      <div className="row">
        <div className="col-12 col-lg-8">
          <ImportUpload key={sourceId ?? 0} dataSourceId={sourceId} />
        </div>
      </div>
      <ImportList dataSourceId={sourceId} page={page} hrefFor={hrefFor} />
    </RequireRole>
  );
}
