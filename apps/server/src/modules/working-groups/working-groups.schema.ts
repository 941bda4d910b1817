import { WORKING_GROUP_ROLES } from '@mosaico/contracts/participation';
import { boolean, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { councils } from '../councils/councils.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { users } from '../users/users.schema.ts';

/**
 * A local working group (Gruppo di Lavoro Locale): formed in a council's territory or a project area, usually at a
 * seeding meeting, trained by a course. It belongs to a region, and to a council when it works in one province.
 */
export const workingGroups = pgTable(
  'working_groups',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    regionId: integer('region_id')
      .notNull()
      .references(() => territories.id),
    councilId: integer('council_id').references(() => councils.id),
    /** The territory or project area it works in, in words (e.g. "Ambito di Castellammare di Stabia"). */
    area: text('area'),
    description: text('description'),
    formedOn: date('formed_on'),
    active: boolean('active').notNull().default(true),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('working_groups_region_idx').on(t.regionId), index('working_groups_council_idx').on(t.councilId)],
);

/**
 * A member of a working group: an organisation, a person (a platform user, or a name and e-mail), or a person for
 * an organisation, with their role.
 */
export const workingGroupMembers = pgTable(
  'working_group_members',
  {
    id: serial('id').primaryKey(),
    groupId: integer('group_id')
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    personName: text('person_name'),
    email: text('email'),
    role: text('role', { enum: WORKING_GROUP_ROLES }).notNull().default('member'),
    joinedOn: date('joined_on'),
    leftOn: date('left_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('working_group_members_group_idx').on(t.groupId), index('working_group_members_user_idx').on(t.userId)],
);
