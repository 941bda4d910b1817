import type { uploadProblem, uploadResult } from '@mosaico/contracts/submission-bulk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUrl } from '../../api/client.ts';

export type UploadResult = z.infer<typeof uploadResult>;
export type UploadProblem = z.infer<typeof uploadProblem>;
export type OfflineFormat = 'xlsx' | 'csv';

/** Links to files the server builds (the browser downloads them with the session cookie); `lang` sets their language. */
export const templateUrl = (id: number, section: string, format: OfflineFormat, lang: string) =>
  apiUrl(`/submissions/${id}/sections/${encodeURIComponent(section)}/template.${format}`, { lang });
export const exportUrl = (id: number, format: OfflineFormat, lang: string) => apiUrl(`/submissions/${id}/export.${format}`, { lang });

/** Uploads a filled section template: a dry run lists the problems, otherwise the values are saved. */
export function useUploadSection(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ section, file, dryRun }: { section: string; file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return api<UploadResult>(`/submissions/${id}/sections/${encodeURIComponent(section)}/upload`, { method: 'POST', query: { dryRun }, form });
    },
    onSuccess: (r) => {
      if (!r.dryRun) void qc.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
}
