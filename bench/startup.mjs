#!/usr/bin/env node
// bench/startup: time from `npm start` to a healthy /api/health on a fresh data directory and on a second
// start, and the time to list all 7,894 comuni through the API, each against a baseline measured in this run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.BENCH_PORT ?? 3999);
const runs = Number(process.env.BENCH_RUNS ?? 20);
const base = `http://127.0.0.1:${port}`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(0).padStart(6)} ms`;

async function waitHealthy(child, t0) {
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited before becoming healthy');
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return performance.now() - t0;
    } catch {}
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function timeStart(cmd, args, env) {
  const t0 = performance.now();
  // Its own process group, so stopping `npm start` stops the server it runs too.
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: 'ignore', detached: true });
  const ms = await waitHealthy(child, t0);
  return { ms, child };
}

async function stop(child) {
  const exited = child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
  // Wait until the port is free again, so the next start measures itself.
  for (;;) {
    try {
      await fetch(`${base}/api/health`);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

// The web app is built once beforehand, so the start figures measure the server, not Vite.
const tb = performance.now();
spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'silent'], { cwd: root, stdio: 'inherit' });
const buildMs = performance.now() - tb;

// Baseline: a bare Node process that answers /api/health (process start and polling floor).
const bare = await timeStart(process.execPath, ['-e', `require('http').createServer((q,s)=>s.end('{}')).listen(${port})`], {});
await stop(bare.child);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaico-bench-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const first = await timeStart(npm, ['start'], { MOSAICO_DATA_DIR: dataDir });
await stop(first.child);
const second = await timeStart(npm, ['start'], { MOSAICO_DATA_DIR: dataDir });

// Listing all comuni through the API, against the same rows read straight from the database file.
const url = `${base}/api/v1/territories?level=comune&at=2026-06-01`;
let count = 0;
let bytes = 0;
const apiTimes = [];
for (let i = 0; i < runs + 2; i++) {
  const t = performance.now();
  const r = await fetch(url);
  const body = await r.text();
  if (i >= 2) apiTimes.push(performance.now() - t);
  count = JSON.parse(body).items.length;
  bytes = body.length;
}
await stop(second.child);

const { PGlite } = await import('@electric-sql/pglite');
const pglite = new PGlite(path.join(dataDir, 'pgdata'));
await pglite.waitReady;
const dbTimes = [];
for (let i = 0; i < runs + 2; i++) {
  const t = performance.now();
  await pglite.query(
    `select t.*, p.code as parent_code from territories t left join territories p on p.id = t.parent_id
     where t.level = 'comune' and t.valid_from <= '2026-06-01' and (t.valid_to is null or t.valid_to >= '2026-06-01') order by t.code`,
  );
  if (i >= 2) dbTimes.push(performance.now() - t);
}
await pglite.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const api = median(apiTimes);
const db = median(dbTimes);
console.log(`Mosaico bench/startup — Node ${process.version}, ${os.cpus().length} CPU, embedded PGlite`);
console.log(`web build (once, before)               ${fmt(buildMs)}`);
console.log(`baseline: bare Node http server        ${fmt(bare.ms)}`);
console.log(`npm start → healthy, fresh data dir    ${fmt(first.ms)}   ×${(first.ms / bare.ms).toFixed(1)} baseline`);
console.log(`npm start → healthy, second start      ${fmt(second.ms)}   ×${(second.ms / bare.ms).toFixed(1)} baseline`);
console.log(`GET all ${count} comuni (median of ${runs}) ${fmt(api)}   ${(bytes / 1024).toFixed(0)} KiB`);
console.log(`baseline: same rows by SQL in PGlite   ${fmt(db)}   API ×${(api / db).toFixed(1)} SQL`);
