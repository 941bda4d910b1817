import { SUBMISSION_STATUSES } from '@mosaico/contracts/campaigns';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type CategoryArea, CategoryMapView, type MapCategory } from '../../ui/CategoryMapView.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useBoundaries } from '../territories/api.ts';
import type { OverviewRow } from './overview-api.ts';
import { percent } from './percent.ts';
import { OTHER_STYLE, STATUS_STYLE } from './status-map-style.ts';

/** Councils map to the provinces of the 2017–2025 layout: their boundaries are drawn at a day inside it. */
const COUNCIL_LAYOUT_DAY = '2025-12-31';

interface OverviewMapProps {
  rows: OverviewRow[];
  /** ISTAT code of the region filtered on: the map shows (and fits) its provinces only. */
  region?: { code: string; name: string } | null;
  locale: string;
}

/** Provinces coloured and patterned by the status of their council's submission; a click opens the submission. */
export function OverviewMap({ rows, region, locale }: OverviewMapProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const boundaries = useBoundaries({ level: 'province', at: COUNCIL_LAYOUT_DAY, region: region?.code });
  const categories: MapCategory[] = useMemo(() => SUBMISSION_STATUSES.map((s) => ({ key: s, label: t(`campaigns.status.${s}`), ...STATUS_STYLE[s] })), [t]);
  const other: MapCategory = useMemo(() => ({ key: 'other', label: t('campaignOverview.map.other'), ...OTHER_STYLE }), [t]);
  const { areas, submissionOf } = useMemo(() => {
    const submissionOf = new Map<string, number>();
    const areas: CategoryArea[] = rows.flatMap((r) =>
      r.provinceCodes.map((code) => {
        submissionOf.set(code, r.submissionId);
        return {
          code,
          category: r.status,
          outlined: r.overdue,
          tooltip: [
            r.council.name,
            `${t('campaigns.overview.status')}: ${t(`campaigns.status.${r.status}`)}${r.overdue ? ` – ${t('campaignOverview.overdue')}` : ''}`,
            `${t('campaigns.overview.completeness')}: ${percent(r.completeness, locale)}`,
          ],
        };
      }),
    );
    return { areas, submissionOf };
  }, [rows, t, locale]);
  const onSelect = useCallback(
    (code: string) => {
      const id = submissionOf.get(code);
      if (id) navigate(`/compilazioni/${id}`);
    },
    [navigate, submissionOf],
  );

  if (boundaries.isPending) return <Loading label={t('territories.loadingMap')} />;
  if (boundaries.isError) return <QueryError error={boundaries.error} onRetry={() => boundaries.refetch()} />;
  return (
    <figure className="mb-0">
      <CategoryMapView
        mapId={`${boundaries.data.id}:${region?.code ?? 'IT'}`}
        topology={boundaries.data.topology}
        categories={categories}
        areas={areas}
        otherCategory={other}
        label={t('campaignOverview.map.label', { where: region?.name ?? t('campaignOverview.italy') })}
        onSelect={onSelect}
      />
      <figcaption className="small text-secondary mt-2">
        {t('campaignOverview.map.caption')} {t('territories.boundariesSource', { source: boundaries.data.attribution })}
      </figcaption>
    </figure>
  );
}
