import type { ImportMapping, ImportResult, importListItem } from '@mosaico/contracts/imports';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type { ImportMapping, ImportResult };
export type ImportListItem = z.infer<typeof importListItem>;

export interface ImportFilters {
  dataSourceId?: number;
  page?: number;
  pageSize?: number;
}

/** Statuses after which an import no longer changes by itself. */
export const isRunning = (status: ImportResult['status']) => status === 'queued' || status === 'running';

export function useImports(filters: ImportFilters) {
  return useQuery({
    queryKey: ['imports', filters],
    queryFn: ({ signal }) => api<{ items: ImportListItem[]; total: number; page: number; pageSize: number }>('/imports', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One import; polled every second while its apply is queued or running, so progress shows as it goes. */
export function useImport(id: number) {
  return useQuery({
    queryKey: ['import', id],
    queryFn: ({ signal }) => api<ImportResult>(`/imports/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval: (q) => (q.state.data && isRunning(q.state.data.status) ? 1000 : false),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return (r: ImportResult) => {
    qc.setQueryData(['import', r.id], r);
    void qc.invalidateQueries({ queryKey: ['imports'] });
    void qc.invalidateQueries({ queryKey: ['data-source'] });
  };
}

/** Uploads a file and dry-runs it (with an edited mapping when given). */
export function useDryRun() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ file, dataSourceId, mapping }: { file: File; dataSourceId?: number; mapping?: ImportMapping }) => {
      const form = new FormData();
      form.append('dryRun', 'true');
      if (dataSourceId) form.append('dataSourceId', String(dataSourceId));
      if (mapping) form.append('mapping', JSON.stringify(mapping));
      form.append('file', file);
      return api<ImportResult>('/imports', { method: 'POST', form });
    },
    onSuccess: done,
  });
}

export function useApplyImport(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (mapping?: ImportMapping) => api<ImportResult>(`/imports/${id}/apply`, { method: 'POST', body: mapping ? { mapping } : {} }),
    onSuccess: done,
  });
}

export function useRollbackImport(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: () => api<ImportResult>(`/imports/${id}/rollback`, { method: 'POST', body: {} }),
    onSuccess: done,
  });
}

/**
 * The file last uploaded in this tab, by import id: a changed mapping is tried by uploading it again.
 * Kept in memory only (a reload forgets it; the import can still be applied with the edited mapping).
 */
const pendingFiles = new Map<number, { file: File; dataSourceId?: number }>();
export const rememberFile = (id: number, file: File, dataSourceId?: number) => pendingFiles.set(id, { file, dataSourceId });
export const fileOf = (id: number) => pendingFiles.get(id) ?? null;

/** A blank mapping to start from when neither a saved nor a shipped one fits the file. */
export function startingMapping(r: ImportResult): ImportMapping {
  if (r.kind === 'sdmx') {
    return {
      kind: 'sdmx',
      dataflow: r.dataflow ?? '',
      territoryDimension: 'REF_AREA',
      territoryCodeKind: 'auto',
      timeDimension: 'TIME_PERIOD',
      elementDimension: null,
      elements: [],
      element: null,
      breakdowns: [],
      provisionalStatuses: ['p'],
    };
  }
  return {
    kind: 'table',
    signature: r.signature ?? '',
    territoryColumn: r.columns?.[0]?.name ?? '',
    territoryCodeKind: 'auto',
    periodColumn: null,
    periodFormat: 'year',
    periodOffsetYears: 0,
    constantPeriod: null,
    columns: [],
    constantDimensions: {},
  };
}
