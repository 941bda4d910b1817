// The campaign overview: the national admin opens a campaign for every council with a deadline already past,
// reads the counts and the map, filters by region (kept in the address, map zoomed to it) and by status, and
// downloads the filtered export; the regional coordinator then sees and exports only their region.
import { signInDemo } from '../demo-sign-in.mjs';
export default async function campaignOverviewJourney({ page, base, checkA11y }) {
  const signIn = (email) => signInDemo(page, base, email);
  const expect = (ok, what) => {
    if (!ok) throw new Error(`expected ${what}`);
  };
  const name = 'Rilevazione 2024 – panoramica e2e';
  const councilLink = (city) => page.getByRole('link', { name: `Consiglio Territoriale per l’Immigrazione di ${city}`, exact: true });
  const download = async (label) => {
    const href = await page.getByRole('link', { name: label }).getAttribute('href');
    const res = await page.request.get(new URL(href, base).href);
    expect(res.ok(), `${label} to download (${res.status()})`);
    return { href, res };
  };

  await signIn('admin@mosaico.demo');
  await page.getByRole('link', { name: 'Rilevazioni' }).first().click();
  await page.getByRole('link', { name: 'Nuova rilevazione' }).click();
  const formSelect = page.getByLabel('Scheda di monitoraggio');
  await formSelect.selectOption(await formSelect.locator('option', { hasText: 'Scheda di monitoraggio' }).first().getAttribute('value'));
  await page.getByLabel('Anno').fill('2024');
  await page.getByLabel('Scadenza').fill('2025-03-31');
  await page.getByLabel('Nome').fill(name);
  await page.getByRole('button', { name: 'Apri la rilevazione' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();

  // Every council, all drafts, all past the deadline: the counts say so in words, the map draws Italy.
  await page.getByRole('img', { name: /Mappa delle province – Italia/ }).waitFor();
  await page.getByText(/^\d+ schede mostrate su \d+\.$/).waitFor();
  const summary = await page.getByRole('region', { name: /Riepilogo – Tutte le regioni/ }).innerText();
  expect(/Bozza: \d{3}/.test(summary) && /In ritardo \(contorno spesso\): \d{3}/.test(summary), `counts by status and overdue, got ${summary}`);
  await councilLink('Napoli').waitFor();
  await checkA11y(page, 'panoramica della rilevazione');

  // Filter by region: the address keeps it, the map zooms to Lombardia, the table and counts follow.
  await page.getByLabel('Regione', { exact: true }).selectOption({ label: 'Lombardia (12)' });
  await page.getByRole('button', { name: 'Applica i filtri' }).click();
  await page.waitForURL(/regione=03/);
  await page.getByRole('img', { name: /Mappa delle province – Lombardia/ }).waitFor();
  await page.getByText('12 schede mostrate su 12.').waitFor();
  await councilLink('Milano').waitFor();
  expect((await councilLink('Napoli').count()) === 0, 'no council outside Lombardia in the table');
  await checkA11y(page, 'panoramica filtrata per regione');

  // The exports follow the filters.
  const csv = await download('Esporta CSV');
  expect(csv.href.includes('region=03'), `the CSV link to carry the filter, got ${csv.href}`);
  const text = await csv.res.text();
  expect(text.includes('CTI-MI') && !text.includes('CTI-NA') && text.includes('Bozza;sì'), 'a CSV of the Lombardia drafts, overdue');
  const xlsx = await download('Esporta Excel (XLSX)');
  expect(xlsx.res.headers()['content-type'].includes('spreadsheetml'), 'an XLSX workbook');

  // A status with no submission: the table says so; the filters stay in the address.
  await page.getByLabel('Stato', { exact: true }).selectOption({ label: 'Approvata' });
  await page.getByRole('button', { name: 'Applica i filtri' }).click();
  await page.waitForURL(/stato=approved/);
  await page.getByText('Nessuna scheda corrisponde ai filtri.').waitFor();
  expect(page.url().includes('regione=03'), 'the region filter to stay');
  await checkA11y(page, 'panoramica senza risultati');

  // The regional coordinator sees their region only, close up, and exports only it.
  await signIn('regione@mosaico.demo');
  await page.getByRole('link', { name: 'Rilevazioni' }).first().click();
  await page.getByRole('link', { name }).click();
  await page.getByRole('img', { name: /Mappa delle province – Lombardia/ }).waitFor();
  await page.getByText('12 schede mostrate su 12.').waitFor();
  expect((await councilLink('Napoli').count()) === 0, 'no council outside Lombardia for the coordinator');
  const own = await (await download('Esporta CSV')).res.text();
  expect(own.includes('CTI-BG') && !own.includes('CTI-NA'), 'the coordinator’s export to hold Lombardia only');
  await checkA11y(page, 'panoramica del coordinamento regionale');
}
