import { type Database, openDatabase } from '../db/client.ts';
import { createScratchDatabase } from './scratch-database.ts';

/**
 * A migrated database with no reference data, for platform tests (jobs, mail): in-memory PGlite, or, when
 * TEST_DATABASE_URL is set, a new database on that PostgreSQL server (dropped on close).
 */
export async function openTestDatabase(): Promise<{ database: Database; close(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const scratch = serverUrl ? await createScratchDatabase(serverUrl, 'jobs') : null;
  const database = await openDatabase(scratch ? { url: scratch.url } : { dataDir: ':memory:' });
  await database.migrate();
  return {
    database,
    async close() {
      await database.close();
      await scratch?.drop();
    },
  };
}
