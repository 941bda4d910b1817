import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DescriptionList } from '../../ui/DescriptionList.tsx';
import { useFormat } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import type { TerritoryDetail } from './api.ts';

/**
 * ISTAT code, level, car plate, population, area and validity of a territory; above the comune the figures
 * are the sums of its comuni.
 */
export function TerritorySummary({ territory: t0 }: { territory: TerritoryDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const summed = t0.level !== 'comune';
  const year = t0.populationYear;
  const area = t0.areaKm2;
  const population = t0.population;
  return (
      <section aria-labelledby="facts-title" className="mb-4">
        <h2 id="facts-title" className="h4">
          {t('territories.facts')}
        </h2>
        <DescriptionList
          items={[
            { label: t('territories.istatCode'), value: <span className="font-monospace">{t0.code}</span> },
            { label: t('territories.level'), value: t(`territories.levels.${t0.level}`) },
            ...(t0.level === 'province' || t0.level === 'comune' ? [{ label: t('territories.carPlate'), value: t0.carPlate ?? '—' }] : []),
            ...(t0.unitType ? [{ label: t('territories.unitType'), value: t0.unitType }] : []),
            { label: t('territories.nuts'), value: t0.nuts ?? '—' },
            {
              label: summed ? t('territories.populationSum', { year }) : year ? t('territories.populationYear', { year }) : t('territories.population'),
              value: f.integer(population),
            },
            { label: t('territories.area'), value: area == null ? '—' : f.decimal(area) },
            ...(summed ? [{ label: t('territories.comuniCount'), value: f.integer(t0.comuneCount) }] : []),
            ...(t0.level === 'comune' ? [{ label: t('territories.isCapital'), value: t0.isCapital ? t('common.yes') : t('common.no') }] : []),
            ...(t0.nameAlt ? [{ label: t('territories.nameAlt'), value: t0.nameAlt }] : []),
            { label: t('territories.validFrom'), value: f.date(t0.validFrom) },
            { label: t('territories.validTo'), value: t0.validTo ? f.date(t0.validTo) : t('territories.stillValid') },
          ]}
        />
      </section>
  );
}

/** The territory's other codes (ITTER107, NUTS, car plate, historic ISTAT) and its code changes. */
export function TerritoryCodes({ territory: t0, suffix }: { territory: TerritoryDetail; suffix: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const changes = [
    ...t0.predecessors.map((c) => ({ ...c, direction: 'from' as const })),
    ...t0.successors.map((c) => ({ ...c, direction: 'to' as const })),
  ];
  return (
    <>
      <section aria-labelledby="codes-title" className="mb-4">
        <h2 id="codes-title" className="h4">
          {t('territories.otherCodes')}
        </h2>
        <Table
          caption={t('territories.otherCodesCaption', { name: t0.name })}
          captionHidden
          rows={t0.aliases}
          rowKey={(a) => `${a.scheme}-${a.code}-${a.validFrom}`}
          empty={t('territories.noOtherCodes')}
          columns={[
            { key: 'scheme', header: t('territories.scheme'), rowHeader: true, render: (a) => t(`territories.schemes.${a.scheme}`, { defaultValue: a.scheme }) },
            { key: 'code', header: t('territories.code'), render: (a) => <span className="font-monospace">{a.code}</span> },
            { key: 'from', header: t('territories.validFrom'), render: (a) => f.date(a.validFrom) },
            { key: 'to', header: t('territories.validTo'), render: (a) => (a.validTo ? f.date(a.validTo) : t('territories.stillValid')) },
          ]}
        />
      </section>

      <section aria-labelledby="changes-title" className="mb-4">
        <h2 id="changes-title" className="h4">
          {t('territories.changes')}
        </h2>
        <Table
          caption={t('territories.changesCaption', { name: t0.name })}
          captionHidden
          rows={changes}
          rowKey={(c) => `${c.direction}-${c.code}-${c.effectiveDate}`}
          empty={t('territories.noChanges')}
          columns={[
            { key: 'date', header: t('territories.effectiveDate'), render: (c) => f.date(c.effectiveDate) },
            { key: 'direction', header: t('territories.direction'), render: (c) => t(`territories.directions.${c.direction}`) },
            { key: 'kind', header: t('territories.changeKind'), render: (c) => t(`territories.changeKinds.${c.kind}`, { defaultValue: c.kind }) },
            {
              key: 'other',
              header: t('territories.territory'),
              rowHeader: true,
              render: (c) => (
                <Link to={`/territori/${encodeURIComponent(c.code)}${c.direction === 'from' ? `?anno=${Number(c.effectiveDate.slice(0, 4)) - 1}` : suffix}`}>
                  {c.name} ({c.code})
                </Link>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}
