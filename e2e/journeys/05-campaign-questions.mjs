// Questions to the tutor on the data-entry page: a data provider of Milano asks about an item of the section
// assigned to their organisation, a tutor of the region answers (the demo's council tutor has had its password
// changed by 03-password-reset.mjs), the provider reads the answer and marks the question resolved; the section
// menu and the item's button show the open questions meanwhile.
// The campaign and the section assignment are arranged through the API (opening a campaign in the browser is
// covered by 05-campaign.mjs; the web app has no assignment screen yet).
import { signInDemo } from '../demo-sign-in.mjs';
const ITEM = 'Minori stranieri non accompagnati presenti al 31 dicembre, per sesso ed età';
const QUESTION = 'I neomaggiorenni in prosieguo amministrativo vanno contati tra i minori?';
const ANSWER = 'No: contali solo nella voce sul prosieguo amministrativo, non tra i minori presenti.';

export default async function campaignQuestionsJourney({ page, base, checkA11y, artifacts }) {
  const signIn = (email) => signInDemo(page, base, email);
  const api = async (method, path, data) => {
    const res = await page.request.fetch(`${base}/api/v1${path}`, { method, data });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return res.json();
  };
  const openEntry = async (id) => {
    // The item is in "Accoglienza": the page shows one section at a time.
    await page.goto(`${base}/compilazioni/${id}?sezione=acc`);
    await page.getByRole('heading', { level: 2, name: 'Compilazione' }).waitFor();
  };
  const toggle = () => page.getByRole('button', { name: new RegExp(`^Domande e risposte \\(\\d+\\) sulla voce «${ITEM}»`) });
  const panel = () => page.locator('#cm-acc_msna_totale-panel');
  const sectionMenu = () => page.getByRole('navigation', { name: 'Sezioni' });

  await signIn('admin@mosaico.demo');
  const form = (await api('GET', '/forms')).find((f) => f.code === 'scheda-cti');
  const milano = (await api('GET', '/councils?q=Milano')).find((c) => c.code === 'CTI-MI');
  const campaign = await api('POST', '/campaigns', { formId: form.id, version: 1, year: 2024, deadline: '2025-03-31', councilIds: [milano.id], name: 'Rilevazione 2024 – domande e2e' });
  const [{ submissionId }] = await api('GET', `/campaigns/${campaign.id}/submissions`);

  await signIn('milano@mosaico.demo');
  const ats = (await api('GET', `/organizations?q=ATS&councilId=${milano.id}`)).items[0];
  await api('PUT', `/submissions/${submissionId}/sections/acc/assignment`, { organizationId: ats.id });

  // The provider asks.
  await signIn('dati@mosaico.demo');
  await openEntry(submissionId);
  await toggle().waitFor();
  if ((await toggle().getAttribute('aria-expanded')) !== 'false') throw new Error('the questions panel should start closed');
  await toggle().click();
  await panel().getByText('Nessuna domanda su questa voce.').waitFor();
  await panel().getByLabel('Nuova domanda').fill(QUESTION);
  await panel().getByRole('button', { name: 'Invia', exact: true }).click();
  await panel().getByRole('status').getByText('Domanda inviata.').waitFor();
  await panel().getByText(QUESTION).waitFor();
  await panel().getByText(/Davide Dati · Fornitore di dati/).waitFor();
  await page.getByRole('button', { name: /^Domande e risposte \(1\) .*1 aperta$/ }).waitFor();
  await sectionMenu().getByText('1 domanda aperta').waitFor();
  await checkA11y(page, 'compilazione: domanda del fornitore di dati');
  await page.screenshot({ path: `${artifacts}/questions-provider.png`, fullPage: false });

  // A tutor sees the open question from the section menu and answers.
  await signIn('tutor.lombardia@mosaico.demo');
  await openEntry(submissionId);
  await sectionMenu().getByText('1 domanda aperta').waitFor();
  await toggle().click();
  await panel().getByText(QUESTION).waitFor();
  await panel().getByLabel('Risposta').fill(ANSWER);
  await panel().getByRole('button', { name: 'Invia la risposta' }).click();
  await panel().getByRole('status').getByText('Risposta inviata.').waitFor();
  await panel().getByText(/Lorenzo Tutor · Tutor/).waitFor();
  await checkA11y(page, 'compilazione: risposta del tutor');
  await page.screenshot({ path: `${artifacts}/questions-tutor.png`, fullPage: false });

  // The provider reads the answer and closes the question.
  await signIn('dati@mosaico.demo');
  await openEntry(submissionId);
  await toggle().click();
  await panel().getByText(ANSWER).waitFor();
  await panel().getByRole('button', { name: 'Segna come risolta' }).click();
  await panel().getByRole('status').getByText('Discussione segnata come risolta.').waitFor();
  await panel().getByText('Risolta', { exact: true }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^Domande e risposte \\(1\\) sulla voce «${ITEM}»$`) }).waitFor();
  if (await sectionMenu().getByText(/domand[ae] apert[ae]/).count()) throw new Error('a resolved question should leave no open-question badge');
  await checkA11y(page, 'compilazione: domanda risolta');

  // The notices went through the outbox: the question to Milano's own tutor, the answer to the provider.
  await signIn('admin@mosaico.demo');
  const subjects = async (to) => (await api('GET', `/outbox?to=${encodeURIComponent(to)}`)).items.map((m) => m.subject);
  if (!(await subjects('tutor@mosaico.demo')).some((s) => /^Domanda sulla scheda 2024 .*voce acc_msna_totale$/.test(s))) throw new Error('the council tutor got no notice of the question');
  if (!(await subjects('dati@mosaico.demo')).some((s) => /^Risposta sulla scheda 2024 .*voce acc_msna_totale$/.test(s))) throw new Error('the provider got no notice of the answer');
}
