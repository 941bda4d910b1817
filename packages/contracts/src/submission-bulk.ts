import { z } from 'zod';

/** Offline data entry: a section's template (XLSX or CSV), its upload, and the export of a whole submission. */

export const BULK_FORMATS = ['xlsx', 'csv'] as const;
export type BulkFormat = (typeof BULK_FORMATS)[number];

export const sectionFileParams = z.object({
  id: z.coerce.number().int().positive(),
  sectionCode: z.string().min(1).max(64),
});

export const sectionUploadQuery = z.object({
  /** true (default): check the file and report, writing nothing. */
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

/**
 * What is wrong with one row of an uploaded file: the file line (the header is line 1), the column
 * (`key`, `value`, `current_value`, or null for the whole file), the value key when known, a stable code
 * and the message in the request's language.
 */
export const uploadProblem = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  key: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

/** The rows of the file against the stored values: new (was empty), changed, unchanged, cleared (emptied). */
export const uploadCounts = z.object({
  new: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  cleared: z.number().int(),
});

export const uploadResult = z.object({
  dryRun: z.boolean(),
  section: z.string(),
  /** Data rows read from the file. */
  total: z.number().int(),
  counts: uploadCounts,
  problems: z.array(uploadProblem),
  /** The submission's revision after the upload (unchanged by a dry run). */
  revision: z.number().int(),
});
