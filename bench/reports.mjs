#!/usr/bin/env node
// bench/reports: the report renderers and the snapshot builder.
//   · one report from the renderers' fixture (report-document.fixture.ts: Milano 2023 read from the data files):
//     PDF and DOCX separately, p50 (and min/max) over BENCH_RUNS runs after a warm-up, in this thread;
//   · then, on an in-memory PGlite with the shipped statistics imported (as the demo does), the real snapshots of
//     all 107 councils for 2023 with the default template (buildReportSnapshot, one SnapshotSession as a batch
//     uses it), one real report (Milano) PDF and DOCX, and the batch of 107 PDFs through the render pool with
//     every core against the same pool with one thread. BENCH_DB=off skips this part (fixture documents instead).
// Targets: one PDF < 2 s; 107 reports < 2 minutes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const render = (p) => import(path.join(root, 'apps/server/src/modules/reports/render', p));
const runs = Number(process.env.BENCH_RUNS ?? 7);
const batchSize = Number(process.env.BENCH_BATCH ?? 107);

const { buildFixtureDocument, fixtureProvinceCodes } = await render('report-document.fixture.ts');
const { renderReportPdf } = await render('report-pdf.ts');
const { renderReportDocx } = await render('report-docx.ts');
const { createRenderPool } = await render('render-pool.ts');
const useDb = process.env.BENCH_DB !== 'off';

const ms = (n) => `${Math.round(n)} ms`;
const kb = (n) => `${Math.round(n / 1024)} KB`;
function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  return { p50: s[Math.floor((s.length - 1) / 2)], min: s[0], max: s[s.length - 1] };
}
async function timeOne(fn, doc) {
  const t = performance.now();
  const buf = await fn(doc);
  return { time: performance.now() - t, size: buf.length };
}

console.log(`bench/reports — node ${process.version}, ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

async function single(label, doc) {
  for (const [name, fn] of [
    ['PDF ', renderReportPdf],
    ['DOCX', renderReportDocx],
  ]) {
    const first = await timeOne(fn, doc);
    const times = [];
    let size = 0;
    for (let i = 0; i < runs; i++) {
      const r = await timeOne(fn, doc);
      times.push(r.time);
      size = r.size;
    }
    const s = stats(times);
    console.log(`one report (${label}) ${name}: p50 ${ms(s.p50)} (min ${ms(s.min)}, max ${ms(s.max)}, ${runs} runs; first, cold: ${ms(first.time)}), ${kb(size)}`);
  }
  if (process.env.BENCH_SAVE) {
    const base = path.join(process.env.BENCH_SAVE, label.replace(/\W+/g, '-').toLowerCase());
    fs.writeFileSync(`${base}.pdf`, await renderReportPdf(doc));
    fs.writeFileSync(`${base}.docx`, await renderReportDocx(doc));
  }
}

const milano = buildFixtureDocument('ITC45');
await single('fixture, Milano 2023', milano);

let documents;
if (useDb) {
  documents = await realDocuments();
  await single(`default template, Milano 2023, ${documents.milano.snapshot.chapters.length} chapters`, documents.milano);
  documents = documents.all;
} else {
  const t = performance.now();
  documents = fixtureProvinceCodes().map((c) => buildFixtureDocument(c));
  console.log(`fixture documents of the 107 provinces built from data/: ${ms(performance.now() - t)}`);
}
documents = documents.slice(0, batchSize);

/** Snapshots of every council for 2023 from the database, as a batch builds them. */
async function realDocuments() {
  const src = (p) => import(path.join(root, 'apps/server/src', p));
  const { createTestApp } = await src('platform/testing/test-app.ts');
  const { systemCtx } = await src('modules/users/users.fixtures.ts');
  const { loadDataSourcesDemo } = await src('modules/statistics/data-sources-demo.seed.ts');
  const { loadDemoStatistics } = await src('modules/statistics/statistics-demo.seed.ts');
  const { buildReportSnapshot } = await src('modules/reports/snapshot/build-snapshot.ts');
  const { SnapshotSession } = await src('modules/reports/snapshot/snapshot-session.ts');
  const { councils } = await src('modules/councils/councils.schema.ts');
  const { templateDefinition } = await import('@mosaico/contracts/reports');
  const tpl = JSON.parse(fs.readFileSync(path.join(root, 'data/reports/default-template.json'), 'utf8'));
  const template = { id: 1, version: 1, name: tpl.name.it, definition: templateDefinition.parse(tpl.definition) };
  let t = performance.now();
  const app = await createTestApp();
  await loadDataSourcesDemo(systemCtx(app));
  await loadDemoStatistics(systemCtx(app));
  console.log(`\nsetup (in-memory PGlite, reference data, shipped statistics imported): ${(performance.now() - t) / 1000 | 0} s`);
  const list = await app.database.db.select({ id: councils.id, code: councils.code }).from(councils).orderBy(councils.id);
  const session = new SnapshotSession(app.database.db);
  const times = [];
  const all = [];
  let milanoDoc = null;
  t = performance.now();
  for (const c of list) {
    const t1 = performance.now();
    const snapshot = await buildReportSnapshot(app.database.db, { councilId: c.id, year: 2023, template }, 'it', session);
    times.push(performance.now() - t1);
    const doc = { reportId: c.id, version: 1, status: 'draft', publishedAt: null, lang: 'it', snapshot, narratives: {} };
    all.push(doc);
    if (c.code === 'CTI-MI') milanoDoc = doc;
  }
  const s = stats(times);
  console.log(`snapshots of ${list.length} councils (2023, default template, one session): ${((performance.now() - t) / 1000).toFixed(1)} s — p50 ${ms(s.p50)}, first ${ms(times[0])}, max ${ms(s.max)}`);
  await app.close();
  return { all, milano: milanoDoc ?? all[0] };
}

async function batch(size) {
  const pool = createRenderPool(size);
  // Warm each thread (module loading, fonts) outside the timing: a server keeps its pool alive between batches.
  await Promise.all(Array.from({ length: size }, () => pool.render('pdf', milano)));
  const t = performance.now();
  let bytes = 0;
  let failed = 0;
  await Promise.all(
    documents.map((d) =>
      pool.render('pdf', d).then(
        (b) => {
          bytes += b.length;
        },
        () => {
          failed++;
        },
      ),
    ),
  );
  const time = performance.now() - t;
  await pool.close();
  return { time, bytes, failed };
}

const cores = os.availableParallelism();
const all = await batch(cores);
console.log(`\nbatch of ${documents.length} PDFs (${useDb ? 'real snapshots' : 'fixture'}), pool of ${cores} threads: ${(all.time / 1000).toFixed(1)} s (${ms(all.time / documents.length)} per report, ${kb(all.bytes / documents.length)} average, ${all.failed} failed)`);
const one = await batch(1);
console.log(`batch of ${documents.length} PDFs, pool of 1 thread:  ${(one.time / 1000).toFixed(1)} s (${ms(one.time / documents.length)} per report, ${one.failed} failed)`);
console.log(`speed-up with ${cores} threads: ×${(one.time / all.time).toFixed(2)}`);
console.log(`\ntargets: one PDF < 2 s, ${documents.length} PDFs < 120 s with every core`);
console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (other processes on the machine slow every figure)`);
