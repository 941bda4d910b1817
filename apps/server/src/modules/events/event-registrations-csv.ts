import type { eventRegistration } from '@mosaico/contracts/events';
import type { z } from 'zod';
import { escapeFormula, formatCsv } from '../organizations/csv-format.ts';

const STATUS = { registered: 'iscritto', waiting: 'in lista d’attesa', cancelled: 'annullato' } as const;
const rome = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const when = (iso: string | null) => (iso ? rome.format(new Date(iso)) : '');

/** The participants as a spreadsheet: one row each, in the order of the list, erased people as blank rows. */
export function formatRegistrationsCsv(items: z.infer<typeof eventRegistration>[]): string {
  const header = ['id', 'tipo', 'nome', 'organizzazione', 'e-mail', 'stato', 'posizione in attesa', 'iscritto il', 'consenso il', 'dati cancellati il'];
  const rows = items.map((r) => [
    String(r.id),
    r.kind === 'user' ? 'utente della piattaforma' : 'partecipante esterno',
    r.user?.name ?? r.fullName ?? '',
    r.organizationName ?? '',
    r.user?.email ?? r.email ?? '',
    STATUS[r.status],
    r.position != null ? String(r.position) : '',
    when(r.createdAt),
    when(r.consentAt),
    when(r.erasedAt),
  ]);
  return formatCsv([header, ...rows.map((row) => row.map(escapeFormula))]);
}
