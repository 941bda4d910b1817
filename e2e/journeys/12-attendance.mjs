// Attendance, hours, certificates and programme targets: the Milano referent creates (through the API, as the
// events pages would) a 30-hour course of 10 three-hour sessions held in 2018 for the council's working group,
// registers 12 people, records attendance in the check-in list session by session (six come to everything, three
// to seven sessions — exactly 70% — and three to six), reads the hours per person, issues certificates (only the
// nine over the threshold get one), opens one certificate's PDF; signed out, the public verification page
// confirms the code with the holder masked; back on /obiettivi the target "18 courses × 30 h = 540 h" has moved by
// 30 hours.
import { signInDemo } from '../demo-sign-in.mjs';

const PEOPLE = [
  'Mario Rossi',
  'Giulia Bianchi',
  'Amina Diallo',
  'Luca Ferrari',
  'Fatima Zahra El Idrissi',
  'Paolo Esposito',
  'Sara Colombo',
  'Ionut Popescu',
  'Chiara Romano',
  'Omar Haddad',
  'Elena Ricci',
  'Kwame Mensah',
];
// Sessions each person missed (1-based): 6–8 miss three (21 h of 30), 9–11 miss four (18 h).
const MISSED = (person, session) => (person >= 9 ? session >= 7 : person >= 6 ? session >= 8 : false);
const TARGET = 'Formazione dei Gruppi di Lavoro Locali: 18 percorsi × 30 ore = 540 ore';

async function settle(page) {
  await page.waitForLoadState('networkidle');
}

/** The hours delivered so far, as the target's card on /obiettivi says ("N su 540 ore"). */
async function targetHours(page, base) {
  await page.goto(`${base}/obiettivi`);
  const card = page.getByRole('region', { name: TARGET });
  const line = card.getByText(/su 540 ore/);
  await line.waitFor();
  const m = /^([\d.,]+) su 540 ore/.exec((await line.textContent()) ?? '');
  if (!m) throw new Error(`no progress line in the target card: ${await line.textContent()}`);
  return Number(m[1].replace(/\./g, '').replace(',', '.'));
}

/** Calls the API from the signed-in page (same origin, the session cookie), failing loudly on an error. */
async function callApi(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(`/api/v1${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    { method, path, body },
  );
}

export default async function attendanceJourney({ page, base, checkA11y }) {
  await signInDemo(page, base, 'milano@mosaico.demo');

  // The target before: whatever the demo holds, the course must add exactly 30 hours.
  const before = await targetHours(page, base);
  await settle(page);
  await checkA11y(page, 'obiettivi');
  await page.getByRole('region', { name: TARGET }).getByRole('button', { name: 'Mostra tabella' }).click();
  await page.getByRole('table', { name: `${TARGET}: avanzamento per regione` }).waitFor();
  await checkA11y(page, 'obiettivi, tabella per regione');

  // The course, through the events API: Milano's council, its working group, 10 sessions of 3 h in 2018.
  const councils = await callApi(page, 'GET', '/councils?q=Milano');
  const milano = (councils.items ?? councils).find((c) => c.code === 'CTI-MI');
  const groups = await callApi(page, 'GET', `/working-groups?councilId=${milano.id}`);
  const group =
    groups.items[0] ??
    (await callApi(page, 'POST', '/working-groups', { name: 'Gruppo di Lavoro Locale di Milano', councilId: milano.id, area: 'Città metropolitana di Milano', active: true }));
  const event = await callApi(page, 'POST', '/events', {
    kind: 'course',
    title: 'Percorso formativo del GdLL: accoglienza e tutela dei minori',
    scopeType: 'council',
    councilId: milano.id,
    organizerName: 'Prefettura di Milano – UTG',
    workingGroupId: group.id,
    certificateThreshold: 70,
    topics: ['guardianship', 'reception'],
    targetGroups: ['social_workers', 'unaccompanied_minors'],
  });
  for (let i = 0; i < 10; i++) {
    const start = new Date(Date.UTC(2018, 1, 6 + i * 7, 8));
    await callApi(page, 'POST', `/events/${event.id}/sessions`, {
      title: `Modulo ${i + 1}`,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
      place: 'Prefettura di Milano, sala Conferenze',
    });
  }
  const draft = await callApi(page, 'GET', `/events/${event.id}`);
  await callApi(page, 'PATCH', `/events/${event.id}`, { status: 'published', version: draft.version });
  for (const [i, fullName] of PEOPLE.entries()) {
    await callApi(page, 'POST', `/events/${event.id}/registrations`, {
      kind: 'external',
      fullName,
      organizationName: i % 2 ? 'Comune di Milano' : 'ATS Città Metropolitana di Milano',
      email: `${fullName.toLowerCase().replace(/\W+/g, '.')}@esempio.it`,
      consent: true,
    });
  }

  // The attendance page: sessions, sign-in sheets, check-in.
  await page.goto(`${base}/eventi/${event.id}/presenze`);
  await page.getByRole('heading', { level: 1, name: /^Presenze e attestati: Percorso formativo del GdLL/ }).waitFor();
  await settle(page);
  await checkA11y(page, 'presenze');
  const sheet = await page.request.get(`${base}${await page.getByRole('link', { name: /^Foglio firme \(PDF\) – sessione 1 / }).getAttribute('href')}`);
  if (sheet.headers()['content-type'] !== 'application/pdf' || !(await sheet.body()).subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('the sign-in sheet is not a PDF');

  for (let s = 1; s <= 10; s++) {
    await page.getByRole('button', { name: new RegExp(`^Registra le presenze – sessione ${s} `) }).click();
    const list = page.getByRole('region', { name: new RegExp(`^Presenze: sessione ${s} `) });
    await list.getByRole('button', { name: 'Tutti presenti' }).click();
    let present = PEOPLE.length;
    for (const [i, name] of PEOPLE.entries()) {
      if (!MISSED(i, s)) continue;
      // Bootstrap Italia draws the box on the label: a person clicks the name.
      const box = list.getByRole('checkbox', { name: new RegExp(`^${name}`) });
      await list.locator(`label[for="${await box.getAttribute('id')}"]`).click();
      if (await box.isChecked()) throw new Error(`${name} is still marked present at session ${s}`);
      present--;
    }
    if (s === 1) await checkA11y(page, 'presenze, elenco di una sessione');
    await list.getByRole('button', { name: 'Salva le presenze' }).click();
    await page.getByText(`Presenze salvate: ${present} presenti su 12.`).waitFor();
    await list.getByText(/^Ultima registrazione di Marta Prefettura/).waitFor();
  }

  // Hours per person: 30, 21 (exactly 70%: eligible) and 18 (60%: not).
  const hours = page.getByRole('table', { name: 'Ore frequentate da ciascun partecipante' });
  const rowOf = (name) => hours.getByRole('row', { name: new RegExp(`^${name}`) });
  await rowOf('Mario Rossi').getByRole('cell', { name: '100%' }).waitFor();
  await rowOf('Sara Colombo').getByRole('cell', { name: '70%' }).waitFor();
  await rowOf('Sara Colombo').getByText('Spetta', { exact: true }).waitFor();
  await rowOf('Omar Haddad').getByRole('cell', { name: '60%' }).waitFor();
  await rowOf('Omar Haddad').getByText('Non spetta').waitFor();
  await page.getByText('9 partecipanti hanno raggiunto la soglia e attendono l\'attestato.').waitFor();

  // Certificates: only the nine over the threshold.
  await page.getByRole('button', { name: 'Rilascia gli attestati agli idonei' }).click();
  await page.getByText('Rilasciati 9 attestati.').waitFor();
  const certificates = page.getByRole('table', { name: 'Attestati rilasciati' });
  await certificates.getByRole('row', { name: /^Chiara Romano/ }).waitFor();
  const rows = await certificates.locator('tbody tr').count();
  if (rows !== 9) throw new Error(`expected 9 certificates, found ${rows}`);
  for (const name of ['Omar Haddad', 'Elena Ricci', 'Kwame Mensah']) if (await certificates.getByRole('row', { name: new RegExp(`^${name}`) }).count()) throw new Error(`${name} got a certificate under the threshold`);
  await settle(page);
  await checkA11y(page, 'presenze, attestati rilasciati');
  const code = (await certificates.getByRole('row', { name: /^Mario Rossi/ }).getByRole('link', { name: /^[A-Z2-9]{4}-/ }).textContent()).trim();
  // A certificate issued by mistake is revoked with a reason (the reason is required).
  const revokedCode = (await certificates.getByRole('row', { name: /^Ionut Popescu/ }).getByRole('link', { name: /^[A-Z2-9]{4}-/ }).textContent()).trim();
  await certificates.getByRole('button', { name: 'Revoca – Ionut Popescu' }).click();
  const revokeForm = page.getByRole('heading', { level: 3, name: `Revoca dell'attestato ${revokedCode}` });
  await revokeForm.waitFor();
  await page.getByRole('button', { name: 'Revoca l\'attestato' }).click();
  await page.getByText('Scrivi il motivo della revoca (almeno 5 caratteri).').waitFor();
  await checkA11y(page, 'presenze, revoca di un attestato');
  await page.getByLabel('Motivo della revoca').fill('Presenze della sessione 9 registrate per errore');
  await page.getByRole('button', { name: 'Revoca l\'attestato' }).click();
  await page.getByText(`Attestato ${revokedCode} revocato.`).waitFor();
  await certificates.getByRole('row', { name: /^Ionut Popescu/ }).getByText(/^Revocato il .*: Presenze della sessione 9 registrate per errore$/).waitFor();
  const pdf = await page.request.get(`${base}${await certificates.getByRole('link', { name: 'Attestato (PDF) – Mario Rossi' }).getAttribute('href')}`);
  if (pdf.headers()['content-type'] !== 'application/pdf') throw new Error('the certificate is not a PDF');

  // Signed out, anyone verifies the code: valid, the holder masked.
  await page.context().clearCookies();
  await page.goto(`${base}/accesso`);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Verifica un attestato' }).click();
  await page.getByRole('heading', { level: 1, name: 'Verifica di un attestato' }).waitFor();
  await settle(page);
  await checkA11y(page, 'verifica di un attestato');
  await page.getByRole('button', { name: 'Verifica' }).click();
  await page.getByRole('group', { name: 'Ci sono errori da correggere' }).getByRole('link', { name: 'Codice dell\'attestato: Campo obbligatorio.' }).waitFor();
  await page.getByLabel('Codice dell\'attestato').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Verifica' }).click();
  await page.getByRole('heading', { level: 2, name: 'Attestato valido' }).waitFor();
  await page.getByText('Mario R.', { exact: true }).waitFor();
  if (await page.getByText('Mario Rossi').count()) throw new Error('the public page shows the holder’s full name');
  await page.getByText('30 su 30').waitFor();
  await settle(page);
  await checkA11y(page, 'attestato verificato');
  await page.goto(`${base}/attestati/${revokedCode}`);
  await page.getByRole('heading', { level: 2, name: 'Attestato revocato' }).waitFor();
  await page.getByText('Ionut P.', { exact: true }).waitFor();
  await page.goto(`${base}/attestati/AAAA-BBBB-CCCC`);
  await page.getByRole('heading', { level: 2, name: 'Codice non trovato' }).waitFor();
  await checkA11y(page, 'attestato sconosciuto');

  // The programme target moved by the course's 30 hours.
  await signInDemo(page, base, 'milano@mosaico.demo');
  const after = await targetHours(page, base);
  if (after - before !== 30) throw new Error(`the target moved from ${before} to ${after} hours, not by 30`);
  await page.getByRole('region', { name: TARGET }).getByText(`${after} su 540 ore`).waitFor();

  // The national administrator adds a regional target; a wrong span of years is refused with its message.
  await signInDemo(page, base, 'admin@mosaico.demo');
  await page.goto(`${base}/obiettivi`);
  await page.getByRole('button', { name: 'Aggiungi un obiettivo' }).click();
  await page.getByRole('heading', { level: 2, name: 'Nuovo obiettivo' }).waitFor();
  await page.getByRole('button', { name: 'Salva l\'obiettivo' }).click();
  const summary = page.getByRole('group', { name: 'Ci sono errori da correggere' });
  await summary.getByRole('link', { name: 'Nome: Campo obbligatorio.' }).waitFor();
  await settle(page);
  await checkA11y(page, 'obiettivi, nuovo obiettivo con errori');
  await page.getByLabel('Nome', { exact: true }).fill('Ore di formazione dei GdLL in Lombardia nel 2018');
  await page.getByLabel('Ambito', { exact: true }).selectOption('region');
  await page.getByLabel('Regione', { exact: true }).selectOption({ label: 'Lombardia' });
  await page.getByLabel('Che cosa si conta').selectOption('hours_delivered');
  await page.getByLabel('Tipo di evento').selectOption('course');
  await page.getByLabel('Dall\'anno', { exact: true }).fill('2019');
  await page.getByLabel('All\'anno', { exact: true }).fill('2018');
  await page.getByLabel('Valore da raggiungere').fill('90');
  await page.getByRole('button', { name: 'Salva l\'obiettivo' }).click();
  await summary.getByRole('link', { name: 'All\'anno: L’anno finale (2018) non può precedere l’anno iniziale (2019).' }).waitFor();
  await page.getByLabel('Dall\'anno', { exact: true }).fill('2018');
  await page.getByRole('button', { name: 'Salva l\'obiettivo' }).click();
  await page.getByText('Obiettivo «Ore di formazione dei GdLL in Lombardia nel 2018» aggiunto.').waitFor();
  await page.getByRole('region', { name: 'Ore di formazione dei GdLL in Lombardia nel 2018' }).getByText(/^\d+ su 90 ore/).waitFor();
  await settle(page);
  await checkA11y(page, 'obiettivi, obiettivo regionale aggiunto');
}
