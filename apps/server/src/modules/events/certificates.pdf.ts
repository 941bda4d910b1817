import { C, CONTENT_WIDTH, createPdf, el, F, newPage, PAGE, paragraph, collectPdf } from '../reports/render/pdf-layout.ts';
import { formatDay, formatHours } from './attendance.format.ts';
import { EVENT_KIND_LABELS } from './event-kind-labels.ts';
import type { EventKind } from '@mosaico/contracts/participation';

export interface CertificateDocument {
  code: string;
  verifyUrl: string;
  holderName: string;
  eventTitle: string;
  eventKind: EventKind;
  organizer: string;
  firstAt: string | null;
  lastAt: string | null;
  hours: number;
  totalHours: number;
  percent: number;
  issuedAt: string;
  revoked: { at: string; reason: string | null } | null;
}

/**
 * A certificate of attendance as a tagged PDF (PDF/UA identification, Italian, Titillium Web): who attended
 * what, organised by whom, when, how many hours of how many, and the code with the address where anyone can check
 * it. A revoked certificate prints the revocation as content, so a reprint can not pass for a valid one.
 */
export async function renderCertificatePdf(c: CertificateDocument): Promise<Buffer> {
  const l = createPdf({
    title: `Attestato di partecipazione – ${c.eventTitle}`,
    author: c.organizer,
    subject: `Attestato di partecipazione di ${c.holderName}`,
    keywords: `attestato, partecipazione, ${c.eventTitle}, ${c.code}`,
  });
  const { doc, root } = l;
  const done = collectPdf(doc);
  newPage(l);
  doc.markContent('Artifact', { type: 'Layout' });
  doc.rect(0, 0, PAGE.width, 150).fill(C.primary);
  doc.rect(0, 150, PAGE.width, 5).fill(C.primaryDark);
  doc.rect(30, 185, PAGE.width - 60, PAGE.height - 215).lineWidth(1).strokeColor(C.rule).stroke();
  doc.endMarkedContent();
  doc.y = 60;
  paragraph(l, root, [{ text: 'Consigli territoriali per l’immigrazione' }], { size: 14, color: '#FFFFFF', after: 2 });
  paragraph(l, root, [{ text: c.organizer }], { size: 11, color: '#FFFFFF', after: 0 });

  doc.y = 225;
  root.add(
    el(doc, 'H1', {}, () => {
      doc.font(F.bold).fontSize(30).fillColor(C.primaryDark).text('Attestato di partecipazione', PAGE.margins.left, doc.y, { width: CONTENT_WIDTH, align: 'center' });
    }),
  );
  doc.y += 30;
  paragraph(l, root, [{ text: 'Si attesta che' }], { size: 13, align: 'center', after: 10 });
  paragraph(l, root, [{ text: c.holderName, bold: true }], { size: 24, align: 'center', color: C.heading, after: 14 });
  const when = c.firstAt && c.lastAt ? (formatDay(c.firstAt) === formatDay(c.lastAt) ? `il ${formatDay(c.firstAt)}` : `dal ${formatDay(c.firstAt)} al ${formatDay(c.lastAt)}`) : '';
  paragraph(l, root, [{ text: 'ha partecipato all’iniziativa' }], { size: 13, align: 'center', after: 4 });
  paragraph(l, root, [{ text: `«${c.eventTitle}»`, bold: true }], { size: 16, align: 'center', color: C.heading, after: 8 });
  paragraph(l, root, [{ text: `${EVENT_KIND_LABELS[c.eventKind]} organizzato da ${c.organizer}${when ? `, ${when}` : ''},` }], { size: 13, align: 'center', after: 4 });
  paragraph(l, root, [{ text: `frequentando ${formatHours(c.hours)} ore su ${formatHours(c.totalHours)} (${formatHours(c.percent)}%).` }], { size: 13, align: 'center', after: 30 });

  if (c.revoked) {
    const y = doc.y;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.roundedRect(PAGE.margins.left, y, CONTENT_WIDTH, 54, 4).lineWidth(2).strokeColor(C.draft).stroke();
    doc.endMarkedContent();
    doc.y = y + 10;
    paragraph(l, root, [{ text: `ATTESTATO REVOCATO il ${formatDay(c.revoked.at)}${c.revoked.reason ? `: ${c.revoked.reason}` : ''}`, bold: true }], { size: 12, color: C.draft, align: 'center', x: PAGE.margins.left + 10, width: CONTENT_WIDTH - 20, after: 20 });
    doc.y = y + 70;
  }

  doc.y = Math.max(doc.y, PAGE.height - 250);
  paragraph(l, root, [{ text: `Rilasciato il ${formatDay(c.issuedAt)} tramite Mosaico.` }], { size: 11, color: C.muted, after: 16 });
  paragraph(l, root, [{ text: 'Codice di verifica: ' }, { text: c.code, bold: true }], { size: 14, after: 4 });
  paragraph(l, root, [{ text: 'Chiunque può verificare l’autenticità di questo attestato all’indirizzo:' }], { size: 10.5, after: 2 });
  paragraph(l, root, [{ text: c.verifyUrl, href: c.verifyUrl }], { size: 10.5, after: 4 });
  paragraph(l, root, [{ text: 'La pagina di verifica mostra se il codice è valido o revocato, l’evento, le date e le ore.' }], { size: 9.5, color: C.muted });
  root.end();
  doc.end();
  return done;
}
