import type { council, councilPatch } from '@mosaico/contracts/councils';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type Council = z.infer<typeof council>;
export type CouncilPatch = z.input<typeof councilPatch>;

export function useCouncils(q: { region?: string; q?: string } = {}) {
  return useQuery({
    queryKey: ['councils', q],
    queryFn: ({ signal }) => api<Council[]>('/councils', { query: { ...q }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCouncil(id: number) {
  return useQuery({
    queryKey: ['council', id],
    queryFn: ({ signal }) => api<Council>(`/councils/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useUpdateCouncil(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CouncilPatch) => api<Council>(`/councils/${id}`, { method: 'PATCH', body }),
    onSuccess: (c) => {
      qc.setQueryData(['council', id], c);
      void qc.invalidateQueries({ queryKey: ['councils'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
