import { C, createPdf, drawPageFurniture, heading, newPage, paragraph, collectPdf } from '../reports/render/pdf-layout.ts';
import { drawTable } from '../reports/render/pdf-tables.ts';
import { formatHours, formatTime, formatWeekday } from './attendance.format.ts';

export interface SignInSheetDocument {
  eventTitle: string;
  organizer: string;
  sessionTitle: string | null;
  sessionNumber: number;
  sessionsCount: number;
  startsAt: string;
  endsAt: string;
  hours: number;
  place: string | null;
  onlineUrl: string | null;
  people: { fullName: string; organizationName: string | null }[];
  printedAt: string;
}

/**
 * The printable sign-in sheet (foglio firme) of a session as a tagged PDF: the event and the session, then one
 * row per registered person — name, organisation and an empty cell for the signature — and a few blank rows for
 * walk-ins. Header rows repeat on each page; the running header and footer are artifacts.
 */
export async function renderSignInSheetPdf(s: SignInSheetDocument): Promise<Buffer> {
  const title = `Foglio firme – ${s.eventTitle}`;
  const l = createPdf({ title, author: s.organizer, subject: `Foglio firme della sessione del ${formatWeekday(s.startsAt)}`, keywords: `foglio firme, presenze, ${s.eventTitle}` });
  const { doc, root } = l;
  const done = collectPdf(doc);
  // The running header and footer skip the first page, which carries the title: continuation pages get them.
  newPage(l);
  heading(l, root, 1, 'Foglio firme');
  paragraph(l, root, [{ text: s.eventTitle, bold: true }], { size: 14, color: C.heading, after: 4 });
  paragraph(l, root, [{ text: `Organizzato da ${s.organizer}` }], { after: 8 });
  const when = `${formatWeekday(s.startsAt)}, dalle ${formatTime(s.startsAt)} alle ${formatTime(s.endsAt)} (${formatHours(s.hours)} ore)`;
  paragraph(l, root, [{ text: `Sessione ${s.sessionNumber} di ${s.sessionsCount}${s.sessionTitle ? `: ${s.sessionTitle}` : ''}`, bold: true }], { after: 2 });
  paragraph(l, root, [{ text: when.charAt(0).toUpperCase() + when.slice(1) }], { after: 2 });
  const where = [s.place, s.onlineUrl ? `online: ${s.onlineUrl}` : null].filter(Boolean).join(' · ');
  if (where) paragraph(l, root, [{ text: `Luogo: ${where}` }], { after: 10 });
  paragraph(l, root, [{ text: 'Chi partecipa firma accanto al proprio nome; chi non è in elenco scrive nome e organizzazione in fondo.' }], { size: 9.5, color: C.muted, after: 10 });

  const blank = { text: ' \n ' };
  const rows = s.people.map((p, i) => [
    { text: String(i + 1), align: 'right' as const },
    { text: p.fullName, header: true, scope: 'Row' as const },
    { text: p.organizationName ?? '' },
    blank,
  ]);
  for (let i = 0; i < 5; i++) rows.push([{ text: String(s.people.length + i + 1), align: 'right' as const }, blank, blank, blank]);
  drawTable(l, root, {
    widths: [0.9, 4, 4, 4.1],
    caption: `Partecipanti registrati: ${s.people.length}`,
    headerRows: [[{ text: 'N.', header: true, scope: 'Column', align: 'right' }, { text: 'Nome e cognome', header: true, scope: 'Column' }, { text: 'Organizzazione', header: true, scope: 'Column' }, { text: 'Firma', header: true, scope: 'Column' }]],
    rows,
    fontSize: 10,
  });
  doc.y += 16;
  paragraph(l, root, [{ text: 'Firma dell’organizzatore: ______________________________' }], { after: 4 });
  drawPageFurniture(l, title, `Stampato il ${formatWeekday(s.printedAt)} alle ${formatTime(s.printedAt)} · Mosaico`);
  root.end();
  doc.end();
  return done;
}
