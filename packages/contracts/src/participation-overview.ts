import { z } from 'zod';
import { EVENT_KINDS } from './participation.ts';

// The participation overview of a council, a region or the nation for one year: associations engaged, meetings
// held, training hours, questionnaire response rates and active working groups, all computed from the records.

export const overviewQuery = z.object({
  regionId: z.coerce.number().int().positive().optional(),
  councilId: z.coerce.number().int().positive().optional(),
  /** Omitted: the current year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const overviewScope = z.object({
  type: z.enum(['nation', 'region', 'council']),
  id: z.number().int().nullable(),
  name: z.string(),
});

export const participationOverview = z.object({
  scope: overviewScope,
  year: z.number().int(),
  /** Associations of the place taking part in its work, or that attended an event or answered a questionnaire that year. */
  associationsEngaged: z.number().int(),
  associationsTakingPart: z.number().int(),
  associationsRegistered: z.number().int(),
  /** The same count for the years up to the one asked (five), oldest first, for the chart. */
  associationsByYear: z.array(z.object({ year: z.number().int(), engaged: z.number().int() })),
  /** Published events of the place with a session that year, by kind. */
  meetingsByKind: z.array(z.object({ kind: z.enum(EVENT_KINDS), count: z.number().int() })),
  meetingsHeld: z.number().int(),
  /** Hours of the sessions held that year by training events (courses and training days). */
  trainingHoursDelivered: z.number(),
  /** Sum over people of the training hours they attended. */
  personHoursAttended: z.number(),
  questionnaires: z.object({ sent: z.number().int(), answered: z.number().int(), rate: z.number().nullable() }),
  workingGroupsActive: z.number().int(),
});

/** The places the caller may see an overview of, for the scope picker. */
export const overviewScopes = z.object({ items: z.array(overviewScope) });
