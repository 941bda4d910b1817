import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../config.ts';
import { seedCouncils } from '../../modules/councils/councils.seed.ts';
import { seedIndicators } from '../../modules/indicators/indicators.seed.ts';
import { loadReferenceData } from '../../modules/territories/reference-data.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { buildApp } from '../http/app.ts';
import { createMailer } from '../mail/mailer.ts';
import { createScratchDatabase } from './scratch-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/**
 * A fully wired app on a fresh database with the reference data loaded: in-memory PGlite, or, when
 * TEST_DATABASE_URL is set, a new database on that PostgreSQL server (dropped on close).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  extend?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const scratch = serverUrl ? await createScratchDatabase(serverUrl) : null;
  const database = await openDatabase(scratch ? { url: scratch.url } : { dataDir: ':memory:' });
  await database.migrate();
  await database.db.transaction(async (tx) => {
    await loadReferenceData(tx);
    await seedCouncils(tx);
    await seedIndicators(tx);
  });
  const config = loadConfig({ LOG_LEVEL: 'silent', MOSAICO_DATA_DIR: '/nonexistent', ...env });
  const app = await buildApp({ config, database, mailer: createMailer({ from: config.MAIL_FROM }), version: 'test' });
  extend?.(app);
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
      await scratch?.drop();
    },
  };
}

/** A signed-in client: keeps the session cookie and sends JSON. */
export interface Client {
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  cookie: string | null;
}

export function client(app: FastifyInstance, cookie: string | null = null): Client {
  const c: Client = {
    cookie,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: withCookie(headers) }),
    post: (url, body, headers = {}) => app.inject({ method: 'POST', url, payload: body as object, headers: withCookie(headers) }),
    patch: (url, body, headers = {}) => app.inject({ method: 'PATCH', url, payload: body as object, headers: withCookie(headers) }),
    put: (url, body, headers = {}) => app.inject({ method: 'PUT', url, payload: body as object, headers: withCookie(headers) }),
    delete: (url, headers = {}) => app.inject({ method: 'DELETE', url, headers: withCookie(headers) }),
  };
  function withCookie(h: Record<string, string>) {
    return c.cookie ? { ...h, cookie: c.cookie } : h;
  }
  return c;
}

/** Signs in through the real login route and returns a client holding the session. */
export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : (setCookie as string);
  return client(app, raw.split(';')[0]);
}
