import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { fromPglite, PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteJobsDb } from './pglite-jobs-db.ts';

// Always on the embedded database: these are the properties of sharing PGlite's one connection with pg-boss.
let client: PGlite;
let db: ReturnType<typeof drizzle>;
let boss: PgBoss;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  client = new PGlite();
  await client.waitReady;
  db = drizzle(client);
  await db.execute(sql`create table notes (id serial primary key, text text not null)`);
  boss = new PgBoss({ db: pgliteJobsDb(client), backend: 'pglite', supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue('notes.index');
});
afterAll(async () => {
  await boss.stop();
  await client.close();
});

describe('pg-boss on the embedded database', () => {
  it('queues a job only after an open application transaction ends, and outside it', async () => {
    const steps: string[] = [];
    const app = db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into notes (text) values ('in the transaction')`);
        steps.push('app wrote');
        await sleep(300);
        steps.push('app rolls back');
        tx.rollback();
      })
      .catch(() => steps.push('app rolled back'));
    await sleep(20);
    const id = await boss.send('notes.index', { note: 1 });
    steps.push('job queued');
    await app;
    expect(steps).toEqual(['app wrote', 'app rolls back', 'app rolled back', 'job queued']);
    // Rolling the application back did not take the job with it: it was never inside that transaction.
    expect(await boss.findJobs('notes.index', { id: id as string })).toHaveLength(1);
    expect((await client.query<{ n: number }>('select count(*)::int as n from notes')).rows[0].n).toBe(0);
  });

  it('rolls a failed pg-boss script back before the next application transaction runs', async () => {
    // pg-boss fails statements on purpose (a division by zero guards its migrations).
    const failing = 'BEGIN; SELECT 1; SELECT 1/0; COMMIT;';
    const appTransaction = () =>
      db
        .transaction(async (tx) => {
          await tx.execute(sql`insert into notes (text) values ('after the script')`);
          return 'committed';
        })
        .catch((e: Error) => e.cause instanceof Error ? e.cause.message : e.message);

    const script = pgliteJobsDb(client).executeSql(failing).catch((e: Error) => e.message);
    const app = appTransaction();
    expect(await script).toBe('division by zero');
    expect(await app).toBe('committed');
    expect(client.isInTransaction()).toBe(false);

    // pg-boss's own adapter rolls back only after letting the waiting transaction in, which then fails:
    // the reason for ours. Should this start passing, the stock adapter has been fixed.
    const stock = fromPglite(client).executeSql(failing).catch((e: Error) => e.message);
    const unlucky = appTransaction();
    expect(await stock).toBe('division by zero');
    expect(await unlucky).toMatch(/current transaction is aborted/);
  });

  it('returns the rows of a script that succeeds and leaves no transaction open', async () => {
    const result = await pgliteJobsDb(client).executeSql('BEGIN; SELECT 1 AS a; SELECT 2 AS b; COMMIT;');
    expect(result.rows).toEqual([{ a: 1 }, { b: 2 }]);
    expect(client.isInTransaction()).toBe(false);
  });
});
