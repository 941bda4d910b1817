import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TextField } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { type Column, Table } from '../../ui/Table.tsx';
import type { Territory } from './api.ts';

interface TerritoryListProps {
  items: Territory[];
  level: 'region' | 'province' | 'comune';
  caption: string;
  suffix: string;
  /** Show a box that filters the rows by name or code. */
  filterable?: boolean;
}

function normalise(s: string) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The table of regions, provinces or comuni: code, name (link), car plate, population, area. */
export function TerritoryList({ items, level, caption, suffix, filterable }: TerritoryListProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter);
  const rows = useMemo(() => {
    const q = normalise(deferred.trim());
    if (!q) return items;
    return items.filter((i) => normalise(i.name).includes(q) || i.code.includes(q) || (i.carPlate ?? '').toLowerCase() === q);
  }, [items, deferred]);

  const columns: Column<Territory>[] = [
    { key: 'code', header: t('territories.istatCode'), render: (i) => <span className="font-monospace">{i.code}</span> },
    { key: 'name', header: t(`territories.levels.${level}`), rowHeader: true, render: (i) => <Link to={`/territori/${encodeURIComponent(i.code)}${suffix}`}>{i.name}</Link> },
  ];
  if (level === 'region') columns.push({ key: 'nuts', header: t('territories.nuts'), render: (i) => i.nuts ?? '—' });
  if (level !== 'region') columns.push({ key: 'plate', header: t('territories.carPlate'), render: (i) => i.carPlate ?? '—' });
  if (level === 'province') columns.push({ key: 'type', header: t('territories.unitType'), render: (i) => i.unitType ?? '—' });
  if (level !== 'comune') columns.push({ key: 'comuni', header: t('territories.comuniCount'), numeric: true, render: (i) => f.integer(i.comuneCount) });
  if (items.some((i) => i.population != null)) columns.push({ key: 'population', header: t('territories.population'), numeric: true, render: (i) => f.integer(i.population) });
  if (items.some((i) => i.areaKm2 != null)) columns.push({ key: 'area', header: t('territories.areaShort'), numeric: true, render: (i) => (i.areaKm2 == null ? '—' : f.decimal(i.areaKm2)) });

  return (
    <>
      {filterable && (
        <div className="row">
          <div className="col-md-6">
            <TextField
              id={`filter-${level}`}
              type="search"
              label={t('territories.filter', { what: t(`territories.levelsPlural.${level}`) })}
              hint={t('territories.filterHint')}
              value={filter}
              onChange={setFilter}
              autoComplete="off"
            />
          </div>
        </div>
      )}
      {filterable && (
        <p className="small" role="status" aria-live="polite">
          {t('territories.shown', { count: rows.length, total: items.length })}
        </p>
      )}
      <Table caption={caption} rows={rows} rowKey={(i) => i.code} columns={columns} empty={t('territories.noneFound')} />
    </>
  );
}
