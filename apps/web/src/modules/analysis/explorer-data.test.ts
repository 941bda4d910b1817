import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../indicators/api.ts';
import { rowsOfYear, yearsWithData } from './explorer-data.ts';

const v = (code: string, period: string, value: number | null): IndicatorValue => ({
  territory: { id: 1, code, name: code, level: 'province' },
  period,
  value,
  numerator: value,
  denominator: null,
  reason: value == null ? 'no_data' : null,
  provisional: false,
  sources: ['import'],
});

describe('explorer data', () => {
  const values = [v('015', '2022', 10), v('015', '2023', 12), v('016', '2023', 12), v('017', '2023', 5), v('018', '2023', null), v('018', '2021', null)];

  it('lists the years with a value, latest first', () => {
    expect(yearsWithData(values)).toEqual(['2023', '2022']);
  });

  it('ranks the year by value with ties sharing a position, and gives the change on the previous year', () => {
    const rows = new Map(rowsOfYear(values, '2023').map((r) => [r.code, r]));
    expect(rows.get('015')).toMatchObject({ rank: 1, previous: 10, change: 2 });
    expect(rows.get('016')).toMatchObject({ rank: 1, previous: null, change: null });
    expect(rows.get('017')?.rank).toBe(3);
    expect(rows.get('018')).toMatchObject({ rank: null, value: null });
  });
});
