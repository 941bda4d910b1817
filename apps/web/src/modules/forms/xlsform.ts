import type { WorkbookIssue } from '@mosaico/contracts/xlsform';
import { useMutation } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/client.ts';
import { type FormVersion, useStoreVersion } from './api.ts';

export type { WorkbookIssue };

/** Whether a chosen file is an XLSForm workbook rather than a JSON definition. */
export function isWorkbook(file: File): boolean {
  return /\.xlsx$/i.test(file.name) || file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}

/** Where a version is downloaded as an XLSForm workbook. */
export function xlsformUrl(formId: number, version: number): string {
  return apiUrl(`/forms/${formId}/versions/${version}/xlsform`);
}

/** Imports an XLSForm workbook as a new draft (a new form, or the next version of the form with its form_id). */
export function useImportXlsform() {
  const store = useStoreVersion();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<FormVersion>('/forms/xlsform', { method: 'POST', form });
    },
    onSuccess: store,
  });
}
