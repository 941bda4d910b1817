// Data entry as people use it: the Milano referent assigns a section, values save by themselves, the item's
// history shows before → after, grids move with the keyboard and say their totals, two sessions save different
// items without clashing and meet the conflict view on the same text; the data provider sees only their section; next year's campaign offers
// last year's values to copy. Years 2037/2038 keep these campaigns apart from the other journeys'.
import { signInDemo } from '../demo-sign-in.mjs';
export default async function entryJourney({ page, base, checkA11y }) {
  const signIn = (p, email) => signInDemo(p, base, email);
  const openCampaign = async (year) => {
    await signIn(page, 'admin@mosaico.demo');
    await page.goto(`${base}/campagne/nuova`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const formSelect = page.getByLabel('Scheda di monitoraggio');
    const cti = await formSelect.locator('option', { hasText: 'Scheda di monitoraggio' }).first().getAttribute('value');
    await formSelect.selectOption(cti);
    await page.getByLabel('Anno').fill(String(year));
    await page.getByLabel('Scadenza').fill(`${year + 1}-03-31`);
    await page.getByLabel('Nome').fill(`Rilevazione ${year} – compilazione e2e`);
    await page.getByLabel('Consigli').selectOption({ label: 'Consiglio Territoriale per l’Immigrazione di Milano' });
    await page.getByRole('button', { name: 'Apri la rilevazione' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Rilevazione ${year} – compilazione e2e`) }).waitFor();
  };
  const openSubmission = async (p, year) => {
    await p.getByRole('link', { name: 'Rilevazioni' }).first().click();
    await p.getByRole('link', { name: `Rilevazione ${year} – compilazione e2e` }).click();
    await p.getByRole('link', { name: /Milano/ }).first().click();
    await p.getByRole('heading', { level: 2, name: 'Compilazione' }).waitFor();
  };
  const status = page.locator('.save-bar [role="status"]');
  const saved = () => status.filter({ hasText: /Salvato alle \d\d:\d\d/ }).waitFor();

  await openCampaign(2037);
  await signIn(page, 'milano@mosaico.demo');
  await openSubmission(page, 2037);
  const entryUrl = page.url();
  await checkA11y(page, 'compilazione: sezioni e salvataggio automatico');

  // The referent assigns "Accoglienza" to the ATS; everyone on the council side sees it.
  await page.getByLabel('Attore per la sezione «2. Accoglienza»').selectOption({ label: 'ATS della Città Metropolitana di Milano' });
  await page.getByRole('button', { name: 'Assegna 2. Accoglienza' }).click();
  await page.getByText('Sezione «2. Accoglienza» assegnata a ATS della Città Metropolitana di Milano.').waitFor();
  await page.getByRole('row', { name: /2\. Accoglienza ATS della Città Metropolitana di Milano/ }).waitFor();
  await checkA11y(page, 'compilazione: sezione assegnata');

  // Values save by themselves: nobody presses a button.
  const referent = page.locator('#sub-gen_referente');
  await referent.fill('Maria Rossi');
  await page.getByText('Modifiche non salvate.').or(page.getByText('Salvataggio…')).or(status.filter({ hasText: 'Salvato alle' })).first().waitFor();
  await saved();
  await referent.fill('Maria Bianchi');
  await page.locator('#sub-gen_note_copertura').focus();
  await status.filter({ hasText: 'Salvato alle' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.save-bar [role="status"]')?.textContent?.includes('non salvate'));

  // The item's history: who, when, before → after.
  await page.getByRole('button', { name: /^Cronologia\s*:\s*Referente della compilazione in Prefettura$/ }).click();
  const history = page.locator('.item-history-panel').filter({ hasText: 'Maria Bianchi' });
  await history.waitFor();
  const lines = await history.locator('li').allTextContents();
  if (!/Marta Prefettura: Maria Rossi\s*→\s*diventa\s*Maria Bianchi/.test(lines[0]) || !/\(vuoto\)\s*→\s*diventa\s*Maria Rossi/.test(lines[1])) {
    throw new Error(`history lines: ${JSON.stringify(lines)}`);
  }
  await checkA11y(page, 'compilazione: cronologia di una voce');

  // A disaggregation grid: Enter goes down, arrows across; the totals are said once typing pauses.
  await page.getByRole('link', { name: '1. Presenza straniera' }).first().click();
  await page.getByRole('heading', { level: 3, name: '1. Presenza straniera' }).waitFor();
  const first = page.locator('#sub-pres_residenti-m-ue');
  await first.fill('10');
  await first.press('Enter');
  const focused = () => page.evaluate(() => document.activeElement?.id);
  if ((await focused()) !== 'sub-pres_residenti-f-ue') throw new Error(`Enter moved to ${await focused()}`);
  await page.keyboard.type('5');
  await page.keyboard.press('ArrowRight');
  if ((await focused()) !== 'sub-pres_residenti-f-europa_non_ue') throw new Error(`ArrowRight moved to ${await focused()}`);
  await page.keyboard.press('ArrowUp');
  if ((await focused()) !== 'sub-pres_residenti-m-europa_non_ue') throw new Error(`ArrowUp moved to ${await focused()}`);
  await page.locator('.form-item-disaggregated [aria-live="polite"]').filter({ hasText: 'Totale complessivo: 15.' }).first().waitFor();
  await saved();
  await checkA11y(page, 'compilazione: griglia');

  // Every change of the submission, newest first.
  await page.getByRole('button', { name: 'Mostra tutte le modifiche' }).click();
  await page.getByRole('table', { name: /modifiche ai valori, dalla più recente/ }).getByRole('cell', { name: /Maria Rossi\s*diventa\s*Maria Bianchi/ }).waitFor();
  await checkA11y(page, 'compilazione: tutte le modifiche');

  // Two sessions write the same evaluative text: the later save does not overwrite, both texts are shown.
  const other = await page.context().browser().newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } });
  const second = await other.newPage();
  await signIn(second, 'milano@mosaico.demo');
  await second.goto(entryUrl);
  await page.getByRole('link', { name: '10. Sezione valutativa' }).first().click();
  await second.getByRole('link', { name: '10. Sezione valutativa' }).first().click();
  // Saves on different items do not clash: the first session's save goes through on the second's revision and
  // shows the second's text.
  const critical = 'Pochi posti di seconda accoglienza e tempi lunghi per le commissioni territoriali in provincia.';
  await second.locator('#sub-val_criticita').fill(critical);
  await second.locator('.save-bar [role="status"]').filter({ hasText: 'Salvato alle' }).waitFor();
  await page.locator('#sub-val_priorita').fill('Casa e lavoro.');
  await page.waitForFunction((text) => document.querySelector('#sub-val_criticita')?.value === text, critical);
  await saved();
  const theirs = 'Rete solida tra prefettura, comuni e terzo settore: tavoli stabili, dati condivisi ogni trimestre.';
  const mine = 'Scuole e CPIA collaborano bene con la prefettura; il terzo settore copre i servizi di mediazione.';
  await second.locator('#sub-val_punti_forza').fill(theirs);
  await second.locator('.save-bar [role="status"]').filter({ hasText: 'Salvato alle' }).waitFor();
  await other.close();
  await page.locator('#sub-val_punti_forza').fill(mine);
  const conflict = page.getByRole('alert').filter({ hasText: 'Qualcun altro ha modificato la scheda' });
  await conflict.waitFor();
  for (const text of [mine, theirs]) await conflict.getByText(text).waitFor();
  await status.filter({ hasText: 'Salvataggio sospeso' }).waitFor();
  await checkA11y(page, 'compilazione: conflitto');
  await conflict.getByRole('button', { name: 'Ricarica' }).click();
  await page.waitForFunction((text) => document.querySelector('#sub-val_punti_forza')?.value === text, theirs);

  // The data provider of the ATS sees and fills only "Accoglienza".
  await signIn(page, 'dati@mosaico.demo');
  await page.goto(entryUrl);
  await page.getByRole('heading', { level: 3, name: '2. Accoglienza' }).waitFor();
  const sections = await page.locator('#sub-nav-list li').count();
  if (sections !== 1) throw new Error(`the data provider sees ${sections} sections`);
  if (await page.getByRole('heading', { name: 'Assegnazione delle sezioni' }).count()) throw new Error('assignments shown to a data provider');
  await checkA11y(page, 'compilazione: fornitore di dati');

  // The next year: last year's values are offered where the form allows it, and copied through the same save.
  await openCampaign(2038);
  await signIn(page, 'milano@mosaico.demo');
  await openSubmission(page, 2038);
  await page.getByText('Valore 2037: Maria Bianchi').waitFor();
  await page.getByRole('button', { name: 'Copia tutti i valori dell’anno precedente (2037)' }).or(page.getByRole('button', { name: "Copia tutti i valori dell'anno precedente (2037)" })).first().click();
  if ((await page.locator('#sub-gen_referente').inputValue()) !== 'Maria Bianchi') throw new Error('last year’s referent not copied');
  await saved();
  await checkA11y(page, 'compilazione: valori dell’anno precedente');
}
