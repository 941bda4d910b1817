import { customType, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.ts';
import { eventSessions, events } from './events.schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * A file of an event (slides, handouts, the signed minutes), optionally of one session. Like the library, the bytes
 * live in the database and the type is the one detected from them, so a download is served as that type.
 */
export const eventMaterials = pgTable(
  'event_materials',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id').references(() => eventSessions.id, { onDelete: 'cascade' }),
    title: text('title'),
    fileName: text('file_name').notNull(),
    fileType: text('file_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    content: bytea('content').notNull(),
  },
  (t) => [index('event_materials_event_idx').on(t.eventId)],
);
