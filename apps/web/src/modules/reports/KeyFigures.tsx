import { useTranslation } from 'react-i18next';
import type { Block } from './blocks.ts';
import { useReportNumber } from './useNumber.ts';

/** Key figures as cards: the value, the change on the previous year, the region and Italy, each labelled in words. */
export function KeyFigures({ block }: { block: Block<'key_figures'> }) {
  const { t } = useTranslation();
  const n = useReportNumber();
  return (
    <ul className="report-key-figures list-unstyled row g-3">
      {block.items.map((f) => (
        <li key={f.indicator} className="col-12 col-md-6 col-xl-4">
          <div className="card card-bg h-100 p-3">
            <p className="fw-semibold mb-1">{f.label}</p>
            <p className="report-figure-value mb-2">
              {f.value == null ? (
                <span className="report-figure-missing">{f.reason ? t(`reports.figures.reasons.${f.reason}`, { defaultValue: t('reports.figures.noValue') }) : t('reports.figures.noValue')}</span>
              ) : (
                n.withUnit(f.value, f.decimals, f.unit)
              )}
            </p>
            <dl className="report-figure-facts mb-0 small">
              <div>
                <dt>{t('reports.figures.period')}</dt>
                <dd>
                  {f.period}
                  {f.provisional ? ` (${t('reports.figures.provisional')})` : ''}
                </dd>
              </div>
              <div>
                <dt>{t('reports.figures.change')}</dt>
                <dd>{n.signed(f.change, f.decimals, f.unit)}</dd>
              </div>
              <div>
                <dt>{t('reports.figures.region')}</dt>
                <dd>{n.withUnit(f.region, f.decimals, f.unit)}</dd>
              </div>
              <div>
                <dt>{t('reports.figures.italy')}</dt>
                <dd>{n.withUnit(f.italy, f.decimals, f.unit)}</dd>
              </div>
            </dl>
          </div>
        </li>
      ))}
    </ul>
  );
}
