import type { dataSource, dataSourceCreate, dataSourceImport, dataSourceUpdate } from '@mosaico/contracts/data-sources';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUrl } from '../../api/client.ts';
import type { Me } from '../auth/api.ts';

export type DataSource = z.infer<typeof dataSource>;
export type DataSourceInput = z.input<typeof dataSourceCreate>;
export type DataSourceUpdate = z.input<typeof dataSourceUpdate>;
export type DataSourceImport = z.infer<typeof dataSourceImport>;

export interface DataSourceFilters {
  q?: string;
  theme?: string;
  scope?: string;
  access?: string;
  frequency?: string;
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The public DCAT-AP_IT catalogue (JSON-LD), served without sign-in. */
export const catalogUrl = apiUrl('/data-sources/catalog.jsonld');

/**
 * Who may add entries somewhere (the API checks the scope): national admins, regional coordinators,
 * council referents and tutors held in a council.
 */
export function canKeepDataSources(me: Me | null | undefined): boolean {
  return !!me?.roles.some(
    (g) =>
      (g.role === 'national_admin' && g.scopeType === 'nation') ||
      (g.role === 'regional_coordinator' && g.scopeType === 'region') ||
      ((g.role === 'council_referent' || g.role === 'tutor') && g.scopeType === 'council'),
  );
}

export function useDataSources(filters: DataSourceFilters) {
  return useQuery({
    queryKey: ['data-sources', filters],
    queryFn: ({ signal }) => api<Page<DataSource>>('/data-sources', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDataSource(id: number) {
  return useQuery({
    queryKey: ['data-source', id],
    queryFn: ({ signal }) => api<DataSource>(`/data-sources/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useDataSourceImports(id: number) {
  return useQuery({
    queryKey: ['data-source', id, 'imports'],
    queryFn: ({ signal }) => api<{ items: DataSourceImport[] }>(`/data-sources/${id}/imports`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['data-sources'] });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateDataSource() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: DataSourceInput) => api<DataSource>('/data-sources', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateDataSource(id: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: DataSourceUpdate) => api<DataSource>(`/data-sources/${id}`, { method: 'PUT', body }),
    onSuccess: (d) => {
      qc.setQueryData(['data-source', id], d);
      invalidate();
    },
  });
}

export function useDeleteDataSource(id: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (version: number) => api<unknown>(`/data-sources/${id}`, { method: 'DELETE', headers: { 'If-Match': `"${version}"` } }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: ['data-source', id] });
      invalidate();
    },
  });
}
