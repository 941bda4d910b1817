import { SUBMISSION_STATUSES } from '@mosaico/contracts/campaigns';
import { useTranslation } from 'react-i18next';
import { Swatch } from '../../ui/CategoryMapView.tsx';
import { useFormat } from '../../ui/format.ts';
import type { CampaignOverview } from './overview-api.ts';
import { percent } from './percent.ts';
import { OTHER_STYLE, STATUS_STYLE } from './status-map-style.ts';

/**
 * The counts by status, overdue and overall completeness; each line carries the colour and pattern the map
 * uses for it, so this list is also the map's legend.
 */
export function OverviewSummary({ overview, where }: { overview: CampaignOverview; where?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const s = overview.summary;
  const share = s.completeness.expected ? Math.round((100 * s.completeness.filled) / s.completeness.expected) : 0;
  return (
    <section aria-labelledby="overview-summary-title" className="mb-4">
      <h3 id="overview-summary-title" className="h5">
        {t('campaignOverview.summary.title', { where: where ?? t('campaignOverview.allRegions') })}
      </h3>
      <p className="small text-secondary">{t('campaignOverview.summary.legendHint')}</p>
      <ul className="list-unstyled mb-3">
        {SUBMISSION_STATUSES.map((status) => (
          <li key={status} className="d-flex align-items-center gap-2 mb-1">
            <Swatch category={STATUS_STYLE[status]} />
            <span>
              {t(`campaigns.status.${status}`)}: <strong>{f.integer(s.byStatus[status])}</strong>
            </span>
          </li>
        ))}
        <li className="d-flex align-items-center gap-2 mb-1">
          <Swatch category={STATUS_STYLE.draft} outlined />
          <span>
            {t('campaignOverview.summary.overdue')}: <strong>{f.integer(s.overdue)}</strong>
          </span>
        </li>
        <li className="d-flex align-items-center gap-2 mb-1">
          <Swatch category={OTHER_STYLE} />
          <span>{t('campaignOverview.map.other')}</span>
        </li>
      </ul>
      <p className="mb-1">
        {t('campaignOverview.summary.total')}: <strong>{f.integer(s.total)}</strong>
      </p>
      <p className="mb-1" id="overview-completeness">
        {t('campaignOverview.summary.completeness')}: <strong>{percent(s.completeness, f.locale)}</strong>
      </p>
      <div className="progress" style={{ height: 8 }}>
        <div
          className="progress-bar bg-primary"
          role="progressbar"
          aria-labelledby="overview-completeness"
          aria-valuenow={share}
          aria-valuemin={0}
          aria-valuemax={100}
          style={{ width: `${share}%` }}
        />
      </div>
    </section>
  );
}
