import type { Config } from '../config.ts';
import { seedCouncils } from '../modules/councils/councils.seed.ts';
import { seedDefaultForm } from '../modules/forms/forms.seed.ts';
import { seedIndicators } from '../modules/indicators/indicators.seed.ts';
import { seedDefaultTemplate } from '../modules/reports/report-templates.service.ts';
import { seedProgrammeTargets } from '../modules/targets/targets.seed.ts';
import { loadReferenceData } from '../modules/territories/reference-data.ts';
import { type Database, openDatabase } from './db/client.ts';
import { createMailer } from './mail/mailer.ts';

/** Opens the configured database, applies migrations and loads the reference territories, councils and default form. */
export async function prepareDatabase(config: Config, log: (msg: string) => void = () => {}): Promise<Database> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  await database.migrate();
  const t0 = performance.now();
  const ref = await database.db.transaction((tx) => loadReferenceData(tx));
  if (ref.loaded) {
    const n = await database.db.transaction((tx) => seedCouncils(tx));
    log(
      `Dati di riferimento caricati: ${ref.counts.regions} regioni, ${ref.counts.provinces} province/UTS, ${ref.counts.comuni} comuni, ${n} consigli (${Math.round(performance.now() - t0)} ms)`,
    );
  }
  const starters = await database.db.transaction((tx) => seedIndicators(tx));
  if (starters) log(`Indicatori di partenza caricati: ${starters}`);
  if (await database.db.transaction((tx) => seedDefaultTemplate(tx))) log('Modello di monografia provinciale predefinito caricato');
  if (await database.db.transaction((tx) => seedProgrammeTargets(tx))) log('Obiettivi del programma predefiniti caricati');
  const formItems = await seedDefaultForm({ db: database.db, config, mailer: createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }) });
  if (formItems) log(`Scheda di monitoraggio CTI pubblicata (versione 1, ${formItems} voci)`);
  return database;
}

/** Demo accounts are loaded on a new embedded database unless MOSAICO_DEMO says otherwise. */
export function wantsDemo(config: Config, database: Database): boolean {
  if (config.MOSAICO_DEMO === 'on') return true;
  if (config.MOSAICO_DEMO === 'off') return false;
  return database.kind === 'pglite' && database.fresh;
}
