import { describe, expect, it } from 'vitest';
import type { ProfileResponse } from '../indicators/api.ts';
import { fullestPeriod } from './Dashboard.tsx';

const ref = { id: 1, code: '215', name: 'Milano', level: 'province' as const };
const point = (period: string, value: number | null) => ({ period, value, numerator: null, denominator: null, reason: null, provisional: false, change: null, changePercent: null });
const entry = (code: string, points: ReturnType<typeof point>[]) => ({
  indicator: { code, name: { it: code }, unit: null, decimals: 1, factor: 1, themes: [], aggregation: 'sum' as const, timeRule: 'stock' as const },
  series: [{ territory: ref, points }],
});

describe('fullestPeriod', () => {
  it('takes the latest year with the most key indicators, not a newer year with a single monthly figure', () => {
    const p: ProfileResponse = {
      territory: ref,
      region: null,
      nation: { ...ref, code: 'IT', level: 'nation' },
      periods: ['2022', '2023', '2025'],
      indicators: [entry('a', [point('2022', 1), point('2023', 2)]), entry('b', [point('2022', 1), point('2023', 3)]), entry('c', [point('2023', 1), point('2025', 4)])],
    };
    expect(fullestPeriod(p)).toBe('2023');
  });
});
