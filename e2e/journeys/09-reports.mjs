// Provincial reports, as issue 5 defines "done": Milano's council referent generates the 2023 report from the shipped
// statistics and reads Milano's foreign residents (the figure in the shipped POPSTRBIL1 file), sees the map and the
// charts drawn, writes a narrative block with the editor's toolbar and submits the report for review; the national
// admin comments, approves and publishes; a signed-out visitor reads it on the public portal and downloads the PDF
// and the Word file. Every page visited is checked with axe.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signInDemo } from '../demo-sign-in.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const POPSTRBIL1 = path.resolve(here, '../../data/statistics/istat_bilancio_stranieri_province_2019_2023_POPSTRBIL1.csv');
const NARRATIVE = 'Nel 2023 il Consiglio ha riunito la rete dei servizi per leggere insieme questi dati.';

/** Foreign residents at 1 January of a year in one ITTER107 area, both sexes, as the shipped file says. */
function foreignResidents(itter107, year) {
  const [header, ...lines] = fs.readFileSync(POPSTRBIL1, 'utf8').split(/\r?\n/);
  const col = Object.fromEntries(header.split(',').map((h, i) => [h, i]));
  for (const line of lines) {
    const c = line.split(',');
    if (c[col.REF_AREA] === itter107 && c[col.DATA_TYPE] === 'FJAN' && c[col.SEX] === '9' && c[col.TIME_PERIOD] === String(year)) return Number(c[col.OBS_VALUE]);
  }
  throw new Error(`no FJAN figure for ${itter107} in ${year} in ${POPSTRBIL1}`);
}

export default async function reportsJourney({ page, base, checkA11y }) {
  const expect = (ok, what) => {
    if (!ok) throw new Error(`expected ${what}`);
  };
  const badge = (text) => page.locator('.report-cover .badge').filter({ hasText: text }).waitFor();

  await signInDemo(page, base, 'milano@mosaico.demo');
  const milano = await (await page.request.get(`${base}/api/v1/territories/MI?at=2023-01-01`)).json();
  const itter = milano.aliases.find((a) => a.scheme === 'itter107').code;
  const expected = new Intl.NumberFormat('it-IT').format(foreignResidents(itter, 2023));

  // The referent generates Milano's 2023 report from the menu.
  await page.getByRole('link', { name: 'Monografie', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Monografie provinciali' }).waitFor();
  await checkA11y(page, 'monografie – elenco');
  const council = page.getByLabel('Consiglio', { exact: true }).first();
  expect((await council.locator('option:checked').innerText()).includes('Milano'), 'the referent’s own council chosen');
  await page.getByLabel('Anno', { exact: true }).first().fill('2023');
  await page.getByRole('button', { name: 'Genera monografia' }).click();
  await page.waitForURL(/\/monografie\/\d+$/, { timeout: 60_000 });
  const reportUrl = page.url();
  await page.getByRole('heading', { level: 1, name: /Monografia provinciale/ }).waitFor();
  await page.locator('.report-cover').filter({ hasText: /Milano/ }).waitFor();
  await badge('Bozza');

  // Milano's foreign residents, as in the shipped file, among the key figures; the map and the charts are drawn.
  const figure = page.locator('.report-key-figures li').filter({ hasText: /Stranieri residenti/ }).first();
  expect((await figure.innerText()).includes(expected), `the key figure of foreign residents to show ${expected}, got ${await figure.innerText()}`);
  const map = page.locator('.report-echart-map').first();
  await map.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => (document.querySelector('.report-echart-map svg')?.querySelectorAll('path').length ?? 0) >= 12);
  expect((await page.locator('.report-echart-chart').count()) > 0, 'charts in the report');
  // Charts with figures are drawn (a block may lack data for a council: its caption says so).
  await page.waitForFunction(() => [...document.querySelectorAll('.report-echart-chart')].filter((c) => c.querySelectorAll('svg path').length > 10).length >= 2);
  expect((await map.getAttribute('role')) === 'img' && (await map.getAttribute('aria-describedby')), 'the map as an image described by its caption');
  // The map's data alternative.
  const mapFigure = page.locator('figure').filter({ has: page.locator('.report-echart-map') }).first();
  await mapFigure.getByRole('button', { name: 'Mostra tabella' }).click();
  const mapTable = mapFigure.getByRole('table');
  expect((await mapTable.getByRole('row', { name: /Milano ★/ }).count()) === 1, 'Milano marked in the map’s table');
  await checkA11y(page, 'monografia – bozza');

  // A narrative block, written with the toolbar from the keyboard, saved with its version.
  await page.getByRole('button', { name: /^Modifica il testo/ }).first().click();
  const editor = page.getByRole('textbox', { name: /^Testo:/ }).first();
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(NARRATIVE);
  await page.keyboard.press('Shift+Home');
  const toolbar = page.getByRole('toolbar').first();
  await toolbar.getByRole('button', { name: 'Grassetto' }).click();
  expect((await toolbar.getByRole('button', { name: 'Grassetto' }).getAttribute('aria-pressed')) === 'true', 'the bold button pressed');
  await checkA11y(page, 'monografia – editor del testo');
  await page.getByRole('button', { name: 'Salva il testo' }).click();
  await page.getByText(/Testo salvato \(versione 1\)/).waitFor();
  const written = page.locator('.report-narrative strong').filter({ hasText: NARRATIVE });
  await written.waitFor();

  // Submit for review.
  await page.getByRole('button', { name: 'Invia in revisione' }).click();
  await badge('In revisione');
  await page.getByRole('listitem').filter({ hasText: /Invia in revisione \(Bozza → In revisione\)/ }).waitFor();

  // The national admin comments, approves and publishes.
  await signInDemo(page, base, 'admin@mosaico.demo');
  await page.goto(reportUrl);
  await badge('In revisione');
  await page.getByLabel('Il tuo commento sulla monografia').fill('Dati chiari: si può approvare.');
  await page.getByRole('button', { name: 'Invia commento' }).last().click();
  await page.getByText('Dati chiari: si può approvare.').waitFor();
  await page.getByRole('heading', { name: /Commenti sulla monografia \(1 in tutto\)/ }).waitFor();
  await page.getByRole('button', { name: 'Approva' }).click();
  await badge('Approvata');
  await page.getByRole('button', { name: 'Pubblica' }).click();
  await badge('Pubblicata');
  await checkA11y(page, 'monografia – pubblicata');
  const publicPath = await page.getByRole('link', { name: 'Apri la pagina pubblica' }).getAttribute('href');

  // The templates, for national admins.
  await page.goto(`${base}/monografie/modelli`);
  await page.getByRole('heading', { level: 1, name: 'Modelli delle monografie' }).waitFor();
  await checkA11y(page, 'modelli delle monografie');
  await page.getByRole('rowheader').getByRole('link').first().click();
  await page.getByRole('heading', { level: 2, name: /^Capitolo 1 / }).waitFor();
  await checkA11y(page, 'modello di monografia');

  // Signed out: the public portal lists the report and shows it.
  await page.context().clearCookies();
  await page.goto(`${base}/portale/monografie`);
  await page.getByRole('heading', { level: 1, name: 'Monografie provinciali pubblicate' }).waitFor();
  await page.getByRole('row').filter({ hasText: /Milano.*Lombardia.*2023/ }).getByRole('link').waitFor();
  await checkA11y(page, 'portale – monografie pubblicate');
  await page.goto(`${base}${publicPath}`);
  await page.locator('.report-cover').filter({ hasText: /Milano/ }).waitFor();
  expect(page.url().endsWith(publicPath), 'the public page open without sign-in');
  const publicFigure = page.locator('.report-key-figures li').filter({ hasText: /Stranieri residenti/ }).first();
  expect((await publicFigure.innerText()).includes(expected), `the public view to show ${expected}`);
  await page.locator('.report-narrative strong').filter({ hasText: NARRATIVE }).waitFor();
  expect((await page.getByRole('button', { name: /^Modifica il testo/ }).count()) === 0, 'no editor on the public page');
  await page.waitForFunction(() => (document.querySelector('.report-echart-map svg')?.querySelectorAll('path').length ?? 0) >= 12);
  await checkA11y(page, 'portale – monografia');

  // The files, from the public page's links.
  const pdfHref = await page.getByRole('link', { name: 'Scarica PDF' }).getAttribute('href');
  const pdf = await page.request.get(new URL(pdfHref, base).href, { timeout: 120_000 });
  expect(pdf.ok() && pdf.headers()['content-type']?.startsWith('application/pdf'), `a PDF (${pdf.status()} ${pdf.headers()['content-type']})`);
  expect((await pdf.body()).subarray(0, 5).toString('latin1') === '%PDF-', 'the PDF to start with %PDF-');
  const docxHref = await page.getByRole('link', { name: 'Scarica Word (DOCX)' }).getAttribute('href');
  const docx = await page.request.get(new URL(docxHref, base).href, { timeout: 120_000 });
  expect(docx.ok() && docx.headers()['content-type']?.startsWith('application/vnd.openxmlformats-officedocument.wordprocessingml.document'), `a DOCX (${docx.status()} ${docx.headers()['content-type']})`);
  expect((await docx.body()).subarray(0, 2).toString('latin1') === 'PK', 'the DOCX to be a ZIP package');
}
