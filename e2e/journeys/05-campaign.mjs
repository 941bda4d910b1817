import fs from 'node:fs';
import { signInDemo } from '../demo-sign-in.mjs';

// The yearly collection: the national admin opens a campaign for Milano; the Milano referent enters values,
// meets a validation message, saves, fills a section offline from its CSV template (a bad row is listed,
// fixed and applied), and tries to submit an incomplete form (the blocking list is shown).
export default async function campaignJourney({ page, base, checkA11y }) {
  const signIn = (email) => signInDemo(page, base, email);

  await signIn('admin@mosaico.demo');
  await page.getByRole('link', { name: 'Rilevazioni' }).first().click();
  await page.getByRole('link', { name: 'Nuova rilevazione' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await checkA11y(page, 'nuova rilevazione');
  const formSelect = page.getByLabel('Scheda di monitoraggio');
  const cti = await formSelect.locator('option', { hasText: 'Scheda di monitoraggio' }).first().getAttribute('value');
  await formSelect.selectOption(cti);
  await page.getByLabel('Anno').fill('2025');
  await page.getByLabel('Scadenza').fill('2026-03-31');
  await page.getByLabel('Nome').fill('Rilevazione 2025 – prova e2e');
  await page.getByLabel('Consigli').selectOption({ label: 'Consiglio Territoriale per l’Immigrazione di Milano' });
  await page.getByRole('button', { name: 'Apri la rilevazione' }).click();
  await page.getByRole('heading', { level: 1, name: /Rilevazione 2025 – prova e2e/ }).waitFor();
  await checkA11y(page, 'rilevazione aperta');

  await signIn('milano@mosaico.demo');
  await page.getByRole('link', { name: 'Rilevazioni' }).first().click();
  await page.getByRole('link', { name: 'Rilevazione 2025 – prova e2e' }).click();
  await page.getByRole('link', { name: /Milano/ }).first().click();
  await page.getByRole('button', { name: 'Salva' }).first().waitFor();
  await checkA11y(page, 'compilazione');

  // A year that is not a year is refused by the server, next to the item; then a good one is saved.
  const year = page.locator('#sub-gen_anno');
  await year.fill('20255');
  await page.getByRole('button', { name: 'Salva' }).first().click();
  await page.getByRole('group', { name: 'Ci sono errori da correggere' }).waitFor();
  await checkA11y(page, 'compilazione con errori');
  await year.fill('2025');
  await page.getByRole('button', { name: 'Salva' }).first().click();
  await page.locator('.save-bar [role="status"]').filter({ hasText: /Salvato alle/ }).waitFor();

  // Offline: the CSV template of a section, filled with a bad row; the check lists it by row; fixed and applied.
  const offline = page.getByRole('region', { name: 'Compila con un foglio di calcolo' });
  await offline.getByLabel('Sezione', { exact: true }).selectOption({ label: '1. Presenza straniera' });
  const [download] = await Promise.all([page.waitForEvent('download'), offline.getByRole('link', { name: 'Scarica il modello CSV' }).click()]);
  const template = fs.readFileSync(await download.path(), 'utf8');
  const filled = (values) =>
    template
      .split('\r\n')
      .map((line) => {
        const key = line.split(';')[0];
        return key in values ? line.replace(/;[^;]*$/, `;${values[key]}`) : line;
      })
      .join('\r\n');
  const upload = async (content) => {
    await offline.getByLabel('File compilato (XLSX o CSV)').setInputFiles({ name: 'presenza.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
    await offline.getByRole('button', { name: 'Verifica il file' }).click();
  };
  await upload(filled({ pres_popolazione_totale: '3200000', 'pres_nati.f': 'dodici' }));
  const problems = offline.getByRole('table', { name: 'Problemi per riga' });
  await problems.getByRole('row').filter({ hasText: 'pres_nati.f' }).filter({ hasText: 'Non è un numero' }).waitFor();
  await checkA11y(page, 'compilazione fuori linea: problemi per riga');
  await upload(filled({ pres_popolazione_totale: '3200000', 'pres_nati.f': '12' }));
  await offline.getByRole('button', { name: 'Applica' }).click();
  await offline.getByRole('heading', { name: 'Valori salvati' }).waitFor();
  await page.getByText(/Valori del file salvati: 2 nuovi/).first().waitFor();
  await page.getByRole('link', { name: '1. Presenza straniera' }).first().click();
  await page.waitForFunction(() => document.querySelector('#sub-pres_popolazione_totale')?.value === '3200000');
  await checkA11y(page, 'compilazione fuori linea: valori salvati');

  await page.getByRole('button', { name: 'Invia per approvazione' }).click();
  await page.getByRole('group', { name: 'L’operazione non è stata eseguita' }).or(page.getByRole('group', { name: "L'operazione non è stata eseguita" })).first().waitFor();
  await checkA11y(page, 'invio bloccato');
}
