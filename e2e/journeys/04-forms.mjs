// Monitoring forms: the national admin imports a definition with a faulty expression (every problem listed,
// the fault marked), fixes it, publishes it; imports an XLSForm workbook with problems (listed by sheet, row
// and column), then the example workbook, and downloads it back as XLSForm; then previews the shipped CTI
// form with live validation.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const EXAMPLE_WORKBOOK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/forms/esempio-xlsform.xlsx');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A small XLSForm workbook with an unknown question type and a reference to a missing item. */
async function faultyWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('survey').addRows([
    ['type', 'name', 'label::Italiano (it)', 'calculation'],
    ['begin group', 'acc', 'Accoglienza'],
    ['integer', 'posti', 'Posti disponibili'],
    ['geopoint', 'dove', 'Posizione del centro'],
    ['decimal', 'tasso', 'Tasso di occupazione', 'round(${presenti} div ${posti} * 100, 1)'],
    ['end group', 'acc'],
  ]);
  wb.addWorksheet('settings').addRows([
    ['form_id', 'form_title'],
    ['prova-xlsx-e2e', 'Prova XLSForm e2e'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
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

  await page.getByRole('link', { name: 'Importa un modulo (JSON o XLSForm)' }).click();
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

  // An XLSForm workbook: its problems by sheet, row and column; then the example workbook, imported and downloaded back.
  await page.goto(`${base}/moduli/importa`);
  const file = page.getByLabel('File JSON o cartella di lavoro XLSForm (.xlsx)');
  await file.setInputFiles({ name: 'prova.xlsx', mimeType: XLSX, buffer: await faultyWorkbook() });
  await page.getByText('Scelta la cartella di lavoro prova.xlsx').waitFor();
  await page.getByRole('button', { name: 'Importa il modulo' }).click();
  const sheetProblems = page.getByRole('table', { name: /Problemi nella cartella di lavoro \(2\)/ });
  await sheetProblems.waitFor();
  await sheetProblems.getByRole('row', { name: /survey 4 type .*geopoint/ }).waitFor();
  await sheetProblems.getByRole('row', { name: /survey 5 calculation .*presenti/ }).locator('mark').waitFor();
  await checkA11y(page, 'importazione XLSForm con errori');

  await file.setInputFiles(EXAMPLE_WORKBOOK);
  await page.getByRole('button', { name: 'Importa il modulo' }).click();
  await page.getByRole('heading', { level: 1, name: 'Esempio di scheda in formato XLSForm' }).waitFor();
  await page.getByRole('navigation', { name: 'Sezioni della scheda' }).waitFor();
  await checkA11y(page, 'versione importata da XLSForm');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica come XLSForm (XLSX)' }).click()]);
  if (download.suggestedFilename() !== 'esempio-xlsform-v1.xlsx') throw new Error(`downloaded ${download.suggestedFilename()}`);

  // The shipped form, previewed as a respondent sees it: skip logic, calculations, messages.
  await page.goto(`${base}/moduli`);
  await page.getByRole('link', { name: /Versione 1 – Scheda di monitoraggio/ }).first().click();
  await page.getByRole('navigation', { name: 'Sezioni della scheda' }).waitFor();
  await checkA11y(page, 'anteprima scheda CTI');
  await page.getByRole('button', { name: 'Controlla la scheda' }).click();
  await page.getByRole('group', { name: /errori da correggere prima dell.invio/ }).waitFor();
  await checkA11y(page, 'anteprima scheda CTI controllata');
}
