import type { certificate, certificateVerification, eventHours, issuedCertificates, sessionAttendance } from '@mosaico/contracts/attendance';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUrl } from '../../api/client.ts';

export type SessionAttendance = z.infer<typeof sessionAttendance>;
export type EventHours = z.infer<typeof eventHours>;
export type Certificate = z.infer<typeof certificate>;
export type CertificateVerification = z.infer<typeof certificateVerification>;

/** Where a session's printable sign-in sheet is. */
export const signInSheetUrl = (eventId: number, sessionId: number) => apiUrl(`/events/${eventId}/sessions/${sessionId}/sign-in-sheet.pdf`);
/** Where a certificate's PDF is (organisers and the holder). */
export const certificatePdfUrl = (code: string) => apiUrl(`/certificates/${encodeURIComponent(code)}/pdf`);

export function useEventHours(eventId: number) {
  return useQuery({
    queryKey: ['event-hours', eventId],
    queryFn: ({ signal }) => api<EventHours>(`/events/${eventId}/hours`, { signal }),
    enabled: Number.isInteger(eventId) && eventId > 0,
  });
}

export function useSessionAttendance(eventId: number, sessionId: number | null) {
  return useQuery({
    queryKey: ['session-attendance', eventId, sessionId],
    queryFn: ({ signal }) => api<SessionAttendance>(`/events/${eventId}/sessions/${sessionId}/attendance`, { signal }),
    enabled: sessionId != null,
  });
}

export function useRecordAttendance(eventId: number, sessionId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (entries: { registrationId: number; present: boolean }[]) => api<SessionAttendance>(`/events/${eventId}/sessions/${sessionId}/attendance`, { method: 'PUT', body: { entries } }),
    onSuccess: (data) => {
      qc.setQueryData(['session-attendance', eventId, sessionId], data);
      qc.invalidateQueries({ queryKey: ['event-hours', eventId] });
    },
  });
}

export function useCertificates(eventId: number) {
  return useQuery({
    queryKey: ['certificates', eventId],
    queryFn: ({ signal }) => api<{ items: Certificate[] }>(`/events/${eventId}/certificates`, { signal }),
  });
}

export function useIssueCertificates(eventId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<z.infer<typeof issuedCertificates>>(`/events/${eventId}/certificates`, { method: 'POST', body: {} }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['certificates', eventId] });
      qc.invalidateQueries({ queryKey: ['event-hours', eventId] });
    },
  });
}

export function useRevokeCertificate(eventId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, reason }: { code: string; reason: string }) => api<Certificate>(`/certificates/${encodeURIComponent(code)}/revoke`, { method: 'POST', body: { reason } }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['certificates', eventId] });
      qc.invalidateQueries({ queryKey: ['event-hours', eventId] });
    },
  });
}

/** The public verification of a code: anyone, signed in or not. */
export function useCertificateVerification(code: string) {
  return useQuery({
    queryKey: ['certificate-verification', code],
    queryFn: ({ signal }) => api<CertificateVerification>(`/certificates/${encodeURIComponent(code)}`, { signal, allowUnauthenticated: true }),
    enabled: code.length > 0,
    retry: false,
  });
}
