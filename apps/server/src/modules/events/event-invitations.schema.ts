import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.ts';
import { events } from './events.schema.ts';

/**
 * Who was invited to an event, by whom and when: one row per address per sending, so a second reminder shows as a
 * second invitation. The mail itself is in the outbox.
 */
export const eventInvitations = pgTable(
  'event_invitations',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** The platform user invited, when the invitation named one. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    invitedBy: integer('invited_by').references(() => users.id, { onDelete: 'set null' }),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_invitations_event_idx').on(t.eventId, t.invitedAt)],
);
