import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateIndicator, useIndicatorThemes } from '../modules/indicators/api.ts';
import { EMPTY_INDICATOR, IndicatorForm } from '../modules/indicators/IndicatorForm.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryError } from '../ui/QueryError.tsx';
import '../modules/analysis/analysis.css';

export function IndicatorNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const themes = useIndicatorThemes();
  const create = useCreateIndicator();
  return (
    <>
      <Breadcrumb items={[{ label: t('analysis.nav'), to: '/analisi' }, { label: t('indicators.catalogue.title'), to: '/indicatori' }, { label: t('indicators.new') }]} />
      <div className="row">
        <div className="col-12 col-lg-9">
          <PageTitle title={t('indicators.new')} />
          {themes.isPending ? (
            <Loading />
          ) : themes.isError ? (
            <QueryError error={themes.error} onRetry={() => themes.refetch()} />
          ) : (
            <IndicatorForm
              initial={EMPTY_INDICATOR}
              themes={themes.data}
              submitting={create.isPending}
              onSubmit={async (body) => {
                const i = await create.mutateAsync(body);
                flash.show(t('indicators.saved'), { path: `/indicatori/${i.code}` });
                navigate(`/indicatori/${i.code}`);
              }}
            />
          )}
        </div>
      </div>
    </>
  );
}
