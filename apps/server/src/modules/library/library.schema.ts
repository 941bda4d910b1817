import { LIBRARY_KINDS, LIBRARY_SCOPES } from '@mosaico/contracts/library';
import { customType, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { users } from '../users/users.schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * A document of the shared library (documentazione propedeutica). It belongs to the nation (both ids null),
 * a region (region_id) or a council (council_id, with its region_id), which decides who reads and keeps it.
 */
export const libraryDocuments = pgTable(
  'library_documents',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: LIBRARY_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    year: integer('year'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    scopeType: text('scope_type', { enum: LIBRARY_SCOPES }).notNull(),
    regionId: integer('region_id').references(() => territories.id),
    councilId: integer('council_id').references(() => councils.id),
    /** Number of the newest version (versions are numbered from 1 and never reused). */
    currentVersion: integer('current_version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('library_documents_region_idx').on(t.regionId), index('library_documents_council_idx').on(t.councilId)],
);

/**
 * Every uploaded file of a document. The bytes live in the database, like statistics import files: no path
 * on disk is ever built from what a user sends, and a backup of the database holds the library too. The
 * file type is the one detected from the bytes, and the download is served as that type.
 */
export const libraryDocumentVersions = pgTable(
  'library_document_versions',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => libraryDocuments.id, { onDelete: 'cascade' }),
    n: integer('n').notNull(),
    fileName: text('file_name').notNull(),
    fileType: text('file_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    note: text('note'),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    content: bytea('content').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.n] })],
);
