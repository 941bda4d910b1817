#!/usr/bin/env node
// bench/forms: on PGlite (a data directory on disk, as `npm start`) and on PostgreSQL (a scratch database it
// creates and drops on BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres), with a campaign of
// 110 councils and a complete year of values of the default form:
//   · saving a 200-value batch with full validation, through the service and through HTTP (fastify inject),
//     against the plain SQL upsert of the same 200 rows;
//   · validating the whole filled default form with the engine alone, against reading every value once;
//   · the campaign overview (service and HTTP, plus its CSV/XLSX exports), against the plain SELECT of its rows.
// Every figure is beside its baseline measured in the same run. Targets (PostgreSQL): save p95 < 100 ms,
// overview < 200 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { completeValues } from './forms-values.mjs';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = (p) => import(path.join(root, 'apps/server/src', p));
const runs = Number(process.env.BENCH_RUNS ?? 60);
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const { and, eq, sql } = await import('drizzle-orm');
const { openDatabase } = await src('platform/db/client.ts');
const { createScratchDatabase } = await src('platform/testing/scratch-database.ts');
const { buildApp } = await src('platform/http/app.ts');
const { loadConfig } = await src('config.ts');
const { createMailer } = await src('platform/mail/mailer.ts');
const { systemActor } = await src('platform/context.ts');
const { loadReferenceData } = await src('modules/territories/reference-data.ts');
const { seedCouncils } = await src('modules/councils/councils.seed.ts');
const { createCouncil } = await src('modules/councils/councils.service.ts');
const { seedDefaultForm } = await src('modules/forms/forms.seed.ts');
const { createUser } = await src('modules/users/users.service.ts');
const { createCampaign } = await src('modules/campaigns/campaigns.service.ts');
const { saveValues } = await src('modules/campaigns/submission-values.service.ts');
const { getCampaignOverview } = await src('modules/campaigns/campaign-overview.service.ts');
const { compiledFormOf } = await src('modules/campaigns/submission-loader.ts');
const { campaigns, submissions, submissionValues, submissionValueHistory } = await src('modules/campaigns/campaigns.schema.ts');
const { councils } = await src('modules/councils/councils.schema.ts');
const { territories } = await src('modules/territories/territories.schema.ts');
const { formVersions } = await src('modules/forms/forms.schema.ts');
const { evaluateForm } = await import(path.join(root, 'packages/form-engine/src/evaluate-form.ts'));

const PASSWORD = 'Bench-Forms-2026!';
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const stats = (xs) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) });
async function time(n, fn, warmup = 5) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i + warmup);
    out.push(performance.now() - t);
  }
  return stats(out);
}

/** A database like production's, the 110-council campaign and its year of values. */
async function prepare(kind) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaico-bench-forms-'));
  const scratch = kind === 'postgres' ? await createScratchDatabase(pgUrl, 'bench') : null;
  const database = await openDatabase(scratch ? { url: scratch.url } : { dataDir });
  try {
    return await fill(database, dataDir, scratch);
  } catch (err) {
    await database.close();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

async function fill(database, dataDir, scratch) {
  await database.migrate();
  await database.db.transaction(async (tx) => {
    await loadReferenceData(tx);
    await seedCouncils(tx);
  });
  const config = loadConfig({ LOG_LEVEL: 'silent', MOSAICO_DATA_DIR: dataDir });
  const mailer = createMailer({ from: config.MAIL_FROM });
  const system = { db: database.db, actor: systemActor, requestId: null, lang: 'it', config, mailer };
  await seedDefaultForm(system);
  // 107 councils of the 2017–2025 provinces, and three for Sardinian units of 2026: the 110 of the target.
  for (const [plate, code, name] of [
    ['OT', '113', 'Gallura Nord-Est Sardegna'],
    ['OG', '116', 'Ogliastra'],
    ['VS', '117', 'Medio Campidano'],
  ]) {
    await createCouncil(system, { code: `CTI-${plate}`, name: `Consiglio Territoriale per l’Immigrazione – ${name}`, prefecture: `Prefettura (banco di prova) – ${name}`, territoryCodes: [code] });
  }
  const [form] = await database.db.select().from(formVersions).limit(1);
  const campaign = await createCampaign(system, { formId: form.formId, version: form.version, year: 2025, deadline: '2026-03-31' });
  const subs = await database.db.select({ id: submissions.id, councilId: submissions.councilId }).from(submissions).where(eq(submissions.campaignId, campaign.id)).orderBy(submissions.id);
  const target = subs[0];
  const person = async (email, roles) => {
    const u = await createUser(system, { email, name: email.split('@')[0], locale: 'it', password: PASSWORD, roles });
    return { id: u.id, email, name: u.name, locale: 'it', roles };
  };
  const referent = await person('referente@bench.test', [{ role: 'council_referent', scopeType: 'council', scopeId: target.councilId }]);
  const admin = await person('admin@bench.test', [{ role: 'national_admin', scopeType: 'nation', scopeId: null }]);
  const compiled = compiledFormOf(form.id, form.definition);
  const year = completeValues(compiled, 0);
  // One submission filled through the real service (so the values are proven valid), the other 109 copied by SQL.
  await saveValues({ ...system, actor: referent }, target.id, year);
  const [filled] = await database.db.select().from(submissions).where(eq(submissions.id, target.id));
  await database.db.execute(sql`
    insert into submission_values (submission_id, value_key, item_code, value, updated_by, updated_at)
    select s.id, v.value_key, v.item_code, v.value, v.updated_by, v.updated_at
    from submission_values v cross join submissions s
    where v.submission_id = ${target.id} and s.campaign_id = ${campaign.id} and s.id <> ${target.id}`);
  await database.db.execute(sql`
    insert into submission_value_history (submission_id, value_key, before, after, changed_by, changed_at)
    select s.id, h.value_key, h.before, h.after, h.changed_by, h.changed_at
    from submission_value_history h cross join submissions s
    where h.submission_id = ${target.id} and s.campaign_id = ${campaign.id} and s.id <> ${target.id}`);
  // A year's end: most approved or submitted, some returned or locked, a fifth still drafts.
  const statuses = ['approved', 'approved', 'submitted', 'approved', 'draft', 'returned', 'submitted', 'locked', 'approved', 'draft'];
  for (const [i, s] of subs.entries()) {
    if (s.id === target.id) continue;
    await database.db
      .update(submissions)
      .set({ status: statuses[i % statuses.length], revision: 1, filled: filled.filled, expected: filled.expected, errorCount: filled.errorCount, lastActivityAt: filled.lastActivityAt })
      .where(eq(submissions.id, s.id));
  }
  const app = await buildApp({ config, database, mailer, version: 'bench' });
  await app.ready();
  const cookieOf = async (email) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    return String(res.headers['set-cookie']).split(';')[0];
  };
  const [[{ n: valueRows }], [{ n: historyRows }]] = await Promise.all([
    database.db.select({ n: sql`count(*)::int` }).from(submissionValues),
    database.db.select({ n: sql`count(*)::int` }).from(submissionValueHistory),
  ]);
  return {
    database,
    app,
    system,
    campaignId: campaign.id,
    councils: subs.length,
    target: target.id,
    referent,
    admin,
    cookies: { referent: await cookieOf(referent.email), admin: await cookieOf(admin.email) },
    compiled,
    year,
    valueRows,
    historyRows,
    async close() {
      await app.close();
      await database.close();
      await scratch?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function measure(kind) {
  const t0 = performance.now();
  const b = await prepare(kind);
  const setupMs = performance.now() - t0;
  try {
    return { kind, setupMs, ...(await run(b)) };
  } finally {
    await b.close();
  }
}

async function run(b) {
  const db = b.database.db;
  // The batch: the first 200 value keys of the form (sections gen, pres, acc, sal), alternating between two
  // complete sets so every save rewrites them (all but the few that are the same in both: the year, yes/no gates).
  const keys = Object.keys(b.year).slice(0, 200);
  const variants = [completeValues(b.compiled, 1), completeValues(b.compiled, 0)];
  const batchOf = (i) => Object.fromEntries(keys.map((k) => [k, variants[i % 2][k]]));
  const referentCtx = { ...b.system, actor: b.referent };
  const adminCtx = { ...b.system, actor: b.admin };

  let changed = 0;
  const save = await time(runs, async (i) => {
    const r = await saveValues(referentCtx, b.target, batchOf(i));
    changed = r.changed.length;
  });
  const saveHttp = await time(runs, async (i) => {
    const res = await b.app.inject({ method: 'PUT', url: `/api/v1/submissions/${b.target}/values`, headers: { cookie: b.cookies.referent }, payload: { values: batchOf(i) } });
    if (res.statusCode !== 200) throw new Error(`save over HTTP: ${res.statusCode} ${res.body.slice(0, 200)}`);
  });
  const itemOf = new Map([...b.compiled.keys].map(([k, v]) => [k, v.item.code]));
  const saveSql = await time(runs, async (i) => {
    const batch = batchOf(i);
    const now = new Date();
    await db.transaction(async (tx) => {
      await tx
        .insert(submissionValues)
        .values(keys.map((k) => ({ submissionId: b.target, valueKey: k, itemCode: itemOf.get(k) ?? k, value: batch[k], updatedBy: b.referent.id, updatedAt: now })))
        .onConflictDoUpdate({ target: [submissionValues.submissionId, submissionValues.valueKey], set: { value: sql`excluded.value`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`excluded.updated_at` } });
    });
  });

  const validate = await time(runs * 3, () => evaluateForm(b.compiled, b.year));
  const readOnce = await time(runs * 3, () => JSON.parse(JSON.stringify(b.year)));

  const overview = await time(runs, async () => {
    const o = await getCampaignOverview(adminCtx, b.campaignId, {});
    if (o.rows.length !== b.councils) throw new Error(`overview rows ${o.rows.length}`);
  });
  const overviewHttp = await time(runs, async () => {
    const res = await b.app.inject({ method: 'GET', url: `/api/v1/campaigns/${b.campaignId}/overview`, headers: { cookie: b.cookies.admin } });
    if (res.statusCode !== 200) throw new Error(`overview over HTTP: ${res.statusCode}`);
  });
  const exportOf = (format) =>
    time(Math.max(10, runs / 4), async () => {
      const res = await b.app.inject({ method: 'GET', url: `/api/v1/campaigns/${b.campaignId}/submissions.${format}`, headers: { cookie: b.cookies.admin } });
      if (res.statusCode !== 200) throw new Error(`export ${format}: ${res.statusCode}`);
    });
  const csv = await exportOf('csv');
  const xlsx = await exportOf('xlsx');
  const overviewSql = await time(runs, async () => {
    const rows = await db
      .select({ s: submissions, c: councils, r: territories.name })
      .from(submissions)
      .innerJoin(campaigns, eq(campaigns.id, submissions.campaignId))
      .innerJoin(councils, eq(councils.id, submissions.councilId))
      .innerJoin(territories, eq(territories.id, councils.regionId))
      .where(and(eq(submissions.campaignId, b.campaignId)))
      .orderBy(territories.name, councils.name);
    if (rows.length !== b.councils) throw new Error('baseline rows');
  });
  return { changed, councils: b.councils, valueRows: b.valueRows, historyRows: b.historyRows, keys: Object.keys(b.year).length, save, saveHttp, saveSql, validate, readOnce, overview, overviewHttp, csv, xlsx, overviewSql };
}

const ms = (x) => `${x.toFixed(1).padStart(7)} ms`;
const pair = (s) => `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}`;
const ratio = (a, base) => `×${(a.p50 / base.p50).toFixed(1)} (p50)`;

function print(r) {
  console.log(`\n${r.kind === 'pglite' ? 'PGlite (data directory on disk)' : `PostgreSQL (${new URL(pgUrl).host}, scratch database)`}`);
  console.log(`  set-up: ${r.councils} councils, ${r.valueRows} value rows, ${r.historyRows} history rows, ${r.keys} keys per form (${(r.setupMs / 1000).toFixed(1)} s)`);
  console.log(`  save 200 values, full validation (service)    ${pair(r.save)}   ${ratio(r.save, r.saveSql)} baseline   (${r.changed} of them changed)`);
  console.log(`  save 200 values, full validation (HTTP inject) ${pair(r.saveHttp)}   ${ratio(r.saveHttp, r.saveSql)} baseline`);
  console.log(`  baseline: one SQL upsert of the same 200 rows   ${pair(r.saveSql)}`);
  console.log(`  validate the whole filled form (engine alone)  ${pair(r.validate)}   ${ratio(r.validate, r.readOnce)} baseline`);
  console.log(`  baseline: read every value once (JSON copy)     ${pair(r.readOnce)}`);
  console.log(`  campaign overview, ${r.councils} councils (service)     ${pair(r.overview)}   ${ratio(r.overview, r.overviewSql)} baseline`);
  console.log(`  campaign overview (HTTP inject)               ${pair(r.overviewHttp)}   ${ratio(r.overviewHttp, r.overviewSql)} baseline`);
  console.log(`  overview export CSV (HTTP inject)             ${pair(r.csv)}`);
  console.log(`  overview export XLSX (HTTP inject)            ${pair(r.xlsx)}`);
  console.log(`  baseline: plain SELECT of the same rows         ${pair(r.overviewSql)}`);
}

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
// Figures on a shared machine move with its load: it is printed so a run can be judged.
console.log(`Mosaico bench/forms — Node ${process.version}, ${os.cpus().length} CPU, load average ${load()}, ${runs} runs per figure (after 5 warm-up runs)`);
// BENCH_DB=pglite or postgres measures one database only (default: both).
const which = process.env.BENCH_DB ?? 'both';
const results = [];
if (which !== 'postgres') {
  results.push(await measure('pglite'));
  print(results.at(-1));
}
if (which !== 'pglite') {
  try {
    results.push(await measure('postgres'));
    print(results.at(-1));
  } catch (err) {
    console.log(`\nPostgreSQL: not measured (${err.message})`);
  }
}
const pg = results.find((r) => r.kind === 'postgres');
if (pg) {
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  console.log(`\nTargets on PostgreSQL: save p95 ${pg.save.p95.toFixed(1)} ms < 100 ms ${verdict(pg.save.p95 < 100)}; overview p95 ${pg.overviewHttp.p95.toFixed(1)} ms (HTTP) < 200 ms ${verdict(pg.overviewHttp.p95 < 200)}`);
}
console.log(`Load average at the end: ${load()}`);
