import { z } from 'zod';
import { EVENT_KINDS } from './participation.ts';

// Attendance per session, hours per person, and certificates of attendance with a code anyone can verify.

const id = z.number().int().positive();
const who = z.object({ id: z.number().int(), name: z.string() }).nullable();

export const sessionParams = z.object({ id: z.coerce.number().int().positive(), sessionId: z.coerce.number().int().positive() });

/**
 * The check-in of one session: whether each listed registration was present. Registrations not listed keep what
 * was recorded; the whole list is accepted or refused at once.
 */
export const attendanceBody = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        registrationId: z.number({ message: 'Indica la registrazione (numero).|Give the registration (a number).' }).int().positive(),
        present: z.boolean({ message: 'Indica presente (true) o assente (false).|Say present (true) or absent (false).' }),
      }),
    )
    .min(1, 'Indica almeno una persona registrata.|List at least one registered person.')
    .max(2000, 'Al massimo 2000 persone per sessione.|At most 2000 people per session.'),
});

export const attendanceRow = z.object({
  registrationId: z.number().int(),
  /** Null once the participant's personal data was erased (the row counts anonymously). */
  fullName: z.string().nullable(),
  organizationName: z.string().nullable(),
  erased: z.boolean(),
  /** Null: nothing recorded yet for this session. */
  present: z.boolean().nullable(),
  recordedAt: z.string().nullable(),
  recordedBy: who,
});

export const sessionAttendance = z.object({
  event: z.object({ id: z.number().int(), title: z.string() }),
  session: z.object({
    id: z.number().int(),
    title: z.string().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string().nullable(),
    hours: z.number(),
    /** Attendance may be recorded once the session has started. */
    started: z.boolean(),
  }),
  rows: z.array(attendanceRow),
  /** The latest recording of this session, if any. */
  lastRecordedAt: z.string().nullable(),
  lastRecordedBy: who,
});

export const hoursSession = z.object({
  id: z.number().int(),
  title: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  hours: z.number(),
  /** How many registrations have a record (present or absent) for this session. */
  recorded: z.number().int(),
});

export const hoursRow = z.object({
  registrationId: z.number().int(),
  fullName: z.string().nullable(),
  organizationName: z.string().nullable(),
  erased: z.boolean(),
  sessionsAttended: z.number().int(),
  hoursAttended: z.number(),
  /** Share of the event's total hours attended, 0–100 with one decimal. */
  percent: z.number(),
  /** Whether the event's certificate threshold is reached (false when the event issues no certificates). */
  eligible: z.boolean(),
  certificateCode: z.string().nullable(),
});

export const eventHours = z.object({
  event: z.object({ id: z.number().int(), title: z.string(), kind: z.enum(EVENT_KINDS), certificateThreshold: z.number().int().nullable() }),
  totalHours: z.number(),
  sessions: z.array(hoursSession),
  rows: z.array(hoursRow),
});

/** Issue certificates: to the registrations named, or (without a list) to every eligible one not yet certified. */
export const issueCertificatesBody = z.strictObject({
  registrationIds: z.array(id).min(1, 'Indica almeno una registrazione, o ometti l’elenco per tutti gli idonei.|Name at least one registration, or leave the list out for every eligible one.').max(2000).optional(),
});

export const certificate = z.object({
  id: z.number().int(),
  code: z.string(),
  registrationId: z.number().int(),
  holderName: z.string(),
  hours: z.number(),
  percent: z.number(),
  issuedAt: z.string(),
  issuedBy: who,
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export const certificateList = z.object({ items: z.array(certificate) });
export const issuedCertificates = z.object({ issued: z.array(certificate), alreadyIssued: z.number().int() });

export const certificateCodeParams = z.object({
  code: z
    .string()
    .trim()
    .max(40)
    .transform((s) => s.toUpperCase()),
});

export const revokeCertificateBody = z.strictObject({
  reason: z.string().trim().min(5, 'Scrivi il motivo della revoca (almeno 5 caratteri).|Write why it is revoked (at least 5 characters).').max(500),
});

/** What the public verification page shows: enough to trust the paper, not enough to identify the holder. */
export const certificateVerification = z.object({
  code: z.string(),
  valid: z.boolean(),
  revokedAt: z.string().nullable(),
  /** "Mario R." */
  holder: z.string(),
  eventTitle: z.string(),
  eventKind: z.enum(EVENT_KINDS),
  issuer: z.string(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  hours: z.number(),
  totalHours: z.number(),
  issuedAt: z.string(),
});
