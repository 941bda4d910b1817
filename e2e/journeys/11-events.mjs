// Events and training: Milano's referent creates a course of three sessions (after an empty form is refused),
// publishes it, registers an external participant and a platform user, fills the seats so a third person waits,
// cancels a seat and sees the first in line promoted (and the next one when the seats are raised), and downloads the course's calendar file. The month calendar
// and the council's page show the course; Napoli's referent cannot see Milano's draft.
import { signInDemo } from '../demo-sign-in.mjs';

const TITLE = 'Corso per il gruppo di lavoro locale di Milano (percorso)';
const DRAFT = 'Riunione riservata del tavolo di Milano (bozza del percorso)';

async function settle(page) {
  await page.waitForLoadState('networkidle');
}

export default async function eventsJourney({ page, base, checkA11y, artifacts }) {
  await signInDemo(page, base, 'milano@mosaico.demo');
  await page.goto(`${base}/eventi`);
  await page.getByRole('heading', { level: 1, name: 'Eventi e formazione' }).waitFor();
  await settle(page);
  await checkA11y(page, 'eventi');

  // The form: an empty submission names every missing field.
  await page.getByRole('link', { name: 'Nuovo evento' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nuovo evento' }).waitFor();
  await settle(page);
  await checkA11y(page, 'nuovo evento');
  await page.getByRole('button', { name: 'Crea l’evento' }).click();
  const summary = page.getByRole('group', { name: 'Ci sono errori da correggere' });
  await summary.getByRole('link', { name: 'Tipo di evento: Campo obbligatorio.' }).waitFor();
  await summary.getByRole('link', { name: 'Titolo: Campo obbligatorio.' }).waitFor();
  await checkA11y(page, 'evento con errori');

  // A course for Milano (the referent's only council is chosen for them), two seats, 70% for a certificate.
  await page.getByLabel('Tipo di evento').selectOption('course');
  await page.getByLabel('Titolo', { exact: true }).fill(TITLE);
  await page.getByLabel('Descrizione').fill('Tre incontri sulla governance locale dell’accoglienza.');
  if ((await page.getByLabel('Ambito', { exact: true }).inputValue()) !== 'council') throw new Error('the council scope is not preselected');
  await page.getByLabel('Organizzatore').fill('Prefettura – UTG di Milano');
  // Bootstrap Italia draws its own boxes: a person clicks the label.
  await page.getByRole('group', { name: 'Temi' }).locator('label', { hasText: 'Governance' }).click();
  await page.getByRole('group', { name: 'Temi' }).locator('label', { hasText: 'Accoglienza' }).click();
  await page.getByRole('group', { name: 'Destinatari' }).locator('label', { hasText: 'Funzionari pubblici' }).click();
  if (!(await page.getByRole('group', { name: 'Temi' }).getByLabel('Governance').isChecked())) throw new Error('the topic is not ticked');
  await page.getByLabel('Posti disponibili').fill('2');
  await page.getByLabel('Soglia per l’attestato (%)').fill('70');
  await page.getByRole('button', { name: 'Crea l’evento' }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByText(`Evento «${TITLE}» creato come bozza.`).waitFor();
  const id = Number(new URL(page.url()).pathname.split('/').pop());

  // Three sessions, one a week, in Italian time.
  await page.getByRole('button', { name: 'Aggiungi una sessione' }).click();
  const form = page.locator('#session-new-form');
  for (const [n, day] of [[1, '2030-04-04'], [2, '2030-04-11'], [3, '2030-04-18']]) {
    await form.getByLabel('Giorno').fill(day);
    await form.getByLabel('Ora di inizio').fill('9:30');
    await form.getByLabel('Ora di fine').fill('13:30');
    await form.getByLabel('Titolo della sessione').fill(`Modulo ${n}`);
    await form.getByLabel('Luogo').fill('Prefettura di Milano, Sala del Consiglio');
    await form.getByLabel('Programma').fill('Apertura\nLavori di gruppo\nSintesi');
    await form.getByRole('button', { name: 'Aggiungi una sessione' }).click();
    await page.getByRole('heading', { level: 3, name: `Sessione ${n}: Modulo ${n}` }).waitFor();
  }
  await page.getByRole('heading', { level: 2, name: 'Sessioni (3)' }).waitFor();
  await page.getByText('giovedì 4 aprile 2030, 09:30–13:30 · 4 ore').waitFor();
  await settle(page);
  await checkA11y(page, 'corso con tre sessioni');

  await page.getByRole('button', { name: 'Pubblica l’evento' }).click();
  await page.getByText('Corso di formazione · Pubblicato').waitFor();

  // An external participant (with consent) and a platform user fill the two seats.
  const external = page.locator('#external-form');
  await external.getByRole('button', { name: 'Iscrivi' }).click();
  await page.getByRole('group', { name: 'Ci sono errori da correggere' }).getByText('Serve il consenso della persona al trattamento dei dati personali.').first().waitFor();
  const registerExternal = async (name, email) => {
    await external.getByLabel('Nome e cognome').fill(name);
    await external.getByLabel('Organizzazione').fill('Associazione Ponti');
    await external.getByLabel('E-mail').fill(email);
    await external.locator('label', { hasText: 'La persona ha dato il consenso' }).click();
    await external.getByRole('button', { name: 'Iscrivi' }).click();
  };
  await registerExternal('Amina Diallo', 'amina.diallo@esempio.invalid');
  await external.getByText('Amina Diallo è iscritto/a.').waitFor();
  const user = page.locator('#user-form');
  await user.getByLabel('Cerca un utente').fill('Amir');
  await user.getByLabel('Utente', { exact: true }).selectOption({ label: 'Amir Associazione (associazione@mosaico.demo)' });
  await user.getByRole('button', { name: 'Iscrivi' }).click();
  await user.getByText('Amir Associazione è iscritto/a.').waitFor();

  // The course is full: the next person waits.
  await registerExternal('Karim Benali', 'karim.benali@esempio.invalid');
  await external.getByText('Karim Benali è in lista d’attesa (posizione 1).').waitFor();
  const table = page.getByRole('region', { name: 'Iscritti, poi la lista d’attesa in ordine, poi le iscrizioni annullate' });
  await table.getByRole('row', { name: /Karim Benali .* In lista d’attesa \(posizione 1\)/ }).waitFor();
  await page.getByText('2 posti occupati su 2. 1 persona in lista d’attesa.').waitFor();
  await settle(page);
  await checkA11y(page, 'iscrizioni e lista d’attesa');
  await page.screenshot({ path: `${artifacts}/11-waiting.png`, fullPage: true });

  // Amina cancels: Karim gets her seat.
  await table.getByRole('button', { name: 'Annulla l’iscrizione – Amina Diallo' }).click();
  await table.getByRole('row', { name: /Karim Benali .* Iscritto/ }).waitFor();
  await table.getByRole('row', { name: /Amina Diallo .* Annullato/ }).waitFor();
  await page.getByText('2 posti occupati su 2. 0 persone in lista d’attesa.').waitFor();

  // Another person waits; raising the seats to three gives her one.
  await registerExternal('Lucia Ferrari', 'lucia.ferrari@esempio.invalid');
  await external.getByText('Lucia Ferrari è in lista d’attesa (posizione 1).').waitFor();
  await page.getByRole('link', { name: 'Modifica l’evento' }).click();
  await page.getByRole('heading', { level: 1, name: `Modifica: ${TITLE}` }).waitFor();
  await settle(page);
  await checkA11y(page, 'modifica evento');
  await page.getByLabel('Posti disponibili').fill('3');
  await page.getByRole('button', { name: 'Salva' }).click();
  await page.getByText(`Evento «${TITLE}» salvato.`).waitFor();
  await table.getByRole('row', { name: /Lucia Ferrari .* Iscritto/ }).waitFor();
  await page.getByText('3 posti occupati su 3. 0 persone in lista d’attesa.').waitFor();

  // The calendar file: one entry per session, in UTC.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Aggiungi al calendario (.ics)' }).click()]);
  if (download.suggestedFilename() !== `evento-${id}.ics`) throw new Error(`ics name: ${download.suggestedFilename()}`);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const ics = Buffer.concat(chunks).toString('utf8').replace(/\r\n /g, '');
  if ((ics.match(/BEGIN:VEVENT/g) ?? []).length !== 3) throw new Error(`ics: ${ics.slice(0, 400)}`);
  for (const line of ['DTSTART:20300404T073000Z', 'DTEND:20300404T113000Z', `SUMMARY:${TITLE} (1/3): Modulo 1`]) {
    if (!ics.includes(line)) throw new Error(`ics lacks ${line}`);
  }
  await page.screenshot({ path: `${artifacts}/11-event.png`, fullPage: true });

  // The month calendar shows the sessions.
  await page.goto(`${base}/eventi?vista=calendario&mese=2030-04`);
  const calendar = page.getByRole('table', { name: 'Sessioni degli eventi di aprile 2030, per giorno' });
  await calendar.getByRole('link', { name: `09:30 ${TITLE}` }).first().waitFor();
  if ((await calendar.getByRole('link', { name: `09:30 ${TITLE}` }).count()) !== 3) throw new Error('the calendar does not show three sessions');
  await settle(page);
  await checkA11y(page, 'calendario del mese');

  // A draft of Milano's, to check Napoli cannot see it.
  const draftId = await page.evaluate(async (title) => {
    const councils = await (await fetch('/api/v1/councils?q=Milano')).json();
    const r = await fetch('/api/v1/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'working_table_meeting', title, scopeType: 'council', councilId: councils[0].id, organizerName: 'Prefettura – UTG di Milano' }),
    });
    return (await r.json()).id;
  }, DRAFT);

  // The council's page lists the course under its year.
  const councilId = await page.evaluate(async () => (await (await fetch('/api/v1/councils?q=Milano')).json())[0].id);
  await page.goto(`${base}/consigli/${councilId}`);
  const meetings = page.getByRole('region', { name: 'Riunioni e Migration Day' });
  await meetings.getByRole('region', { name: '2030' }).getByRole('link', { name: TITLE }).waitFor();
  await meetings.getByRole('region', { name: '2025' }).getByRole('link', { name: 'Migration Day 2025 – Milano' }).waitFor();
  if (await meetings.getByRole('link', { name: DRAFT }).count()) throw new Error('the council page lists a draft');
  await settle(page);
  await checkA11y(page, 'consiglio con le riunioni');
  await page.screenshot({ path: `${artifacts}/11-council.png`, fullPage: true });

  // Napoli's referent sees neither the draft nor Milano's participants.
  await signInDemo(page, base, 'napoli@mosaico.demo');
  await page.goto(`${base}/eventi`);
  await page.getByRole('heading', { level: 1, name: 'Eventi e formazione' }).waitFor();
  await settle(page);
  if (await page.getByRole('link', { name: DRAFT }).count()) throw new Error('Napoli sees Milano’s draft');
  await page.getByRole('link', { name: 'Incontro di semina del gruppo di lavoro locale di Napoli' }).waitFor();
  await page.goto(`${base}/eventi/${draftId}`);
  await page.getByRole('heading', { level: 1, name: 'Accesso non consentito' }).waitFor();
  await settle(page);
  await checkA11y(page, 'bozza di un altro consiglio');
  const status = await page.evaluate(async (eventId) => (await fetch(`/api/v1/events/${eventId}/registrations`)).status, id);
  if (status !== 403) throw new Error(`Napoli reads Milano’s registrations: ${status}`);
}
