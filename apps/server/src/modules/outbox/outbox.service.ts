import type { outboxQuery } from '@mosaico/contracts/outbox';
import { count, desc, ilike } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { outbox } from '../../platform/mail/mail.schema.ts';
import { authorize } from '../auth/scope.ts';

/**
 * Once SMTP has delivered a message its one-time links belong to the recipient alone: masking them keeps an
 * admin reading the outbox from using someone else's invitation or reset link. Unsent mail keeps its links,
 * since without SMTP the outbox is how an admin passes them on.
 */
const maskTokens = (body: string) => body.replace(/([?&]token=)[A-Za-z0-9_-]+/g, '$1…');

/** Lists the e-mails queued and sent, newest first; national admins only. */
export async function listOutbox(ctx: Ctx, q: z.infer<typeof outboxQuery>) {
  authorize(ctx.actor, ['national_admin'], {});
  const cond = q.to ? ilike(outbox.to, `%${q.to.replace(/[\\%_]/g, '\\$&')}%`) : undefined;
  const [{ total }] = await ctx.db.select({ total: count() }).from(outbox).where(cond);
  const rows = await ctx.db
    .select()
    .from(outbox)
    .where(cond)
    .orderBy(desc(outbox.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      body: m.sentAt ? maskTokens(m.body) : m.body,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      error: m.error,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
