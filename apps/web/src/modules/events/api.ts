import type { eventDetail, eventInvitation, eventMaterial, eventOptions, eventRegistration, eventSession, eventSummary } from '@mosaico/contracts/events';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUrl } from '../../api/client.ts';

export type EventSummary = z.infer<typeof eventSummary>;
export type EventDetail = z.infer<typeof eventDetail>;
export type EventSession = z.infer<typeof eventSession>;
export type EventRegistration = z.infer<typeof eventRegistration>;
export type EventMaterial = z.infer<typeof eventMaterial>;
export type EventInvitation = z.infer<typeof eventInvitation>;
export type EventOptions = z.infer<typeof eventOptions>;

export interface EventFilters {
  q?: string;
  kind?: string;
  status?: string;
  year?: string;
  from?: string;
  to?: string;
  regionId?: string;
  councilId?: string;
  workingGroupId?: string;
  topic?: string;
  targetGroup?: string;
  page?: number;
  pageSize?: number;
}

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const icsUrl = (id: number) => apiUrl(`/events/${id}/ics`);
export const registrationsCsvUrl = (id: number) => apiUrl(`/events/${id}/registrations.csv`);
export const materialUrl = (eventId: number, id: number) => apiUrl(`/events/${eventId}/materials/${id}/download`);
export const councilFeedUrl = (councilId: number) => apiUrl(`/calendar/councils/${councilId}.ics`);

export function useEvents(filters: EventFilters, enabled = true) {
  return useQuery({
    queryKey: ['events', filters],
    queryFn: ({ signal }) => api<Page<EventSummary>>('/events', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

const validId = (id: number) => Number.isInteger(id) && id > 0;

export function useEvent(id: number) {
  return useQuery({ queryKey: ['event', id], queryFn: ({ signal }) => api<EventDetail>(`/events/${id}`, { signal }), enabled: validId(id) });
}

export function useEventOptions() {
  return useQuery({ queryKey: ['event-options'], queryFn: ({ signal }) => api<EventOptions>('/events/options', { signal }), staleTime: 5 * 60_000 });
}

export function useRegistrations(id: number, enabled = true) {
  return useQuery({
    queryKey: ['event', id, 'registrations'],
    queryFn: ({ signal }) => api<{ items: EventRegistration[]; registeredCount: number; waitingCount: number; capacity: number | null }>(`/events/${id}/registrations`, { signal }),
    enabled: enabled && validId(id),
  });
}

export function useMaterials(id: number) {
  return useQuery({
    queryKey: ['event', id, 'materials'],
    queryFn: ({ signal }) => api<{ items: EventMaterial[]; maxUploadMb: number }>(`/events/${id}/materials`, { signal }),
    enabled: validId(id),
  });
}

export function useInvitations(id: number, enabled = true) {
  return useQuery({
    queryKey: ['event', id, 'invitations'],
    queryFn: ({ signal }) => api<{ items: EventInvitation[] }>(`/events/${id}/invitations`, { signal }),
    enabled: enabled && validId(id),
  });
}

/** After any change: the event, its lists and the audit are read again. */
function useInvalidate(id?: number) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['events'] });
    if (id) void qc.invalidateQueries({ queryKey: ['event', id] });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export type EventBody = Record<string, unknown>;

export function useCreateEvent() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: EventBody) => api<EventDetail>('/events', { method: 'POST', body }), onSuccess: invalidate });
}

export function useUpdateEvent(id: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (body: EventBody) => api<EventDetail>(`/events/${id}`, { method: 'PATCH', body }),
    onSuccess: (e) => {
      qc.setQueryData(['event', id], e);
      invalidate();
    },
  });
}

export function useDeleteEvent(id: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (version: number) => api<unknown>(`/events/${id}`, { method: 'DELETE', headers: { 'If-Match': `"${version}"` } }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: ['event', id] });
      invalidate();
    },
  });
}

export function useSaveSession(eventId: number) {
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: ({ sessionId, body }: { sessionId?: number; body: EventBody }) =>
      sessionId ? api<EventSession>(`/events/${eventId}/sessions/${sessionId}`, { method: 'PATCH', body }) : api<EventSession>(`/events/${eventId}/sessions`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useDeleteSession(eventId: number) {
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: ({ sessionId, version }: { sessionId: number; version: number }) => api<unknown>(`/events/${eventId}/sessions/${sessionId}`, { method: 'DELETE', headers: { 'If-Match': `"${version}"` } }),
    onSuccess: invalidate,
  });
}

export function useRegister(eventId: number) {
  const invalidate = useInvalidate(eventId);
  return useMutation({ mutationFn: (body: EventBody) => api<EventRegistration>(`/events/${eventId}/registrations`, { method: 'POST', body }), onSuccess: invalidate });
}

export function useCancelRegistration(eventId: number) {
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: (registrationId: number) => api<{ cancelled: EventRegistration; promoted: EventRegistration[] }>(`/events/${eventId}/registrations/${registrationId}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useEraseRegistration(eventId: number) {
  const invalidate = useInvalidate(eventId);
  return useMutation({ mutationFn: (registrationId: number) => api<EventRegistration>(`/events/${eventId}/registrations/${registrationId}/erase`, { method: 'POST' }), onSuccess: invalidate });
}

export function useInvite(eventId: number) {
  const invalidate = useInvalidate(eventId);
  return useMutation({ mutationFn: (body: EventBody) => api<{ sent: number }>(`/events/${eventId}/invitations`, { method: 'POST', body }), onSuccess: invalidate });
}

export function useUploadMaterial(eventId: number) {
  const invalidate = useInvalidate(eventId);
  return useMutation({
    mutationFn: ({ file, title, sessionId }: { file: File | null; title: string; sessionId: string }) => {
      const form = new FormData();
      if (title) form.append('title', title);
      if (sessionId) form.append('sessionId', sessionId);
      if (file) form.append('file', file);
      return api<EventMaterial>(`/events/${eventId}/materials`, { method: 'POST', form });
    },
    onSuccess: invalidate,
  });
}

export function useDeleteMaterial(eventId: number) {
  const invalidate = useInvalidate(eventId);
  return useMutation({ mutationFn: (id: number) => api<unknown>(`/events/${eventId}/materials/${id}`, { method: 'DELETE' }), onSuccess: invalidate });
}

/** Platform users an organiser may register, by name or e-mail (the users the caller manages). */
export function useUserSearch(q: string) {
  return useQuery({
    queryKey: ['event-user-search', q],
    queryFn: ({ signal }) => api<{ items: { id: number; name: string; email: string }[] }>('/users', { query: { q, pageSize: 10 }, signal }),
    enabled: q.trim().length >= 2,
  });
}
