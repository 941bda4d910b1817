import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { useSession } from '../modules/auth/api.ts';
import { useIndicator, useIndicatorThemes, useUpdateIndicator } from '../modules/indicators/api.ts';
import { canDefineIndicators } from '../modules/indicators/can-define.ts';
import { IndicatorForm, valuesOf } from '../modules/indicators/IndicatorForm.tsx';
import { localized, useIndicatorFormat } from '../modules/indicators/text.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import '../modules/analysis/analysis.css';

/** One indicator: its definition, a link to explore it, and (for those who define indicators) its edit form. */
export function IndicatorPage() {
  const { t, i18n } = useTranslation();
  const code = useParams().code ?? '';
  const me = useSession().data?.me;
  const flash = useFlash();
  const fmt = useIndicatorFormat();
  const q = useIndicator(code);
  const themes = useIndicatorThemes();
  const update = useUpdateIndicator(code);
  const [formKey, setFormKey] = useState(0);
  const parents = [
    { label: t('analysis.nav'), to: '/analisi' },
    { label: t('indicators.catalogue.title'), to: '/indicatori' },
  ];
  if (q.isPending) return <Loading />;
  if (!q.data) {
    return <LoadFailed error={q.error} notFoundTitle={t('indicators.notFound')} parents={parents} back={{ to: '/indicatori', label: t('indicators.backToList') }} onRetry={() => q.refetch()} />;
  }
  const ind = q.data;
  const name = localized(ind.name, i18n.language);
  const themeName = (c: string) => {
    const th = themes.data?.find((x) => x.code === c);
    return th ? localized(th.name, i18n.language) : c;
  };
  const reload = async () => {
    await q.refetch();
    setFormKey((k) => k + 1);
  };
  return (
    <>
      <Breadcrumb items={[...parents, { label: name }]} />
      <PageTitle title={name} documentTitle={t('indicators.documentTitle', { name })} lead={ind.description ? localized(ind.description, i18n.language) : undefined} />
      <p>
        <Link to={`/analisi?indicatore=${encodeURIComponent(ind.code)}`}>{t('indicators.exploreLink')}</Link>
      </p>
      <DescriptionList
        items={[
          { label: t('indicators.fields.code'), value: <span className="font-monospace">{ind.code}</span> },
          { label: t('indicators.fields.numerator'), value: <code className="formula-input">{ind.numerator}</code> },
          { label: t('indicators.fields.denominator'), value: ind.denominator ? <code className="formula-input">{ind.denominator}</code> : '—' },
          { label: t('indicators.fields.factor'), value: fmt.amount(ind.factor) },
          { label: t('indicators.fields.unit'), value: localized(ind.unit, i18n.language) || '—' },
          { label: t('indicators.fields.aggregation'), value: t(`indicators.aggregations.${ind.aggregation}`) },
          { label: t('indicators.fields.timeRule'), value: t(`indicators.timeRules.${ind.timeRule}`) },
          { label: t('indicators.fields.themes'), value: ind.themes.map(themeName).join(', ') || '—' },
          { label: t('indicators.catalogue.key'), value: ind.key ? t('common.yes') : t('common.no') },
          { label: t('indicators.catalogue.origin'), value: t(`indicators.origins.${ind.origin}`) },
        ]}
      />
      {canDefineIndicators(me) && themes.data && (
        <section aria-labelledby="indicator-edit-title" className="row">
          <div className="col-12 col-lg-9">
            <h2 id="indicator-edit-title" className="h3">
              {t('indicators.editTitle')}
            </h2>
            <IndicatorForm
              key={`${ind.version}:${formKey}`}
              initial={valuesOf(ind)}
              themes={themes.data}
              editing
              submitting={update.isPending}
              summaryExtra={(err) =>
                isApiError(err) && err.code === 'version_conflict' ? (
                  <button type="button" className="btn btn-outline-primary btn-sm mt-2" onClick={reload}>
                    {t('form.reloadLatest')}
                  </button>
                ) : null
              }
              onSubmit={async (body) => {
                const { code: _code, ...rest } = body;
                await update.mutateAsync({ ...rest, version: ind.version });
                flash.show(t('indicators.saved'));
              }}
            />
          </div>
        </section>
      )}
    </>
  );
}
