import { z } from 'zod';
import { optionalText, pageOf, pageQuery } from './common.ts';

// The shared document library ("documentazione propedeutica"): guides, templates, previous reports and data
// notes, each kept by a scope (the nation, a region or a council) with every uploaded version.

/** What a document is. */
export const LIBRARY_KINDS = ['guide', 'template', 'previous_report', 'data_note', 'other'] as const;
/** Who keeps a document and who reads it: the nation (everyone signed in), a region, or a council. */
export const LIBRARY_SCOPES = ['nation', 'region', 'council'] as const;

/**
 * The file types the library accepts, by extension, with the content type it is served as. A file is
 * accepted only when its bytes are of the type its extension names (checked on the server).
 */
export const LIBRARY_FILE_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
} as const;
export type LibraryFileType = keyof typeof LIBRARY_FILE_TYPES;
export const LIBRARY_FILE_EXTENSIONS = Object.keys(LIBRARY_FILE_TYPES) as LibraryFileType[];

const tag = z.string().trim().min(2).max(40);

/**
 * The text fields of a new document's multipart upload (the file travels as `file`). Tags come as one
 * comma-separated field; the scope id is a region's territory id or a council's id.
 */
export const libraryDocumentFields = z.strictObject({
  title: z.string().trim().min(3).max(300),
  description: optionalText(4000),
  kind: z.enum(LIBRARY_KINDS),
  scopeType: z.enum(LIBRARY_SCOPES),
  scopeId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  year: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1990).max(2100).optional()),
  tags: z
    .string()
    .max(500)
    .optional()
    .transform((v) => [...new Set((v ?? '').split(',').map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(tag).max(10)),
  /** A note on this first version (what it is, where it comes from). */
  note: optionalText(500),
});

/** The text fields of a new version's upload: the document's version read (or If-Match) and a note. */
export const libraryVersionFields = z.strictObject({
  version: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  note: optionalText(500),
});

const ref = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

/** One uploaded file of a document. */
export const libraryVersion = z.object({
  n: z.number().int(),
  fileName: z.string(),
  fileType: z.enum(LIBRARY_FILE_EXTENSIONS as [LibraryFileType, ...LibraryFileType[]]),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  uploadedAt: z.string(),
  note: z.string().nullable(),
});

export const libraryDocument = z.object({
  id: z.number().int(),
  kind: z.enum(LIBRARY_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  year: z.number().int().nullable(),
  tags: z.array(z.string()),
  scopeType: z.enum(LIBRARY_SCOPES),
  region: ref.nullable(),
  council: ref.nullable(),
  /** The newest version. */
  current: libraryVersion,
  versionsCount: z.number().int(),
  /** Whether the caller may add versions to it or delete it. */
  canEdit: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const libraryQuery = z.object({
  /** Matches title, description and tags. */
  q: z.string().trim().max(100).optional(),
  kind: z.enum(LIBRARY_KINDS).optional(),
  scope: z.enum(LIBRARY_SCOPES).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  ...pageQuery,
});

export const libraryPage = pageOf(libraryDocument);
export const libraryVersionList = z.object({ items: z.array(libraryVersion) });

/** A place the caller may upload into, with its name, for the upload form. */
export const libraryScope = z.object({ scopeType: z.enum(LIBRARY_SCOPES), scopeId: z.number().int().nullable(), name: z.string() });
export const libraryScopeList = z.object({ items: z.array(libraryScope), maxUploadMb: z.number().int() });

export const libraryVersionParams = z.object({ id: z.coerce.number().int().positive(), n: z.coerce.number().int().positive() });

/** DELETE: the version read, unless sent as If-Match. */
export const libraryDeleteQuery = z.object({ version: z.coerce.number().int().positive().optional() });
