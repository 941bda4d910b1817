import type { EventRow } from './event-access.ts';
import type { SessionRow } from './events.queries.ts';
import { EVENT_KIND_LABELS } from './event-kind-labels.ts';

// The e-mails of events, in Italian: invitations and the notice that a seat has freed up.

export interface Mail {
  to: string;
  subject: string;
  body: string;
}


const day = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const time = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit' });

/** "martedì 14 aprile 2026, 09:30–13:00 — Sala Alessi, Palazzo Marino (online: https://…)". */
export function describeSession(s: Pick<SessionRow, 'title' | 'startsAt' | 'endsAt' | 'place' | 'onlineUrl'>): string {
  const where = [s.place, s.onlineUrl ? `online: ${s.onlineUrl}` : null].filter(Boolean).join(' — ');
  const title = s.title ? ` «${s.title}»` : '';
  return `${day.format(s.startsAt)}, ${time.format(s.startsAt)}–${time.format(s.endsAt)}${title}${where ? ` — ${where}` : ''}`;
}

function detailLines(e: EventRow, sessions: SessionRow[]): string[] {
  return [
    `${EVENT_KIND_LABELS[e.kind]}: «${e.title}»`,
    `Organizzato da: ${e.organizerName}`,
    ...(sessions.length ? ['', sessions.length === 1 ? 'Quando e dove:' : `Sessioni (${sessions.length}):`, ...sessions.map((s) => `- ${describeSession(s)}`)] : []),
  ];
}

const footer = ['', 'Questo messaggio è inviato da Mosaico, la piattaforma dei Consigli Territoriali per l’Immigrazione.'];

/** An invitation: the event's details, the organiser's own line, and the page where to register. */
export function invitationMail(to: string, e: EventRow, sessions: SessionRow[], link: string, message: string | null): Mail {
  const body = [
    'Gentile destinataria, gentile destinatario,',
    '',
    `ti invitiamo a partecipare a: «${e.title}».`,
    ...(message ? ['', message] : []),
    '',
    ...detailLines(e, sessions),
    ...(e.description ? ['', e.description] : []),
    '',
    e.registrationOpen ? `Per i dettagli e per iscriverti: ${link}` : `Per i dettagli: ${link}`,
    ...footer,
  ];
  return { to, subject: `Invito: ${e.title}`, body: body.join('\n') };
}

/** The notice to a person on the waiting list who now holds a seat. */
export function promotionMail(to: string, e: EventRow, sessions: SessionRow[], link: string): Mail {
  const body = ['Gentile partecipante,', '', `si è liberato un posto: la tua iscrizione a «${e.title}» è confermata.`, '', ...detailLines(e, sessions), '', `Dettagli dell’evento: ${link}`, ...footer];
  return { to, subject: `Iscrizione confermata: ${e.title}`, body: body.join('\n') };
}
