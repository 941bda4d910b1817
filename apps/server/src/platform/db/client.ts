import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

export type Db = PgDatabase<PgQueryResultHKT>;
/** A database handle or an open transaction: services accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** true when this open created the database (first start on a new data directory). */
  fresh: boolean;
  /** What the job queue connects through: the same PGlite instance (one connection), or the server's URL. */
  connection: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; url: string };
  migrate(): Promise<void>;
  ping(): Promise<number>;
  close(): Promise<void>;
}

const migrationsFolder = path.resolve(import.meta.dirname, '../../../migrations');

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite in dataDir (or in memory for ':memory:'). */
export async function openDatabase(opts: { url?: string; dataDir?: string }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process; the pool replaces it.
    pool.on('error', (err) => console.error(`[mosaico] PostgreSQL connection lost: ${err.message}`));
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      fresh: false,
      connection: { kind: 'postgres', url: opts.url },
      migrate: () => migratePg(db as never, { migrationsFolder }),
      ping: () => timed(() => pool.query('select 1')),
      close: () => pool.end(),
    };
  }
  const dir = opts.dataDir ?? ':memory:';
  let fresh = true;
  let client: PGlite;
  if (dir === ':memory:') {
    client = new PGlite();
  } else {
    const pgdata = path.join(dir, 'pgdata');
    fresh = !fs.existsSync(path.join(pgdata, 'PG_VERSION'));
    fs.mkdirSync(pgdata, { recursive: true });
    client = new PGlite(pgdata);
  }
  await client.waitReady;
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    fresh,
    connection: { kind: 'pglite', client },
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    ping: () => timed(() => client.query('select 1')),
    close: () => client.close(),
  };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return Math.round((performance.now() - t) * 100) / 100;
}
