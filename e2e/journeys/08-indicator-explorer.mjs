// The indicator explorer on the demo's imported ISTAT statistics: the national admin opens foreign residents by
// province for 2023, reads Milano's figure (the one in the shipped POPSTRBIL1 file) on the map's table and in the
// ranking, switches map/table, downloads the CSV, follows Milano's time series, opens the pivot, and sees a faulty
// formula's message at its position; Milano's council referent then opens the council dashboard.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signInDemo } from '../demo-sign-in.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const POPSTRBIL1 = path.resolve(here, '../../data/statistics/istat_bilancio_stranieri_province_2019_2023_POPSTRBIL1.csv');

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

export default async function indicatorExplorerJourney({ page, base, checkA11y }) {
  const expect = (ok, what) => {
    if (!ok) throw new Error(`expected ${what}`);
  };
  const it = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0 });

  await signInDemo(page, base, 'admin@mosaico.demo');
  // Milano's ITTER107 code, as the territories API knows it (the file's REF_AREA).
  const milano = await (await page.request.get(`${base}/api/v1/territories/MI?at=2023-01-01`)).json();
  const itter = milano.aliases.find((a) => a.scheme === 'itter107').code;
  const expected = foreignResidents(itter, 2023);
  const shown = `${it.format(expected)} persone`;

  // The explorer from the menu: foreign residents by province, 2023.
  await page.getByRole('link', { name: 'Analisi' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Analisi degli indicatori' }).waitFor();
  const indicatorSelect = page.getByLabel('Indicatore', { exact: true });
  await indicatorSelect.selectOption({ label: 'Stranieri residenti' });
  await page.getByLabel('Livello territoriale').selectOption({ label: 'Provincia' });
  await page.getByLabel('Anno', { exact: true }).selectOption('2023');
  await page.getByRole('button', { name: 'Mostra' }).click();
  await page.waitForURL(/indicatore=stranieri_residenti.*livello=provincia.*anno=2023|anno=2023.*indicatore=stranieri_residenti/);

  // The map is drawn (107 provinces of the 2023 layout) with its legend of classes.
  const map = page.getByRole('img', { name: /Mappa: Stranieri residenti per province nel 2023/ });
  await map.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.category-map svg path').length >= 107);
  await page.getByText(/^da .+ persone \(\d+ province\)$/).first().waitFor();
  // The ranking names Milano with the file's figure.
  const ranking = page.getByRole('region', { name: /Classifica: Stranieri residenti per province nel 2023/ });
  const milanoRow = ranking.getByRole('row').filter({ has: page.getByRole('button', { name: 'Milano', exact: true }) });
  expect((await milanoRow.innerText()).includes(shown), `Milano's ranking row to show ${shown}, got ${await milanoRow.innerText()}`);
  await checkA11y(page, 'esploratore degli indicatori – mappa');

  // Map → table: the same figures in words, kept in the address.
  await page.getByRole('group', { name: 'Mostra i valori come' }).getByRole('button', { name: 'Tabella' }).click();
  await page.waitForURL(/vista=tabella/);
  const table = page.getByRole('region', { name: /in ordine alfabetico/ });
  const row = table.getByRole('row', { name: /^Milano / });
  expect((await row.innerText()).includes(it.format(expected)), `the table's Milano row to show ${it.format(expected)}`);
  await checkA11y(page, 'esploratore degli indicatori – tabella');
  await page.getByRole('group', { name: 'Mostra i valori come' }).getByRole('button', { name: 'Mappa' }).click();
  await map.waitFor();

  // The CSV of the map's data, from the server: Milano's raw figure.
  const csvHref = await page.getByRole('link', { name: /Scarica CSV – Stranieri residenti per province, 2023/ }).getAttribute('href');
  const csv = await page.request.get(new URL(csvHref, base).href);
  expect(csv.ok(), `the CSV to download (${csv.status()})`);
  const csvText = await csv.text();
  const csvLine = csvText.split(/\r?\n/).find((l) => l.includes(';Milano;'));
  expect(csvLine?.includes(`;2023;`) && csvLine.split(';').includes(String(expected)), `a CSV line of Milano with ${expected}, got ${csvLine}`);

  // Milano's time series beside Lombardia and Italy, as a table too.
  await page.getByLabel('Provincia', { exact: true }).selectOption({ label: 'Milano' });
  await page.getByRole('heading', { name: 'Serie storica: Milano, Lombardia, Italia' }).waitFor();
  await page.getByRole('img', { name: /Grafico a linee: Stranieri residenti per anno, Milano/ }).waitFor();
  await page.getByRole('group', { name: 'Mostra la serie storica come' }).getByRole('button', { name: 'Tabella' }).click();
  const series = page.getByRole('region', { name: /Stranieri residenti per anno: Milano, Lombardia, Italia/ });
  const row2023 = series.getByRole('row', { name: /^2023 / });
  expect((await row2023.innerText()).includes(shown), `the 2023 row of the series to show ${shown}`);
  expect(page.url().includes('serie=tabella') && page.url().includes('territorio='), 'the series choices in the address');
  await checkA11y(page, 'esploratore degli indicatori – serie storica');

  // The pivot view of the same indicator.
  await page.getByRole('link', { name: 'Tabella pivot' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tabella pivot' }).waitFor();
  await page.getByLabel('Livello territoriale').selectOption({ label: 'Provincia' });
  await page.getByLabel('Regione', { exact: true }).selectOption({ label: 'Lombardia' });
  await page.getByRole('button', { name: 'Mostra' }).click();
  await page.waitForURL(/territorio=03/);
  const pivotRow = page.locator('.pivot-table').getByRole('row', { name: /^Milano / });
  await pivotRow.waitFor();
  expect((await pivotRow.innerText()).includes(it.format(expected)), `the pivot's Milano row to show ${it.format(expected)}`);
  await checkA11y(page, 'tabella pivot');

  // The catalogue, by theme, leads to the form of a new indicator.
  await page.goto(`${base}/indicatori`);
  await page.getByRole('heading', { level: 1, name: 'Catalogo degli indicatori' }).waitFor();
  await page.getByRole('link', { name: 'Stranieri residenti', exact: true }).first().waitFor();
  await checkA11y(page, 'catalogo degli indicatori');

  // A faulty formula: the check shows the message under the formula, at its position.
  await page.getByRole('link', { name: 'Nuovo indicatore' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nuovo indicatore' }).waitFor();
  await page.getByLabel('Codice', { exact: true }).fill('prova_formula_errata');
  await page.getByLabel('Nome (italiano)').fill('Prova di formula errata');
  const faulty = '[istat.stranieri_residenti] * (2 +';
  await page.getByLabel('Numeratore').fill(faulty);
  await page.getByRole('button', { name: 'Verifica formula' }).click();
  const issue = page.locator('#indicator-numerator-issue-0');
  await issue.waitFor();
  // The formula's line with the fault marked, a caret under it (after the dangling "+"), and the message.
  const caretLine = (await issue.locator('pre').innerText()).split('\n')[1] ?? '';
  expect(caretLine.indexOf('^') >= faulty.indexOf('+'), `a caret under the end of the formula, got "${caretLine}"`);
  expect((await issue.locator('.field-error').innerText()).length > 0, 'the message under the formula');
  expect((await page.getByLabel('Numeratore').getAttribute('aria-describedby')).includes('indicator-numerator-issue-0'), 'the message bound to the field');
  await page.locator('.error-summary').waitFor();
  await checkA11y(page, 'nuovo indicatore con formula errata');
  // Saving is refused with the same message, linked from the summary to the formula.
  await page.getByRole('button', { name: 'Salva' }).click();
  const link = page.locator('.error-summary a[href="#indicator-numerator"]');
  await link.waitFor();
  await link.click();
  expect(await page.evaluate(() => document.activeElement?.id === 'indicator-numerator'), 'the summary link to focus the numerator');
  const list = await (await page.request.get(`${base}/api/v1/indicators?q=prova_formula_errata`)).json();
  expect(!list.some((i) => i.code === 'prova_formula_errata'), 'nothing saved');

  // The council dashboard of Milano's referent, from the council page.
  await signInDemo(page, base, 'milano@mosaico.demo');
  const councils = await (await page.request.get(`${base}/api/v1/councils?q=Milano`)).json();
  const council = councils.find((c) => c.code === 'CTI-MI');
  await page.goto(`${base}/consigli/${council.id}`);
  await page.getByRole('link', { name: 'Cruscotto degli indicatori del consiglio' }).click();
  await page.getByRole('heading', { level: 1, name: /^Cruscotto – / }).waitFor();
  const card = page.getByRole('region', { name: 'Stranieri residenti', exact: true });
  // The profile computes every key indicator for the province, its region and Italy over all years: on the embedded
  // database it can take most of a minute.
  await card.waitFor({ timeout: 120_000 });
  expect((await card.innerText()).includes(shown), `the dashboard card to show ${shown}`);
  await page.getByRole('button', { name: 'Stampa il cruscotto' }).waitFor();
  await checkA11y(page, 'cruscotto del consiglio');

  // The regional coordinator's dashboard of Lombardia, beside Italy.
  await signInDemo(page, base, 'regione@mosaico.demo');
  await page.goto(`${base}/territori/03`);
  await page.getByRole('link', { name: 'Cruscotto degli indicatori della regione' }).click();
  await page.getByRole('heading', { level: 1, name: 'Cruscotto della regione Lombardia' }).waitFor();
  await page.getByRole('region', { name: 'Stranieri residenti', exact: true }).waitFor({ timeout: 120_000 });
  await checkA11y(page, 'cruscotto della regione');
}
