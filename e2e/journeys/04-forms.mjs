// Monitoring forms: the national admin imports a definition with a faulty expression (every problem listed,
// the fault marked), fixes it, publishes it; then previews the shipped CTI form with live validation.
const definition = (calculate) => ({
  code: 'prova-e2e',
  title: { it: 'Modulo di prova e2e', en: 'E2E test form' },
  categories: [],
  categoryCombos: [],
  sections: [
    {
      code: 'acc',
      title: { it: 'Accoglienza' },
      kind: 'quantitative',
      items: [
        { code: 'posti', type: 'integer', label: { it: 'Posti disponibili' } },
        { code: 'presenti', type: 'integer', label: { it: 'Persone presenti' } },
        { code: 'tasso', type: 'decimal', label: { it: 'Tasso di occupazione' }, calculate },
      ],
    },
  ],
  rules: [],
});

export default async function formsJourney({ page, base, checkA11y }) {
  await page.goto(`${base}/accesso`);
  await page.getByLabel('E-mail').fill('admin@mosaico.demo');
  await page.getByLabel('Password', { exact: true }).fill('Mosaico-Demo-2026');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByText('Anna Ministero').first().waitFor();

  await page.getByRole('link', { name: 'Schede di monitoraggio' }).first().click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('link', { name: /Versione 1 – Scheda di monitoraggio/ }).first().waitFor();
  await checkA11y(page, 'schede di monitoraggio');

  await page.getByRole('link', { name: 'Importa un modulo (JSON)' }).click();
  await page.getByLabel('Definizione JSON').fill(JSON.stringify(definition('round(${presenti} div (${posti} * 100, 1)')));
  await page.getByRole('button', { name: 'Importa il modulo' }).click();
  await page.getByRole('group', { name: 'Ci sono errori da correggere' }).waitFor();
  const problems = page.getByRole('table', { name: /Problemi nella definizione/ });
  await problems.locator('mark').first().waitFor();
  await checkA11y(page, 'importazione con errori');

  await page.getByLabel('Definizione JSON').fill(JSON.stringify(definition('round(${presenti} div ${posti} * 100, 1)')));
  await page.getByRole('button', { name: 'Importa il modulo' }).click();
  await page.getByRole('button', { name: 'Pubblica', exact: true }).click();
  await page.getByRole('button', { name: 'Pubblica la versione' }).click();
  await page.getByText('Versione 1 pubblicata.').waitFor();
  await checkA11y(page, 'versione pubblicata');

  // The shipped form, previewed as a respondent sees it: skip logic, calculations, messages.
  await page.goto(`${base}/moduli`);
  await page.getByRole('link', { name: /Versione 1 – Scheda di monitoraggio/ }).first().click();
  await page.getByRole('navigation', { name: 'Sezioni della scheda' }).waitFor();
  await checkA11y(page, 'anteprima scheda CTI');
  await page.getByRole('button', { name: 'Controlla la scheda' }).click();
  await page.getByRole('group', { name: /errori da correggere prima dell.invio/ }).waitFor();
  await checkA11y(page, 'anteprima scheda CTI controllata');
}
