import { sql } from 'drizzle-orm';
import { index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.ts';
import { eventRegistrations, events } from './events.schema.ts';

/**
 * A certificate of attendance issued to a registration that reached its event's threshold. The code is random
 * (crypto) with a check character and is the only thing printed for verification; the public page reads this
 * row, so a paper with an unknown or revoked code is shown as such. The holder's name, hours and percent are
 * snapshots taken at issue: later corrections to attendance do not silently change a paper already handed out.
 */
export const eventCertificates = pgTable(
  'event_certificates',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    registrationId: integer('registration_id')
      .notNull()
      .references(() => eventRegistrations.id, { onDelete: 'cascade' }),
    holderName: text('holder_name').notNull(),
    hours: numeric('hours', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    totalHours: numeric('total_hours', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    percent: numeric('percent', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: integer('issued_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: integer('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    uniqueIndex('event_certificates_code_uq').on(t.code),
    // One live certificate per registration; a revoked one may be followed by a new issue.
    uniqueIndex('event_certificates_live_uq').on(t.registrationId).where(sql`${t.revokedAt} is null`),
    index('event_certificates_event_idx').on(t.eventId),
  ],
);
