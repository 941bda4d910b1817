import { ROLES } from '@mosaico/contracts/vocabulary';
import { type AnyPgColumn, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.ts';
import { submissions } from './campaigns.schema.ts';

/**
 * Questions and answers about the items of a submission. A row with no `thread_id` opens a thread (the
 * question) and carries the thread's state; replies point to it. `author_role` is the role the author held
 * towards the submission when writing, so a reader sees "tutor" or "data provider" without reading grants
 * that may since have changed.
 */
export const submissionComments = pgTable(
  'submission_comments',
  {
    id: serial('id').primaryKey(),
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id').references((): AnyPgColumn => submissionComments.id, { onDelete: 'cascade' }),
    itemCode: text('item_code').notNull(),
    /** A cell of the item (disaggregation or table), or null for the item as a whole. */
    valueKey: text('value_key'),
    sectionCode: text('section_code').notNull(),
    body: text('body').notNull(),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorRole: text('author_role', { enum: ROLES }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: integer('resolved_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('submission_comments_item_idx').on(t.submissionId, t.itemCode), index('submission_comments_thread_idx').on(t.threadId)],
);
