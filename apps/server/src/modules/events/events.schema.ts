import { EVENT_KINDS, EVENT_SCOPES, EVENT_STATUSES, REGISTRATION_STATUSES } from '@mosaico/contracts/participation';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { councils } from '../councils/councils.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { users } from '../users/users.schema.ts';
import { workingGroups } from '../working-groups/working-groups.schema.ts';

/**
 * An event of the programme: a training day, a course of several sessions, a workshop, a meeting, a conference or
 * a Migration Day. Its scope decides who organises it and who sees it: a council (council_id and its region), a
 * region (region_id), several regions (region_ids, the first being the organising one) or the nation.
 * `region_ids` always lists every region the event belongs to (empty for the nation), so a region's events are
 * found by one array test.
 */
export const events = pgTable(
  'events',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    scopeType: text('scope_type', { enum: EVENT_SCOPES }).notNull(),
    regionId: integer('region_id').references(() => territories.id),
    councilId: integer('council_id').references(() => councils.id),
    regionIds: integer('region_ids').array().notNull().default(sql`'{}'::integer[]`),
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('draft'),
    /** Who runs it, as printed (e.g. "Prefettura di Napoli – UTG"); the organisation when it is registered. */
    organizerName: text('organizer_name').notNull(),
    organizerOrganizationId: integer('organizer_organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    topics: jsonb('topics').$type<string[]>().notNull().default([]),
    targetGroups: jsonb('target_groups').$type<string[]>().notNull().default([]),
    /** The working group a course trains or a seeding meeting forms. */
    workingGroupId: integer('working_group_id').references(() => workingGroups.id, { onDelete: 'set null' }),
    /** Seats for registrations; beyond them registrations wait. Null: no limit. */
    capacity: integer('capacity'),
    registrationOpen: boolean('registration_open').notNull().default(true),
    /** Share of the event's hours (percent) a participant must attend for a certificate; null: no certificates. */
    certificateThreshold: integer('certificate_threshold'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_council_idx').on(t.councilId),
    index('events_region_idx').on(t.regionId),
    index('events_kind_idx').on(t.kind),
    index('events_working_group_idx').on(t.workingGroupId),
  ],
);

/** A session of an event: its hours are its length, and attendance is recorded per session. */
export const eventSessions = pgTable(
  'event_sessions',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    title: text('title'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    /** Seats in the room, when smaller than the event's. */
    capacity: integer('capacity'),
    agenda: text('agenda'),
    /** The minutes (verbale), written after the session. */
    minutes: text('minutes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_sessions_event_idx').on(t.eventId, t.startsAt), index('event_sessions_starts_idx').on(t.startsAt)],
);

/**
 * A person registered to an event: a platform user (user_id), or an external participant known only by name,
 * organisation and e-mail, with the moment they consented to processing. Erasure blanks the personal fields and
 * sets erased_at; the row, its attendance and its hours stay as anonymous counts.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The registered organisation the person comes for (an association, an actor), when known. */
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    fullName: text('full_name'),
    organizationName: text('organization_name'),
    email: text('email'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull().default('registered'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    index('event_registrations_event_idx').on(t.eventId, t.status, t.createdAt),
    index('event_registrations_org_idx').on(t.organizationId),
    uniqueIndex('event_registrations_user_uq').on(t.eventId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('event_registrations_email_uq').on(t.eventId, sql`lower(${t.email})`).where(sql`${t.email} is not null`),
  ],
);

/** Whether a registered person was at a session, recorded by an organiser (who and when). */
export const eventAttendance = pgTable(
  'event_attendance',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => eventSessions.id, { onDelete: 'cascade' }),
    registrationId: integer('registration_id')
      .notNull()
      .references(() => eventRegistrations.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.registrationId] }), index('event_attendance_registration_idx').on(t.registrationId)],
);
