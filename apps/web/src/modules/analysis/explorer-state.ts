import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type MapLevel = 'province' | 'region';

// Address parameters (Italian, shareable): indicatore, livello=provincia|regione, anno, territorio, vista=tabella,
// serie=tabella.
const LEVEL_PARAM: Record<string, MapLevel> = { provincia: 'province', regione: 'region' };
export const LEVEL_SLUG: Record<MapLevel, string> = { province: 'provincia', region: 'regione' };

export interface ExplorerState {
  indicator: string;
  level: MapLevel;
  /** A year, or '' for the latest with data. */
  year: string;
  /** The territory followed in the time series ('' = none chosen yet). */
  territory: string;
  mapView: 'map' | 'table';
  seriesView: 'chart' | 'table';
}

/** The explorer's choices, kept in the address so a view can be shared or bookmarked. */
export function useExplorerState() {
  const [params, setParams] = useSearchParams();
  const state: ExplorerState = useMemo(
    () => ({
      indicator: params.get('indicatore') ?? '',
      level: LEVEL_PARAM[params.get('livello') ?? ''] ?? 'province',
      year: /^\d{4}$/.test(params.get('anno') ?? '') ? (params.get('anno') as string) : '',
      territory: params.get('territorio') ?? '',
      mapView: params.get('vista') === 'tabella' ? 'table' : 'map',
      seriesView: params.get('serie') === 'tabella' ? 'table' : 'chart',
    }),
    [params],
  );
  const update = useCallback(
    (patch: Partial<ExplorerState>, opts: { replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          const put = (name: string, value: string | undefined) => (value ? next.set(name, value) : next.delete(name));
          if (patch.indicator !== undefined) put('indicatore', patch.indicator);
          if (patch.level !== undefined) put('livello', LEVEL_SLUG[patch.level]);
          if (patch.year !== undefined) put('anno', patch.year);
          if (patch.territory !== undefined) put('territorio', patch.territory);
          if (patch.mapView !== undefined) put('vista', patch.mapView === 'table' ? 'tabella' : '');
          if (patch.seriesView !== undefined) put('serie', patch.seriesView === 'table' ? 'tabella' : '');
          return next;
        },
        { replace: opts.replace, preventScrollReset: true },
      );
    },
    [setParams],
  );
  return { state, update };
}
