import { z } from 'zod';
import { formDefinition } from './forms.ts';
import { optionalText, pageOf, pageQuery } from './common.ts';
import { QUESTIONNAIRE_STATUSES } from './participation.ts';

// Feedback questionnaires: written in the monitoring form's definition format (checked by the same engine),
// kept by the nation, a region or a council, optionally attached to an event, answered signed in or by a
// one-time link; their results are aggregated per question and exported.

/** Who keeps a questionnaire and who sees it: the nation, a region, or a council. */
export const QUESTIONNAIRE_SCOPES = ['nation', 'region', 'council'] as const;

const scopeId = z.coerce.number().int().positive().optional();
const positiveId = z.coerce.number().int().positive();

/**
 * A new questionnaire: from the default feedback questionnaire (`template: 'feedback-default'`) or from a
 * definition given whole (checked by the form engine). Title defaults to the definition's.
 */
export const questionnaireCreateBody = z.strictObject({
  template: z.enum(['feedback-default']).optional(),
  definition: z.unknown().optional(),
  title: z.string().trim().min(3).max(300).optional(),
  description: optionalText(4000),
  scopeType: z.enum(QUESTIONNAIRE_SCOPES),
  scopeId,
  eventId: positiveId.nullish(),
  anonymous: z.boolean().default(false),
  closesAt: z.iso.datetime({ offset: true }).nullish(),
});

/**
 * A change at the version read: texts, closing date, anonymity and definition while a draft; `status` moves
 * draft → open → closed (a closed questionnaire may be reopened).
 */
export const questionnairePatchBody = z.strictObject({
  version: z.number().int().positive(),
  title: z.string().trim().min(3).max(300).optional(),
  /** Left out: unchanged; null or empty: removed. */
  description: z.string().trim().max(4000).nullish(),
  definition: z.unknown().optional(),
  anonymous: z.boolean().optional(),
  eventId: positiveId.nullish(),
  closesAt: z.iso.datetime({ offset: true }).nullish(),
  status: z.enum(QUESTIONNAIRE_STATUSES).optional(),
});

const ref = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const questionnaire = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  scopeType: z.enum(QUESTIONNAIRE_SCOPES),
  region: ref.nullable(),
  council: ref.nullable(),
  event: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  anonymous: z.boolean(),
  status: z.enum(QUESTIONNAIRE_STATUSES),
  closesAt: z.string().nullable(),
  definition: formDefinition,
  /** Answers received. */
  responseCount: z.number().int(),
  /** Whether the caller keeps it (edits, sends invitations, reads results). */
  canManage: z.boolean(),
  /** Whether the caller may answer it now, signed in (open, not yet answered by them). */
  canAnswer: z.boolean(),
  /** Whether the caller already answered it. */
  answered: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const questionnaireSummary = questionnaire.omit({ definition: true });

export const questionnaireQuery = z.object({
  eventId: positiveId.optional(),
  status: z.enum(QUESTIONNAIRE_STATUSES).optional(),
  scope: z.enum(QUESTIONNAIRE_SCOPES).optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

export const questionnairePage = pageOf(questionnaireSummary);

export const questionnaireDeleteQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/**
 * Whom to invite: e-mail addresses, platform users, organisations (at their e-mail address), and/or the
 * registered participants of the attached event. Those already invited are skipped.
 */
export const invitationCreateBody = z
  .strictObject({
    emails: z.array(z.string().trim().toLowerCase().pipe(z.email())).max(500).default([]),
    userIds: z.array(z.number().int().positive()).max(500).default([]),
    organizationIds: z.array(z.number().int().positive()).max(500).default([]),
    eventParticipants: z.boolean().default(false),
  });

export const invitationSendResult = z.object({
  sent: z.number().int(),
  /** Addresses already invited to this questionnaire, left out. */
  skipped: z.array(z.string()),
});

export const invitationStatus = z.object({
  invited: z.number().int(),
  answered: z.number().int(),
  /** answered / invited, 0–1; null with no invitations. */
  rate: z.number().nullable(),
  /** Answers without an invitation (signed in). */
  directResponses: z.number().int(),
  /** One line per invitation, to keepers only. */
  items: z.array(
    z.object({
      id: z.number().int(),
      email: z.string().nullable(),
      user: z.object({ id: z.number().int(), name: z.string() }).nullable(),
      organization: z.object({ id: z.number().int(), name: z.string() }).nullable(),
      sentAt: z.string().nullable(),
      answered: z.boolean(),
      /** When the link was used; null for anonymous questionnaires. */
      answeredAt: z.string().nullable(),
    }),
  ),
});

export const responseBody = z.strictObject({ values: z.record(z.string(), z.unknown()) });

export const responseReceipt = z.object({ submittedAt: z.string(), anonymous: z.boolean() });

/** What an invitation link opens: the questionnaire to answer, or why it cannot be answered. */
export const tokenQuestionnaire = z.object({
  state: z.enum(['open', 'answered', 'closed', 'expired']),
  title: z.string(),
  description: z.string().nullable(),
  anonymous: z.boolean(),
  closesAt: z.string().nullable(),
  /** Only while it can be answered. */
  definition: formDefinition.nullable(),
});

export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

const share = z.object({ code: z.string(), label: z.string(), count: z.number().int(), percent: z.number() });

/** The figures of one question. */
export const questionResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), code: z.string(), label: z.string(), type: z.string(), answered: z.number().int(), options: z.array(share) }),
  z.object({
    kind: z.literal('number'),
    code: z.string(),
    label: z.string(),
    type: z.string(),
    answered: z.number().int(),
    mean: z.number().nullable(),
    median: z.number().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    distribution: z.array(z.object({ value: z.number(), count: z.number().int() })),
  }),
  z.object({
    kind: z.literal('text'),
    code: z.string(),
    label: z.string(),
    type: z.string(),
    answered: z.number().int(),
    /** Open answers, newest first; `by` only for non-anonymous questionnaires. */
    answers: z.array(z.object({ text: z.string(), submittedAt: z.string().nullable(), by: z.string().nullable() })),
  }),
  z.object({ kind: z.literal('other'), code: z.string(), label: z.string(), type: z.string(), answered: z.number().int() }),
]);

export const questionnaireResults = z.object({
  questionnaireId: z.number().int(),
  title: z.string(),
  anonymous: z.boolean(),
  responseCount: z.number().int(),
  invited: z.number().int(),
  answeredInvitations: z.number().int(),
  rate: z.number().nullable(),
  questions: z.array(questionResult),
});

export type QuestionResult = z.infer<typeof questionResult>;

/** A place the caller may create questionnaires in, with its name. */
export const questionnaireScopeList = z.object({
  items: z.array(z.object({ scopeType: z.enum(QUESTIONNAIRE_SCOPES), scopeId: z.number().int().nullable(), name: z.string() })),
});

/** An event the caller organises, with the questionnaire place that matches it. */
export const questionnaireEventOptions = z.object({
  items: z.array(z.object({ id: z.number().int(), title: z.string(), scopeType: z.enum(QUESTIONNAIRE_SCOPES), scopeId: z.number().int().nullable() })),
});
