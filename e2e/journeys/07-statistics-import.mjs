// The statistics journey as the national administrator: the inventory of territorial data sources (list,
// one entry, a new entry refused for a bad field then saved), an import of the shipped Istat SDMX-CSV file
// (dry run, mapping, apply, counts), and the public DCAT-AP_IT catalogue.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signInDemo } from '../demo-sign-in.mjs';

const POPSTRBIL1 = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/statistics/istat_bilancio_stranieri_province_2019_2023_POPSTRBIL1.csv');
// The file's data rows (header excluded), as `wc -l` counts them less one.
const POPSTRBIL1_ROWS = '41.808';

export default async function statisticsImportJourney({ page, base, checkA11y }) {
  await signInDemo(page, base, 'admin@mosaico.demo');

  // The inventory, from the menu.
  await page.getByRole('link', { name: 'Basi dati territoriali' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Basi dati territoriali' }).waitFor();
  await page.getByRole('link', { name: 'Stranieri residenti – bilancio demografico' }).waitFor();
  await page.waitForLoadState('networkidle');
  await checkA11y(page, 'basi dati');

  // Filter by theme: the health source of the Milano council alone.
  await page.getByLabel('Temi').selectOption('HEAL');
  await page.getByRole('button', { name: 'Applica i filtri' }).click();
  await page.getByText('1 base dati.').waitFor();
  await page.getByRole('link', { name: /ATS Milano/ }).waitFor();
  await page.getByRole('link', { name: 'Azzera i filtri' }).click();

  // One entry, with its fields and import history.
  await page.getByRole('link', { name: 'Stranieri residenti – bilancio demografico' }).click();
  await page.getByRole('heading', { level: 1, name: 'Stranieri residenti – bilancio demografico' }).waitFor();
  await page.getByText('istat-popstrbil1', { exact: true }).waitFor();
  await page.getByRole('heading', { name: 'Importazioni da questa fonte' }).waitFor();
  await page.waitForLoadState('networkidle');
  await checkA11y(page, 'base dati');

  // A new entry with a bad web address: the message names the field; fixed, it is saved.
  await page.goto(`${base}/basi-dati`);
  await page.getByRole('link', { name: 'Nuova base dati' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nuova base dati' }).waitFor();
  await page.waitForLoadState('networkidle');
  await checkA11y(page, 'nuova base dati');
  await page.getByLabel('Codice', { exact: true }).fill('istat-cittadini-non-comunitari-e2e');
  await page.getByLabel('Titolo', { exact: true }).fill('Cittadini non comunitari: presenti e nuovi ingressi');
  await page.getByLabel('Descrizione', { exact: true }).fill('Permessi di soggiorno dei cittadini non comunitari, per motivo e cittadinanza (elaborazioni Istat su dati del Ministero dell’Interno).');
  // Bootstrap Italia draws the boxes on their labels: click the label, as a person does.
  await page.locator('label', { hasText: /^Popolazione e società$/ }).click();
  await page.getByLabel('Ambito', { exact: true }).selectOption('nation');
  await page.getByLabel('Ente che pubblica', { exact: true }).fill('Istituto Nazionale di Statistica (Istat)');
  await page.getByLabel('Titolare dei dati', { exact: true }).fill('Istituto Nazionale di Statistica (Istat)');
  await page.getByLabel('Territori coperti', { exact: true }).fill('IT');
  await page.getByLabel('Frequenza di aggiornamento', { exact: true }).selectOption('ANNUAL');
  await page.locator('label', { hasText: /^CSV$/ }).click();
  for (const name of ['Popolazione e società', 'CSV']) {
    if (!(await page.getByRole('checkbox', { name }).isChecked())) throw new Error(`checkbox ${name} not checked`);
  }
  await page.getByLabel('Pagina della fonte', { exact: true }).fill('esploradati.istat.it');
  await page.getByRole('button', { name: 'Salva' }).click();
  const summary = page.getByRole('group', { name: 'Ci sono errori da correggere' });
  await summary.getByRole('link', { name: /Pagina della fonte: Indirizzo web non valido/ }).waitFor();
  await checkA11y(page, 'nuova base dati con errori');
  await page.getByLabel('Pagina della fonte', { exact: true }).fill('https://esploradati.istat.it/databrowser/');
  await page.getByRole('button', { name: 'Salva' }).click();
  await page.getByRole('heading', { level: 1, name: 'Cittadini non comunitari: presenti e nuovi ingressi' }).waitFor();
  await page.getByText('Base dati «Cittadini non comunitari: presenti e nuovi ingressi» aggiunta.').waitFor();
  await page.waitForLoadState('networkidle');
  await checkA11y(page, 'base dati creata');
  await page.getByRole('link', { name: 'Modifica', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Modifica:/ }).waitFor();
  await page.waitForLoadState('networkidle');
  await checkA11y(page, 'modifica base dati');

  // Import the Istat file from the administration page: the dry run writes nothing and shows the file and its shipped mapping.
  await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Amministrazione' }).click();
  await page.getByRole('heading', { level: 1, name: 'Amministrazione' }).waitFor();
  await page.getByRole('link', { name: 'Importa statistiche' }).click();
  await page.getByRole('heading', { level: 1, name: 'Importa statistiche' }).waitFor();
  await page.waitForLoadState('networkidle');
  await checkA11y(page, 'importa statistiche');
  await page.getByRole('button', { name: "Prova l'importazione" }).click();
  await page.getByRole('group', { name: 'Ci sono errori da correggere' }).getByText('Scegli il file da importare.').waitFor();
  await page.getByLabel('File', { exact: true }).setInputFiles(POPSTRBIL1);
  await page.getByLabel('Base dati di provenienza').selectOption({ label: 'Stranieri residenti – bilancio demografico' });
  await page.getByRole('button', { name: "Prova l'importazione" }).click();
  await page.getByRole('heading', { level: 1, name: /^Importazione di / }).waitFor({ timeout: 60_000 });
  await page.getByText(`Prova: ${POPSTRBIL1_ROWS} righe lette, nulla è stato scritto.`).waitFor();
  const count = async (label) => Number((await page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd').innerText()).replace(/\./g, ''));
  if ((await count('Errori')) !== 0) throw new Error('dry run: row errors in the shipped file');
  // The demo may have imported the file already: then every point is unchanged; either way they add up.
  const points = (await count('Nuovi')) + (await count('Modificati')) + (await count('Invariati'));
  if (points === 0) throw new Error('dry run: no data points');
  await page.getByRole('heading', { name: 'Dimensioni del file' }).waitFor();
  await page.getByRole('heading', { name: 'Dato elementare per ogni codice di DATA_TYPE' }).waitFor();
  const fjan = page.getByLabel('Codice del dato elementare per FJAN');
  if ((await fjan.inputValue()) !== 'istat.stranieri_residenti') throw new Error(`mapping: FJAN → ${await fjan.inputValue()}`);
  await page.getByRole('heading', { name: 'Disaggregazione da SEX' }).waitFor();
  await page.getByRole('heading', { name: 'Territori non riconosciuti' }).waitFor();
  await page.waitForLoadState('networkidle');
  await checkA11y(page, 'prova di importazione');

  // Apply: progress is polled until the import completes, then the counts stay on the page.
  await page.getByRole('button', { name: 'Applica', exact: true }).click();
  await page.getByText('Importazione completata.').waitFor({ timeout: 120_000 });
  if ((await count('Righe')) !== Number(POPSTRBIL1_ROWS.replace('.', ''))) throw new Error('applied: row count changed');
  await checkA11y(page, 'importazione completata');

  // Roll it back, after a confirmation: the values it replaced come back.
  await page.getByRole('button', { name: "Annulla l'importazione" }).click();
  await page.getByRole('button', { name: "Sì, annulla l'importazione" }).click();
  await page.getByText('Importazione annullata: i valori che aveva sostituito sono stati ripristinati.').waitFor({ timeout: 60_000 });
  await checkA11y(page, 'importazione annullata');

  // The data source's entry lists the import.
  await page.getByRole('link', { name: 'Scheda della fonte' }).click();
  await page.getByRole('heading', { name: 'Importazioni da questa fonte' }).waitFor();
  await page.getByRole('link', { name: 'istat_bilancio_stranieri_province_2019_2023_POPSTRBIL1.csv' }).first().waitFor();

  // The public catalogue: served without sign-in, DCAT-AP_IT in JSON-LD, with the new public entry.
  const catalog = await page.evaluate(async () => {
    const r = await fetch('/api/v1/data-sources/catalog.jsonld', { credentials: 'omit' });
    return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
  });
  if (catalog.status !== 200 || !catalog.type.startsWith('application/ld+json')) throw new Error(`catalogue: ${catalog.status} ${catalog.type}`);
  if (!catalog.body['@type'].includes('dcatapit:Catalog')) throw new Error('catalogue: not a dcatapit:Catalog');
  const ids = catalog.body['dcat:dataset'].map((d) => d['dct:identifier']);
  for (const id of ['m_it:istat-popstrbil1', 'm_it:istat-cittadini-non-comunitari-e2e']) {
    if (!ids.includes(id)) throw new Error(`catalogue: ${id} missing from ${ids.join(', ')}`);
  }
  if (ids.includes('m_it:ats-milano-salute-stranieri')) throw new Error('catalogue: a restricted entry is public');
}
