#!/usr/bin/env node
// bench/analytics: indicators computed at query time on a synthetic store of data values.
//   · store: BENCH_ELEMENTS (default 450) elements × 15 breakdowns (total, sex, sex × 6 classes) × every province
//     in force each year × 15 years (2017–2031: 107 provinces up to 2025, 110 units from 2026) ≈ 10.6 million values,
//     plus foreign residents by province (total and by sex) and the resident population (by province, and by comune
//     in 2023 as the shipped file), loaded with
//     generate_series in SQL;
//   · one ratio-of-sums indicator (quota_stranieri: foreign residents / population, comuni rolled up) for all
//     provinces and all years, then its region and nation roll-ups, through the real service, for a national admin
//     and for a council referent (the scope filter on), against a plain SELECT of the same stored rows;
//   · from a value's save (the data-values submission service, and a direct import-source write) to its
//     appearance in the national roll-up.
// BENCH_DB=postgres|pglite (default both), BENCH_RUNS (default 30), BENCH_PG_URL (a server to create a scratch db on).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = (p) => import(path.join(root, 'apps/server/src', p));
const runs = Number(process.env.BENCH_RUNS ?? 30);
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const kinds = process.env.BENCH_DB ? [process.env.BENCH_DB] : ['postgres', 'pglite'];
const YEARS = [2017, 2031];

const { sql } = await import('drizzle-orm');
const { openDatabase } = await src('platform/db/client.ts');
const { createScratchDatabase } = await src('platform/testing/scratch-database.ts');
const { loadConfig } = await src('config.ts');
const { createMailer } = await src('platform/mail/mailer.ts');
const { systemActor } = await src('platform/context.ts');
const { loadReferenceData } = await src('modules/territories/reference-data.ts');
const { seedCouncils } = await src('modules/councils/councils.seed.ts');
const { seedIndicators } = await src('modules/indicators/indicators.seed.ts');
const { getIndicatorValues } = await src('modules/indicators/indicator-analysis.service.ts');
const { syncSubmissionDataValues } = await src('modules/data-values/data-values.service.ts');

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const stats = (xs) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) });
async function time(n, fn, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i + warmup);
    out.push(performance.now() - t);
  }
  return stats(out);
}
const ms = (x) => `${x.toFixed(1)} ms`;
const line = (label, s, base) => console.log(`  ${label.padEnd(58)} p50 ${ms(s.p50).padStart(10)}  p95 ${ms(s.p95).padStart(10)}${base ? `  (× ${(s.p50 / base.p50).toFixed(1)} of baseline)` : ''}`);
const rowsOf = (r) => r.rows;

async function load(db, elements) {
  const t0 = performance.now();
  await db.execute(sql`
    insert into data_elements (code, name, value_type, categories)
    select 'bench.e' || lpad(g::text, 4, '0'), jsonb_build_object('it', 'Dato di prova ' || g), 'number', '["sesso","classe"]'::jsonb
    from generate_series(1, ${elements}::int) g`);
  await db.execute(sql`
    insert into data_elements (code, name, value_type, categories) values
      ('istat.stranieri_residenti', '{"it":"Stranieri residenti"}', 'number', '["sesso"]'),
      ('istat.popolazione_residente', '{"it":"Popolazione residente"}', 'number', '[]')`);
  // Provinces and comuni in force on 1 January of each year (the 2017 layout up to 2025, the 2026 one after).
  await db.execute(sql`
    create temporary table bench_places as
    select y::text as period, t.id as territory_id, t.level
    from generate_series(${YEARS[0]}::int, ${YEARS[1]}::int) y
    join territories t on t.level in ('province', 'comune') and t.valid_from <= make_date(y, 1, 1)
      and (t.valid_to is null or t.valid_to >= make_date(y, 1, 1))`);
  await db.execute(sql`
    create temporary table bench_breakdowns as
    select '' as d, '{}'::jsonb as m
    union all select 'sesso=' || s, jsonb_build_object('sesso', s) from unnest(array['M','F']) s
    union all select 'classe=c' || c || ';sesso=' || s, jsonb_build_object('classe', 'c' || c, 'sesso', s)
      from unnest(array['M','F']) s, generate_series(1, 6) c`);
  // Indexes are built once after the load rather than kept up to date row by row (as a bulk restore does).
  const indexes = rowsOf(await db.execute(sql`select indexname, indexdef from pg_indexes where tablename = 'data_values' and indexname <> 'data_values_pkey'`));
  for (const i of indexes) await db.execute(sql.raw(`drop index ${i.indexname}`));
  const synthetic = await db.execute(sql`
    insert into data_values (data_element_id, disaggregation, dimensions, period, territory_id, value, source_type, source_id)
    select e.id, b.d, b.m, p.period, p.territory_id, (e.id * 7 + p.territory_id * 13 + length(b.d)) % 1000, 'import', 1
    from data_elements e cross join bench_breakdowns b join bench_places p on p.level = 'province'
    where e.code like 'bench.%'`);
  const sr = await db.execute(sql`
    insert into data_values (data_element_id, disaggregation, dimensions, period, territory_id, value, source_type, source_id)
    select e.id, b.d, b.m, p.period, p.territory_id,
      case when b.d = '' then 20000 + (p.territory_id * 37 + p.period::int * 11) % 5000 else 10000 + (p.territory_id * 17) % 2500 end, 'import', 2
    from data_elements e cross join (select * from bench_breakdowns where d not like 'classe%') b join bench_places p on p.level = 'province'
    where e.code = 'istat.stranieri_residenti'`);
  // Population by province every year, and by comune in 2023 as the shipped file (rolled up to its provinces).
  const pop = await db.execute(sql`
    insert into data_values (data_element_id, disaggregation, dimensions, period, territory_id, value, source_type, source_id)
    select e.id, '', '{}', p.period, p.territory_id, 1000 + (p.territory_id * 31) % 20000, 'import', 3
    from data_elements e join bench_places p on (p.level = 'province' and p.period <> '2023') or (p.level = 'comune' and p.period = '2023')
    where e.code = 'istat.popolazione_residente'`);
  const loadedAt = performance.now();
  for (const i of indexes) await db.execute(sql.raw(i.indexdef));
  await db.execute(sql`analyze data_values`);
  console.log(`  (rows ${((loadedAt - t0) / 1000).toFixed(1)} s, indexes and statistics ${((performance.now() - loadedAt) / 1000).toFixed(1)} s)`);
  const [{ n }] = rowsOf(await db.execute(sql`select count(*)::int as n from data_values`));
  return { n, seconds: (performance.now() - t0) / 1000, parts: [synthetic, sr, pop].map((r) => r.rowCount ?? r.affectedRows ?? '?') };
}

async function bench(kind) {
  const elements = Number(process.env[`BENCH_ELEMENTS_${kind.toUpperCase()}`] ?? process.env.BENCH_ELEMENTS ?? 450);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaico-bench-analytics-'));
  // BENCH_PG_DB: a database a previous run kept (BENCH_KEEP=1), to measure again without loading.
  const reuse = kind === 'postgres' ? process.env.BENCH_PG_DB : undefined;
  const scratch = kind === 'postgres' && !reuse ? await createScratchDatabase(pgUrl, 'bench') : null;
  const database = await openDatabase(reuse ? { url: reuse } : scratch ? { url: scratch.url } : { dataDir });
  try {
    const db = database.db;
    console.log(`\n${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} (${elements} synthetic elements)`);
    if (!reuse) {
      await database.migrate();
      await database.db.transaction(async (tx) => {
        await loadReferenceData(tx);
        await seedCouncils(tx);
        await seedIndicators(tx);
      });
      const loaded = await load(db, elements);
      console.log(`  store: ${loaded.n.toLocaleString('en')} data values loaded in ${loaded.seconds.toFixed(1)} s`);
    } else {
      const [{ n }] = rowsOf(await db.execute(sql`select count(*)::int as n from data_values`));
      console.log(`  store: ${n.toLocaleString('en')} data values (kept from an earlier run)`);
    }

    const config = loadConfig({ LOG_LEVEL: 'silent', MOSAICO_DATA_DIR: '/nonexistent' });
    const mailer = createMailer({ from: config.MAIL_FROM });
    const admin = { db, actor: systemActor, requestId: null, lang: 'it', config, mailer };
    const [council] = rowsOf(await db.execute(sql`
      select c.id, ct.territory_id from councils c join council_territories ct on ct.council_id = c.id order by c.code limit 1`));
    const referent = { ...admin, actor: { id: null, email: 'bench', name: 'bench', locale: 'it', roles: [{ role: 'council_referent', scopeType: 'council', scopeId: council.id }] } };
    const q = (level) => ({ level, format: 'json' });
    const all = async (ctx) => {
      const p = await getIndicatorValues(ctx, 'quota_stranieri', q('province'));
      const r = await getIndicatorValues(ctx, 'quota_stranieri', q('region'));
      const n = await getIndicatorValues(ctx, 'quota_stranieri', q('nation'));
      return p.length + r.length + n.length;
    };
    const count = await all(admin);
    const [ids] = rowsOf(await db.execute(sql`
      select (select id from data_elements where code = 'istat.stranieri_residenti') as sr, (select id from data_elements where code = 'istat.popolazione_residente') as pop`));
    const baseline = await time(runs, () =>
      db.execute(sql`select territory_id, period, value from data_values where data_element_id in (${ids.sr}, ${ids.pop}) and disaggregation = ''`),
    );
    const [{ n: baseRows }] = rowsOf(await db.execute(sql`select count(*)::int as n from data_values where data_element_id in (${ids.sr}, ${ids.pop}) and disaggregation = ''`));
    console.log(`  quota_stranieri, ${YEARS[1] - YEARS[0] + 1} years: ${count} values (provinces + regions + nation) from ${baseRows.toLocaleString('en')} stored rows`);
    line(`baseline: plain SELECT of the ${baseRows} stored rows`, baseline);
    line('provinces, all years (national admin)', await time(runs, () => getIndicatorValues(admin, 'quota_stranieri', q('province'))), baseline);
    line('regions, all years (roll-up)', await time(runs, () => getIndicatorValues(admin, 'quota_stranieri', q('region'))), baseline);
    line('nation, all years (roll-up)', await time(runs, () => getIndicatorValues(admin, 'quota_stranieri', q('nation'))), baseline);
    line('provinces + regions + nation (national admin)', await time(runs, () => all(admin)), baseline);
    line('provinces + regions + nation (council referent: scope on)', await time(runs, () => all(referent)), baseline);
    line('one year, provinces (period=2024)', await time(runs, () => getIndicatorValues(admin, 'quota_stranieri', { ...q('province'), period: '2024' })), baseline);

    // From a save to the national roll-up: write, then read Italy's value until it shows the new figure.
    const nationValue = async () => (await getIndicatorValues(admin, 'stranieri_residenti', { level: 'nation', period: '2024', format: 'json' }))[0].value;
    const before = await nationValue();
    const [prov] = rowsOf(await db.execute(sql`select id from territories where level = 'province' and valid_to is not null order by code limit 1`));
    // The latest source of a point wins (ADR 11): the province's imported figure gives way to the saved one.
    const [{ v: base }] = rowsOf(await db.execute(sql`select value as v from data_values where data_element_id = ${ids.sr} and disaggregation = '' and period = '2024' and territory_id = ${prov.id} order by updated_at desc limit 1`));
    const saveToNation = await time(
      Math.min(runs, 20),
      async (i) => {
        await db.transaction((tx) =>
          syncSubmissionDataValues(tx, { submissionId: 900000, councilId: council.id, territoryId: prov.id, period: '2024', provisional: false }, [
            { elementCode: 'istat.stranieri_residenti', dimensions: {}, value: 1000 + i },
          ]),
        );
        const v = await nationValue();
        if (v !== before - base + 1000 + i) throw new Error(`national value ${v} does not show the save`);
      },
      1,
    );
    line('save (data-values service) → seen in the national roll-up', saveToNation);
    const importToNation = await time(
      Math.min(runs, 20),
      async (i) => {
        await db.execute(sql`
          insert into data_values (data_element_id, disaggregation, dimensions, period, territory_id, value, source_type, source_id)
          values (${ids.sr}, '', '{}', '2024', ${prov.id}, ${5000 + i}, 'import', 777)
          on conflict (data_element_id, disaggregation, period, territory_id) where source_type = 'import'
          do update set value = excluded.value, source_id = excluded.source_id, updated_at = now()`);
        const v = await nationValue();
        if (v !== before - base + 5000 + i) throw new Error(`national value ${v} does not show the import`);
      },
      1,
    );
    line('import write → seen in the national roll-up', importToNation);
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP && scratch) console.log(`  kept ${scratch.url}`);
    else await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`bench/analytics — ${runs} runs, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, ${os.cpus().length} CPUs`);
for (const kind of kinds) await bench(kind);
