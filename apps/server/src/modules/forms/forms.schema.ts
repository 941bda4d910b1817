import { FORM_VERSION_STATUSES } from '@mosaico/contracts/forms';
import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.ts';

/** A monitoring form (scheda), known by a stable code across its versions. */
export const forms = pgTable('forms', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  title: jsonb('title').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One version of a form: a draft may change (revision counts the edits); a published version never does. */
export const formVersions = pgTable(
  'form_versions',
  {
    id: serial('id').primaryKey(),
    formId: integer('form_id')
      .notNull()
      .references(() => forms.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: FORM_VERSION_STATUSES }).notNull().default('draft'),
    definition: jsonb('definition').notNull(),
    itemCount: integer('item_count').notNull(),
    revision: integer('revision').notNull().default(1),
    derivedFrom: integer('derived_from'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('form_versions_form_version_uq').on(t.formId, t.version), index('form_versions_status_idx').on(t.formId, t.status)],
);
