// Starts Mosaico as `npm start` would, on a fresh data directory (or a scratch PostgreSQL database when
// TEST_DATABASE_URL is set), with the demo accounts, and waits until /api/health answers.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function startServer({ port }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaico-e2e-'));
  const env = { ...process.env, PORT: String(port), MOSAICO_DATA_DIR: dataDir, MOSAICO_DEMO: 'on', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  let scratch = null;
  if (process.env.TEST_DATABASE_URL) {
    register();
    const { createScratchDatabase } = await import('../apps/server/src/platform/testing/scratch-database.ts');
    scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL, 'e2e');
    env.DATABASE_URL = scratch.url;
  }
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server not healthy in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await scratch?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
