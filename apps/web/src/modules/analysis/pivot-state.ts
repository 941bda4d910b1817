import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { IndicatorLevel, PivotQuery } from '../indicators/api.ts';

// Address parameters (Italian, shareable): misura=indicator:<code>|element:<code>, livello=provincia|regione|italia,
// anni=2022,2023, disaggregazione=<category>, territorio=<region code>, righe=territori|anni.
const LEVELS: Record<string, IndicatorLevel> = { provincia: 'province', regione: 'region', italia: 'nation' };
const SLUGS: Record<IndicatorLevel, string> = { province: 'provincia', region: 'regione', nation: 'italia' };

export interface PivotState {
  measure: string;
  level: IndicatorLevel;
  periods: string[];
  breakdown: string;
  territory: string;
  rows: 'territories' | 'periods';
}

export function usePivotState() {
  const [params, setParams] = useSearchParams();
  const state: PivotState = useMemo(
    () => ({
      measure: params.get('misura') ?? '',
      level: LEVELS[params.get('livello') ?? ''] ?? 'region',
      periods: (params.get('anni') ?? '').split(',').filter((y) => /^\d{4}$/.test(y)),
      breakdown: params.get('disaggregazione') ?? '',
      territory: params.get('territorio') ?? '',
      rows: params.get('righe') === 'anni' ? 'periods' : 'territories',
    }),
    [params],
  );
  const apply = useCallback(
    (s: PivotState) => {
      const next = new URLSearchParams();
      if (s.measure) next.set('misura', s.measure);
      next.set('livello', SLUGS[s.level]);
      if (s.periods.length) next.set('anni', [...s.periods].sort().join(','));
      if (s.breakdown && s.measure.startsWith('element:')) next.set('disaggregazione', s.breakdown);
      if (s.territory && s.level !== 'nation') next.set('territorio', s.territory);
      if (s.rows === 'periods') next.set('righe', 'anni');
      setParams(next);
    },
    [setParams],
  );
  return { state, apply };
}

/** The API query of a pivot state (empty choices left out). */
export function pivotQueryOf(s: PivotState): PivotQuery {
  return {
    measure: s.measure,
    level: s.level,
    periods: s.periods.length ? [...s.periods].sort().join(',') : undefined,
    breakdown: s.measure.startsWith('element:') && s.breakdown ? s.breakdown : undefined,
    territory: s.level !== 'nation' && s.territory ? s.territory : undefined,
  };
}
