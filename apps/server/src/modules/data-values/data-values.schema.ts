import { sql } from 'drizzle-orm';
import { DATA_SOURCE_TYPES, DATA_VALUE_TYPES } from '@mosaico/contracts/data-values';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';

/**
 * What is measured (dato elementare): a form item, a table column or an imported statistic. Codes are stable
 * across form versions (`<form code>.<item code>`), so yearly campaigns add up.
 */
export const dataElements = pgTable('data_elements', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: jsonb('name').$type<{ it: string; en?: string }>().notNull(),
  valueType: text('value_type', { enum: DATA_VALUE_TYPES }).notNull(),
  unit: jsonb('unit').$type<{ it: string; en?: string }>(),
  /** The categories its values are broken down by, e.g. ['sesso', 'area_cittadinanza']. */
  categories: jsonb('categories').$type<string[]>().notNull().default([]),
  /** For elements defined by a form: its code and item. */
  formCode: text('form_code'),
  itemCode: text('item_code'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The normalised store of figures: element × breakdown × period × territory × source. Collected (a
 * submission) and imported values live side by side; each row says where it comes from and whether it is
 * provisional (a submission not yet approved).
 */
export const dataValues = pgTable(
  'data_values',
  {
    id: serial('id').primaryKey(),
    dataElementId: integer('data_element_id')
      .notNull()
      .references(() => dataElements.id),
    /** Canonical breakdown, '' for the total, e.g. 'area_cittadinanza=UE;sesso=F'. */
    disaggregation: text('disaggregation').notNull().default(''),
    dimensions: jsonb('dimensions').$type<Record<string, string>>().notNull().default({}),
    /** ISO-like period: '2025' for a year. */
    period: text('period').notNull(),
    territoryId: integer('territory_id')
      .notNull()
      .references(() => territories.id),
    councilId: integer('council_id').references(() => councils.id),
    value: doublePrecision('value').notNull(),
    sourceType: text('source_type', { enum: DATA_SOURCE_TYPES }).notNull(),
    sourceId: integer('source_id').notNull(),
    provisional: boolean('provisional').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('data_values_point_uq').on(t.sourceType, t.sourceId, t.dataElementId, t.disaggregation, t.period, t.territoryId),
    // One current value per imported point: a later import replaces it (imports keep what they replaced).
    uniqueIndex('data_values_import_point_uq')
      .on(t.dataElementId, t.disaggregation, t.period, t.territoryId)
      .where(sql`source_type = 'import'`),
    index('data_values_element_period_idx').on(t.dataElementId, t.period),
    // Indicators read one breakdown of an element over all periods (bench/analytics, ADR 11).
    index('data_values_element_breakdown_idx').on(t.dataElementId, t.disaggregation, t.period),
    index('data_values_territory_idx').on(t.territoryId),
  ],
);
