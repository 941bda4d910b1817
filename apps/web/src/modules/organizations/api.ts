import type { contact, contactCreate, importResult, organization, organizationCreate, organizationPatch } from '@mosaico/contracts/organizations';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUrl } from '../../api/client.ts';

export type Organization = z.infer<typeof organization>;
export type OrganizationInput = z.input<typeof organizationCreate>;
export type OrganizationPatch = z.input<typeof organizationPatch>;
export type OrganizationKind = Organization['kind'];
export type CollectionStatus = Organization['collectionStatus'];
export type Contact = z.infer<typeof contact>;
export type ContactInput = z.input<typeof contactCreate>;
export type ContactKind = Contact['kind'];
export type ImportResult = z.infer<typeof importResult>;

export interface OrganizationFilters {
  q?: string;
  kind?: string;
  status?: string;
  councilId?: string;
  region?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useOrganizations(filters: OrganizationFilters, enabled = true) {
  return useQuery({
    queryKey: ['organizations', filters],
    queryFn: ({ signal }) => api<Page<Organization>>('/organizations', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The CSV export of the organisations matching the filters (same columns as the import). */
export function exportUrl(filters: OrganizationFilters): string {
  const { page: _p, pageSize: _s, ...rest } = filters;
  return apiUrl('/organizations/export.csv', { ...rest });
}

export function useOrganization(id: number) {
  return useQuery({
    queryKey: ['organization', id],
    queryFn: ({ signal }) => api<Organization>(`/organizations/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

function useInvalidateOrganizations() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['organizations'] });
    void qc.invalidateQueries({ queryKey: ['councils'] });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (body: OrganizationInput) => api<Organization>('/organizations', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganization(id: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (body: OrganizationPatch) => api<Organization>(`/organizations/${id}`, { method: 'PATCH', body }),
    onSuccess: (o) => {
      qc.setQueryData(['organization', id], o);
      invalidate();
    },
  });
}

export function useDeleteOrganization(id: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (version: number) => api<unknown>(`/organizations/${id}`, { method: 'DELETE', headers: { 'If-Match': `"${version}"` } }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: ['organization', id] });
      invalidate();
    },
  });
}

export function useContacts(id: number) {
  return useQuery({
    queryKey: ['organization', id, 'contacts'],
    queryFn: async ({ signal }) => {
      const data = await api<Contact[] | { items: Contact[] }>(`/organizations/${id}/contacts`, { signal });
      return Array.isArray(data) ? data : data.items;
    },
  });
}

export function useAddContact(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactInput) => api<Contact>(`/organizations/${id}/contacts`, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['organization', id, 'contacts'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useImportOrganizations() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return api<ImportResult>('/organizations/import', { method: 'POST', query: { dryRun }, form });
    },
    onSuccess: (r) => {
      if (!r.dryRun) invalidate();
    },
  });
}
