import { z } from 'zod';
import { pageOf, pageQuery } from './common.ts';

/** One e-mail the product queued: still waiting (sentAt null), sent, or failed (error). */
export const outboxMessage = z.object({
  id: z.number().int(),
  to: z.string(),
  subject: z.string(),
  /** Links with a one-time token are masked once the message has been delivered by SMTP. */
  body: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
});

export const outboxQuery = z.object({
  to: z.string().trim().max(254).optional(),
  ...pageQuery,
});

export const outboxPage = pageOf(outboxMessage);
