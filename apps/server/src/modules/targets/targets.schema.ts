import { EVENT_KINDS } from '@mosaico/contracts/participation';
import { TARGET_METRICS, TARGET_SCOPES } from '@mosaico/contracts/targets';
import { index, integer, numeric, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { territories } from '../territories/territories.schema.ts';
import { users } from '../users/users.schema.ts';

/**
 * A programme target over the events of one kind held in a span of years, for the nation or one region
 * ("18 courses × 30 h = 540 h", "one Migration Day per prefecture per year"). Progress is never stored: it is
 * computed from the events each time, so it can not drift from what was held.
 */
export const programmeTargets = pgTable(
  'programme_targets',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description'),
    scopeType: text('scope_type', { enum: TARGET_SCOPES }).notNull(),
    regionId: integer('region_id').references(() => territories.id),
    metric: text('metric', { enum: TARGET_METRICS }).notNull(),
    eventKind: text('event_kind', { enum: EVENT_KINDS }).notNull(),
    yearFrom: integer('year_from').notNull(),
    yearTo: integer('year_to').notNull(),
    targetValue: numeric('target_value', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    /** The shipped targets carry a key, so seeding twice adds nothing. */
    seedKey: text('seed_key').unique(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programme_targets_region_idx').on(t.regionId)],
);
