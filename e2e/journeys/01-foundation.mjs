// Sign in → browse a region's provinces on the map → create an organisation with a bad then a good form →
// see it in the audit log; axe on every page visited.
import assert from 'node:assert/strict';

export default async function foundationJourney({ page, base, checkA11y, artifacts }) {
  await page.goto(`${base}/accesso`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await checkA11y(page, 'accesso');
  await page.getByLabel('E-mail').fill('milano@mosaico.demo');
  await page.getByLabel('Password', { exact: true }).fill('password-sbagliata');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByText('E-mail o password non corrette.').waitFor();
  await checkA11y(page, 'accesso con errore');
  await page.getByLabel('Password', { exact: true }).fill('Mosaico-Demo-2026');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByText('Marta Prefettura').first().waitFor();
  await checkA11y(page, 'home');

  // Territories: Italy → Lombardia, whose provinces are drawn on the map and listed in the table beside it.
  await page.goto(`${base}/territori`);
  await page.getByRole('link', { name: 'Lombardia' }).first().click();
  await page.getByRole('heading', { level: 1, name: /Lombardia/ }).waitFor();
  const map = page.getByRole('img', { name: /Mappa delle province di Lombardia/ }).locator('svg path');
  await map.first().waitFor();
  assert.ok((await map.count()) >= 12, 'the map draws the 12 provinces of Lombardia');
  const table = page.getByRole('table').filter({ hasText: 'Milano' });
  await table.first().waitFor();
  await checkA11y(page, 'regione Lombardia');
  await page.screenshot({ path: `${artifacts}/lombardia.png`, fullPage: true });
  await table.first().getByRole('link', { name: 'Milano', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Milano/ }).waitFor();
  await checkA11y(page, 'provincia Milano');

  // A new organisation: first with mistakes, then right.
  await page.goto(`${base}/organizzazioni/nuova`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByLabel('Nome', { exact: true }).fill('X');
  await page.getByLabel('Territorio (codice ISTAT o sigla)').fill('999999');
  await page.getByRole('button', { name: 'Salva' }).click();
  await page.getByRole('group', { name: 'Ci sono errori da correggere' }).waitFor();
  await page.getByText('Scrivi almeno 2 caratteri.').first().waitFor();
  await checkA11y(page, 'nuova organizzazione con errori');
  const name = `Sportello immigrati e2e ${Date.now()}`;
  await page.getByLabel('Nome', { exact: true }).fill(name);
  await page.getByLabel('Tipo').selectOption('third_sector');
  await page.getByLabel('Territorio (codice ISTAT o sigla)').fill('015146');
  await page.getByRole('button', { name: 'Salva' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByText(`Organizzazione «${name}» creata.`).waitFor();
  await checkA11y(page, 'organizzazione creata');

  // It is found by searching the registry, and the search stays in the address.
  await page.getByRole('link', { name: 'Organizzazioni', exact: true }).first().click();
  await page.getByLabel('Cerca', { exact: true }).fill('Sportello immigrati e2e');
  await page.getByRole('button', { name: 'Applica i filtri' }).click();
  await page.waitForURL(/\?q=Sportello/);
  await page.getByRole('link', { name }).waitFor();
  await checkA11y(page, 'organizzazioni filtrate');

  // The audit log shows who created it.
  await page.goto(`${base}/registro-attivita`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByText(name).first().waitFor();
  await checkA11y(page, 'registro attività');

  // English is one click away, and the server's messages follow.
  await page.getByRole('button', { name: 'Lingua: IT' }).click();
  await page.getByRole('link', { name: 'English' }).or(page.getByRole('menuitem', { name: 'English' })).or(page.getByRole('button', { name: 'English' })).first().click();
  await page.getByRole('heading', { level: 1, name: /Activity log|Audit log/i }).waitFor();
  const en = await page.evaluate(async () => (await (await fetch('/api/v1/territories/999999')).json()).error.message);
  assert.equal(en, 'No such territory: 999999.');
  await checkA11y(page, 'registro attività (en)');
}
