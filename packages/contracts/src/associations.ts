import { z } from 'zod';
import { isoDate, optionalText, pageOf, pageQuery } from './common.ts';
import { ASSOCIATION_LOG_KINDS, ASSOCIATION_SECTORS, ENGAGEMENT_STATUSES, JOIN_REQUEST_STATUSES, LEGAL_FORMS } from './participation.ts';

// The registry of immigrant associations: an association is an organisation of kind `association` plus its
// profile (legal form, communities, languages, sectors, engagement status), its dated log and its participation.

// Pattern checks use refine: only custom issues carry their "italiano|english" message through.
const web = z
  .string()
  .trim()
  .max(300)
  .refine((v) => /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), 'Indirizzo web non valido (deve iniziare con http:// o https://).|Invalid web address (must start with http:// or https://).')
  .nullish()
  .or(z.literal('').transform(() => null));
const phone = z
  .string()
  .trim()
  .refine((v) => /^\+?[0-9 ./()-]{6,20}$/.test(v), 'Numero di telefono non valido.|Invalid phone number.')
  .nullish()
  .or(z.literal('').transform(() => null));
const email = z.email().max(254).nullish().or(z.literal('').transform(() => null));

/** A list of words (communities, languages): trimmed, without repeats, at most 20 of up to 60 characters. */
const words = (what: string) =>
  z
    .array(z.string().trim().min(2, `Ogni voce di «${what}» deve avere almeno 2 caratteri.|Each ${what} entry needs at least 2 characters.`).max(60))
    .max(20, `Al massimo 20 voci in «${what}».|At most 20 ${what} entries.`)
    .transform((list) => [...new Set(list)]);

const profileFields = {
  legalForm: z.enum(LEGAL_FORMS),
  communities: words('comunità'),
  languages: words('lingue'),
  sectors: z.array(z.enum(ASSOCIATION_SECTORS)).max(ASSOCIATION_SECTORS.length).transform((list) => [...new Set(list)]),
  activities: optionalText(4000),
};

const organizationFields = {
  name: z.string().trim().min(2).max(200),
  /** Any code of the territory where it is based (ISTAT comune or province, car plate). */
  territoryCode: z.string().trim().min(2).max(10),
  /** Omitted or null: the council covering the territory. */
  councilId: z.number().int().positive().nullish(),
  email,
  phone,
  website: web,
  address: optionalText(300),
  contactPerson: optionalText(200),
  notes: optionalText(4000),
};

export const associationCreate = z.strictObject({
  ...organizationFields,
  ...profileFields,
  communities: profileFields.communities.default([]),
  languages: profileFields.languages.default([]),
  sectors: profileFields.sectors.default([]),
  legalForm: profileFields.legalForm.default('unrecognised_association'),
});

/** A change of registry data at the version read (the status moves only through POST /status). */
export const associationPatch = z
  .strictObject({ ...organizationFields, ...profileFields })
  .partial()
  .extend({ version: z.number().int().positive().optional() });

const place = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const association = z.object({
  id: z.number().int(),
  name: z.string(),
  territory: z.object({ id: z.number().int(), code: z.string(), name: z.string(), level: z.string() }),
  council: place.nullable(),
  region: place.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  contactPerson: z.string().nullable(),
  notes: z.string().nullable(),
  legalForm: z.enum(LEGAL_FORMS),
  communities: z.array(z.string()),
  languages: z.array(z.string()),
  sectors: z.array(z.string()),
  activities: z.string().nullable(),
  engagementStatus: z.enum(ENGAGEMENT_STATUSES),
  statusChangedOn: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  /** false for an association organisation registered before its profile: it shows the defaults. */
  hasProfile: z.boolean(),
  /** Whether the caller may change it, its status and its log. */
  canEdit: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const associationQuery = z.object({
  /** Matches name, contact person, e-mail, communities and activities. */
  q: z.string().trim().max(100).optional(),
  councilId: z.coerce.number().int().positive().optional(),
  regionId: z.coerce.number().int().positive().optional(),
  status: z.enum(ENGAGEMENT_STATUSES).optional(),
  community: z.string().trim().max(60).optional(),
  language: z.string().trim().max(60).optional(),
  sector: z.enum(ASSOCIATION_SECTORS).optional(),
  ...pageQuery,
});
export const associationPage = pageOf(association);

export const statusChange = z.strictObject({
  status: z.enum(ENGAGEMENT_STATUSES),
  date: isoDate,
  note: z.string().trim().min(3, 'Scrivi una nota sul cambio di stato (almeno 3 caratteri).|Write a note on the status change (at least 3 characters).').max(2000),
  version: z.number().int().positive().optional(),
});

/** What is written on the log by hand: status changes go through POST /status. */
export const LOG_ENTRY_KINDS = ASSOCIATION_LOG_KINDS.filter((k) => k !== 'status_change') as ['contact', 'meeting', 'note'];
export const logCreate = z.strictObject({
  date: isoDate,
  kind: z.enum(LOG_ENTRY_KINDS),
  summary: z.string().trim().min(3).max(2000),
});

export const logEntry = z.object({
  id: z.number().int(),
  date: z.string(),
  kind: z.enum(ASSOCIATION_LOG_KINDS),
  fromStatus: z.enum(ENGAGEMENT_STATUSES).nullable(),
  toStatus: z.enum(ENGAGEMENT_STATUSES).nullable(),
  summary: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export const logList = z.object({ items: z.array(logEntry) });

/** What an association did, computed from events attended and questionnaires answered. */
export const participation = z.object({
  events: z.array(
    z.object({ id: z.number().int(), title: z.string(), kind: z.string(), firstDate: z.string(), people: z.number().int(), hours: z.number() }),
  ),
  byYear: z.array(z.object({ year: z.number().int(), events: z.number().int(), hours: z.number(), questionnaires: z.number().int() })),
  eventsAttended: z.number().int(),
  hoursAttended: z.number(),
  questionnairesAnswered: z.number().int(),
  /** The rooms module does not exist yet: null, never a made-up number. */
  roomsJoined: z.null(),
  roomsAvailable: z.literal(false),
});

// Join requests: sent signed out through the public form, verified by the council's referent.

export const joinRequestCreate = z.strictObject({
  /** The province where the association works (ISTAT code or car plate): it decides the council. */
  provinceCode: z.string().trim().min(2, 'Scegli la provincia in cui opera l’associazione.|Choose the province where the association works.').max(6),
  name: z.string().trim().min(2, 'Scrivi il nome dell’associazione (almeno 2 caratteri).|Write the association’s name (at least 2 characters).').max(200),
  legalForm: z.enum(LEGAL_FORMS, 'Scegli la forma giuridica dell’associazione.|Choose the association’s legal form.'),
  communities: words('comunità').default([]),
  languages: words('lingue').default([]),
  sectors: profileFields.sectors.default([]),
  activities: optionalText(2000),
  contactPerson: z.string().trim().min(2, 'Scrivi nome e cognome della persona di riferimento.|Write the contact person’s full name.').max(200),
  email: z.email('Indirizzo e-mail non valido: ci serve per risponderti.|Invalid e-mail address: we need it to reply.').max(254),
  phone,
  website: web,
  consent: z.literal(true, 'Per inviare la richiesta devi acconsentire al trattamento dei dati personali.|To send the request you must consent to the processing of personal data.'),
});

export const joinRequestReceipt = z.object({ id: z.number().int(), council: z.object({ name: z.string() }) });

export const joinRequest = z.object({
  id: z.number().int(),
  council: place,
  territory: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  name: z.string(),
  legalForm: z.enum(LEGAL_FORMS),
  communities: z.array(z.string()),
  languages: z.array(z.string()),
  sectors: z.array(z.string()),
  activities: z.string().nullable(),
  /** Personal data of the requester: null once erased. */
  contactPerson: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  consentAt: z.string(),
  status: z.enum(JOIN_REQUEST_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  organizationId: z.number().int().nullable(),
  erasedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const joinRequestQuery = z.object({ status: z.enum(JOIN_REQUEST_STATUSES).optional(), councilId: z.coerce.number().int().positive().optional(), ...pageQuery });
export const joinRequestPage = pageOf(joinRequest);

/** Accept: create a new association from the request, or link it to an association already registered. */
export const joinRequestAccept = z.strictObject({
  organizationId: z.number().int().positive().nullish(),
  note: optionalText(2000),
});
export const joinRequestReject = z.strictObject({
  reason: z.string().trim().min(3, 'Scrivi il motivo del rifiuto (almeno 3 caratteri).|Write the reason for rejecting (at least 3 characters).').max(2000),
});
