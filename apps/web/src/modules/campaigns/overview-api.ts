import type { campaignOverview, contribution, overviewRow } from '@mosaico/contracts/campaign-overview';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUrl } from '../../api/client.ts';

export type CampaignOverview = z.infer<typeof campaignOverview>;
export type OverviewRow = z.infer<typeof overviewRow>;
export type Contribution = z.infer<typeof contribution>;

/** The overview's filters as the API names them (absent: no filter). */
export interface OverviewFilters {
  region?: string;
  status?: string;
  overdue?: 'true' | 'false';
}

const validId = (id: number) => Number.isInteger(id) && id > 0;

export function useCampaignOverview(id: number, filters: OverviewFilters, enabled = true) {
  return useQuery({
    queryKey: ['campaigns', id, 'overview', filters],
    queryFn: ({ signal }) => api<CampaignOverview>(`/campaigns/${id}/overview`, { query: { ...filters }, signal }),
    enabled: enabled && validId(id),
    // Changing a filter keeps the previous table on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

export function useContributions(id: number, enabled = true) {
  return useQuery({
    queryKey: ['campaigns', id, 'contributions'],
    queryFn: ({ signal }) => api<Contribution[]>(`/campaigns/${id}/contributions`, { signal }),
    enabled: enabled && validId(id),
  });
}

/** The export of the overview with the same filters, in the interface language. */
export function overviewExportUrl(id: number, filters: OverviewFilters, format: 'csv' | 'xlsx', lang: string): string {
  return apiUrl(`/campaigns/${id}/submissions.${format}`, { ...filters, lang });
}
