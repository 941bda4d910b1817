import { asc, count, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { Database } from '../db/client.ts';
import { createJobRunner, type JobRunner } from '../jobs/job-runner.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { deliverMail } from './mail.jobs.ts';
import { outbox } from './mail.schema.ts';
import { createMailer, type Mailer } from './mailer.ts';

let database: Database;
let close: () => Promise<void>;
let runner: JobRunner;
let mailer: Mailer;
const config = loadConfig({ LOG_LEVEL: 'silent', MOSAICO_DATA_DIR: '/nonexistent', SMTP_URL: 'smtp://127.0.0.1:2525' });

/** An SMTP server stand-in: keeps what it accepts, refuses addresses it is told to. */
const smtp = {
  accepted: [] as string[],
  refuse: new Set<string>(),
  async sendMail(m: { to: string }) {
    if (smtp.refuse.has(m.to)) throw new Error(`550 mailbox unavailable: ${m.to}`);
    smtp.accepted.push(m.to);
  },
};

const queueMail = (...to: string[]) =>
  database.db.transaction(async (tx) => {
    for (const address of to) await mailer.queue(tx, { to: address, subject: 'Prova', body: 'Messaggio di prova.' });
  });
const unsent = async () => (await database.db.select({ n: count() }).from(outbox).where(isNull(outbox.sentAt)))[0].n;
const waitingJobs = async () => (await runner.boss.findJobs('mail.deliver', { queued: true })).length;

beforeAll(async () => {
  ({ database, close } = await openTestDatabase());
  mailer = createMailer({ from: config.MAIL_FROM, transport: smtp });
  runner = createJobRunner({ database, config, mailer, definitions: [deliverMail], worker: false });
  await runner.start();
});
beforeEach(async () => {
  await runner.drain();
  await database.db.delete(outbox);
  smtp.accepted = [];
  smtp.refuse.clear();
  mailer.useQueue(() => runner.enqueue(deliverMail, {}));
});
afterAll(async () => {
  await runner.stop();
  await close();
});

describe('outbox delivery as a background job', () => {
  it('queues one delivery after commit instead of sending in the request, then sends and marks every message', async () => {
    await queueMail('anna@example.test', 'bruno@example.test');
    await mailer.deliverPending(database.db);
    await mailer.deliverPending(database.db);
    expect(smtp.accepted).toEqual([]);
    expect(await unsent()).toBe(2);
    // Requests for a delivery while one waits collapse into it.
    expect(await waitingJobs()).toBe(1);
    const runs = await runner.drain();
    expect(runs.map((r) => [r.name, r.ok])).toEqual([['mail.deliver', true]]);
    expect(smtp.accepted.sort()).toEqual(['anna@example.test', 'bruno@example.test']);
    expect(await unsent()).toBe(0);
    expect((await runner.boss.findJobs('mail.deliver', { id: runs[0].id }))[0].output).toEqual({ sent: 2, failed: 0 });
  });

  it('keeps the error of a refused message, does not let it hold back new mail, and sends it at a later sweep', async () => {
    smtp.refuse.add('rifiuta@example.test');
    await queueMail('rifiuta@example.test', 'carla@example.test');
    await mailer.deliverPending(database.db);
    await runner.drain();
    const rows = await database.db.select().from(outbox).orderBy(asc(outbox.id));
    expect(rows.map((r) => [r.to, r.sentAt !== null, r.error])).toEqual([
      ['rifiuta@example.test', false, '550 mailbox unavailable: rifiuta@example.test'],
      ['carla@example.test', true, null],
    ]);
    smtp.refuse.clear();
    await runner.enqueue(deliverMail, {});
    await runner.drain();
    expect(smtp.accepted).toEqual(['carla@example.test', 'rifiuta@example.test']);
    const [retried] = await database.db.select().from(outbox).orderBy(asc(outbox.id));
    expect(retried.sentAt).not.toBeNull();
    expect(retried.error).toBeNull();
  });

  it('sends more than one batch of 50 in a single job', async () => {
    await queueMail(...Array.from({ length: 120 }, (_, i) => `persona${i}@example.test`));
    await mailer.deliverPending(database.db);
    expect((await runner.drain()).length).toBe(1);
    expect(smtp.accepted).toHaveLength(120);
    expect(await unsent()).toBe(0);
  });

  it('sends at once where no worker runs (the command line), and queues nothing without SMTP', async () => {
    mailer.useQueue(null);
    await queueMail('dario@example.test');
    await mailer.deliverPending(database.db);
    expect(smtp.accepted).toEqual(['dario@example.test']);
    expect(await waitingJobs()).toBe(0);

    const outboxOnly = createMailer({ from: config.MAIL_FROM });
    outboxOnly.useQueue(() => runner.enqueue(deliverMail, {}));
    await outboxOnly.queue(database.db, { to: 'elena@example.test', subject: 'Prova', body: 'Resta nella posta in uscita.' });
    await outboxOnly.deliverPending(database.db);
    expect(await waitingJobs()).toBe(0);
    expect(await unsent()).toBe(1);
  });
});
