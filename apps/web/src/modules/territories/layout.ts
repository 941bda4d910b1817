import { useSearchParams } from 'react-router';

/** The first year with boundaries and codes in the shipped reference data. */
export const FIRST_LAYOUT_YEAR = 2017;

/**
 * The territorial layout chosen with ?anno=YYYY: the current year means today (the API's default);
 * an earlier year means that year's last day, e.g. 2023 → 2023-12-31 (Sardinia's five old provinces).
 */
export function useLayoutYear() {
  const [params] = useSearchParams();
  const current = new Date().getFullYear();
  const raw = Number(params.get('anno'));
  const year = Number.isInteger(raw) && raw >= FIRST_LAYOUT_YEAR && raw < current ? raw : current;
  const at = year === current ? undefined : `${year}-12-31`;
  return { year, at, isCurrent: year === current, currentYear: current, suffix: year === current ? '' : `?anno=${year}` };
}

export function layoutYears(current: number): number[] {
  const years: number[] = [];
  for (let y = current; y >= FIRST_LAYOUT_YEAR; y--) years.push(y);
  return years;
}
