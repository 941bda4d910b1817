import { describe, expect, it } from 'vitest';
import type { TerritoryRow } from './explorer-data.ts';
import { sortRows } from './RankingTable.tsx';

const row = (name: string, value: number | null, change: number | null = null): TerritoryRow => ({
  code: name,
  name,
  value,
  numerator: value,
  denominator: null,
  reason: value == null ? 'no_data' : null,
  provisional: false,
  previous: null,
  change,
  rank: null,
});

describe('sortRows', () => {
  const rows = [row('Lodi', 10, 1), row('Como', null), row('Bergamo', 30, -2), row('Aosta', 10, null)];

  it('sorts by value either way, ties by name, missing values last in both directions', () => {
    expect(sortRows(rows, { key: 'value', dir: 'desc' }, 'it').map((r) => r.name)).toEqual(['Bergamo', 'Aosta', 'Lodi', 'Como']);
    expect(sortRows(rows, { key: 'value', dir: 'asc' }, 'it').map((r) => r.name)).toEqual(['Aosta', 'Lodi', 'Bergamo', 'Como']);
  });

  it('sorts by name and by change', () => {
    expect(sortRows(rows, { key: 'name', dir: 'asc' }, 'it').map((r) => r.name)).toEqual(['Aosta', 'Bergamo', 'Como', 'Lodi']);
    expect(sortRows(rows, { key: 'change', dir: 'desc' }, 'it').map((r) => r.name)).toEqual(['Lodi', 'Bergamo', 'Aosta', 'Como']);
  });
});
