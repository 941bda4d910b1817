#!/usr/bin/env node
// bench/analytics-import: a 1,000,000-row SDMX-CSV (107 provinces + Italy × 11 data types × sex × 3 age classes ×
// 96 months, written to /tmp) imported through the real service — dry run timed apart, then the apply (read the
// stored file, map, resolve territories, stage, compare, write in one transaction) — against a plain COPY of the
// same rows, already in data_values' shape, into a table shaped like data_values (same columns and indexes) in the
// same run. Target: the apply at ≥ 50% of COPY's rows/s.
//   BENCH_DB=postgres (default; a scratch database on BENCH_PG_URL) | pglite (a data directory in /tmp)
//   BENCH_ROWS (default 1000000)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = (p) => import(path.join(root, 'apps/server/src', p));
const kind = process.env.BENCH_DB ?? 'postgres';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const { sql } = await import('drizzle-orm');
const { openDatabase } = await src('platform/db/client.ts');
const { createScratchDatabase } = await src('platform/testing/scratch-database.ts');
const { loadConfig } = await src('config.ts');
const { createMailer } = await src('platform/mail/mailer.ts');
const { systemActor } = await src('platform/context.ts');
const { loadReferenceData } = await src('modules/territories/reference-data.ts');
const { createImport, applyImport } = await src('modules/statistics/imports.service.ts');
const { resolveTerritoryCodes } = await src('modules/territories/territories-resolve.ts');

const FLOW = 'IT1:99_999_DF_BENCH_POP_1(1.0)';
const popstrbil1 = fs.readFileSync(path.join(root, 'data/statistics/istat_bilancio_stranieri_province_2019_2023_POPSTRBIL1.csv'), 'utf8');
const areas = [...new Set(popstrbil1.split('\n').map((l) => l.split(',')[2]))].filter((c) => c === 'IT' || /^IT([A-Z]\d{2}|\d{3}|[A-Z]\d[A-Z])$/.test(c ?? ''));
const types = Array.from({ length: 11 }, (_, i) => `T${String(i + 1).padStart(2, '0')}`);
const months = [];
for (let y = 2017; y <= 2024; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);

function generate(file) {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'DATAFLOW,FREQ,REF_AREA,DATA_TYPE,SEX,AGE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,NOTE_REF_AREA,UNIT_MULT\n');
  const rows = [];
  let n = 0;
  let buf = '';
  outer: for (const a of areas)
    for (const t of types)
      for (const s of ['1', '2', '9'])
        for (const age of ['Y_LT18', 'Y18-64', 'Y_GE65'])
          for (const p of months) {
            if (n >= ROWS) break outer;
            const v = (n * 7919) % 1_000_003;
            buf += `${FLOW},M,${a},${t},${s},${age},${p},${v},${n % 10 ? '' : 'p'},,\n`;
            rows.push([a, t, s, age, p, v, n % 10 === 0]);
            n++;
            if (buf.length > 1 << 20) {
              fs.writeSync(out, buf);
              buf = '';
            }
          }
  fs.writeSync(out, buf);
  fs.closeSync(out);
  return rows;
}

const mapping = {
  kind: 'sdmx',
  dataflow: FLOW,
  territoryDimension: 'REF_AREA',
  territoryCodeKind: 'itter107',
  timeDimension: 'TIME_PERIOD',
  elementDimension: 'DATA_TYPE',
  elements: types.map((t) => ({ code: t, element: { code: `bench.${t.toLowerCase()}`, name: { it: t }, valueType: 'number', unit: null } })),
  element: null,
  breakdowns: [
    { dimension: 'SEX', category: 'sesso', totalCode: '9', options: [{ code: '1', option: 'M' }, { code: '2', option: 'F' }] },
    { dimension: 'AGE', category: 'eta', totalCode: null, options: ['Y_LT18', 'Y18-64', 'Y_GE65'].map((c) => ({ code: c, option: c })) },
  ],
  provisionalStatuses: ['p'],
};

async function main() {
  const file = path.join(os.tmpdir(), `mosaico-bench-import-${ROWS}.csv`);
  let t = performance.now();
  const rows = generate(file);
  console.log(`generated ${rows.length.toLocaleString('en')} SDMX rows (${(fs.statSync(file).size / 1e6).toFixed(1)} MB) in ${Math.round(performance.now() - t)} ms → ${file}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaico-bench-import-'));
  const scratch = kind === 'postgres' ? await createScratchDatabase(pgUrl, 'bench') : null;
  const database = await openDatabase(scratch ? { url: scratch.url } : { dataDir });
  try {
    await database.migrate();
    await database.db.transaction((tx) => loadReferenceData(tx));
    const config = loadConfig({ LOG_LEVEL: 'silent', MOSAICO_DATA_DIR: dataDir, IMPORT_MAX_UPLOAD_MB: '500' });
    const ctx = { db: database.db, actor: systemActor, requestId: null, lang: 'it', config, mailer: createMailer({ from: config.MAIL_FROM }) };
    const content = fs.readFileSync(file);

    t = performance.now();
    const dry = await createImport(ctx, { name: path.basename(file), content }, { dryRun: true, mapping: JSON.stringify(mapping) });
    const dryMs = performance.now() - t;
    if (dry.mappingIssues.length || dry.counts.new !== ROWS) throw new Error(`unexpected dry run: ${JSON.stringify({ counts: dry.counts, issues: dry.mappingIssues })}`);
    t = performance.now();
    const applied = await applyImport(ctx, dry.id, {});
    const applyMs = performance.now() - t;
    if (applied.status !== 'applied' || applied.counts.new !== ROWS) throw new Error(`apply: ${applied.status} ${JSON.stringify(applied.failure ?? applied.counts)}`);

    // The same rows in data_values' shape, for COPY (prepared untimed: ids resolved, breakdowns canonical).
    const ids = new Map((await database.db.execute(sql`select id, code from data_elements where code like 'bench.%'`)).rows.map((r) => [r.code, r.id]));
    const resolved = await resolveTerritoryCodes(database.db, areas.flatMap((code) => months.map((m) => ({ code, at: `${m}-01` }))), 'itter107');
    const sexOf = { 1: 'M', 2: 'F' };
    let csv = '';
    for (const [a, ty, s, age, p, v, prov] of rows) {
      const dims = s === '9' ? { eta: age } : { eta: age, sesso: sexOf[s] };
      const key = Object.keys(dims).sort().map((k) => `${k}=${dims[k]}`).join(';');
      csv += `${ids.get(`bench.${ty.toLowerCase()}`)},${key},"${JSON.stringify(dims).replaceAll('"', '""')}",${p},${resolved.get(`${a}|${p}-01`)},${v},import,0,${prov ? 't' : 'f'}\n`;
    }
    const copyFile = path.join(os.tmpdir(), `mosaico-bench-copy-${ROWS}.csv`);
    fs.writeFileSync(copyFile, csv);
    fs.chmodSync(copyFile, 0o644);
    const columns = 'data_element_id, disaggregation, dimensions, period, territory_id, value, source_type, source_id, provisional';
    async function copyInto(table) {
      const t0 = performance.now();
      if (database.connection.kind === 'pglite') {
        await database.connection.client.query(`copy ${table} (${columns}) from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
      } else {
        // node-postgres has no COPY FROM STDIN without an extra package: the server reads the file (same host).
        await database.db.execute(sql.raw(`copy ${table} (${columns}) from '${copyFile}' with (format csv)`));
      }
      const ms = performance.now() - t0;
      const [{ n }] = (await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))).rows;
      if (n !== ROWS) throw new Error(`COPY wrote ${n} rows`);
      return ms;
    }
    // Same columns, defaults, indexes and foreign keys as data_values (the checks an import's rows go through too)…
    await database.db.execute(sql`create table bench_copy (like data_values including defaults including indexes)`);
    await database.db.execute(sql`alter table bench_copy add foreign key (data_element_id) references data_elements (id),
      add foreign key (territory_id) references territories (id), add foreign key (council_id) references councils (id)`);
    const copyMs = await copyInto('bench_copy');
    // …and, for reference, without the foreign keys.
    await database.db.execute(sql`create table bench_copy_nofk (like data_values including defaults including indexes)`);
    const copyNoFkMs = await copyInto('bench_copy_nofk');

    const rate = (ms) => Math.round(ROWS / (ms / 1000));
    console.log(`database: ${kind}`);
    console.log(`dry run (read, profile, map, resolve, stage, compare): ${Math.round(dryMs)} ms, ${rate(dryMs).toLocaleString('en')} rows/s`);
    console.log(`apply   (read, map, resolve, stage, compare, write):   ${Math.round(applyMs)} ms, ${rate(applyMs).toLocaleString('en')} rows/s`);
    console.log(`COPY into a data_values-shaped table (indexes, FKs): ${Math.round(copyMs)} ms, ${rate(copyMs).toLocaleString('en')} rows/s`);
    console.log(`COPY into the same without FKs (reference):         ${Math.round(copyNoFkMs)} ms, ${rate(copyNoFkMs).toLocaleString('en')} rows/s`);
    console.log(`apply / COPY throughput: ${Math.round((copyMs / applyMs) * 100)}% (target ≥ 50%); without FKs in the COPY: ${Math.round((copyNoFkMs / applyMs) * 100)}%`);
    fs.rmSync(copyFile, { force: true });
  } finally {
    await database.close();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
