import type { PGlite } from '@electric-sql/pglite';
import { type Db as JobsDb, fromPglite } from 'pg-boss';

/** pg-boss's own scripts (schema install, migrations, maintenance) arrive as one parameterless `BEGIN; …; COMMIT;` text. */
const OPENS_TRANSACTION = /^\s*BEGIN\b/i;

/**
 * pg-boss on the embedded PGlite, sharing the application's single connection.
 *
 * PGlite runs every `query`, `exec` and `transaction` under one lock, so a pg-boss statement waits for an
 * application transaction to finish and can never run inside it (and the reverse). What pg-boss's stock
 * `fromPglite` adapter gets wrong is a failing script: it runs `BEGIN; …; COMMIT;` with `exec`, which leaves
 * the session in an aborted transaction when a statement fails, and only sends its `ROLLBACK` later, after
 * releasing the lock, so an application transaction queued in between inherits the aborted transaction and
 * fails ("current transaction is aborted"). pg-boss fails statements on purpose (a division by zero guards
 * migrations), so this is not hypothetical. Here such scripts run inside `PGlite.transaction`, which rolls back
 * before it releases the lock. Single statements run as they are: on failure PostgreSQL has already rolled
 * their implicit transaction back. The stock adapter is kept for the rest (LISTEN, session statements of a
 * test clock).
 */
export function pgliteJobsDb(client: PGlite): JobsDb {
  const stock = fromPglite(client);
  const rowsOf = (results: { rows?: unknown[] }[]) => ({ rows: results.flatMap((r) => r.rows ?? []) });
  return {
    ...stock,
    async executeSql(text: string, values?: unknown[]) {
      if (values?.length) return client.query(text, values);
      // PGlite's own BEGIN comes first, so the script's BEGIN only warns; the script's COMMIT commits, and
      // PGlite's closing COMMIT only warns. On failure PGlite rolls back while it still holds the lock.
      if (OPENS_TRANSACTION.test(text)) return client.transaction(async (tx) => rowsOf(await tx.exec(text)));
      return rowsOf(await client.exec(text));
    },
  };
}
