import type { target, targetBody, targetList } from '@mosaico/contracts/targets';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type Target = z.infer<typeof target>;
export type TargetFields = z.input<typeof targetBody>;

export function useTargets() {
  return useQuery({ queryKey: ['targets'], queryFn: ({ signal }) => api<z.infer<typeof targetList>>('/targets', { signal }) });
}

export function useSaveTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, fields }: { id?: number; version?: number; fields: TargetFields }) =>
      id ? api<Target>(`/targets/${id}`, { method: 'PATCH', body: { ...fields, version } }) : api<Target>('/targets', { method: 'POST', body: fields }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['targets'] }),
  });
}

export function useDeleteTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api<void>(`/targets/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['targets'] }),
  });
}
