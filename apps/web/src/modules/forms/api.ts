import type { form, formVersion } from '@mosaico/contracts/forms';
import type { FormDefinition } from '@mosaico/form-engine/definition';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUrl } from '../../api/client.ts';

export type FormSummary = z.infer<typeof form>;
export type FormVersionSummary = FormSummary['versions'][number];
export type FormVersion = Omit<z.infer<typeof formVersion>, 'definition'> & { definition: FormDefinition };

/** Where form authors find the JSON Schema of a definition. */
export const DEFINITION_SCHEMA_URL = apiUrl('/forms/definition-schema.json');

export function useForms() {
  return useQuery({
    queryKey: ['forms'],
    queryFn: ({ signal }) => api<FormSummary[]>('/forms', { signal }),
  });
}

export function useFormVersion(id: number, version: number) {
  return useQuery({
    queryKey: ['forms', id, 'versions', version],
    queryFn: ({ signal }) => api<FormVersion>(`/forms/${id}/versions/${version}`, { signal }),
    enabled: Number.isInteger(id) && id > 0 && Number.isInteger(version) && version > 0,
  });
}

/** Keeps a version returned by a change in the cache and refreshes the lists that show it. */
export function useStoreVersion() {
  const qc = useQueryClient();
  return (v: FormVersion) => {
    qc.setQueryData(['forms', v.formId, 'versions', v.version], v);
    void qc.invalidateQueries({ queryKey: ['forms'], exact: true });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

/** Imports a definition as a new draft (a new form, or the next version of the form with that code). */
export function useImportForm() {
  const store = useStoreVersion();
  return useMutation({
    mutationFn: (definition: unknown) => api<FormVersion>('/forms', { method: 'POST', body: { definition } }),
    onSuccess: store,
  });
}

export function usePublishVersion(id: number, version: number) {
  const store = useStoreVersion();
  return useMutation({
    mutationFn: () => api<FormVersion>(`/forms/${id}/versions/${version}/publish`, { method: 'POST' }),
    onSuccess: store,
  });
}

/** Starts a new draft from a published version. */
export function useDeriveVersion(id: number) {
  const store = useStoreVersion();
  return useMutation({
    mutationFn: (from: number) => api<FormVersion>(`/forms/${id}/versions`, { method: 'POST', body: { from } }),
    onSuccess: store,
  });
}
