import type {
  batchCreate,
  commentCreate,
  narrative,
  narrativeSave,
  publicReportSummary,
  reportBatch,
  reportComment,
  reportCreate,
  reportDetail,
  reportDocument,
  reportSummary,
  reportTemplate,
  reportTemplateSummary,
  reportVersionSummary,
  templateSave,
  transitionRequest,
  versionComparison,
} from '@mosaico/contracts/reports';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUrl } from '../../api/client.ts';

export type ReportSummary = z.infer<typeof reportSummary>;
export type ReportDetail = z.infer<typeof reportDetail>;
export type ReportDocument = z.infer<typeof reportDocument>;
export type Narrative = z.infer<typeof narrative>;
export type ReportComment = z.infer<typeof reportComment>;
export type ReportVersion = z.infer<typeof reportVersionSummary>;
export type VersionComparison = z.infer<typeof versionComparison>;
export type ReportBatch = z.infer<typeof reportBatch>;
export type ReportTemplateSummary = z.infer<typeof reportTemplateSummary>;
export type ReportTemplate = z.infer<typeof reportTemplate>;
export type TemplateSave = z.input<typeof templateSave>;
export type PublicReportSummary = z.infer<typeof publicReportSummary>;
export type TransitionRequest = z.input<typeof transitionRequest>;

export interface ReportFilters {
  councilId?: string;
  year?: string;
  status?: string;
  page?: number;
  pageSize?: number;
}

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const validId = (id: number) => Number.isInteger(id) && id > 0;

/** Where the files of a report are served (the current version, or `version` when given). */
export function reportFileUrl(id: number, format: 'pdf' | 'docx', opts: { version?: number; isPublic?: boolean } = {}) {
  return apiUrl(`${opts.isPublic ? '/public' : ''}/reports/${id}/${format}`, { version: opts.version });
}

export const batchZipUrl = (id: number) => apiUrl(`/reports/batches/${id}/zip`);

export function useReports(filters: ReportFilters) {
  return useQuery({
    queryKey: ['reports', 'list', filters],
    queryFn: ({ signal }) => api<Page<ReportSummary>>('/reports', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReport(id: number) {
  return useQuery({ queryKey: ['reports', id], queryFn: ({ signal }) => api<ReportDetail>(`/reports/${id}`, { signal }), enabled: validId(id) });
}

/** Every answer that returns the report replaces the cached one and refreshes what depends on it. */
function useReportUpdate(id?: number) {
  const qc = useQueryClient();
  return (r: ReportDetail) => {
    qc.setQueryData(['reports', r.id], r);
    void qc.invalidateQueries({ queryKey: ['reports', 'list'] });
    if (id) void qc.invalidateQueries({ queryKey: ['reports', id, 'versions'] });
  };
}

export function useCreateReport() {
  const update = useReportUpdate();
  return useMutation({ mutationFn: (body: z.input<typeof reportCreate>) => api<ReportDetail>('/reports', { method: 'POST', body }), onSuccess: update });
}

export function useRegenerateReport(id: number) {
  const update = useReportUpdate(id);
  return useMutation({ mutationFn: (templateId?: number) => api<ReportDetail>(`/reports/${id}/regenerate`, { method: 'POST', body: { templateId } }), onSuccess: update });
}

export function useSaveNarrative(id: number, blockKey: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof narrativeSave>) => api<Narrative>(`/reports/${id}/narratives/${blockKey}`, { method: 'PUT', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['reports', id] }),
  });
}

export function useReportComments(id: number) {
  return useQuery({ queryKey: ['reports', id, 'comments'], queryFn: ({ signal }) => api<ReportComment[]>(`/reports/${id}/comments`, { signal }), enabled: validId(id) });
}

export function useAddComment(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof commentCreate>) => api<ReportComment>(`/reports/${id}/comments`, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['reports', id] }),
  });
}

export function useTransitionReport(id: number) {
  const update = useReportUpdate(id);
  return useMutation({ mutationFn: (body: TransitionRequest) => api<ReportDetail>(`/reports/${id}/transitions`, { method: 'POST', body }), onSuccess: update });
}

export function useReportVersions(id: number) {
  return useQuery({ queryKey: ['reports', id, 'versions'], queryFn: ({ signal }) => api<ReportVersion[]>(`/reports/${id}/versions`, { signal }), enabled: validId(id) });
}

export function useCompareVersions(id: number, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['reports', id, 'compare', from, to],
    queryFn: ({ signal }) => api<VersionComparison>(`/reports/${id}/compare`, { query: { from, to }, signal }),
    enabled: validId(id) && from != null && to != null,
  });
}

export function useRestoreVersion(id: number) {
  const update = useReportUpdate(id);
  return useMutation({ mutationFn: (version: number) => api<ReportDetail>(`/reports/${id}/versions/${version}/restore`, { method: 'POST' }), onSuccess: update });
}

export function useCreateBatch() {
  return useMutation({ mutationFn: (body: z.input<typeof batchCreate>) => api<ReportBatch>('/reports/batches', { method: 'POST', body }) });
}

/** A batch's progress, asked again every 1.5 s until it is over. */
export function useBatch(id: number | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['reports', 'batches', id],
    queryFn: async ({ signal }) => {
      const b = await api<ReportBatch>(`/reports/batches/${id}`, { signal });
      if (b.status === 'done' || b.status === 'failed') void qc.invalidateQueries({ queryKey: ['reports', 'list'] });
      return b;
    },
    enabled: id != null,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1500),
  });
}

export function useReportTemplates() {
  return useQuery({ queryKey: ['report-templates'], queryFn: ({ signal }) => api<ReportTemplateSummary[]>('/report-templates', { signal }) });
}

export function useReportTemplate(id: number) {
  return useQuery({ queryKey: ['report-templates', id], queryFn: ({ signal }) => api<ReportTemplate>(`/report-templates/${id}`, { signal }), enabled: validId(id) });
}

export function useSaveTemplate(id: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateSave) => api<ReportTemplate>(id ? `/report-templates/${id}` : '/report-templates', { method: id ? 'PUT' : 'POST', body }),
    onSuccess: (tpl) => {
      qc.setQueryData(['report-templates', tpl.id], tpl);
      void qc.invalidateQueries({ queryKey: ['report-templates'] });
    },
  });
}

export function usePublicReports(filters: { region?: string; year?: string }) {
  return useQuery({
    queryKey: ['public-reports', filters],
    queryFn: ({ signal }) => api<PublicReportSummary[]>('/public/reports', { query: { ...filters }, signal, allowUnauthenticated: true }),
  });
}

export function usePublicReport(id: number) {
  return useQuery({
    queryKey: ['public-reports', id],
    queryFn: ({ signal }) => api<ReportDocument>(`/public/reports/${id}`, { signal, allowUnauthenticated: true }),
    enabled: validId(id),
  });
}
