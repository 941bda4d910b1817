import type { member, workingGroup, workingGroupDetail } from '@mosaico/contracts/working-groups';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type WorkingGroup = z.infer<typeof workingGroup>;
export type WorkingGroupDetail = z.infer<typeof workingGroupDetail>;
export type Member = z.infer<typeof member>;

export function useWorkingGroups(filters: { q?: string; active?: string; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: ['working-groups', filters],
    queryFn: ({ signal }) => api<{ items: WorkingGroup[]; total: number; page: number; pageSize: number }>('/working-groups', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useWorkingGroup(id: number) {
  return useQuery({ queryKey: ['working-group', id], queryFn: ({ signal }) => api<WorkingGroupDetail>(`/working-groups/${id}`, { signal }), enabled: id > 0 });
}

function useInvalidate(id?: number) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['working-groups'] });
    if (id) void qc.invalidateQueries({ queryKey: ['working-group', id] });
  };
}

export function useCreateWorkingGroup() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: object) => api<WorkingGroup>('/working-groups', { method: 'POST', body }), onSuccess: invalidate });
}

export function useAddMember(id: number) {
  const invalidate = useInvalidate(id);
  return useMutation({ mutationFn: (body: object) => api<Member>(`/working-groups/${id}/members`, { method: 'POST', body }), onSuccess: invalidate });
}

export function useRemoveMember(id: number) {
  const invalidate = useInvalidate(id);
  return useMutation({ mutationFn: (memberId: number) => api<unknown>(`/working-groups/${id}/members/${memberId}`, { method: 'DELETE' }), onSuccess: invalidate });
}
