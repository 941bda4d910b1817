import type {
  FormulaIssue,
  Indicator,
  IndicatorValue,
  formulaValidateBody,
  formulaValidateResponse,
  indicatorCreate,
  indicatorTheme,
  indicatorUpdate,
  PivotResponse,
  ProfileResponse,
} from '@mosaico/contracts/indicators';
import type { dataElement } from '@mosaico/contracts/data-values';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUrl } from '../../api/client.ts';

export type { FormulaIssue, Indicator, IndicatorValue, PivotResponse, ProfileResponse };
export type IndicatorTheme = z.infer<typeof indicatorTheme>;
export type IndicatorInput = z.input<typeof indicatorCreate>;
export type IndicatorUpdate = z.input<typeof indicatorUpdate>;
export type FormulaCheck = z.infer<typeof formulaValidateResponse>;
export type DataElement = z.infer<typeof dataElement>;
export type IndicatorLevel = 'province' | 'region' | 'nation';

export function useIndicatorThemes() {
  return useQuery({
    queryKey: ['indicator-themes'],
    queryFn: ({ signal }) => api<IndicatorTheme[]>('/indicator-themes', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useIndicators(q: { theme?: string; key?: 'true' | 'false'; q?: string } = {}) {
  return useQuery({
    queryKey: ['indicators', q],
    queryFn: ({ signal }) => api<Indicator[]>('/indicators', { query: { ...q }, signal }),
    staleTime: 60_000,
  });
}

export function useIndicator(code: string | undefined) {
  return useQuery({
    queryKey: ['indicator', code],
    queryFn: ({ signal }) => api<Indicator>(`/indicators/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: !!code,
  });
}

function useInvalidateIndicators() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['indicators'] });
    void qc.invalidateQueries({ queryKey: ['indicator-values'] });
    void qc.invalidateQueries({ queryKey: ['indicator-profile'] });
  };
}

export function useCreateIndicator() {
  const qc = useQueryClient();
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: (body: IndicatorInput) => api<Indicator>('/indicators', { method: 'POST', body }),
    onSuccess: (i) => {
      qc.setQueryData(['indicator', i.code], i);
      invalidate();
    },
  });
}

export function useUpdateIndicator(code: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateIndicators();
  return useMutation({
    mutationFn: (body: IndicatorUpdate) => api<Indicator>(`/indicators/${encodeURIComponent(code)}`, { method: 'PUT', body }),
    onSuccess: (i) => {
      qc.setQueryData(['indicator', i.code], i);
      invalidate();
    },
  });
}

/** Checks formulas without saving (the API always answers 200 with the issues). */
export function useValidateFormula() {
  return useMutation({
    mutationFn: (body: z.input<typeof formulaValidateBody>) => api<FormulaCheck>('/indicators/validate', { method: 'POST', body }),
  });
}

export interface ValuesQuery {
  level: IndicatorLevel;
  /** A year; absent = every year with data. */
  period?: string;
  territory?: string;
}

export function useIndicatorValues(code: string | undefined, q: ValuesQuery, enabled = true) {
  return useQuery({
    queryKey: ['indicator-values', code, q],
    queryFn: ({ signal }) => api<IndicatorValue[]>(`/indicators/${encodeURIComponent(code ?? '')}/values`, { query: { ...q }, signal }),
    enabled: enabled && !!code,
    placeholderData: keepPreviousData,
  });
}

/** The server's export of the same values (CSV or XLSX), in the interface language. */
export function valuesExportUrl(code: string, q: ValuesQuery, format: 'csv' | 'xlsx', lang: string): string {
  return apiUrl(`/indicators/${encodeURIComponent(code)}/values.${format}`, { ...q, lang });
}

export function useProfile(territory: string | undefined, period?: string) {
  return useQuery({
    queryKey: ['indicator-profile', territory, period ?? null],
    queryFn: ({ signal }) => api<ProfileResponse>('/indicators/profile', { query: { territory, period }, signal }),
    enabled: !!territory,
  });
}

export interface PivotQuery {
  measure: string;
  level: IndicatorLevel;
  periods?: string;
  breakdown?: string;
  territory?: string;
}

export function usePivot(q: PivotQuery, enabled = true) {
  return useQuery({
    queryKey: ['pivot', q],
    queryFn: ({ signal }) => api<PivotResponse>('/analysis/pivot', { query: { ...q }, signal }),
    enabled: enabled && !!q.measure,
    placeholderData: keepPreviousData,
  });
}

export function pivotExportUrl(q: PivotQuery, format: 'csv' | 'xlsx', lang: string): string {
  return apiUrl(`/analysis/pivot.${format}`, { ...q, lang });
}

export function useDataElements() {
  return useQuery({
    queryKey: ['data-elements'],
    queryFn: ({ signal }) => api<DataElement[]>('/data-elements', { signal }),
    staleTime: 10 * 60_000,
  });
}
