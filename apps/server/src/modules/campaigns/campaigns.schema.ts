import { REVIEW_LEVELS, type ReviewLevel, SUBMISSION_STATUSES } from '@mosaico/contracts/campaigns';
import { date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { councils } from '../councils/councils.schema.ts';
import { formVersions } from '../forms/forms.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { users } from '../users/users.schema.ts';

/** A yearly data collection: one published form version, a reference year, a deadline. */
export const campaigns = pgTable('campaigns', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  formVersionId: integer('form_version_id')
    .notNull()
    .references(() => formVersions.id),
  year: integer('year').notNull(),
  deadline: date('deadline').notNull(),
  /** Who approves a submitted form, in order: the region's coordinator, then the Ministry (configurable). */
  approvalLevels: jsonb('approval_levels').$type<ReviewLevel[]>().notNull().default(['region', 'nation']),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One council's form in a campaign. `revision` counts the saves (optimistic concurrency); completeness and
 * error count are the engine's verdict at the last save, kept here so the campaign overview reads no values.
 */
export const submissions = pgTable(
  'submissions',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    councilId: integer('council_id')
      .notNull()
      .references(() => councils.id),
    status: text('status', { enum: SUBMISSION_STATUSES }).notNull().default('draft'),
    /** While submitted: the approval level whose decision is awaited. */
    reviewLevel: text('review_level', { enum: REVIEW_LEVELS }),
    /** Where the council's figures are attributed (its province in force at the end of the reference year). */
    territoryId: integer('territory_id').references(() => territories.id),
    revision: integer('revision').notNull().default(0),
    filled: integer('filled').notNull().default(0),
    expected: integer('expected').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('submissions_campaign_council_uq').on(t.campaignId, t.councilId), index('submissions_council_idx').on(t.councilId)],
);

/** Which organisation fills a section of a submission. */
export const submissionAssignments = pgTable(
  'submission_assignments',
  {
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    sectionCode: text('section_code').notNull(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    assignedBy: integer('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.sectionCode] }), index('submission_assignments_org_idx').on(t.organizationId)],
);

/** The values of a submission, one row per value key (item, disaggregation cell, table cell, repeat). */
export const submissionValues = pgTable(
  'submission_values',
  {
    id: serial('id').primaryKey(),
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    valueKey: text('value_key').notNull(),
    itemCode: text('item_code').notNull(),
    value: jsonb('value').notNull(),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('submission_values_key_uq').on(t.submissionId, t.valueKey), index('submission_values_item_idx').on(t.itemCode)],
);

/** Every change of a value: who, when, before → after (null for none). */
export const submissionValueHistory = pgTable(
  'submission_value_history',
  {
    id: serial('id').primaryKey(),
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    valueKey: text('value_key').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    changedBy: integer('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('submission_value_history_key_idx').on(t.submissionId, t.valueKey)],
);

/** The workflow steps of a submission, with the reason and the justifications of warnings given. */
export const submissionTransitions = pgTable(
  'submission_transitions',
  {
    id: serial('id').primaryKey(),
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: SUBMISSION_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: SUBMISSION_STATUSES }).notNull(),
    byUser: integer('by_user').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** The approval level that decided (approve, return), if any. */
    level: text('level', { enum: REVIEW_LEVELS }),
    reason: text('reason'),
    justifications: jsonb('justifications'),
  },
  (t) => [index('submission_transitions_submission_idx').on(t.submissionId)],
);
