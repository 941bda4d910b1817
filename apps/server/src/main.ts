import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from './config.ts';
import { loadDemoData } from './modules/demo/demo.seed.ts';
import { jobDefinitions } from './modules/jobs.ts';
import { prepareDatabase, wantsDemo } from './platform/bootstrap.ts';
import { buildApp } from './platform/http/app.ts';
import { createJobRunner } from './platform/jobs/job-runner.ts';
import { closeRenderPool } from './modules/reports/report-files.service.ts';
import { resumeReportBatches, useReportBatchQueue } from './modules/reports/report-batches.service.ts';
import { generateReportBatchJob } from './modules/reports/reports.jobs.ts';
import { applyImportJob, useImportQueue } from './modules/statistics/statistics.jobs.ts';
import { deliverMail } from './platform/mail/mail.jobs.ts';
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
  const jobs = createJobRunner({ database, config, mailer, definitions: jobDefinitions, worker: config.JOBS_WORKER === 'on', log });
  const shutdown = async (signal: string) => {
    log(`${signal}: chiusura in corso`);
    // Requests first, then the jobs they may have queued, then the database both use.
    await app.close();
    mailer.useQueue(null);
    useImportQueue(null);
    useReportBatchQueue(null);
    await jobs.stop();
    await closeRenderPool();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  log(`Mosaico è pronto su http://localhost:${config.PORT}`);
  // After listening, so the jobs' start-up (about half a second on PGlite) does not delay the first request.
  await jobs.start();
  // A request whose transaction committed must not fail for want of a queued delivery: the sweep sends it.
  mailer.useQueue(() => jobs.enqueue(deliverMail, {}).catch((err: Error) => log(`Consegna della posta non accodata: ${err.message}`)));
  useImportQueue((importId) => jobs.enqueue(applyImportJob, { importId }));
  useReportBatchQueue((batchId) => jobs.enqueue(generateReportBatchJob, { batchId }));
  // Batches a stopped server left half done go on from their first pending council.
  const resumed = await resumeReportBatches(database.db);
  if (resumed.length) log(`Generazioni di monografie riprese: ${resumed.join(', ')}`);
  // Mail left unsent while the server was down goes out now rather than at the next sweep.
  if (mailer.mode === 'smtp') await jobs.enqueue(deliverMail, {});
  log(config.JOBS_WORKER === 'on' ? 'Attività in background avviate' : 'Attività in background: solo accodate (JOBS_WORKER=off)');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
