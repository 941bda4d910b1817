import { boolean, index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { territories } from '../territories/territories.schema.ts';

/** A Territorial Council for Immigration (CTI): one per prefecture. */
export const councils = pgTable(
  'councils',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    prefecture: text('prefecture').notNull(),
    regionId: integer('region_id')
      .notNull()
      .references(() => territories.id),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('councils_region_idx').on(t.regionId)],
);

export const councilTerritories = pgTable(
  'council_territories',
  {
    councilId: integer('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    territoryId: integer('territory_id')
      .notNull()
      .references(() => territories.id),
  },
  (t) => [primaryKey({ columns: [t.councilId, t.territoryId] }), index('council_territories_territory_idx').on(t.territoryId)],
);
