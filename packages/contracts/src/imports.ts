import { z } from 'zod';
import { DATA_VALUE_TYPES } from './data-values.ts';

/**
 * Imports of official statistics (SDMX-CSV from Istat, plain CSV/XLSX tables) into the data values store:
 * upload → dry run (counts, dimensions or columns, proposed mapping, row errors, unresolved territories) →
 * apply (a background job with progress) → history → rollback. Only national administrators import.
 */

export const IMPORT_KINDS = ['sdmx', 'table'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ['dry_run', 'queued', 'running', 'applied', 'failed', 'rolled_back'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** How codes in the territory dimension/column are read; `auto` tries ITTER107, ISTAT (old and new), car plates, then names. */
export const TERRITORY_CODE_KINDS = ['auto', 'itter107', 'istat', 'plate', 'name'] as const;

const text = z.object({ it: z.string().trim().min(1).max(300), en: z.string().trim().max(300).optional() });

/** A data element created or updated from a mapping (through the data-values module). */
export const elementSpec = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[a-z0-9_.]+$/),
  name: text,
  valueType: z.enum(DATA_VALUE_TYPES).default('number'),
  unit: text.nullable().default(null),
});
export type ElementSpec = z.infer<typeof elementSpec>;

const categoryName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9_]+$/);
const optionName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.-]+$/);

/** A code of the element dimension: the data element its rows feed, or null to ignore its rows. */
export const sdmxElementCode = z.object({ code: z.string().min(1).max(200), element: elementSpec.nullable() });

/**
 * A dimension that becomes a breakdown category: each code → an option (null = ignore the code's rows),
 * and the code that means "total" (its rows are stored without this category).
 */
export const sdmxBreakdown = z.object({
  dimension: z.string().min(1).max(100),
  category: categoryName,
  totalCode: z.string().max(200).nullable(),
  options: z.array(z.object({ code: z.string().min(1).max(200), option: optionName.nullable() })),
});

/**
 * How an SDMX dataflow becomes data values. Every dimension with more than one code in the file must be the
 * element dimension, the territory, the time, or a breakdown; a dimension with a single code is ignored.
 */
export const sdmxMapping = z.object({
  kind: z.literal('sdmx'),
  /** e.g. 'IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0)'; the key the mapping is saved under. */
  dataflow: z.string().min(1).max(300),
  territoryDimension: z.string().min(1).max(100).default('REF_AREA'),
  territoryCodeKind: z.enum(TERRITORY_CODE_KINDS).default('auto'),
  timeDimension: z.string().min(1).max(100).default('TIME_PERIOD'),
  /** The dimension whose codes select the data element; null when the whole flow is one element. */
  elementDimension: z.string().min(1).max(100).nullable(),
  elements: z.array(sdmxElementCode).default([]),
  /** The one element of a flow without an element dimension. */
  element: elementSpec.nullable().default(null),
  breakdowns: z.array(sdmxBreakdown).default([]),
  /** OBS_STATUS codes that mark a provisional figure. */
  provisionalStatuses: z.array(z.string().max(20)).default(['p']),
});
export type SdmxMapping = z.infer<typeof sdmxMapping>;

/** A value column of a table: the element it feeds and its breakdown options (category → option). */
export const tableValueColumn = z.object({
  column: z.string().min(1).max(300),
  element: elementSpec,
  dimensions: z.record(categoryName, optionName).default({}),
});

/**
 * How a plain table (CSV/XLSX) becomes data values. Empty cells are no value. Columns of one row that reach
 * the same point (element, breakdown, period, territory) are added together.
 */
export const tableMapping = z.object({
  kind: z.literal('table'),
  /** Normalised header set (sorted, lower-case, trimmed, joined by '|'); the key the mapping is saved under. */
  signature: z.string().min(1).max(5000),
  territoryColumn: z.string().min(1).max(300),
  territoryCodeKind: z.enum(TERRITORY_CODE_KINDS).default('auto'),
  /** Column holding the period (a year, YYYY-MM or a date); null with a constant period. */
  periodColumn: z.string().min(1).max(300).nullable(),
  periodFormat: z.enum(['year', 'month', 'date']).default('year'),
  /** Years added to a year read from periodColumn (e.g. population at 31 Dec 2022 → 1 January 2023: 1). */
  periodOffsetYears: z.number().int().min(-10).max(10).default(0),
  constantPeriod: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable()
    .default(null),
  columns: z.array(tableValueColumn).min(1),
  /** Breakdown options every value of the table gets, e.g. { tipo_accoglienza: 'sai' }. */
  constantDimensions: z.record(categoryName, optionName).default({}),
});
export type TableMapping = z.infer<typeof tableMapping>;

export const importMapping = z.discriminatedUnion('kind', [sdmxMapping, tableMapping]);
export type ImportMapping = z.infer<typeof importMapping>;

/**
 * Where the mapping of an import came from: the request, the one saved for the dataflow/table, the shipped one,
 * or `none` (nothing saved or shipped: for SDMX a generated proposal to review, for a table no mapping yet).
 */
export const MAPPING_SOURCES = ['request', 'saved', 'shipped', 'none'] as const;

/**
 * Multipart fields of POST /api/v1/imports besides `file` (CSV, SDMX-CSV or XLSX, up to the configured size,
 * 50 MB by default). `mapping` is the JSON of an importMapping; without it the saved or shipped mapping of
 * the dataflow / table signature is proposed.
 */
export const importUploadFields = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  mapping: z.string().max(1_000_000).optional(),
  dataSourceId: z.coerce.number().int().positive().optional(),
});

export const importApplyBody = z.object({ mapping: importMapping.optional() }).default({});

export const importCounts = z.object({
  /** Data rows read (header excluded). */
  rows: z.number().int(),
  /** Points never imported before / imported with another value / already holding this value. */
  new: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  /** Rows with an error (bad number, unmapped code, …); not imported. */
  errors: z.number().int(),
  /** Rows whose territory could not be resolved; not imported. */
  unresolved: z.number().int(),
  /** Rows left out on purpose (ignored codes, empty cells). */
  skipped: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCounts>;

/** A row-level problem; `line` is the file's line (1 = header) or the spreadsheet row. */
export const importRowError = z.object({
  line: z.number().int(),
  column: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

/** A problem of the mapping itself (e.g. a multi-code dimension nobody mapped), naming its field. */
export const mappingIssue = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const sdmxDimension = z.object({
  id: z.string(),
  /** Codes with their row counts, most frequent first (at most 2000 listed). */
  codes: z.array(z.object({ code: z.string(), rows: z.number().int() })),
  codesTotal: z.number().int(),
  /** What the mapping in use makes of it. */
  role: z.enum(['element', 'territory', 'time', 'breakdown', 'ignored', 'unmapped']),
});

export const tableColumn = z.object({
  name: z.string(),
  /** First distinct non-empty values (at most 5). */
  samples: z.array(z.string()),
  /** Whether every non-empty cell reads as a number. */
  numeric: z.boolean(),
  empty: z.number().int(),
});

export const unresolvedTerritory = z.object({ code: z.string(), rows: z.number().int() });

export const importProgress = z.object({ done: z.number().int(), total: z.number().int() });

export const importResult = z.object({
  id: z.number().int(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  fileSha256: z.string(),
  fileSize: z.number().int(),
  /** SDMX dataflow id, or null for a table. */
  dataflow: z.string().nullable(),
  /** Table signature, or null for SDMX. */
  signature: z.string().nullable(),
  dataSourceId: z.number().int().nullable(),
  status: z.enum(IMPORT_STATUSES),
  progress: importProgress,
  counts: importCounts,
  dimensions: z.array(sdmxDimension).nullable(),
  columns: z.array(tableColumn).nullable(),
  mapping: importMapping.nullable(),
  mappingSource: z.enum(MAPPING_SOURCES),
  mappingIssues: z.array(mappingIssue),
  /** First 200 row errors; errorsTotal counts them all. */
  errors: z.array(importRowError),
  errorsTotal: z.number().int(),
  unresolved: z.array(unresolvedTerritory),
  /** Why an apply failed (nothing was written). */
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  rolledBackAt: z.string().nullable(),
});
export type ImportResult = z.infer<typeof importResult>;

export const importQuery = z.object({
  dataSourceId: z.coerce.number().int().positive().optional(),
  status: z.enum(IMPORT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const importListItem = importResult.pick({
  id: true,
  kind: true,
  fileName: true,
  dataflow: true,
  signature: true,
  dataSourceId: true,
  status: true,
  progress: true,
  counts: true,
  createdBy: true,
  createdAt: true,
  appliedAt: true,
  rolledBackAt: true,
});

export const importList = z.object({
  items: z.array(importListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** A mapping saved for a dataflow (kind sdmx, key = dataflow id) or a table signature (kind table). */
export const savedMapping = z.object({
  kind: z.enum(IMPORT_KINDS),
  key: z.string(),
  mapping: importMapping,
  /** 'saved' in the database, or 'shipped' with the product (data/statistics/mappings) and never saved. */
  source: z.enum(['saved', 'shipped']),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});

/** GET|PUT /api/v1/import-mappings/:kind/:key (key URL-encoded); GET /api/v1/import-mappings lists them. */
export const mappingParams = z.object({ kind: z.enum(IMPORT_KINDS), key: z.string().min(1).max(5000) });
export const mappingList = z.object({ items: z.array(savedMapping.omit({ mapping: true })) });
