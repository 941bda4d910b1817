import type { IndicatorValue } from '../indicators/api.ts';

/** One territory's value in the year shown, beside the previous year's. */
export interface TerritoryRow {
  code: string;
  name: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reason: IndicatorValue['reason'];
  provisional: boolean;
  previous: number | null;
  /** value − previous (null when either is missing). */
  change: number | null;
  /** Position in the ranking (1 = highest value); null without a value. */
  rank: number | null;
}

/** The years that have at least one value, latest first. */
export function yearsWithData(values: IndicatorValue[]): string[] {
  return [...new Set(values.filter((v) => v.value != null).map((v) => v.period.slice(0, 4)))].sort().reverse();
}

/** The year before a year ("2023" → "2022"). */
export function previousYear(year: string): string {
  return String(Number(year) - 1);
}

/** Each territory's row for `year`, from all the years' values of one level, ranked by value (highest first). */
export function rowsOfYear(values: IndicatorValue[], year: string): TerritoryRow[] {
  const prevYear = previousYear(year);
  const previous = new Map(values.filter((v) => v.period === prevYear).map((v) => [v.territory.code, v.value]));
  const rows: TerritoryRow[] = values
    .filter((v) => v.period === year)
    .map((v) => {
      const prev = previous.get(v.territory.code) ?? null;
      return {
        code: v.territory.code,
        name: v.territory.name,
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        reason: v.reason,
        provisional: v.provisional,
        previous: prev,
        change: v.value != null && prev != null ? v.value - prev : null,
        rank: null,
      };
    });
  const ranked = rows.filter((r) => r.value != null).sort((a, b) => (b.value as number) - (a.value as number));
  // Equal values share a position (1, 2, 2, 4).
  ranked.forEach((r, i) => {
    r.rank = i > 0 && ranked[i - 1].value === r.value ? ranked[i - 1].rank : i + 1;
  });
  return rows;
}

/** One territory's values by year, oldest first. */
export function seriesOf(values: IndicatorValue[], code: string): Map<string, IndicatorValue> {
  return new Map(
    values
      .filter((v) => v.territory.code === code)
      .sort((a, b) => a.period.localeCompare(b.period))
      .map((v) => [v.period, v]),
  );
}
