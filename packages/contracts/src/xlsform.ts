import { z } from 'zod';

/** The content type of an .xlsx workbook. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * One problem of an imported XLSForm workbook, in error.details.issues: where a spreadsheet user finds it
 * (sheet, Excel row, column header, cell) besides the usual field, code and message. Problems found by the
 * definition checks also give the definition path and, inside an expression, the expression and the
 * position of the fault in it.
 */
export const workbookIssue = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  cell: z.string().optional(),
  path: z.string().optional(),
  expression: z.string().optional(),
  position: z.number().int().optional(),
  length: z.number().int().optional(),
});
export type WorkbookIssue = z.infer<typeof workbookIssue>;
