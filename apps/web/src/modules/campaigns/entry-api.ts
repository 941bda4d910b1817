import type { historyEntry, sectionAssignment } from '@mosaico/contracts/campaigns';
import type { previousValues } from '@mosaico/contracts/submission-previous';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import type { Submission, ValuesResult } from './api.ts';

export type HistoryEntry = z.infer<typeof historyEntry>;
export type PreviousValues = z.infer<typeof previousValues>;
export type SectionAssignment = z.infer<typeof sectionAssignment>;

/** One batch of values, checked against the revision the page last saw. */
export function putValues(id: number, values: Record<string, unknown>, expectedRevision: number, keepalive = false) {
  return api<ValuesResult>(`/submissions/${id}/values`, { method: 'PUT', body: { values, expectedRevision }, keepalive });
}

/** The submission as the server has it now (after a conflict), also refreshing the page's copy. */
export function useFetchSubmission(id: number) {
  const qc = useQueryClient();
  return () => qc.fetchQuery({ queryKey: ['submissions', id], queryFn: ({ signal }) => api<Submission>(`/submissions/${id}`, { signal }), staleTime: 0 });
}

export function usePreviousValues(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['submissions', id, 'previous-values'],
    queryFn: ({ signal }) => api<PreviousValues>(`/submissions/${id}/previous-values`, { signal }),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The changes of one item and its cells; refetched when opened again after a save. */
export function useItemHistory(id: number, item: string, enabled: boolean) {
  return useQuery({
    queryKey: ['submissions', id, 'history', item],
    queryFn: ({ signal }) => api<HistoryEntry[]>(`/submissions/${id}/history`, { query: { item }, signal }),
    enabled,
  });
}

export function useSubmissionHistory(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['submissions', id, 'history', null],
    queryFn: ({ signal }) => api<HistoryEntry[]>(`/submissions/${id}/history`, { signal }),
    enabled,
  });
}

export function useAssignSection(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ section, organizationId }: { section: string; organizationId: number | null }) =>
      api<SectionAssignment[]>(`/submissions/${id}/sections/${encodeURIComponent(section)}/assignment`, { method: 'PUT', body: { organizationId } }),
    onSuccess: (assignments) => {
      qc.setQueryData<Submission>(['submissions', id], (old) => (old ? { ...old, assignments } : old));
      void qc.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
}
