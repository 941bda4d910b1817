import { z } from 'zod';
import { isoDate, optionalText, pageOf, pageQuery } from './common.ts';
import { EVENT_KINDS, EVENT_SCOPES, EVENT_STATUSES, EVENT_TOPICS, REGISTRATION_STATUSES, TARGET_GROUPS } from './participation.ts';

// Events and training: the event, its sessions, registrations (platform users and external participants),
// invitations and materials. Custom messages are written "italiano|english".

/** A session lasts at most this long: a full training day, never several days in one row. */
export const MAX_SESSION_HOURS = 12;

const positiveId = z.number().int().min(1);
/** An optional reference: a positive id, or null/absent to leave it empty. */
const optionalId = positiveId.nullish().transform((v) => v ?? null);

const openFlag = z.boolean({ message: 'Indica sì o no (true o false).|Answer yes or no (true or false).' });

/** The fields of an event, shared by the create and update bodies. */
const eventShape = {
  kind: z.enum(EVENT_KINDS),
  title: z.string().trim().min(3).max(300),
  description: optionalText(8000),
  scopeType: z.enum(EVENT_SCOPES),
  /** For a council's event. */
  councilId: optionalId,
  /** For a region's event. */
  regionId: optionalId,
  /** For an interregional event: two or more regions, the first being the organising one. */
  regionIds: z.array(positiveId).max(21).nullish().transform((v) => v ?? []),
  organizerName: z.string().trim().min(2).max(300),
  organizerOrganizationId: optionalId,
  topics: z.array(z.enum(EVENT_TOPICS)).max(EVENT_TOPICS.length).default([]).transform((v) => [...new Set(v)]),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length).default([]).transform((v) => [...new Set(v)]),
  workingGroupId: optionalId,
  /** Seats; beyond them registrations wait. Null: no limit. */
  capacity: z.number().int().min(1).max(100000).nullish().transform((v) => v ?? null),
  registrationOpen: openFlag.default(true),
  /** Percent of the event's hours needed for a certificate; null: no certificates. */
  certificateThreshold: z.number().int().min(1).max(100).nullish().transform((v) => v ?? null),
  status: z.enum(EVENT_STATUSES).default('draft'),
};

type EventPlaceFields = { scopeType: string; councilId: number | null; regionId: number | null; regionIds: number[] };

/** Each scope names exactly its own place: a council, a region, two or more distinct regions, or nothing. */
export function checkEventPlace(v: EventPlaceFields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (v.scopeType === 'council' && v.councilId == null) issue('councilId', 'Scegli il consiglio territoriale dell’evento.|Choose the event’s council.');
  if (v.scopeType === 'region' && v.regionId == null) issue('regionId', 'Scegli la regione dell’evento.|Choose the event’s region.');
  if (v.scopeType === 'regions') {
    if (v.regionIds.length < 2) issue('regionIds', 'Un evento interregionale riguarda almeno due regioni.|An interregional event involves at least two regions.');
    else if (new Set(v.regionIds).size !== v.regionIds.length) issue('regionIds', 'Ogni regione va indicata una sola volta.|List each region once.');
  }
  if (v.scopeType !== 'council' && v.councilId != null) issue('councilId', 'Solo un evento di un consiglio ha un consiglio: toglilo o cambia ambito.|Only a council’s event has a council: remove it or change the scope.');
  if (v.scopeType !== 'region' && v.regionId != null) issue('regionId', 'Solo un evento regionale ha una regione: toglila o cambia ambito.|Only a regional event has a region: remove it or change the scope.');
  if (v.scopeType !== 'regions' && v.regionIds.length) issue('regionIds', 'Solo un evento interregionale ha un elenco di regioni.|Only an interregional event has a list of regions.');
}

export const eventCreateBody = z.strictObject(eventShape).superRefine(checkEventPlace);

/**
 * PATCH: any of the event's fields, with the version read (or If-Match). The result, merged with the stored event,
 * is checked as a whole (eventCreateBody) by the server.
 */
export const eventUpdateBody = z.strictObject({
  kind: eventShape.kind.optional(),
  title: eventShape.title.optional(),
  description: optionalText(8000).optional(),
  scopeType: eventShape.scopeType.optional(),
  councilId: positiveId.nullish(),
  regionId: positiveId.nullish(),
  regionIds: z.array(positiveId).max(21).nullish(),
  organizerName: eventShape.organizerName.optional(),
  organizerOrganizationId: positiveId.nullish(),
  topics: z.array(z.enum(EVENT_TOPICS)).max(EVENT_TOPICS.length).optional(),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length).optional(),
  workingGroupId: positiveId.nullish(),
  capacity: z.number().int().min(1).max(100000).nullish(),
  registrationOpen: openFlag.optional(),
  certificateThreshold: z.number().int().min(1).max(100).nullish(),
  status: z.enum(EVENT_STATUSES).optional(),
  version: positiveId.optional(),
});

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .nullish()
  .transform((v) => (v ? v : null))
  .pipe(z.url({ protocol: /^https?$/, message: 'Indirizzo web non valido (deve iniziare con http:// o https://).|Invalid web address (must start with http:// or https://).' }).nullable());

const instant = z.iso.datetime({ offset: true, message: 'Data e ora non valide: usa il formato 2026-03-14T09:30:00+01:00.|Invalid date and time: use the 2026-03-14T09:30:00+01:00 format.' });

const sessionShape = {
  title: optionalText(200),
  startsAt: instant,
  endsAt: instant,
  place: optionalText(300),
  onlineUrl: httpUrl,
  capacity: z.number().int().min(1).max(100000).nullish().transform((v) => v ?? null),
  agenda: optionalText(10000),
  minutes: optionalText(50000),
};

/** A session ends after it starts, within MAX_SESSION_HOURS, and happens somewhere: a place, a link or both. */
export function checkSession(v: { startsAt: string; endsAt: string; place: string | null; onlineUrl: string | null }, ctx: z.RefinementCtx) {
  const start = Date.parse(v.startsAt);
  const end = Date.parse(v.endsAt);
  if (end <= start) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'La sessione deve finire dopo l’inizio.|The session must end after it starts.' });
  else if (end - start > MAX_SESSION_HOURS * 3_600_000)
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `Una sessione dura al massimo ${MAX_SESSION_HOURS} ore: dividila in più sessioni.|A session lasts at most ${MAX_SESSION_HOURS} hours: split it into several sessions.` });
  if (!v.place && !v.onlineUrl) ctx.addIssue({ code: 'custom', path: ['place'], message: 'Indica il luogo, il collegamento online o entrambi.|Give the place, the online link or both.' });
}

export const sessionCreateBody = z.strictObject(sessionShape).superRefine(checkSession);

/** PATCH: any of the session's fields and the version read; merged with the stored session and checked whole. */
export const sessionUpdateBody = z.strictObject({
  title: optionalText(200).optional(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  place: optionalText(300).optional(),
  onlineUrl: httpUrl.optional(),
  capacity: z.number().int().min(1).max(100000).nullish(),
  agenda: optionalText(10000).optional(),
  minutes: optionalText(50000).optional(),
  version: positiveId.optional(),
});

/**
 * A registration: the caller registers themself; an organiser registers a platform user, or an external participant
 * with name, organisation and e-mail only, who must have consented to the processing of these data.
 */
export const registrationBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('self') }),
  z.strictObject({ kind: z.literal('user'), userId: positiveId }),
  z.strictObject({
    kind: z.literal('external'),
    fullName: z.string().trim().min(3).max(200),
    organizationName: optionalText(300),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
    consent: z.literal(true, { message: 'Serve il consenso della persona al trattamento dei dati personali.|The person’s consent to the processing of personal data is required.' }),
  }),
]);

export const invitationBody = z
  .strictObject({
    emails: z.array(z.string().trim().toLowerCase().max(254).pipe(z.email())).max(200).default([]),
    userIds: z.array(positiveId).max(200).default([]),
    /** A personal line added to the invitation. */
    message: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (!v.emails.length && !v.userIds.length) ctx.addIssue({ code: 'custom', path: ['emails'], message: 'Indica almeno un indirizzo e-mail o un utente da invitare.|Give at least one e-mail address or user to invite.' });
  });

export const eventListQuery = z.object({
  /** Matches title, description and organiser. */
  q: z.string().trim().max(100).optional(),
  kind: z.enum(EVENT_KINDS).optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  scopeType: z.enum(EVENT_SCOPES).optional(),
  /** Events with a session in that calendar year (Rome time). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Events with a session on or after this day. */
  from: isoDate.optional(),
  /** Events with a session on or before this day. */
  to: isoDate.optional(),
  /** Events of that region: its own, its councils' and the interregional ones that include it. */
  regionId: z.coerce.number().int().positive().optional(),
  councilId: z.coerce.number().int().positive().optional(),
  workingGroupId: z.coerce.number().int().positive().optional(),
  topic: z.enum(EVENT_TOPICS).optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  ...pageQuery,
});

const ref = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
const named = z.object({ id: z.number().int(), name: z.string() });

export const eventSession = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  title: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Its length in hours (quarter hours kept). */
  hours: z.number(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int().nullable(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  version: z.number().int(),
});

/** An event as lists and calendars show it. */
export const eventSummary = z.object({
  id: z.number().int(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  status: z.enum(EVENT_STATUSES),
  scopeType: z.enum(EVENT_SCOPES),
  council: ref.nullable(),
  region: ref.nullable(),
  /** Every region it belongs to, the organising one first (empty for the nation). */
  regions: z.array(ref),
  organizerName: z.string(),
  topics: z.array(z.enum(EVENT_TOPICS)),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  workingGroup: named.nullable(),
  capacity: z.number().int().nullable(),
  registrationOpen: z.boolean(),
  /** First session's start and last session's end; null without sessions. */
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  /** Every session's times, for the calendar. */
  sessionTimes: z.array(z.object({ id: z.number().int(), startsAt: z.string(), endsAt: z.string() })),
  hours: z.number(),
  registeredCount: z.number().int(),
  waitingCount: z.number().int(),
  /** Whether the caller organises it (edits it, sees participants). */
  canEdit: z.boolean(),
});

export const myRegistration = z.object({ id: z.number().int(), status: z.enum(REGISTRATION_STATUSES), position: z.number().int().nullable() });

export const eventDetail = eventSummary.extend({
  description: z.string().nullable(),
  organizerOrganization: named.nullable(),
  certificateThreshold: z.number().int().nullable(),
  sessions: z.array(eventSession),
  /** The caller's own registration, not cancelled; null when none. */
  myRegistration: myRegistration.nullable(),
  /** Whether the caller may register themself now. */
  canRegister: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const eventPage = pageOf(eventSummary);

export const eventRegistration = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  kind: z.enum(['user', 'external']),
  user: z.object({ id: z.number().int(), name: z.string(), email: z.string() }).nullable(),
  fullName: z.string().nullable(),
  organizationName: z.string().nullable(),
  email: z.string().nullable(),
  consentAt: z.string().nullable(),
  status: z.enum(REGISTRATION_STATUSES),
  /** Place in the waiting list (1 = next to get a seat); null unless waiting. */
  position: z.number().int().nullable(),
  createdAt: z.string(),
  erasedAt: z.string().nullable(),
});
export const eventRegistrationList = z.object({
  items: z.array(eventRegistration),
  registeredCount: z.number().int(),
  waitingCount: z.number().int(),
  capacity: z.number().int().nullable(),
});

/** What a cancellation did: the cancelled registration and whoever got the freed seat. */
export const registrationCancelResult = z.object({ cancelled: eventRegistration, promoted: z.array(eventRegistration) });

export const eventInvitation = z.object({
  id: z.number().int(),
  email: z.string(),
  user: named.nullable(),
  invitedBy: named.nullable(),
  invitedAt: z.string(),
});
export const eventInvitationList = z.object({ items: z.array(eventInvitation) });

export const eventMaterial = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  sessionId: z.number().int().nullable(),
  title: z.string().nullable(),
  fileName: z.string(),
  fileType: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: named.nullable(),
  uploadedAt: z.string(),
});
export const eventMaterialList = z.object({ items: z.array(eventMaterial), maxUploadMb: z.number().int() });

/** The text fields of a material's multipart upload (the file travels as `file`). */
export const eventMaterialFields = z.strictObject({
  title: optionalText(200),
  sessionId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).optional()),
});

/** The places the caller may organise events in, with working groups and organisations to pick, for the form. */
export const eventOptions = z.object({
  councils: z.array(ref.extend({ regionId: z.number().int() })),
  regions: z.array(ref),
  /** Whether the caller may organise national events. */
  nation: z.boolean(),
  workingGroups: z.array(named.extend({ regionId: z.number().int(), councilId: z.number().int().nullable() })),
});

export const eventIdParams = z.object({ id: z.coerce.number().int().positive() });
export const sessionParams = z.object({ id: z.coerce.number().int().positive(), sessionId: z.coerce.number().int().positive() });
export const registrationParams = z.object({ id: z.coerce.number().int().positive(), registrationId: z.coerce.number().int().positive() });
export const materialParams = z.object({ id: z.coerce.number().int().positive(), materialId: z.coerce.number().int().positive() });
/** DELETE: the version read, unless sent as If-Match. */
export const versionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

const romeOffsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', timeZoneName: 'longOffset' });

/**
 * A wall-clock time in Rome as an instant with its offset: ("2026-10-15", "09:30") → "2026-10-15T09:30:00+02:00".
 * Sessions are planned in Italian time whatever the browser's time zone; the offset is the one in force that day.
 */
export function romeInstant(day: string, time: string): string {
  // The offset at noon UTC of that day: daylight saving changes at night, never mid-morning.
  const name = romeOffsetFormat.formatToParts(new Date(`${day}T12:00:00Z`)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const offset = name === 'GMT' ? '+00:00' : name.slice(3);
  return `${day}T${time}:00${offset}`;
}
