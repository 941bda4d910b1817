import { INDICATOR_AGGREGATIONS, THEME_KINDS, TIME_RULES } from '@mosaico/contracts/indicators';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { territories } from '../territories/territories.schema.ts';
import { users } from '../users/users.schema.ts';

type Text = { it: string; en?: string };

/** Themes indicators are grouped by: the EU Zaragoza areas, the lines of the National Integration Plan, custom. */
export const indicatorThemes = pgTable('indicator_themes', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<Text>().notNull(),
  kind: text('kind', { enum: THEME_KINDS }).notNull(),
  order: integer('order').notNull().default(0),
});

/**
 * An indicator: numerator / denominator × factor over data elements, constants and other indicators, with its
 * rule across territories and over time. Values are computed at query time from `data_values` (ADR 11).
 */
export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: jsonb('name').$type<Text>().notNull(),
    description: jsonb('description').$type<Text>(),
    themes: jsonb('themes').$type<string[]>().notNull().default([]),
    numerator: text('numerator').notNull(),
    denominator: text('denominator'),
    factor: doublePrecision('factor').notNull().default(1),
    unit: jsonb('unit').$type<Text>(),
    decimals: integer('decimals').notNull().default(1),
    aggregation: text('aggregation', { enum: INDICATOR_AGGREGATIONS }).notNull(),
    /** For weighted_average: each territory's weight. */
    weight: text('weight'),
    timeRule: text('time_rule', { enum: TIME_RULES }).notNull(),
    key: boolean('key').notNull().default(false),
    origin: text('origin', { enum: ['system', 'custom'] }).notNull().default('custom'),
    /** A regional custom indicator belongs to this region (a territory id); null = national. */
    regionId: integer('region_id').references(() => territories.id),
    /** The data element and indicator codes the formulas refer to (kept on save, for cycles and listings). */
    elements: jsonb('elements').$type<string[]>().notNull().default([]),
    uses: jsonb('uses').$type<string[]>().notNull().default([]),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('indicators_region_idx').on(t.regionId)],
);
