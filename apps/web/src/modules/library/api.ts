import type { libraryDocument, libraryScope, libraryVersion } from '@mosaico/contracts/library';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUrl } from '../../api/client.ts';

export type LibraryDocument = z.infer<typeof libraryDocument>;
export type LibraryVersion = z.infer<typeof libraryVersion>;
export type LibraryScope = z.infer<typeof libraryScope>;

export interface LibraryFilters {
  q?: string;
  kind?: string;
  scope?: string;
  year?: string;
  page?: number;
  pageSize?: number;
}

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The extensions the library accepts (the server checks each file's content too). */
export const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.csv,.txt,.png,.jpg,.jpeg';

/** Where a version downloads from (the newest without `n`): served as an attachment. */
export const downloadUrl = (id: number, n?: number) => apiUrl(n ? `/library/documents/${id}/versions/${n}/download` : `/library/documents/${id}/download`);

export function useLibraryDocuments(filters: LibraryFilters) {
  return useQuery({
    queryKey: ['library', filters],
    queryFn: ({ signal }) => api<Page<LibraryDocument>>('/library/documents', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLibraryDocument(id: number) {
  return useQuery({
    queryKey: ['library-document', id],
    queryFn: ({ signal }) => api<LibraryDocument>(`/library/documents/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useLibraryVersions(id: number) {
  return useQuery({
    queryKey: ['library-document', id, 'versions'],
    queryFn: ({ signal }) => api<{ items: LibraryVersion[] }>(`/library/documents/${id}/versions`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useLibraryScopes() {
  return useQuery({
    queryKey: ['library-scopes'],
    queryFn: ({ signal }) => api<{ items: LibraryScope[]; maxUploadMb: number }>('/library/scopes', { signal }),
    staleTime: 5 * 60_000,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['library'] });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export interface NewDocument {
  file: File | null;
  title: string;
  description: string;
  kind: string;
  scope: string;
  year: string;
  tags: string;
  note: string;
}

/** The scope select's value: "nation", "region:<id>" or "council:<id>". */
export const scopeValue = (s: Pick<LibraryScope, 'scopeType' | 'scopeId'>) => (s.scopeId == null ? s.scopeType : `${s.scopeType}:${s.scopeId}`);

export function useUploadDocument() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (d: NewDocument) => {
      const form = new FormData();
      const [scopeType, scopeId] = d.scope.split(':');
      for (const [k, v] of Object.entries({ title: d.title, description: d.description, kind: d.kind, scopeType, scopeId, year: d.year, tags: d.tags, note: d.note })) {
        if (v) form.append(k, v);
      }
      // The file last: the server reads the text fields first when they come before it.
      if (d.file) form.append('file', d.file);
      return api<LibraryDocument>('/library/documents', { method: 'POST', form });
    },
    onSuccess: invalidate,
  });
}

export function useUploadVersion(id: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ file, note, version }: { file: File | null; note: string; version: number }) => {
      const form = new FormData();
      if (note) form.append('note', note);
      if (file) form.append('file', file);
      return api<LibraryDocument>(`/library/documents/${id}/versions`, { method: 'POST', form, headers: { 'If-Match': `"${version}"` } });
    },
    onSuccess: (d) => {
      qc.setQueryData(['library-document', id], d);
      void qc.invalidateQueries({ queryKey: ['library-document', id, 'versions'] });
      invalidate();
    },
  });
}

export function useDeleteDocument(id: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (version: number) => api<unknown>(`/library/documents/${id}`, { method: 'DELETE', headers: { 'If-Match': `"${version}"` } }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: ['library-document', id] });
      invalidate();
    },
  });
}
