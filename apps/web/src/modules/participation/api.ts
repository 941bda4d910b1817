import type { overviewScope, participationOverview } from '@mosaico/contracts/participation-overview';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type Overview = z.infer<typeof participationOverview>;
export type OverviewScope = z.infer<typeof overviewScope>;

export function useOverviewScopes() {
  return useQuery({ queryKey: ['participation-scopes'], queryFn: ({ signal }) => api<{ items: OverviewScope[] }>('/participation/scopes', { signal }), staleTime: 5 * 60_000 });
}

/** `scope` is "nation", "region:<id>" or "council:<id>"; empty for the caller's own place. */
export function useOverview(scope: string, year: number) {
  const [type, id] = scope.split(':');
  const query = { year, regionId: type === 'region' ? id : undefined, councilId: type === 'council' ? id : undefined };
  return useQuery({
    queryKey: ['participation-overview', scope, year],
    queryFn: ({ signal }) => api<Overview>('/participation/overview', { query, signal }),
    placeholderData: keepPreviousData,
    // Without a place the caller has none to see: the page says so instead of asking.
    enabled: scope !== '',
  });
}
