import { COLLECTION_STATUSES, CONTACT_KINDS, ORGANIZATION_KINDS } from '@mosaico/contracts/vocabulary';
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { users } from '../users/users.schema.ts';

/**
 * A local actor (attore territoriale) registered to a council, or to a region when it serves several councils
 * (council_id null), or to the nation (region_id null too).
 */
export const organizations = pgTable(
  'organizations',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ORGANIZATION_KINDS }).notNull(),
    territoryId: integer('territory_id')
      .notNull()
      .references(() => territories.id),
    councilId: integer('council_id').references(() => councils.id),
    regionId: integer('region_id').references(() => territories.id),
    collectionStatus: text('collection_status', { enum: COLLECTION_STATUSES }).notNull().default('new'),
    taxCode: text('tax_code'),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    address: text('address'),
    contactPerson: text('contact_person'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organizations_council_idx').on(t.councilId),
    index('organizations_region_idx').on(t.regionId),
    index('organizations_kind_idx').on(t.kind),
    // One name per council (or region, or nation): re-importing a list cannot duplicate its actors.
    uniqueIndex('organizations_name_uq').on(sql`coalesce(${t.councilId}, 0)`, sql`coalesce(${t.regionId}, 0)`, sql`lower(${t.name})`),
  ],
);

/** Dated log of contacts and agreements with a local actor. */
export const organizationContacts = pgTable(
  'organization_contacts',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    kind: text('kind', { enum: CONTACT_KINDS }).notNull(),
    summary: text('summary').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organization_contacts_org_idx').on(t.organizationId, t.date)],
);
