import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from './config.ts';
import { loadDemoData } from './modules/demo/demo.seed.ts';
import { prepareDatabase, wantsDemo } from './platform/bootstrap.ts';
import { buildApp } from './platform/http/app.ts';
import { createMailer } from './platform/mail/mailer.ts';

const version = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8')).version as string;

async function main() {
  const config = loadConfig();
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  const log = (msg: string) => console.log(`[mosaico] ${msg}`);
  log(config.DATABASE_URL ? 'Database: PostgreSQL (DATABASE_URL)' : `Database: PGlite incorporato in ${config.dataDir}`);
  const database = await prepareDatabase(config, log);
  if (wantsDemo(config, database)) {
    const accounts = await loadDemoData({ db: database.db, config, mailer });
    if (accounts.length) {
      log('Dati dimostrativi caricati. Account (password uguale per tutti, vedi README):');
      for (const a of accounts) log(`  ${a.role.padEnd(22)} ${a.email}  (${a.scope})`);
    }
  }
  const app = await buildApp({ config, database, mailer, version });
  const shutdown = async (signal: string) => {
    log(`${signal}: chiusura in corso`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  log(`Mosaico è pronto su http://localhost:${config.PORT}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
