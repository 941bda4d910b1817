import type { territory, territoryDetail } from '@mosaico/contracts/territories';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type Territory = z.infer<typeof territory>;
export type TerritoryDetail = z.infer<typeof territoryDetail>;
export type TerritoryLevel = Territory['level'];

export interface TerritoryQuery {
  level?: 'region' | 'province' | 'comune';
  parent?: string;
  at?: string;
  q?: string;
}

export function useTerritories(q: TerritoryQuery, enabled = true) {
  return useQuery({
    queryKey: ['territories', q],
    queryFn: ({ signal }) => api<{ at: string; items: Territory[] }>('/territories', { query: { ...q }, signal }),
    enabled,
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useTerritory(code: string, at?: string) {
  return useQuery({
    queryKey: ['territory', code, at ?? null],
    queryFn: ({ signal }) => api<TerritoryDetail>(`/territories/${encodeURIComponent(code)}`, { query: { at }, signal }),
    staleTime: 10 * 60_000,
  });
}

export interface Boundaries {
  id: string;
  at: string;
  attribution: string;
  topology: unknown;
}

export function useBoundaries(q: { level: 'region' | 'province'; at?: string; region?: string }) {
  return useQuery({
    queryKey: ['boundaries', q],
    queryFn: ({ signal }) => api<Boundaries>('/boundaries', { query: { ...q }, signal }),
    staleTime: 60 * 60_000,
  });
}
