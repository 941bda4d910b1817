import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Table } from '../../ui/Table.tsx';
import type { Indicator, IndicatorTheme } from './api.ts';
import { localized } from './text.ts';

/** The indicators by theme (an indicator of several themes is listed under each), then those without one. */
export function IndicatorCatalogue({ indicators, themes }: { indicators: Indicator[]; themes: IndicatorTheme[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const kinds = ['zaragoza', 'pni', 'custom'];
  const ordered = [...themes].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.order - b.order);
  const known = new Set(themes.map((th) => th.code));
  const sections = [
    ...ordered.map((th) => ({ key: th.code, title: `${t(`indicators.themeKinds.${th.kind}`)} – ${localized(th.name, lang)}`, items: indicators.filter((i) => i.themes.includes(th.code)) })),
    { key: '_none', title: t('indicators.noTheme'), items: indicators.filter((i) => !i.themes.some((c) => known.has(c))) },
  ].filter((s) => s.items.length > 0);
  const byName = (a: Indicator, b: Indicator) => localized(a.name, lang).localeCompare(localized(b.name, lang), lang);

  return (
    <>
      {sections.map((s) => (
        <section key={s.key} aria-labelledby={`theme-${s.key}`} className="mb-4">
          <h2 id={`theme-${s.key}`} className="h4">
            {s.title}
          </h2>
          <Table<Indicator>
            caption={t('indicators.catalogue.caption', { theme: s.title })}
            captionHidden
            rows={[...s.items].sort(byName)}
            rowKey={(i) => i.code}
            columns={[
              { key: 'name', header: t('indicators.fields.name'), rowHeader: true, render: (i) => <Link to={`/indicatori/${i.code}`}>{localized(i.name, lang)}</Link> },
              { key: 'unit', header: t('indicators.fields.unit'), render: (i) => localized(i.unit, lang) || '—' },
              { key: 'aggregation', header: t('indicators.fields.aggregation'), render: (i) => t(`indicators.aggregations.${i.aggregation}`) },
              { key: 'timeRule', header: t('indicators.fields.timeRule'), render: (i) => t(`indicators.timeRulesShort.${i.timeRule}`) },
              { key: 'key', header: t('indicators.catalogue.key'), render: (i) => (i.key ? t('common.yes') : t('common.no')) },
              { key: 'origin', header: t('indicators.catalogue.origin'), render: (i) => t(`indicators.origins.${i.origin}`) },
              { key: 'explore', header: t('indicators.catalogue.explore'), render: (i) => <Link to={`/analisi?indicatore=${i.code}`}>{t('indicators.catalogue.exploreLink')}<span className="visually-hidden"> – {localized(i.name, lang)}</span></Link> },
            ]}
          />
        </section>
      ))}
    </>
  );
}
