import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../modules/auth/api.ts';
import { useIndicators, useIndicatorThemes } from '../modules/indicators/api.ts';
import { canDefineIndicators } from '../modules/indicators/can-define.ts';
import { IndicatorCatalogue } from '../modules/indicators/IndicatorCatalogue.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';

/** The indicator catalogue, by theme; national admins and regional coordinators add new ones. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const me = useSession().data?.me;
  const themes = useIndicatorThemes();
  const indicators = useIndicators();
  return (
    <>
      <Breadcrumb items={[{ label: t('analysis.nav'), to: '/analisi' }, { label: t('indicators.catalogue.title') }]} />
      <PageTitle title={t('indicators.catalogue.title')} lead={t('indicators.catalogue.lead')} />
      {canDefineIndicators(me) && (
        <p>
          <Link className="btn btn-primary" to="/indicatori/nuovo">
            {t('indicators.new')}
          </Link>
        </p>
      )}
      {themes.isPending || indicators.isPending ? (
        <Loading />
      ) : themes.isError || indicators.isError ? (
        <QueryError
          error={themes.error ?? indicators.error}
          onRetry={() => {
            void themes.refetch();
            void indicators.refetch();
          }}
        />
      ) : (
        <IndicatorCatalogue indicators={indicators.data} themes={themes.data} />
      )}
    </>
  );
}
