import { ASSOCIATION_LOG_KINDS, ENGAGEMENT_STATUSES, JOIN_REQUEST_STATUSES, LEGAL_FORMS } from '@mosaico/contracts/participation';
import { date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { councils } from '../councils/councils.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { users } from '../users/users.schema.ts';

/**
 * The registry profile of an immigrant association. The association itself is an organisation of kind
 * `association` (name, territory, council, contacts, website live there); this row adds what only associations
 * have and where it stands in the council's engagement pipeline.
 */
export const associationProfiles = pgTable(
  'association_profiles',
  {
    organizationId: integer('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    legalForm: text('legal_form', { enum: LEGAL_FORMS }).notNull().default('unrecognised_association'),
    /** Communities and nationalities it gathers (countries or groups, as words). */
    communities: jsonb('communities').$type<string[]>().notNull().default([]),
    languages: jsonb('languages').$type<string[]>().notNull().default([]),
    sectors: jsonb('sectors').$type<string[]>().notNull().default([]),
    activities: text('activities'),
    engagementStatus: text('engagement_status', { enum: ENGAGEMENT_STATUSES }).notNull().default('identified'),
    statusChangedOn: date('status_changed_on'),
    /** Set when a council referent verified it (a join request accepted, or checked by hand). */
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: integer('verified_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('association_profiles_status_idx').on(t.engagementStatus)],
);

/** The dated log of an association's engagement: status changes, contacts, meetings, notes. */
export const associationLog = pgTable(
  'association_log',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    kind: text('kind', { enum: ASSOCIATION_LOG_KINDS }).notNull(),
    fromStatus: text('from_status', { enum: ENGAGEMENT_STATUSES }),
    toStatus: text('to_status', { enum: ENGAGEMENT_STATUSES }),
    summary: text('summary').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('association_log_org_idx').on(t.organizationId, t.date)],
);

/**
 * A request to join the registry sent through the public form. Nothing enters the registry until the council's
 * referent accepts it, which creates (or links) the organisation and its profile.
 */
export const associationJoinRequests = pgTable(
  'association_join_requests',
  {
    id: serial('id').primaryKey(),
    councilId: integer('council_id')
      .notNull()
      .references(() => councils.id),
    territoryId: integer('territory_id').references(() => territories.id),
    name: text('name').notNull(),
    legalForm: text('legal_form', { enum: LEGAL_FORMS }).notNull(),
    communities: jsonb('communities').$type<string[]>().notNull().default([]),
    languages: jsonb('languages').$type<string[]>().notNull().default([]),
    sectors: jsonb('sectors').$type<string[]>().notNull().default([]),
    activities: text('activities'),
    contactPerson: text('contact_person').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    website: text('website'),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: JOIN_REQUEST_STATUSES }).notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** Set when the requester's personal data was erased on request: contact person, e-mail and phone blanked. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('association_join_requests_council_idx').on(t.councilId, t.status)],
);
