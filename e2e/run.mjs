#!/usr/bin/env node
// Browser journeys: starts Mosaico as `npm start` does (fresh data, demo accounts), drives Debian's Chromium
// with playwright-core through each journey in e2e/journeys, and checks every page visited with axe
// (WCAG 2.1 A/AA rules). Fails on any journey error or any axe violation.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const artifacts = path.join(here, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}: install Debian's chromium package or set CHROMIUM_PATH.`);
  process.exit(1);
}

const server = await startServer({ port: Number(process.env.E2E_PORT ?? 3210) });
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const axeSource = fs.readFileSync(path.resolve(here, '../node_modules/axe-core/axe.min.js'), 'utf8');
const failures = [];
const checked = [];

/** Runs axe on the current page; every violation is a failure of the run. */
async function checkA11y(page, label) {
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') rightly does not allow as a tag.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  checked.push({ label, url: page.url(), violations: result.violations.length });
  for (const v of result.violations) {
    failures.push(`axe [${label}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  }
}

// `node e2e/run.mjs 05 06` runs only the journeys whose file name contains one of the arguments.
const only = process.argv.slice(2);
const files = fs
  .readdirSync(path.join(here, 'journeys'))
  .filter((f) => f.endsWith('.mjs') && (!only.length || only.some((o) => f.includes(o))))
  .sort();
try {
  for (const file of files) {
    // Reduced motion switches Bootstrap's transitions off, so axe never measures a button's colours halfway through one
    // (a button just turned primary read as low contrast on a loaded machine).
    const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    const started = performance.now();
    try {
      const { default: journey } = await import(pathToFileURL(path.join(here, 'journeys', file)).href);
      await journey({ page, base: server.base, checkA11y, artifacts });
      if (consoleErrors.length) failures.push(`${file}: page errors: ${consoleErrors.join('; ')}`);
      console.log(`✓ ${file} (${Math.round(performance.now() - started)} ms)`);
    } catch (err) {
      const shot = path.join(artifacts, `${file}.failure.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      failures.push(`${file}: ${err.stack ?? err}\n  at ${page.url()} (screenshot ${shot})`);
      console.log(`✗ ${file}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

for (const c of checked) console.log(`  axe ${c.violations === 0 ? '✓' : '✗'} ${c.label} — ${c.violations} violations`);
if (failures.length) {
  console.error(`\n${failures.length} failure(s):\n${failures.join('\n')}`);
  process.exit(1);
}
console.log(`\n${files.length} journeys, ${checked.length} pages checked with axe, 0 violations.`);
