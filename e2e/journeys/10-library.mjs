// The shared document library (documentazione propedeutica): the national administrator uploads a PDF for the
// Milano council (after an empty form and an .html file are refused with their messages), adds a second
// version, downloads both (checking the safe-download headers), then the Napoli referent cannot see it, the
// Milano referent can, and the administrator deletes it after a confirmation.
import { signInDemo } from '../demo-sign-in.mjs';

/** A small but complete one-page PDF with a correct cross-reference table. */
function makePdf(text) {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const TITLE = 'Guida alla monografia provinciale (prova del percorso)';
const MILANO = 'Consiglio Territoriale per l’Immigrazione di Milano';

async function settle(page) {
  await page.waitForLoadState('networkidle');
}

export default async function libraryJourney({ page, base, checkA11y, artifacts }) {
  await signInDemo(page, base, 'admin@mosaico.demo');
  // From the home page's shortcuts (the header's one-line menu has no room for it).
  await page.goto(`${base}/`);
  await page.getByRole('main').getByRole('link', { name: 'Documentazione' }).click();
  await page.getByRole('heading', { level: 1, name: 'Documentazione' }).waitFor();
  await settle(page);
  await checkA11y(page, 'documentazione');

  // The upload form: an empty submission lists every missing field.
  await page.getByRole('link', { name: 'Carica un documento' }).click();
  await page.getByRole('heading', { level: 1, name: 'Carica un documento' }).waitFor();
  await settle(page);
  await checkA11y(page, 'carica un documento');
  await page.getByRole('button', { name: 'Carica', exact: true }).click();
  const summary = page.getByRole('group', { name: 'Ci sono errori da correggere' });
  await summary.getByRole('link', { name: 'File: Scegli il file da caricare.' }).waitFor();
  await summary.getByRole('link', { name: 'Titolo: Campo obbligatorio.' }).waitFor();

  // An .html file is refused by the server with its message, and nothing is written.
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'pagina.html', mimeType: 'text/html', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  await page.getByLabel('Titolo', { exact: true }).fill(TITLE);
  await page.getByLabel('Tipo di documento').selectOption('guide');
  await page.getByLabel('Ambito', { exact: true }).selectOption({ label: MILANO });
  await page.getByLabel('Anno di riferimento').fill('2024');
  await page.getByLabel('Etichette').fill('monografia, guida');
  await page.getByRole('button', { name: 'Carica', exact: true }).click();
  await summary.getByRole('link', { name: /^File: I file \.html non sono ammessi nella documentazione: carica un file pdf, docx/ }).waitFor();
  await checkA11y(page, 'documento rifiutato');
  await page.screenshot({ path: `${artifacts}/10-refused.png`, fullPage: true });

  // A real PDF is accepted.
  const v1 = makePdf('Guida alla monografia - prima versione');
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'guida-monografia.pdf', mimeType: 'application/pdf', buffer: v1 });
  await page.getByLabel('Nota sulla versione').fill('Prima stesura');
  await page.getByRole('button', { name: 'Carica', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByText(`Documento «${TITLE}» caricato.`).waitFor();
  await page.getByRole('link', { name: /^Scarica \(PDF, 1 kB\)$/ }).waitFor();
  await settle(page);
  await checkA11y(page, 'documento caricato');
  const id = Number(new URL(page.url()).pathname.split('/').pop());

  // A second version; the first stays downloadable.
  const v2 = makePdf('Guida alla monografia - seconda versione, rivista');
  await page.getByLabel('File della nuova versione').setInputFiles({ name: 'guida-monografia-v2.pdf', mimeType: 'application/pdf', buffer: v2 });
  await page.getByLabel('Nota sulla versione').fill('Rivista dopo il tavolo regionale');
  await page.getByRole('button', { name: 'Carica la nuova versione' }).click();
  await page.getByText('Versione 2 caricata.').waitFor();
  const versions = page.getByRole('region', { name: 'Versioni' });
  await versions.getByRole('rowheader', { name: 'Versione 2' }).waitFor();
  await versions.getByText('Rivista dopo il tavolo regionale').waitFor();
  await settle(page);
  await checkA11y(page, 'nuova versione');
  await page.screenshot({ path: `${artifacts}/10-document.png`, fullPage: true });

  // Downloading as a person does: the browser saves the file under its name.
  const [download] = await Promise.all([page.waitForEvent('download'), versions.getByRole('link', { name: /^Scarica la versione 1/ }).click()]);
  if (download.suggestedFilename() !== 'guida-monografia.pdf') throw new Error(`download name: ${download.suggestedFilename()}`);
  // And the headers that keep a download from running in our origin.
  const got = await page.evaluate(async (url) => {
    const r = await fetch(url);
    const bytes = new Uint8Array(await r.arrayBuffer());
    return { status: r.status, headers: Object.fromEntries(r.headers.entries()), head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length };
  }, `/api/v1/library/documents/${id}/download`);
  const want = {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="guida-monografia-v2.pdf"; filename*=UTF-8''guida-monografia-v2.pdf`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
  };
  for (const [k, v] of Object.entries(want)) if (got.headers[k] !== v) throw new Error(`download header ${k}: ${got.headers[k]} (expected ${v})`);
  if (got.status !== 200 || got.head !== '%PDF-' || got.size !== v2.length) throw new Error(`download: ${got.status} ${got.head} ${got.size}`);

  // The list, filtered by kind and year, shows it.
  await page.goto(`${base}/documentazione`);
  await page.getByLabel('Tipo di documento').selectOption('guide');
  await page.getByLabel('Anno di riferimento').selectOption('2024');
  await page.getByRole('button', { name: 'Applica i filtri' }).click();
  await page.getByText('1 documento.').waitFor();
  await page.getByRole('link', { name: TITLE, exact: true }).waitFor();
  await settle(page);
  await checkA11y(page, 'documentazione filtrata');
  await page.screenshot({ path: `${artifacts}/10-list.png`, fullPage: true });

  // Napoli's referent neither sees nor opens Milano's document.
  await signInDemo(page, base, 'napoli@mosaico.demo');
  await page.goto(`${base}/documentazione`);
  await page.getByRole('heading', { level: 1, name: 'Documentazione' }).waitFor();
  await settle(page);
  if (await page.getByRole('link', { name: TITLE, exact: true }).count()) throw new Error('Napoli sees a Milano document');
  await page.goto(`${base}/documentazione/${id}`);
  await page.getByRole('heading', { level: 1, name: 'Accesso non consentito' }).waitFor();
  await settle(page);
  await checkA11y(page, 'documento di un altro consiglio');
  const napoliDownload = await page.evaluate(async (url) => (await fetch(url)).status, `/api/v1/library/documents/${id}/versions/1/download`);
  if (napoliDownload !== 403) throw new Error(`Napoli download: ${napoliDownload}`);

  // Milano's referent sees it and may keep it.
  await signInDemo(page, base, 'milano@mosaico.demo');
  await page.goto(`${base}/documentazione/${id}`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByRole('button', { name: 'Carica la nuova versione' }).waitFor();

  // The administrator deletes it, after confirming.
  await signInDemo(page, base, 'admin@mosaico.demo');
  await page.goto(`${base}/documentazione/${id}`);
  await page.getByRole('button', { name: 'Elimina il documento' }).click();
  await page.getByText(`Eliminare «${TITLE}» con tutte le sue 2 versioni?`, { exact: false }).waitFor();
  await checkA11y(page, 'conferma eliminazione');
  await page.getByRole('button', { name: 'Sì, elimina' }).click();
  await page.getByText(`Documento «${TITLE}» eliminato.`).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Documentazione' }).waitFor();
  if (await page.getByRole('link', { name: TITLE, exact: true }).count()) throw new Error('the deleted document is still listed');
}
