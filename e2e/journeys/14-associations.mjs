// Immigrant associations and local working groups: signed out, an association asks to join through the public
// form (an empty form is refused with its messages first); the Milano referent finds the request, accepts it,
// moves the association along the pipeline (a step back is refused), writes on its log, forms a working group
// with an organisation and a person as members, and sees the participation overview count the association.
import { signInDemo } from '../demo-sign-in.mjs';

const NAME = `Associazione dei senegalesi di Lombardia (percorso ${Date.now() % 100000})`;

async function settle(page) {
  await page.waitForLoadState('networkidle');
}

async function moveTo(page, status, note) {
  await page.getByLabel('Nuovo stato').selectOption({ label: status });
  await page.getByLabel('Nota', { exact: true }).fill(note);
  await page.getByRole('button', { name: 'Cambia stato' }).click();
}

export default async function associationsJourney({ page, base, checkA11y, artifacts }) {
  // Signed out: the public join form.
  await page.context().clearCookies();
  await page.goto(`${base}/aderisci`);
  await page.getByRole('heading', { level: 1, name: 'Aderisci come associazione' }).waitFor();
  await settle(page);
  await checkA11y(page, 'aderisci');
  await page.getByRole('button', { name: 'Invia la richiesta' }).click();
  const summary = page.getByRole('group', { name: 'Ci sono errori da correggere' });
  await summary.getByRole('link', { name: 'Provincia in cui opera l’associazione: Scegli la provincia in cui opera l’associazione.' }).waitFor();
  await summary.getByRole('link', { name: 'Consenso al trattamento dei dati: Per inviare la richiesta devi acconsentire al trattamento dei dati personali.' }).waitFor();
  await checkA11y(page, 'aderisci: errori');
  await page.getByLabel('Provincia in cui opera l’associazione').selectOption({ label: 'Milano' });
  await page.getByLabel('Nome', { exact: true }).fill(NAME);
  await page.getByLabel('Forma giuridica').selectOption({ label: 'Associazione di promozione sociale (APS)' });
  await page.getByLabel('Comunità e nazionalità').fill('Senegal, Gambia');
  await page.getByLabel('Lingue').fill('wolof, francese');
  // The styled checkbox is drawn by its label, which takes the click.
  await page.locator('label[for="join-sectors-culture"]').click();
  await page.getByLabel('Persona di riferimento').fill('Awa Diop');
  await page.getByLabel('E-mail').fill('awa.diop@example.org');
  await page.locator('label[for="join-consent"]').click();
  await page.getByRole('button', { name: 'Invia la richiesta' }).click();
  await page.getByText('Grazie: la richiesta è arrivata al Consiglio Territoriale per l’Immigrazione di Milano').waitFor();
  await checkA11y(page, 'aderisci: inviata');

  // The Milano referent reaches the area from the header's menu and verifies the request.
  await signInDemo(page, base, 'milano@mosaico.demo');
  await page.getByRole('navigation').getByRole('link', { name: 'Partecipazione' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Partecipazione' }).waitFor();
  await settle(page);
  await checkA11y(page, 'partecipazione');
  await page.getByRole('link', { name: /^Associazioni/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Associazioni di immigrati' }).waitFor();
  await settle(page);
  await checkA11y(page, 'associazioni');
  await page.getByRole('link', { name: 'Registra un’associazione' }).click();
  await page.getByRole('heading', { level: 1, name: 'Registra un’associazione' }).waitFor();
  await settle(page);
  await checkA11y(page, 'associazioni: nuova');
  await page.goBack();
  await page.getByRole('link', { name: 'Richieste di adesione' }).click();
  const card = page.getByRole('article', { name: NAME });
  await card.getByText('Awa Diop').waitFor();
  await settle(page);
  await checkA11y(page, 'richieste di adesione');
  await card.getByLabel('Nota o motivo').fill('Sede visitata, statuto verificato');
  await card.getByRole('button', { name: `Accetta – ${NAME}` }).click();
  await page.getByText(`Richiesta di «${NAME}» accettata: l’associazione è nell’anagrafe.`).waitFor();
  // Once decided, the requester's own data can be exported, then erased on request (after a confirmation).
  await page.getByLabel('Stato della richiesta').selectOption({ label: 'Accettata' });
  const decided = page.getByRole('article', { name: NAME });
  await decided.getByRole('link', { name: `Esporta i dati personali (JSON) – ${NAME}` }).waitFor();
  await decided.getByRole('button', { name: `Cancella i dati personali del richiedente – ${NAME}` }).click();
  await decided.getByRole('button', { name: 'Cancella definitivamente' }).click();
  await decided.getByText('Cancellati su richiesta').first().waitFor();
  await settle(page);
  await checkA11y(page, 'richieste: dati cancellati');

  // The association is in the registry, verified; it moves along the pipeline.
  await page.goto(`${base}/associazioni?q=${encodeURIComponent('senegalesi di Lombardia')}`);
  await page.getByRole('link', { name: NAME }).click();
  await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
  await page.getByText(/^Sì, da Marta Prefettura il/).waitFor();
  await settle(page);
  await checkA11y(page, 'associazione');
  // The profile the association sent is corrected by the referent.
  await page.getByRole('button', { name: 'Modifica il profilo' }).click();
  await page.getByLabel('Lingue').fill('wolof, francese, italiano');
  await checkA11y(page, 'associazione: modifica del profilo');
  await page.getByRole('button', { name: 'Salva' }).click();
  await page.getByText('Profilo salvato.').waitFor();
  await page.getByText('wolof, francese, italiano').waitFor();
  await moveTo(page, 'Contattata', 'Telefonata alla presidente');
  await page.getByText('Stato cambiato in «Contattata».').waitFor();
  await moveTo(page, 'Incontrata', 'Incontro in Prefettura');
  await page.getByText('Stato cambiato in «Incontrata».').waitFor();
  await moveTo(page, 'Individuata', 'Per errore');
  await summary.getByRole('link', { name: /^Nuovo stato: Da «incontrata» non si torna a «individuata»/ }).waitFor();
  await checkA11y(page, 'associazione: passo indietro rifiutato');
  await moveTo(page, 'Partecipa ai lavori', 'Entra nel tavolo sul lavoro');
  await page.getByText('Stato cambiato in «Partecipa ai lavori».').waitFor();
  const log = page.getByRole('region', { name: 'Registro delle attività' });
  await log.getByRole('cell', { name: 'Cambio di stato: Incontrata → Partecipa ai lavori' }).waitFor();
  await log.getByRole('cell', { name: 'Cambio di stato: Individuata → Contattata' }).waitFor();
  await log.getByRole('cell', { name: /^Richiesta di adesione n\. \d+ verificata e accettata: Sede visitata/ }).waitFor();
  await page.getByLabel('Tipo', { exact: true }).selectOption({ label: 'Incontro' });
  await page.getByLabel('Descrizione').fill('Presenta le attività al tavolo');
  await page.getByRole('button', { name: 'Aggiungi al registro' }).click();
  await log.getByRole('cell', { name: 'Presenta le attività al tavolo' }).waitFor();
  await page.getByText('Non ancora disponibile: le stanze non esistono ancora sulla piattaforma.').waitFor();
  await settle(page);
  await checkA11y(page, 'associazione: registro');
  await page.screenshot({ path: `${artifacts}/14-association.png`, fullPage: true });

  // A working group with an organisation and a person.
  await page.goto(`${base}/partecipazione`);
  await page.getByRole('link', { name: /^Gruppi di lavoro/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Gruppi di lavoro locali' }).waitFor();
  await settle(page);
  await checkA11y(page, 'gruppi di lavoro');
  await page.getByRole('link', { name: 'Nuovo gruppo di lavoro' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nuovo gruppo di lavoro' }).waitFor();
  await page.getByRole('button', { name: 'Crea il gruppo' }).click();
  await summary.getByRole('link', { name: 'Nome: Campo obbligatorio.' }).waitFor();
  await settle(page);
  await checkA11y(page, 'gruppo: nuovo');
  await page.getByLabel('Nome', { exact: true }).fill('Gruppo di lavoro Milano Nord (percorso)');
  await page.getByLabel('Ambito').fill('Ambito di Sesto San Giovanni');
  await page.getByRole('button', { name: 'Crea il gruppo' }).click();
  await page.getByRole('heading', { level: 1, name: 'Gruppo di lavoro Milano Nord (percorso)' }).waitFor();
  await page.getByLabel('Organizzazione').selectOption({ label: 'Comune di Milano' });
  await page.getByLabel('Ruolo').selectOption({ label: 'Coordinatore' });
  await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  const members = page.getByRole('region', { name: 'Componenti' });
  await members.getByRole('rowheader', { name: 'Comune di Milano' }).waitFor();
  await page.getByLabel('Nome e cognome').fill('Awa Diop');
  await page.getByLabel('E-mail').fill('awa.diop@example.org');
  await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await members.getByRole('rowheader', { name: 'Awa Diop' }).waitFor();
  await members.getByRole('cell', { name: 'awa.diop@example.org' }).waitFor();
  await settle(page);
  await checkA11y(page, 'gruppo di lavoro');
  await page.screenshot({ path: `${artifacts}/14-working-group.png`, fullPage: true });

  // The overview counts the association taking part this year and both working groups.
  await page.goto(`${base}/partecipazione`);
  const figures = page.getByRole('region', { name: 'Quadro della partecipazione' });
  await figures.getByText(`Consiglio Territoriale per l’Immigrazione di Milano, ${new Date().getFullYear()}`).waitFor();
  const engaged = figures.locator('dt', { hasText: 'Associazioni coinvolte' }).locator('xpath=following-sibling::dd[1]');
  if ((await engaged.textContent())?.trim() !== '2') throw new Error(`associations engaged: ${await engaged.textContent()}`);
  const groups = figures.locator('dt', { hasText: 'Gruppi di lavoro attivi' }).locator('xpath=following-sibling::dd[1]');
  if ((await groups.textContent())?.trim() !== '2') throw new Error(`working groups: ${await groups.textContent()}`);
  await settle(page);
  await checkA11y(page, 'partecipazione: quadro');
  await page.screenshot({ path: `${artifacts}/14-overview.png`, fullPage: true });
}
