import { jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A territorial data source in the inventory (ricognizione delle basi dati territoriali), described with
 * DCAT-AP_IT fields; imports record which source their file came from.
 */
export const dataSources = pgTable('data_sources', {
  id: serial('id').primaryKey(),
  /** Stable identifier, also the last segment of its dcat:Dataset IRI. */
  code: text('code').notNull().unique(),
  title: jsonb('title').$type<{ it: string; en?: string }>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
