import { asc, eq, isNull } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { DbOrTx } from '../db/client.ts';
import { outbox } from './mail.schema.ts';

export interface Mailer {
  /** Records the message in the outbox (inside the caller's transaction); delivery happens after commit. */
  queue(db: DbOrTx, msg: { to: string; subject: string; body: string }): Promise<number>;
  deliverPending(db: DbOrTx): Promise<void>;
  mode: 'smtp' | 'outbox';
}

/** With SMTP configured, queued mail is sent and marked; without, it stays in the outbox for admins to read. */
export function createMailer(opts: { smtpUrl?: string; from: string }): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  return {
    mode: transport ? 'smtp' : 'outbox',
    async queue(db, msg) {
      const [row] = await db.insert(outbox).values(msg).returning({ id: outbox.id });
      return row.id;
    },
    async deliverPending(db) {
      if (!transport) return;
      const pending = await db.select().from(outbox).where(isNull(outbox.sentAt)).orderBy(asc(outbox.id)).limit(50);
      for (const m of pending) {
        try {
          await transport.sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.body });
          await db.update(outbox).set({ sentAt: new Date(), error: null }).where(eq(outbox.id, m.id));
        } catch (err) {
          await db.update(outbox).set({ error: String((err as Error).message) }).where(eq(outbox.id, m.id));
        }
      }
    },
  };
}
