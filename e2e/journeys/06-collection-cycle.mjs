// The whole yearly cycle, as issue 3 defines "done": a data provider fills the section assigned to them and
// meets a validation message; the referent writes the evaluative section and submits; the national admin
// returns it with a reason; the referent fixes and resubmits; the Region then the Ministry approve; the
// audit log and the item's history show it all. Year 2039 keeps this campaign apart from other journeys'.
import { signInDemo } from '../demo-sign-in.mjs';
const YEAR = 2039;
const NAME = `Rilevazione ${YEAR} – ciclo completo e2e`;

/** Everything but the evaluative texts, as the other actors would have filled it (validated by the same API). */
const OTHER_VALUES = {
  gen_anno: YEAR,
  gen_referente: 'Marta Prefettura',
  gen_referente_email: 'marta.prefettura@example.test',
  pres_popolazione_totale: 3200000,
  pres_residenti: 480000,
  pres_residenti_prec: 300000,
  pres_fonti: ['istat'],
  acc_cas_attivi: 'no',
  acc_sai_attivi: 'no',
  acc_msna_totale: 120,
  scu_alunni: 50000,
  scu_alunni_totali: 400000,
  scu_cpia_attivi: 'no',
  soc_ambiti_totali: 10,
  soc_ambiti_rispondenti: 8,
  ass_conosciute: 40,
  ass_coinvolte: 12,
  cons_componenti: 30,
  cons_plenarie: 0,
  cons_attori_contribuenti: 20,
  cons_migration_day: 'no',
  val_criticita_aree: ['casa'],
  val_priorita_principale: 'casa',
  val_collegiale: 'no',
};

export default async function collectionCycleJourney({ page, base, checkA11y }) {
  const signIn = (email) => signInDemo(page, base, email);
  const status = page.locator('.save-bar [role="status"]');
  const saved = () => status.filter({ hasText: /Salvato alle \d\d:\d\d/ }).waitFor();
  const badge = (text) => page.locator('.badge').filter({ hasText: text }).first().waitFor();
  let url = '';
  const open = async (section) => {
    await page.goto(section ? `${url}?sezione=${section}` : url);
    await page.getByRole('heading', { level: 2, name: 'Compilazione' }).waitFor();
  };

  // The Ministry opens the campaign for Milano, approved by the Region then the Ministry (the default).
  await signIn('admin@mosaico.demo');
  await page.goto(`${base}/campagne/nuova`);
  const formSelect = page.getByLabel('Scheda di monitoraggio');
  await formSelect.selectOption(await formSelect.locator('option', { hasText: 'Scheda di monitoraggio' }).first().getAttribute('value'));
  await page.getByLabel('Anno').fill(String(YEAR));
  await page.getByLabel('Scadenza').fill(`${YEAR + 1}-03-31`);
  await page.getByLabel('Nome').fill(NAME);
  await page.getByLabel('Consigli').selectOption({ label: 'Consiglio Territoriale per l’Immigrazione di Milano' });
  if ((await page.getByLabel('Approvazione').inputValue()) !== 'region,nation') throw new Error('default approval chain');
  await page.getByRole('button', { name: 'Apri la rilevazione' }).click();
  await page.getByRole('heading', { level: 1, name: NAME }).waitFor();

  // The referent gives "Accoglienza" to the ATS.
  await signIn('milano@mosaico.demo');
  await page.getByRole('link', { name: 'Rilevazioni' }).first().click();
  await page.getByRole('link', { name: NAME }).click();
  await page.getByRole('link', { name: /Milano/ }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Compilazione' }).waitFor();
  url = page.url().split('?')[0];
  const id = Number(url.split('/').pop());
  await page.getByLabel('Attore per la sezione «2. Accoglienza»').selectOption({ label: 'ATS della Città Metropolitana di Milano' });
  await page.getByRole('button', { name: 'Assegna 2. Accoglienza' }).click();
  await page.getByText('Sezione «2. Accoglienza» assegnata a ATS della Città Metropolitana di Milano.').waitFor();

  // The data provider fills their section and meets a validation message, then corrects the value.
  await signIn('dati@mosaico.demo');
  await open();
  await page.getByRole('heading', { level: 3, name: '2. Accoglienza' }).waitFor();
  const prosieguo = page.locator('#sub-acc_msna_prosieguo');
  await prosieguo.fill('-5');
  await prosieguo.blur();
  await page.locator('#sub-acc_msna_prosieguo[aria-invalid="true"]').waitFor();
  const message = await page.locator('#sub-acc_msna_prosieguo').evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((i) => document.getElementById(i)?.textContent ?? '')
      .join(' '),
  );
  if (!/0/.test(message)) throw new Error(`validation message: ${message}`);
  await checkA11y(page, 'ciclo: il fornitore incontra un errore');
  await prosieguo.fill('14');
  await prosieguo.blur();
  await page.locator('#sub-acc_msna_prosieguo:not([aria-invalid="true"])').waitFor();
  await saved();

  // The referent: the other sections arrive through the same API; the evaluative section is written here.
  await signIn('milano@mosaico.demo');
  const put = await page.evaluate(
    async ([submissionId, values]) => {
      const res = await fetch(`/api/v1/submissions/${submissionId}/values`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ values }) });
      return res.status;
    },
    [id, OTHER_VALUES],
  );
  if (put !== 200) throw new Error(`saving the other sections answered ${put}`);
  await open('val');
  await page.getByRole('heading', { level: 3, name: '10. Sezione valutativa' }).waitFor();
  await page.locator('#sub-val_punti_forza').fill('Rete solida tra prefettura, comuni e terzo settore, con tavoli stabili e dati condivisi.');
  await page.locator('#sub-val_criticita').fill('Pochi posti di seconda accoglienza; attese lunghe per i permessi di soggiorno.');
  await page.locator('#sub-val_priorita').fill('Casa.');
  await page.locator('#sub-val_proposte').focus();
  await saved();
  await checkA11y(page, 'ciclo: sezione valutativa');

  const justify = async () => {
    await page.getByLabel('Motivazione dell’avviso r_pres_variazione').or(page.getByLabel("Motivazione dell'avviso r_pres_variazione")).first().fill('Revisione anagrafica dopo il censimento permanente.');
  };
  await justify();
  await page.getByRole('button', { name: 'Invia per approvazione' }).click();
  await badge('in attesa della Regione');
  await checkA11y(page, 'ciclo: scheda inviata');

  // The Ministry returns it with a reason.
  await signIn('admin@mosaico.demo');
  await open();
  await page.getByRole('button', { name: 'Restituisci' }).click();
  await page.locator('#wf-reason[aria-invalid="true"]').waitFor();
  await page.getByLabel('Motivo').fill('Le priorità vanno motivate: indicate azioni e soggetti.');
  await page.getByRole('button', { name: 'Restituisci' }).click();
  await badge('Restituita');
  await checkA11y(page, 'ciclo: scheda restituita');

  // The referent fixes the priorities and sends it again.
  await signIn('milano@mosaico.demo');
  await open('val');
  await page.locator('#sub-val_priorita').fill('Casa: un tavolo con i comuni e l’ATER per 50 alloggi di transizione entro giugno.');
  await page.locator('#sub-val_proposte').focus();
  await saved();
  await justify();
  await page.getByRole('button', { name: 'Invia per approvazione' }).click();
  await badge('in attesa della Regione');

  // The Region approves, then the Ministry.
  await signIn('regione@mosaico.demo');
  await open();
  await page.getByRole('button', { name: 'Approva' }).click();
  await badge('in attesa del Ministero');
  await checkA11y(page, 'ciclo: approvata dalla Regione');
  await signIn('admin@mosaico.demo');
  await open();
  await page.getByRole('button', { name: 'Approva' }).click();
  await badge('Approvata');
  if ((await page.locator('#sub-val_priorita').count()) && !(await page.locator('#sub-val_priorita').isDisabled()) && (await page.locator('#sub-val_priorita').getAttribute('readonly')) === null) {
    throw new Error('an approved submission is still editable');
  }

  // The item's history shows the fix, and the audit log every step.
  await open('val');
  await page.getByRole('button', { name: /^Cronologia\s*:\s*Priorità di intervento per il prossimo anno$/ }).click();
  await page.locator('.item-history-panel').filter({ hasText: /Casa\.\s*→\s*diventa\s*Casa: un tavolo/ }).waitFor();
  await checkA11y(page, 'ciclo: cronologia della voce corretta');
  await page.goto(`${base}/registro-attivita`);
  await page.getByLabel('Tipo di oggetto').fill('submission');
  await page.getByLabel('Identificativo dell’oggetto').or(page.getByLabel("Identificativo dell'oggetto")).first().fill(String(id));
  await page.getByRole('button', { name: 'Applica i filtri' }).click();
  const log = page.getByRole('table', { name: 'Attività registrate, dalla più recente' });
  // Each action cell holds its name and its code, e.g. "Restituzione return".
  for (const [action, code] of [
    ['Assegnazione di una sezione', 'assign_section'],
    ['Invio per approvazione', 'submit'],
    ['Restituzione', 'return'],
    ['Approvazione della Regione', 'approve_level'],
    ['Approvazione', 'approve'],
  ]) {
    await log.getByRole('cell', { name: new RegExp(`^${action}\\s*${code}$`) }).first().waitFor();
  }
  const records = new Set((await log.getByRole('cell', { name: /^Compilazione #\d+$/ }).allTextContents()).map((text) => text.trim()));
  if (records.size !== 1 || !records.has(`Compilazione #${id}`)) throw new Error(`audit filter shows: ${[...records].join(', ')}`);
  await checkA11y(page, 'ciclo: registro attività della scheda');
}
