import type { SubmissionStatus } from '@mosaico/contracts/campaigns';

/** What a reminder says about one submission. */
export interface ReminderFacts {
  submissionId: number;
  campaign: { name: string; year: number; deadline: string };
  councilName: string;
  status: SubmissionStatus;
  daysLeft: number;
  overall: { filled: number; expected: number };
  /** Link to the data-entry page of the submission. */
  link: string;
}

/** A section still missing values: its title and how far it is. */
export interface OpenSection {
  title: string;
  filled: number;
  expected: number;
}

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

/** 2026-03-31 → 31/03/2026, as Italians write dates. */
export const italianDay = (isoDay: string) => isoDay.split('-').reverse().join('/');

const percent = (c: { filled: number; expected: number }) => (c.expected ? Math.floor((100 * c.filled) / c.expected) : 100);

/** When the deadline falls, seen from today (0 or more days ahead). */
function when(daysLeft: number): string {
  if (daysLeft === 0) return 'oggi';
  if (daysLeft === 1) return 'domani';
  return `tra ${daysLeft} giorni`;
}

function subjectOf(f: ReminderFacts): string {
  const form = `scheda di monitoraggio ${f.campaign.year} – ${f.councilName}`;
  if (f.daysLeft < 0) return `Sollecito: ${form}, scaduta il ${italianDay(f.campaign.deadline)}`;
  return `Promemoria: ${form}, scade ${when(f.daysLeft)} (${italianDay(f.campaign.deadline)})`;
}

function deadlineLine(f: ReminderFacts): string {
  const day = italianDay(f.campaign.deadline);
  return f.daysLeft < 0 ? `Scadenza: ${day}, già passata.` : `Scadenza: ${day} (${when(f.daysLeft)}).`;
}

const STATE = {
  draft: 'è ancora in compilazione e non è stata inviata',
  returned: 'è stata restituita per correzioni e non è stata ancora inviata di nuovo',
} as Record<SubmissionStatus, string>;

const sectionLines = (sections: OpenSection[]) => sections.map((s) => `- ${s.title}: ${s.filled} voci su ${s.expected}`);

const footer = (f: ReminderFacts) => ['', `Apri la compilazione: ${f.link}`, '', 'Questo messaggio è inviato automaticamente da Mosaico.'];

/** The reminder to a council referent: the whole submission, and every section still incomplete. */
export function referentMail(to: string, f: ReminderFacts, open: OpenSection[]): Mail {
  const body = [
    'Gentile referente,',
    '',
    `la scheda di monitoraggio ${f.campaign.year} del ${f.councilName} (campagna «${f.campaign.name}») ${STATE[f.status]}.`,
    deadlineLine(f),
    `Completamento: ${f.overall.filled} voci su ${f.overall.expected} (${percent(f.overall)}%).`,
    ...(open.length ? ['', 'Sezioni ancora incomplete:', ...sectionLines(open)] : []),
    ...footer(f),
  ];
  return { to, subject: subjectOf(f), body: body.join('\n') };
}

/** The reminder to a data provider: only the sections assigned to their organisation that are still incomplete. */
export function providerMail(to: string, f: ReminderFacts, open: OpenSection[]): Mail {
  const body = [
    'Gentile utente,',
    '',
    `il tuo ente compila alcune sezioni della scheda di monitoraggio ${f.campaign.year} del ${f.councilName} (campagna «${f.campaign.name}»), che ${STATE[f.status]}.`,
    deadlineLine(f),
    '',
    'Sezioni assegnate al tuo ente ancora incomplete:',
    ...sectionLines(open),
    ...footer(f),
  ];
  return { to, subject: subjectOf(f), body: body.join('\n') };
}
