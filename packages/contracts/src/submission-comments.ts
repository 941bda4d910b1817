import { z } from 'zod';
import { ROLES } from './vocabulary.ts';

/** Item codes and value keys as the form engine writes them. */
const itemCode = z.string().min(1).max(64);
const valueKey = z.string().min(1).max(200);

/** The text of a question or a reply: trimmed, 1–4000 characters. */
export const commentBody = z.string().trim().min(1).max(4000);

export const commentItemParams = z.object({ id: z.coerce.number().int().positive(), itemCode });
export const commentThreadParams = z.object({ id: z.coerce.number().int().positive(), threadId: z.coerce.number().int().positive() });

/** A new question on an item (optionally on one cell of it, by value key). */
export const commentQuestionBody = z.object({ itemCode, valueKey: valueKey.optional(), body: commentBody });
export const commentReplyBody = z.object({ body: commentBody });

export const COMMENT_THREAD_STATUSES = ['open', 'resolved'] as const;

/** Who wrote: name and the role they hold towards the submission; never an e-mail address. */
export const commentAuthor = z.object({ id: z.number().int(), name: z.string(), role: z.enum(ROLES).nullable() }).nullable();

export const commentMessage = z.object({
  id: z.number().int(),
  body: z.string(),
  author: commentAuthor,
  createdAt: z.string(),
});

/** A thread: the question and its replies, oldest first, with what the caller may do with it. */
export const commentThread = z.object({
  id: z.number().int(),
  itemCode: z.string(),
  valueKey: z.string().nullable(),
  sectionCode: z.string(),
  status: z.enum(COMMENT_THREAD_STATUSES),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  messages: z.array(commentMessage),
  canReply: z.boolean(),
  canResolve: z.boolean(),
});

const counts = z.object({ threads: z.number().int(), open: z.number().int() });

/** A thread without its messages, for the submission-wide list. */
export const commentThreadHeader = commentThread
  .omit({ messages: true, canReply: true, canResolve: true })
  .extend({ author: commentAuthor, createdAt: z.string(), lastMessageAt: z.string(), messageCount: z.number().int() });

/** Every thread the caller may read on a submission, and the counts for the badges of items and sections. */
export const submissionComments = z.object({
  /** False once the submission is locked: threads stay readable, nothing more is added. */
  canPost: z.boolean(),
  counts: z.object({ byItem: z.record(z.string(), counts), bySection: z.record(z.string(), counts) }),
  threads: z.array(commentThreadHeader),
});

export const itemComments = z.object({ canPost: z.boolean(), threads: z.array(commentThread) });
