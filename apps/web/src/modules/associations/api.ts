import type { association, joinRequest, logEntry, participation } from '@mosaico/contracts/associations';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import type { Me } from '../auth/api.ts';
import { hasRole } from '../auth/permissions.ts';

export type Association = z.infer<typeof association>;
export type LogEntry = z.infer<typeof logEntry>;
export type Participation = z.infer<typeof participation>;
export type JoinRequest = z.infer<typeof joinRequest>;

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type AssociationFilters = Partial<Record<'q' | 'status' | 'sector' | 'community' | 'language' | 'councilId', string>> & { page?: number; pageSize?: number };

/** Who registers associations and verifies join requests (the API checks the scope). */
export const canKeepAssociations = (me: Me | null | undefined) => hasRole(me, 'national_admin', 'regional_coordinator', 'council_referent');
export function useAssociations(filters: AssociationFilters) {
  return useQuery({
    queryKey: ['associations', filters],
    queryFn: ({ signal }) => api<Page<Association>>('/associations', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAssociation(id: number) {
  return useQuery({ queryKey: ['association', id], queryFn: ({ signal }) => api<Association>(`/associations/${id}`, { signal }), enabled: id > 0 });
}

export function useAssociationLog(id: number, enabled: boolean) {
  return useQuery({ queryKey: ['association', id, 'log'], queryFn: ({ signal }) => api<{ items: LogEntry[] }>(`/associations/${id}/log`, { signal }), enabled: id > 0 && enabled });
}

export function useParticipation(id: number) {
  return useQuery({ queryKey: ['association', id, 'participation'], queryFn: ({ signal }) => api<Participation>(`/associations/${id}/participation`, { signal }), enabled: id > 0 });
}

function useInvalidate(id?: number) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['associations'] });
    if (id) void qc.invalidateQueries({ queryKey: ['association', id] });
    void qc.invalidateQueries({ queryKey: ['join-requests'] });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export interface AssociationInput {
  name: string;
  territoryCode: string;
  legalForm: string;
  communities: string[];
  languages: string[];
  sectors: string[];
  activities: string;
  email: string;
  phone: string;
  website: string;
  contactPerson: string;
}

export function useCreateAssociation() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: AssociationInput) => api<Association>('/associations', { method: 'POST', body }), onSuccess: invalidate });
}

export function useUpdateAssociation(id: number) {
  const invalidate = useInvalidate(id);
  return useMutation({ mutationFn: (body: object) => api<Association>(`/associations/${id}`, { method: 'PATCH', body }), onSuccess: invalidate });
}

export function useChangeStatus(id: number) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (body: { status: string; date: string; note: string; version: number }) => api<Association>(`/associations/${id}/status`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useAddLogEntry(id: number) {
  const invalidate = useInvalidate(id);
  return useMutation({ mutationFn: (body: { date: string; kind: string; summary: string }) => api<LogEntry>(`/associations/${id}/log`, { method: 'POST', body }), onSuccess: invalidate });
}

export function useJoinRequests(status: string) {
  return useQuery({
    queryKey: ['join-requests', status],
    queryFn: ({ signal }) => api<Page<JoinRequest>>('/associations/join-requests', { query: { status: status || undefined, pageSize: 100 }, signal }),
  });
}

export function useDecideJoinRequest() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: number; action: 'accept' | 'reject'; body: object }) => api<unknown>(`/associations/join-requests/${id}/${action}`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useEraseJoinRequest() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: number) => api<JoinRequest>(`/associations/join-requests/${id}/personal-data`, { method: 'DELETE' }), onSuccess: invalidate });
}

export function useJoinProvinces() {
  return useQuery({ queryKey: ['join-provinces'], queryFn: ({ signal }) => api<{ items: { code: string; name: string }[] }>('/public/associations/provinces', { signal }), staleTime: 60 * 60_000 });
}

export function useSendJoinRequest() {
  return useMutation({ mutationFn: (body: object) => api<{ id: number; council: { name: string } }>('/public/associations/join-requests', { method: 'POST', body }) });
}

/** "Senegal, Gambia" → ["Senegal", "Gambia"]: lists are typed as comma-separated words. */
export const splitWords = (s: string) =>
  s
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
