// Feedback questionnaires: the Milano referent creates the default feedback questionnaire in one click, opens it
// and sends it to two addresses; the links are read from the outbox (no SMTP here) as the administrator; each is
// answered signed out (after an empty try lists every missing answer), a second answer on the same link is
// refused, and the results show two answers with their charts and the CSV export.
import assert from 'node:assert/strict';
import { signInDemo } from '../demo-sign-in.mjs';

const TITLE = "Questionario di gradimento dell'incontro";

async function settle(page) {
  await page.waitForLoadState('networkidle');
}

/** The answer links in the newest messages to the addresses, read by the administrator through the outbox API. */
async function readLinks(browser, base, addresses) {
  const admin = await browser.newContext({ locale: 'it-IT' });
  const page = await admin.newPage();
  await signInDemo(page, base, 'admin@mosaico.demo');
  const links = [];
  for (const to of addresses) {
    const mail = await page.evaluate(async (addr) => (await (await fetch(`/api/v1/outbox?to=${encodeURIComponent(addr)}`)).json()).items[0], to);
    assert.ok(mail, `a message to ${to}`);
    assert.match(mail.subject, /^Questionario: /);
    const link = /https?:\/\/\S+\/questionari\/rispondi\/[A-Za-z0-9_-]+/.exec(mail.body)?.[0];
    assert.ok(link, `the message to ${to} carries an answer link`);
    links.push(link.replace(/^https?:\/\/[^/]+/, base));
  }
  await admin.close();
  return links;
}

/** Answers the default questionnaire on the page shown. */
async function answer(page, a) {
  await page.getByLabel(/^Nel complesso, come valuta l'incontro\?/).fill(String(a.rating));
  // Bootstrap Italia draws the option over its label: a person clicks the label.
  const choose = (group, label) => page.getByRole('group', { name: group }).getByText(label, { exact: true }).click();
  await choose(/^Quanto le è stato utile/, a.usefulness);
  await choose(/^Sente che la voce/, a.heard);
  await choose(/^Parteciperebbe di nuovo/, a.again);
  for (const topic of a.topics) await choose(/^Su quali temi/, topic);
  if (a.improve) await page.getByLabel(/^Che cosa si potrebbe migliorare\?/).fill(a.improve);
  await page.getByRole('button', { name: 'Invia le risposte' }).click();
  await page.getByText('Grazie, le tue risposte sono state registrate.').waitFor();
}

export default async function questionnairesJourney({ page, base, checkA11y, artifacts }) {
  await signInDemo(page, base, 'milano@mosaico.demo');
  await page.goto(`${base}/questionari`);
  await page.getByRole('heading', { level: 1, name: 'Questionari' }).waitFor();
  await settle(page);
  await checkA11y(page, 'questionari');

  // One click from the default feedback questionnaire (the council is the referent's only place).
  await page.getByRole('link', { name: 'Nuovo questionario' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nuovo questionario' }).waitFor();
  await settle(page);
  await checkA11y(page, 'nuovo questionario');
  await page.getByRole('button', { name: 'Crea il questionario' }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByText(`Questionario «${TITLE}» creato.`).waitFor();
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  assert.ok(id > 0);
  await settle(page);
  await checkA11y(page, 'questionario in preparazione');

  // While a draft: a closing day, and the questions open for editing as the form's JSON.
  await page.getByRole('button', { name: 'Modifica titolo, descrizione e scadenza' }).click();
  await page.getByLabel('Scadenza', { exact: true }).fill('2030-12-31');
  await checkA11y(page, 'modifica dei dettagli');
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  await page.getByText('Dettagli salvati.').waitFor();
  await page.getByText(/^31\/12\/30/).waitFor();
  await page.getByRole('button', { name: 'Modifica le domande' }).click();
  await page.getByLabel(/^Definizione \(JSON\)/).waitFor();
  await checkA11y(page, 'modifica delle domande');
  await page.getByRole('button', { name: 'Annulla' }).click();

  // Opening freezes the questions and offers the invitations.
  await page.getByRole('button', { name: 'Apri il questionario' }).click();
  await page.getByText(`Il questionario «${TITLE}» è aperto.`).waitFor();
  const stamp = Date.now();
  const addresses = [`amina.${stamp}@associazioni.test`, `karim.${stamp}@associazioni.test`];
  await page.getByLabel('Indirizzi e-mail').fill(addresses.join('\n'));
  await page.getByRole('button', { name: 'Invia gli inviti' }).click();
  await page.getByRole('status').filter({ hasText: '2 inviti inviati.' }).waitFor();
  await page.getByRole('table', { name: 'Inviti inviati' }).getByText(addresses[0]).waitFor();
  await settle(page);
  await checkA11y(page, 'questionario aperto, inviti inviati');
  await page.screenshot({ path: `${artifacts}/13-questionnaire.png`, fullPage: true });

  const links = await readLinks(page.context().browser(), base, addresses);

  // Signed out, by the first link: an empty try lists every missing answer, then a complete one is taken.
  const outside = await page.context().browser().newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } });
  const guest = await outside.newPage();
  await guest.goto(links[0]);
  await guest.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await settle(guest);
  await checkA11y(guest, 'rispondi per link');
  await guest.getByRole('button', { name: 'Invia le risposte' }).click();
  const problems = guest.getByRole('group', { name: 'Ci sono errori da correggere' });
  await problems.getByRole('link', { name: /^Nel complesso, come valuta l'incontro\?: / }).waitFor();
  await problems.getByRole('link', { name: /^Parteciperebbe di nuovo a un incontro come questo\?: / }).waitFor();
  await checkA11y(guest, 'risposte mancanti');
  await answer(guest, { rating: 5, usefulness: 'Molto utile', heard: 'Sì', again: 'Sì', topics: ['Casa e abitare', 'Lavoro e formazione professionale'] });
  await settle(guest);
  await checkA11y(guest, 'risposta registrata');

  // The same link again: refused, with the reason.
  await guest.goto(links[0]);
  await guest.getByText('Con questo link è già stata data una risposta: ogni invito vale per una sola risposta. Grazie!').waitFor();
  await settle(guest);
  await checkA11y(guest, 'link già usato');
  const token = links[0].split('/').pop();
  const again = await guest.evaluate(async (t) => {
    const r = await fetch(`/api/v1/public/questionnaires/by-token/${t}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ values: { voto_complessivo: 1 } }) });
    return { status: r.status, body: await r.json() };
  }, token);
  assert.equal(again.status, 409);
  assert.equal(again.body.error.message, 'Con questo invito è già stata data una risposta: ogni invito vale per una sola risposta.');

  // The second link, by another person.
  await guest.goto(links[1]);
  await guest.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await answer(guest, { rating: 3, usefulness: 'Abbastanza utile', heard: 'No', again: 'Sì', topics: ['Casa e abitare'], improve: 'Più tempo per le domande delle associazioni.' });
  await guest.screenshot({ path: `${artifacts}/13-answered.png`, fullPage: true });
  await outside.close();

  // The results: two answers, a chart and a table per choice question, the numbers, the open answers.
  await page.goto(`${base}/questionari/${id}`);
  await page.getByRole('link', { name: 'Vedi i risultati' }).click();
  await page.getByRole('heading', { level: 1, name: 'Risultati' }).waitFor();
  await page.getByText('100% (2 su 2)').waitFor();
  const usefulness = page.getByRole('region', { name: /Quanto le è stato utile/ });
  await usefulness.getByRole('img', { name: /Grafico a barre delle risposte/ }).locator('svg').first().waitFor();
  await usefulness.getByRole('row', { name: /Molto utile 1 50%/ }).waitFor();
  const topics = page.getByRole('region', { name: /Su quali temi/ });
  await topics.getByRole('row', { name: /Casa e abitare 2 100%/ }).waitFor();
  const rating = page.getByRole('region', { name: /Nel complesso/ });
  await rating.getByText('Media', { exact: true }).waitFor();
  await rating.getByRole('definition').filter({ hasText: /^4$/ }).first().waitFor();
  await page.getByText('Più tempo per le domande delle associazioni.').waitFor();
  assert.ok((await page.locator('.choice-chart svg').count()) >= 4, 'a chart per choice question');
  await settle(page);
  await checkA11y(page, 'risultati');
  await page.screenshot({ path: `${artifacts}/13-results.png`, fullPage: true });

  // The CSV: a header of Italian labels and one row per answer.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica le risposte (CSV)' }).click()]);
  assert.equal(download.suggestedFilename(), `questionario-${id}-risposte.csv`);
  const csv = (await import('node:fs')).readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
  assert.equal(csv.length, 3);
  assert.match(csv[0], /^Risposta,Data,Risposta di,Organizzazione,"Nel complesso, come valuta l'incontro\?"/);
  assert.ok(csv.some((l) => l.includes('Abbastanza utile')));

  // The list, filtered to open questionnaires, shows it with its two answers.
  await page.goto(`${base}/questionari?stato=open`);
  await page.getByRole('row', { name: new RegExp(`${TITLE}.*Aperto.*2`) }).first().waitFor();
  await settle(page);
  await checkA11y(page, 'questionari aperti');

  // An anonymous one, answered signed in: once only, and its results name nobody.
  const ANON = 'Gradimento anonimo della Giornata del migrante (percorso)';
  await page.goto(`${base}/questionari/nuovo`);
  await page.getByLabel('Titolo', { exact: true }).fill(ANON);
  await page.getByText('Questionario anonimo', { exact: true }).click();
  await page.getByRole('button', { name: 'Crea il questionario' }).click();
  await page.getByRole('heading', { level: 1, name: ANON }).waitFor();
  await page.getByText(/^Questionario anonimo/).first().waitFor();
  await page.getByRole('button', { name: 'Apri il questionario' }).click();
  await page.getByText(`Il questionario «${ANON}» è aperto.`).waitFor();
  await page.getByRole('link', { name: 'Rispondi', exact: true }).click();
  await page.getByText('Le risposte sono anonime: non viene registrato chi le ha date. Si risponde una volta sola.').waitFor();
  await settle(page);
  await checkA11y(page, 'rispondi da collegato (anonimo)');
  await answer(page, { rating: 4, usefulness: 'Poco utile', heard: 'In parte', again: 'No', topics: [], improve: 'Materiali tradotti in più lingue.' });
  await settle(page);
  await checkA11y(page, 'risposta anonima registrata');
  await page.reload();
  await page.getByText('Hai già risposto a questo questionario. Grazie!').waitFor();
  const anonId = Number(new URL(page.url()).pathname.split('/')[2]);
  await page.goto(`${base}/questionari/${anonId}/risultati`);
  await page.getByText('Sì: le risposte non sono collegate a chi le ha date').waitFor();
  const improve = page.getByRole('region', { name: /Che cosa si potrebbe migliorare/ });
  await improve.getByText('Materiali tradotti in più lingue.').waitFor();
  assert.equal(await improve.getByText(/Prefettura|milano@/).count(), 0, 'no name beside an anonymous answer');
  await settle(page);
  await checkA11y(page, 'risultati anonimi');

  // From an event's page: a questionnaire attached to it, sent to its registered participants.
  const EVENT = 'Migration Day 2025 – Milano';
  await page.goto(`${base}/eventi`);
  await page.getByRole('link', { name: EVENT }).first().click();
  await page.getByRole('heading', { level: 1, name: EVENT }).waitFor();
  await page.getByRole('link', { name: 'Questionari', exact: true }).last().click();
  await page.getByText(/^Questionari dell'evento/).waitFor();
  await page.getByRole('link', { name: 'Nuovo questionario' }).click();
  await page.getByLabel('Evento', { exact: true }).locator('option:checked').filter({ hasText: EVENT }).waitFor({ state: 'attached' });
  await page.getByText("L'ambito è quello dell'evento scelto.").waitFor();
  await settle(page);
  await checkA11y(page, 'nuovo questionario per un evento');
  await page.getByRole('button', { name: 'Crea il questionario' }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByRole('link', { name: EVENT }).waitFor();
  await page.getByRole('button', { name: 'Apri il questionario' }).click();
  await page.getByText('Invita anche i partecipanti iscritti all\'evento').click();
  await page.getByRole('button', { name: 'Invia gli inviti' }).click();
  await page.getByRole('status').filter({ hasText: '2 inviti inviati.' }).waitFor();
  await page.getByRole('table', { name: 'Inviti inviati' }).getByText('associazione@mosaico.demo').waitFor();
  await settle(page);
  await checkA11y(page, 'inviti ai partecipanti dell\'evento');
  const eventId = await page.getByRole('link', { name: EVENT }).getAttribute('href');
  await page.goto(`${base}/questionari?evento=${eventId?.split('/').pop()}`);
  await page.getByText(`Questionari dell'evento «${EVENT}».`).waitFor();
  await page.getByText('1 questionario.').waitFor();
}
