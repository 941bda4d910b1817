import { asc, eq, isNull, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { DbOrTx } from '../db/client.ts';
import { outbox } from './mail.schema.ts';

/** What sends a message: nodemailer's SMTP transport, or a stand-in in tests. */
export interface MailTransport {
  sendMail(msg: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export interface Mailer {
  /** Records the message in the outbox (inside the caller's transaction); delivery happens after commit. */
  queue(db: DbOrTx, msg: { to: string; subject: string; body: string }): Promise<number>;
  /**
   * Call after the transaction that queued mail has committed. With SMTP, hands delivery to the background
   * job when the job worker runs (the server), or sends at once when it does not (command line, tests).
   */
  deliverPending(db: DbOrTx): Promise<void>;
  /**
   * Sends a batch of the oldest unsent messages (never-tried ones first), marking each sent or recording its
   * error; `more` when the batch was full, so more may be waiting.
   */
  sendPending(db: DbOrTx): Promise<{ sent: number; failed: number; more: boolean }>;
  /** Routes `deliverPending` through the job queue (set when the worker starts, null when it stops). */
  useQueue(enqueue: (() => Promise<unknown>) | null): void;
  mode: 'smtp' | 'outbox';
}

const BATCH = 50;

/** With SMTP configured, queued mail is sent and marked; without, it stays in the outbox for admins to read. */
export function createMailer(opts: { smtpUrl?: string; from: string; transport?: MailTransport }): Mailer {
  const transport: MailTransport | null = opts.transport ?? (opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null);
  let enqueue: (() => Promise<unknown>) | null = null;
  const mailer: Mailer = {
    mode: transport ? 'smtp' : 'outbox',
    async queue(db, msg) {
      const [row] = await db.insert(outbox).values(msg).returning({ id: outbox.id });
      return row.id;
    },
    async deliverPending(db) {
      if (!transport) return;
      if (enqueue) await enqueue();
      else await mailer.sendPending(db);
    },
    async sendPending(db) {
      const result = { sent: 0, failed: 0, more: false };
      if (!transport) return result;
      // A message that keeps failing must not hold back new ones behind it.
      const pending = await db
        .select()
        .from(outbox)
        .where(isNull(outbox.sentAt))
        .orderBy(sql`${outbox.error} is not null`, asc(outbox.id))
        .limit(BATCH);
      result.more = pending.length === BATCH;
      for (const m of pending) {
        try {
          await transport.sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.body });
          await db.update(outbox).set({ sentAt: new Date(), error: null }).where(eq(outbox.id, m.id));
          result.sent += 1;
        } catch (err) {
          await db.update(outbox).set({ error: String((err as Error).message) }).where(eq(outbox.id, m.id));
          result.failed += 1;
        }
      }
      return result;
    },
    useQueue(fn) {
      enqueue = fn;
    },
  };
  return mailer;
}
