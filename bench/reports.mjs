#!/usr/bin/env node
// bench/reports: the report renderers on report documents built from the shipped statistics (Istat foreign
// residents, SITUAS population, openpolis boundaries) for each of the 107 provinces, through the renderers'
// fixture (apps/server/src/modules/reports/render/report-document.fixture.ts) — the snapshot is read from the
// data files, not built from the database, so these times are rendering only.
//   · one report: PDF and DOCX separately, p50 (and min/max) over BENCH_RUNS runs after a warm-up, in this thread;
//   · a batch of 107 PDFs through the render pool with every core, against the same pool with one thread.
// Targets: one PDF < 2 s; 107 PDFs < 2 minutes.
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
console.log('Documents: the renderers’ fixture built from data/ (not the snapshot builder): rendering time only.\n');

const milano = buildFixtureDocument('ITC45');
const tBuild = performance.now();
for (const code of fixtureProvinceCodes()) buildFixtureDocument(code);
console.log(`building the 107 fixture documents from data/: ${ms(performance.now() - tBuild)}`);

for (const [name, fn] of [
  ['PDF ', renderReportPdf],
  ['DOCX', renderReportDocx],
]) {
  const first = await timeOne(fn, milano);
  const times = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const r = await timeOne(fn, milano);
    times.push(r.time);
    size = r.size;
  }
  const s = stats(times);
  console.log(`one report (Milano 2023) ${name}: p50 ${ms(s.p50)} (min ${ms(s.min)}, max ${ms(s.max)}, ${runs} runs; first, cold: ${ms(first.time)}), ${kb(size)}`);
}
if (process.env.BENCH_SAVE) {
  fs.writeFileSync(path.join(process.env.BENCH_SAVE, 'milano-2023.pdf'), await renderReportPdf(milano));
  fs.writeFileSync(path.join(process.env.BENCH_SAVE, 'milano-2023.docx'), await renderReportDocx(milano));
}

const codes = fixtureProvinceCodes().slice(0, batchSize);
async function batch(size) {
  const pool = createRenderPool(size);
  // Warm each thread (module loading, fonts) outside the timing: a server keeps its pool alive between batches.
  await Promise.all(Array.from({ length: size }, () => pool.render('pdf', milano)));
  const t = performance.now();
  let bytes = 0;
  let failed = 0;
  await Promise.all(
    codes.map((c) =>
      pool.render('pdf', buildFixtureDocument(c)).then(
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
console.log(`\nbatch of ${codes.length} PDFs, pool of ${cores} threads: ${(all.time / 1000).toFixed(1)} s (${ms(all.time / codes.length)} per report, ${kb(all.bytes / codes.length)} average, ${all.failed} failed)`);
const one = await batch(1);
console.log(`batch of ${codes.length} PDFs, pool of 1 thread:  ${(one.time / 1000).toFixed(1)} s (${ms(one.time / codes.length)} per report, ${one.failed} failed)`);
console.log(`speed-up with ${cores} threads: ×${(one.time / all.time).toFixed(2)}`);
console.log(`\ntargets: one PDF < 2 s, ${codes.length} PDFs < 120 s with every core`);
console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (other processes on the machine slow every figure)`);
