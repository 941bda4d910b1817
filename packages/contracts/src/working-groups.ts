import { z } from 'zod';
import { isoDate, optionalText, pageOf, pageQuery } from './common.ts';
import { EVENT_KINDS, EVENT_STATUSES, WORKING_GROUP_ROLES } from './participation.ts';

// Local working groups (Gruppi di Lavoro Locali): a region's, or a council's; their members with roles, their
// meetings (the events whose working group they are) and the training hours their members attended.

const optionalDate = isoDate.nullish().or(z.literal('').transform(() => null));

const groupFields = {
  name: z.string().trim().min(3).max(200),
  /** The council it works in; null for a regional group (then regionId is needed). */
  councilId: z.number().int().positive().nullish(),
  /** The region (territory id) of a regional group; for a council's group it is the council's region. */
  regionId: z.number().int().positive().nullish(),
  area: optionalText(200),
  description: optionalText(4000),
  formedOn: optionalDate,
  active: z.boolean(),
};

export const workingGroupCreate = z.strictObject({ ...groupFields, active: groupFields.active.default(true) });
export const workingGroupPatch = z
  .strictObject(groupFields)
  .partial()
  .extend({ version: z.number().int().positive().optional() });
export const workingGroupDeleteQuery = z.object({ version: z.coerce.number().int().positive().optional() });

const place = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const workingGroup = z.object({
  id: z.number().int(),
  name: z.string(),
  region: place,
  council: place.nullable(),
  area: z.string().nullable(),
  description: z.string().nullable(),
  formedOn: z.string().nullable(),
  active: z.boolean(),
  membersCount: z.number().int(),
  meetingsCount: z.number().int(),
  canEdit: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export const workingGroupQuery = z.object({
  q: z.string().trim().max(100).optional(),
  councilId: z.coerce.number().int().positive().optional(),
  regionId: z.coerce.number().int().positive().optional(),
  active: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});
export const workingGroupPage = pageOf(workingGroup);

/**
 * A member: an organisation, a person (a platform user, or a name with an e-mail), or a person for an
 * organisation. At least one of organisationId, userId or personName must be given.
 */
const memberFields = {
  organizationId: z.number().int().positive().nullish(),
  userId: z.number().int().positive().nullish(),
  personName: optionalText(200),
  email: z.email().max(254).nullish().or(z.literal('').transform(() => null)),
  role: z.enum(WORKING_GROUP_ROLES),
  joinedOn: optionalDate,
  leftOn: optionalDate,
};
export const memberCreate = z.strictObject({ ...memberFields, role: memberFields.role.default('member') });
export const memberPatch = z.strictObject(memberFields).partial();
export const memberParams = z.object({ id: z.coerce.number().int().positive(), memberId: z.coerce.number().int().positive() });

export const member = z.object({
  id: z.number().int(),
  organization: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  user: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  personName: z.string().nullable(),
  /** Only for those who keep the group: an external person's e-mail is personal data. */
  email: z.string().nullable(),
  role: z.enum(WORKING_GROUP_ROLES),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  /**
   * Hours of training (course and training-day sessions) the member attended, for those who keep the group; null for
   * other readers, since attendance is the organisers' to see.
   */
  trainingHours: z.number().nullable(),
});

export const meeting = z.object({
  id: z.number().int(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  status: z.enum(EVENT_STATUSES),
  firstDate: z.string().nullable(),
  sessions: z.number().int(),
  hours: z.number(),
});

export const workingGroupDetail = workingGroup.extend({ members: z.array(member), meetings: z.array(meeting) });
