import type {
  invitationSendResult,
  invitationStatus,
  questionnaire,
  questionnaireEventOptions,
  questionnaireResults,
  questionnaireScopeList,
  questionnaireSummary,
  responseReceipt,
  tokenQuestionnaire,
} from '@mosaico/contracts/questionnaires';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUrl } from '../../api/client.ts';

export type Questionnaire = z.infer<typeof questionnaire>;
export type QuestionnaireSummary = z.infer<typeof questionnaireSummary>;
export type InvitationStatus = z.infer<typeof invitationStatus>;
export type QuestionnaireResults = z.infer<typeof questionnaireResults>;
export type TokenQuestionnaire = z.infer<typeof tokenQuestionnaire>;
type ScopeOption = z.infer<typeof questionnaireScopeList>['items'][number];
type EventOption = z.infer<typeof questionnaireEventOptions>['items'][number];

export interface QuestionnaireFilters {
  eventId?: string;
  status?: string;
  scope?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The scope select's value: "nation", "region:<id>" or "council:<id>". */
export const scopeValue = (s: { scopeType: string; scopeId: number | null }) => (s.scopeId == null ? s.scopeType : `${s.scopeType}:${s.scopeId}`);

export const exportUrl = (id: number, format: 'csv' | 'xlsx') => apiUrl(`/questionnaires/${id}/results.${format}`);

export function useQuestionnaires(filters: QuestionnaireFilters) {
  return useQuery({
    queryKey: ['questionnaires', filters],
    queryFn: ({ signal }) => api<Page<QuestionnaireSummary>>('/questionnaires', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

const valid = (id: number) => Number.isInteger(id) && id > 0;

export function useQuestionnaire(id: number) {
  return useQuery({ queryKey: ['questionnaire', id], queryFn: ({ signal }) => api<Questionnaire>(`/questionnaires/${id}`, { signal }), enabled: valid(id) });
}

export function useInvitationStatus(id: number, enabled = true) {
  return useQuery({
    queryKey: ['questionnaire', id, 'invitations'],
    queryFn: ({ signal }) => api<InvitationStatus>(`/questionnaires/${id}/invitations`, { signal }),
    enabled: valid(id) && enabled,
  });
}

export function useQuestionnaireResults(id: number) {
  return useQuery({
    queryKey: ['questionnaire', id, 'results'],
    queryFn: ({ signal }) => api<QuestionnaireResults>(`/questionnaires/${id}/results`, { signal }),
    enabled: valid(id),
  });
}

export function useQuestionnaireScopes() {
  return useQuery({ queryKey: ['questionnaire-scopes'], queryFn: ({ signal }) => api<{ items: ScopeOption[] }>('/questionnaires/scopes', { signal }), staleTime: 5 * 60_000 });
}

export function useAttachableEvents() {
  return useQuery({ queryKey: ['questionnaire-events'], queryFn: ({ signal }) => api<{ items: EventOption[] }>('/questionnaires/events', { signal }), staleTime: 60_000 });
}

function useInvalidate(id?: number) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['questionnaires'] });
    if (id) void qc.invalidateQueries({ queryKey: ['questionnaire', id] });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export interface NewQuestionnaire {
  template?: 'feedback-default';
  definition?: unknown;
  title?: string;
  description?: string | null;
  scopeType: string;
  scopeId?: number;
  eventId?: number | null;
  anonymous: boolean;
  closesAt?: string | null;
}

export function useCreateQuestionnaire() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: NewQuestionnaire) => api<Questionnaire>('/questionnaires', { method: 'POST', body }), onSuccess: invalidate });
}

export interface QuestionnaireChange {
  version: number;
  title?: string;
  description?: string | null;
  definition?: unknown;
  status?: 'draft' | 'open' | 'closed';
  closesAt?: string | null;
}

export function useUpdateQuestionnaire(id: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (body: QuestionnaireChange) => api<Questionnaire>(`/questionnaires/${id}`, { method: 'PATCH', body }),
    onSuccess: (q) => {
      qc.setQueryData(['questionnaire', id], q);
      invalidate();
    },
  });
}

export function useDeleteQuestionnaire(id: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (version: number) => api<unknown>(`/questionnaires/${id}`, { method: 'DELETE', headers: { 'If-Match': `"${version}"` } }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: ['questionnaire', id] });
      invalidate();
    },
  });
}

export interface InvitationRequest {
  emails: string[];
  eventParticipants: boolean;
}

export function useSendInvitations(id: number) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (body: InvitationRequest) => api<z.infer<typeof invitationSendResult>>(`/questionnaires/${id}/invitations`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useAnswer(id: number) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (values: Record<string, unknown>) => api<z.infer<typeof responseReceipt>>(`/questionnaires/${id}/responses`, { method: 'POST', body: { values } }),
    onSuccess: invalidate,
  });
}

export function useTokenQuestionnaire(token: string) {
  return useQuery({
    queryKey: ['questionnaire-token', token],
    queryFn: ({ signal }) => api<TokenQuestionnaire>(`/public/questionnaires/by-token/${encodeURIComponent(token)}`, { signal, allowUnauthenticated: true }),
    retry: false,
  });
}

export function useAnswerByToken(token: string) {
  return useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      api<z.infer<typeof responseReceipt>>(`/public/questionnaires/by-token/${encodeURIComponent(token)}/responses`, { method: 'POST', body: { values }, allowUnauthenticated: true }),
  });
}
