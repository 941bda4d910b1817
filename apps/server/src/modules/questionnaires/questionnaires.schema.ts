import { QUESTIONNAIRE_STATUSES } from '@mosaico/contracts/participation';
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { councils } from '../councils/councils.schema.ts';
import { events } from '../events/events.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { users } from '../users/users.schema.ts';

/**
 * A feedback questionnaire, written in the monitoring form's definition format and checked by the same engine.
 * It belongs to the nation, a region or a council (like library documents), and may be attached to an event.
 * An anonymous questionnaire never stores who answered; its invitations only record that they were used.
 */
export const questionnaires = pgTable(
  'questionnaires',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description'),
    regionId: integer('region_id').references(() => territories.id),
    councilId: integer('council_id').references(() => councils.id),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'set null' }),
    definition: jsonb('definition').notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    status: text('status', { enum: QUESTIONNAIRE_STATUSES }).notNull().default('draft'),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('questionnaires_council_idx').on(t.councilId),
    index('questionnaires_region_idx').on(t.regionId),
    index('questionnaires_event_idx').on(t.eventId),
  ],
);

/**
 * An invitation to answer: to a user, or to an e-mail address (an external person, an association). The link
 * carries a random token of which only the hash is kept; it admits one answer.
 */
export const questionnaireInvitations = pgTable(
  'questionnaire_invitations',
  {
    id: serial('id').primaryKey(),
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    email: text('email'),
    /** The association or actor invited, for the participation counts. */
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('questionnaire_invitations_token_uq').on(t.tokenHash), index('questionnaire_invitations_q_idx').on(t.questionnaireId)],
);

/**
 * One answer. For an anonymous questionnaire user, organisation and invitation stay null; otherwise they say who
 * answered, and an invitation admits one answer.
 */
export const questionnaireResponses = pgTable(
  'questionnaire_responses',
  {
    id: serial('id').primaryKey(),
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id, { onDelete: 'cascade' }),
    invitationId: integer('invitation_id').references(() => questionnaireInvitations.id, { onDelete: 'set null' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    values: jsonb('values').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('questionnaire_responses_q_idx').on(t.questionnaireId), uniqueIndex('questionnaire_responses_invitation_uq').on(t.invitationId)],
);
