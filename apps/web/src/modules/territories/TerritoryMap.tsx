import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { MapView, type MapValue } from '../../ui/MapView.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { Table } from '../../ui/Table.tsx';
import { useBoundaries } from './api.ts';

interface TerritoryMapProps {
  level: 'region' | 'province';
  /** Draw only the provinces of this region. */
  region?: string;
  at?: string;
  /** The areas drawn with the value that colours them. */
  values: MapValue[];
  /** What the value is ("Popolazione", "Consigli territoriali"). */
  valueName: string;
  title: string;
  /** Screen-reader description of the map. */
  label: string;
  tableCaption: string;
  /** The name of the whole (Italia, Lombardia), for the share column. */
  whole: string;
  suffix: string;
}

/**
 * A choropleth of regions or provinces; clicking an area opens it. The table below it carries the
 * same data and links, as the accessible equivalent.
 */
export function TerritoryMap({ level, region, at, values, valueName, title, label, tableCaption, whole, suffix }: TerritoryMapProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const boundaries = useBoundaries({ level, at, region });
  const total = values.reduce((s, v) => s + (v.value ?? 0), 0);
  const onSelect = useCallback((code: string) => navigate(`/territori/${encodeURIComponent(code)}${suffix}`), [navigate, suffix]);
  const pct = new Intl.NumberFormat(f.locale, { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const share = (n: number | null) => (n == null || !total ? '—' : pct.format(n / total));

  return (
    <section aria-labelledby="map-title" className="mb-5">
      <h2 id="map-title" className="h4">
        {title}
      </h2>
      <figure className="mb-2">
        {boundaries.isPending ? (
          <Loading label={t('territories.loadingMap')} />
        ) : boundaries.isError ? (
          <QueryError error={boundaries.error} onRetry={() => boundaries.refetch()} />
        ) : (
          <MapView
            mapId={`${boundaries.data.id}:${region ?? 'IT'}`}
            topology={boundaries.data.topology}
            values={values}
            label={label}
            valueName={valueName}
            formatValue={f.integer}
            noDataText={t('territories.noData')}
            onSelect={onSelect}
          />
        )}
        <figcaption className="small text-secondary mt-2">
          {t('territories.mapCaption')} {boundaries.data?.attribution ? t('territories.boundariesSource', { source: boundaries.data.attribution }) : null}
        </figcaption>
      </figure>
      <Table
        caption={tableCaption}
        rows={values}
        rowKey={(v) => v.code}
        columns={[
          {
            key: 'name',
            header: t(`territories.levels.${level}`),
            rowHeader: true,
            render: (v) => <Link to={`/territori/${encodeURIComponent(v.code)}${suffix}`}>{v.name}</Link>,
          },
          { key: 'value', header: valueName, numeric: true, render: (v) => f.integer(v.value) },
          { key: 'share', header: t('territories.share', { whole }), numeric: true, render: (v) => share(v.value) },
        ]}
      />
    </section>
  );
}
