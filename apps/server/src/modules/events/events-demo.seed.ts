import { romeInstant } from '@mosaico/contracts/events';
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { users } from '../users/users.schema.ts';
import { registerToEvent } from './event-registrations.service.ts';
import { createSession } from './event-sessions.service.ts';
import { createEvent, updateEvent } from './events.service.ts';

// A few events of the demo, through the same services as the API: Migration Days and a plenary in Milano, a seeding
// meeting in Napoli, a Lombardia workshop and a national conference, so the lists, the calendar and a council's page
// have something to show. Places and dates are plausible; no real person is named.

type EventInput = Parameters<typeof createEvent>[1];
type SessionInput = Parameters<typeof createSession>[2];

const session = (day: string, from: string, to: string, place: string, extra: Partial<SessionInput> = {}): SessionInput => ({
  title: null,
  startsAt: romeInstant(day, from),
  endsAt: romeInstant(day, to),
  place,
  onlineUrl: null,
  capacity: null,
  agenda: null,
  minutes: null,
  ...extra,
});

const base = { description: null, organizerOrganizationId: null, workingGroupId: null, capacity: null, registrationOpen: true, certificateThreshold: null, status: 'draft' as const, councilId: null, regionId: null, regionIds: [] as number[] };

/** Creates the demo events (published), with a few registrations of the demo accounts. */
export async function loadEventsDemo(ctx: Ctx) {
  const councilId = async (code: string) => (await ctx.db.select({ id: councils.id }).from(councils).where(eq(councils.code, code)))[0].id;
  const regionId = async (code: string) => (await ctx.db.select({ id: territories.id }).from(territories).where(sql`${territories.level} = 'region' and ${territories.code} = ${code}`))[0].id;
  const userId = async (email: string) => (await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id;
  const milano = await councilId('CTI-MI');
  const napoli = await councilId('CTI-NA');
  const lombardia = await regionId('03');

  const make = async (input: EventInput, sessions: SessionInput[], publish = true) => {
    const e = await createEvent(ctx, input);
    for (const s of sessions) await createSession(ctx, e.id, s);
    return publish ? updateEvent(ctx, e.id, { status: 'published', version: e.version }) : e;
  };

  const md2025 = await make(
    { ...base, kind: 'migration_day', title: 'Migration Day 2025 – Milano', scopeType: 'council', councilId: milano, organizerName: 'Prefettura – UTG di Milano', topics: ['anti_discrimination', 'communication'], targetGroups: ['general_public', 'immigrant_associations', 'second_generations'], description: 'Giornata aperta alla città per la Giornata internazionale dei migranti: testimonianze, associazioni e servizi del territorio.' },
    [session('2025-12-18', '10:00', '17:00', 'Palazzo Marino, Sala Alessi – Milano', { agenda: 'Saluti istituzionali\nTavola rotonda con le associazioni\nPresentazione dei dati del consiglio territoriale' })],
  );
  await make(
    { ...base, kind: 'council_plenary', title: 'Seduta plenaria del Consiglio territoriale di Milano', scopeType: 'council', councilId: milano, organizerName: 'Prefettura – UTG di Milano', topics: ['governance', 'data_collection'], targetGroups: ['council_members'], registrationOpen: false },
    [session('2026-03-12', '10:00', '12:30', 'Prefettura di Milano, Corso Monforte 31', { agenda: 'Approvazione della scheda di monitoraggio\nProgramma delle attività 2026' })],
  );
  const md2026 = await make(
    { ...base, kind: 'migration_day', title: 'Migration Day 2026 – Milano', scopeType: 'council', councilId: milano, organizerName: 'Prefettura – UTG di Milano', topics: ['anti_discrimination', 'school'], targetGroups: ['general_public', 'immigrant_associations'], capacity: 150 },
    [session('2026-12-18', '10:00', '17:00', 'Palazzo Marino, Sala Alessi – Milano')],
  );
  await make(
    { ...base, kind: 'seeding_meeting', title: 'Incontro di semina del gruppo di lavoro locale di Napoli', scopeType: 'council', councilId: napoli, organizerName: 'Prefettura – UTG di Napoli', topics: ['governance', 'social_services'], targetGroups: ['public_officials', 'third_sector', 'immigrant_associations'], capacity: 40 },
    [session('2026-10-15', '09:30', '13:30', 'Prefettura di Napoli, Piazza del Plebiscito')],
  );
  await make(
    { ...base, kind: 'regional_workshop', title: 'Workshop regionale sui minori stranieri non accompagnati', scopeType: 'region', regionId: lombardia, organizerName: 'Regione Lombardia', topics: ['guardianship', 'social_services'], targetGroups: ['unaccompanied_minors', 'social_workers'], capacity: 60 },
    [session('2026-11-26', '09:30', '16:30', 'Palazzo Lombardia, Piazza Città di Lombardia 1 – Milano', { onlineUrl: 'https://example.org/diretta-workshop' })],
  );
  const conference = await make(
    { ...base, kind: 'national_conference', title: 'Conferenza nazionale dei Consigli Territoriali per l’Immigrazione', scopeType: 'nation', organizerName: 'Ministero dell’Interno – Dipartimento per le Libertà Civili e l’Immigrazione', topics: ['governance', 'data_collection', 'reception'], targetGroups: ['council_members', 'public_officials'], capacity: 300, description: 'Due giornate per presentare il rapporto nazionale e confrontare le esperienze dei consigli.' },
    [session('2026-12-03', '09:30', '17:30', 'Roma, Viminale – Sala della Conferenza', { title: 'Il rapporto nazionale' }), session('2026-12-04', '09:30', '13:30', 'Roma, Viminale – Sala della Conferenza', { title: 'Esperienze dei territori' })],
  );

  const register = async (eventId: number, email: string) => {
    const id = await userId(email);
    if (id != null) await registerToEvent(ctx, eventId, { kind: 'user', userId: id });
  };
  await register(md2025.id, 'associazione@mosaico.demo');
  await register(md2026.id, 'associazione@mosaico.demo');
  await register(conference.id, 'milano@mosaico.demo');
  await register(conference.id, 'napoli@mosaico.demo');
  await registerToEvent(ctx, md2025.id, { kind: 'external', fullName: 'Partecipante dimostrativo', organizationName: 'Associazione (demo)', email: 'partecipante@esempio.invalid', consent: true });
}
