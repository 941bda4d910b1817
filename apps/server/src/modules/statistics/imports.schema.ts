import { index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.ts';
import { dataSources } from './data-sources.schema.ts';

export const IMPORT_KINDS = ['sdmx', 'table'] as const;
export const IMPORT_STATUSES = ['dry_run', 'queued', 'running', 'applied', 'failed', 'rolled_back'] as const;

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
  },
  (t) => [index('imports_data_source_idx').on(t.dataSourceId)],
);
