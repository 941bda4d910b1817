import { IMPORT_KINDS, IMPORT_STATUSES } from '@mosaico/contracts/imports';

import { boolean, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.ts';
import { dataSources } from './data-sources.schema.ts';

export { IMPORT_KINDS, IMPORT_STATUSES };

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** One file brought into the data values store: its dry run, then its application, and possibly its rollback. */
export const imports = pgTable(
  'imports',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    /** SDMX dataflow id (e.g. 'IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0)'); null for a plain table. */
    dataflow: text('dataflow'),
    dataSourceId: integer('data_source_id').references(() => dataSources.id),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    /** rows, new, changed, unchanged, errors, unresolved (territory codes). */
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    rolledBackAt: timestamp('rolled_back_at', { withTimezone: true }),
    fileSize: integer('file_size').notNull().default(0),
    /** Table signature (normalised header set); null for SDMX. */
    signature: text('signature'),
    /** The mapping of the last dry run or of the apply, and where it came from (request, saved, shipped, none). */
    mapping: jsonb('mapping'),
    mappingSource: text('mapping_source').notNull().default('none'),
    /** What the dry run found: dimensions or columns, mapping issues, first row errors, unresolved territories. */
    analysis: jsonb('analysis').$type<Record<string, unknown>>().notNull().default({}),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    failure: jsonb('failure').$type<{ code: string; message: string }>(),
  },
  (t) => [index('imports_data_source_idx').on(t.dataSourceId)],
);

/**
 * The uploaded bytes (gzip-compressed), kept in the database rather than under the data directory: the apply
 * job (possibly on another instance) reads them in the same place as the import row, and a backup of the
 * database has them. Read and written through import-files.ts.
 */
export const importFiles = pgTable('import_files', {
  importId: integer('import_id')
    .primaryKey()
    .references(() => imports.id, { onDelete: 'cascade' }),
  content: bytea('content').notNull(),
});

/** The mapping saved for a dataflow (kind sdmx, key = dataflow id) or a table signature (kind table). */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    key: text('key').notNull(),
    mapping: jsonb('mapping').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_mappings_kind_key_uq').on(t.kind, t.key)],
);

/**
 * What an apply replaced: for each imported point that held another import's value, that value, its import and
 * its provisional flag, so a rollback restores them exactly. Points new to the store have no row (a rollback
 * deletes them).
 */
export const importChanges = pgTable(
  'import_changes',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    dataElementId: integer('data_element_id').notNull(),
    disaggregation: text('disaggregation').notNull(),
    period: text('period').notNull(),
    territoryId: integer('territory_id').notNull(),
    priorValue: doublePrecision('prior_value').notNull(),
    priorSourceId: integer('prior_source_id').notNull(),
    priorProvisional: boolean('prior_provisional').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.dataElementId, t.disaggregation, t.period, t.territoryId] }),
    index('import_changes_prior_source_idx').on(t.priorSourceId),
  ],
);

