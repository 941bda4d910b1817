import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../indicators/api.ts';
import { useIndicatorFormat } from '../indicators/text.ts';
import type { TerritoryRow } from './explorer-data.ts';

type SortKey = 'rank' | 'name' | 'value' | 'numerator' | 'denominator' | 'change';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const NUMERIC: SortKey[] = ['value', 'numerator', 'denominator', 'change'];

/** Sorts rows by a column; missing figures go last whichever the direction. */
export function sortRows(rows: TerritoryRow[], { key, dir }: Sort, locale: string): TerritoryRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: TerritoryRow, b: TerritoryRow) => a.name.localeCompare(b.name, locale);
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    const x = a[key];
    const y = b[key];
    if (x == null || y == null) return x == null && y == null ? byName(a, b) : x == null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

interface RankingTableProps {
  indicator: Indicator;
  rows: TerritoryRow[];
  year: string;
  caption: string;
  /** The territory followed in the time series: its row is marked. */
  selected?: string;
  onSelect?: (code: string) => void;
}

/** Every territory of the year with value, numerator, denominator and change; the headers sort it. */
export function RankingTable({ indicator, rows, year, caption, selected, onSelect }: RankingTableProps) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const captionId = useId();
  const [sort, setSort] = useState<Sort>({ key: 'rank', dir: 'asc' });
  const sorted = useMemo(() => sortRows(rows, sort, fmt.locale), [rows, sort, fmt.locale]);
  const headers: { key: SortKey; label: string }[] = [
    { key: 'rank', label: t('analysis.ranking.rank') },
    { key: 'name', label: t('analysis.ranking.territory') },
    { key: 'value', label: t('analysis.ranking.value', { year }) },
    { key: 'numerator', label: t('analysis.ranking.numerator') },
    { key: 'denominator', label: t('analysis.ranking.denominator') },
    { key: 'change', label: t('analysis.ranking.change', { year: Number(year) - 1 }) },
  ];
  const activate = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: NUMERIC.includes(key) ? 'desc' : 'asc' }));
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined);
  const hasDenominator = rows.some((r) => r.denominator != null);

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-responsive mb-3" aria-labelledby={captionId} tabIndex={0}>
      <table className="table table-striped table-hover align-middle ranking-table">
        <caption id={captionId} className="caption-top">
          {caption}
          <span className="visually-hidden">. {t('analysis.ranking.sortHint')}</span>
        </caption>
        <thead>
          <tr>
            {headers
              .filter((h) => hasDenominator || h.key !== 'denominator')
              .map((h) => (
                <th key={h.key} scope="col" aria-sort={ariaSort(h.key)} className={h.key === 'name' ? undefined : 'text-end'}>
                  <button type="button" className="btn btn-link p-0 sort-button" onClick={() => activate(h.key)}>
                    {h.label}
                    <span aria-hidden="true" className="ms-1">
                      {sort.key === h.key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.code} className={r.code === selected ? 'is-selected' : undefined}>
              <td className="text-end">{r.rank ?? '—'}</td>
              <th scope="row" className="fw-normal">
                {onSelect ? (
                  <button type="button" className="btn btn-link p-0 text-start" aria-pressed={r.code === selected} onClick={() => onSelect(r.code)}>
                    {r.name}
                  </button>
                ) : (
                  r.name
                )}
              </th>
              <td className="text-end text-nowrap">
                {r.value != null ? fmt.value(r.value, indicator) : <span className="text-secondary">{t(`analysis.reasons.${r.reason ?? 'no_data'}`)}</span>}
                {r.provisional && <span className="ms-1">{t('analysis.provisionalMark')}</span>}
              </td>
              <td className="text-end text-nowrap">{fmt.amount(r.numerator)}</td>
              {hasDenominator && <td className="text-end text-nowrap">{fmt.amount(r.denominator)}</td>}
              <td className="text-end text-nowrap">{fmt.change(r.change, indicator)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
