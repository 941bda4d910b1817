import { z } from 'zod';
import { EVENT_KINDS } from './participation.ts';

// Programme targets ("18 courses × 30 h = 540 h", "one Migration Day per prefecture per year") and their
// progress, computed from the events held.

/**
 * What a target counts, over events of one kind held in its years:
 * - event_count: the events held;
 * - hours_delivered: the hours of their sessions held (18 courses × 30 h = 540 h);
 * - councils_with_event_per_year: the share (percent) of active councils holding one each year
 *   (100 = one Migration Day in every prefecture every year).
 */
export const TARGET_METRICS = ['event_count', 'hours_delivered', 'councils_with_event_per_year'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];
export const TARGET_SCOPES = ['nation', 'region'] as const;

const year = z.number({ message: 'Indica un anno (numero).|Give a year (a number).' }).int('Indica un anno intero.|Give a whole year.').min(2000).max(2100);

const targetShape = {
  name: z.string().trim().min(3).max(200),
  description: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => (v ? v : null)),
  scopeType: z.enum(TARGET_SCOPES),
  /** The region's territory id, for a regional target. */
  regionId: z.number().int().positive().nullish(),
  metric: z.enum(TARGET_METRICS),
  eventKind: z.enum(EVENT_KINDS),
  yearFrom: year,
  yearTo: year,
  targetValue: z.number({ message: 'Indica il valore da raggiungere (numero).|Give the value to reach (a number).' }).positive('Il valore da raggiungere deve essere maggiore di zero.|The value to reach must be above zero.').max(1_000_000),
};

export const targetBody = z.strictObject(targetShape);
/** A change to a target: the fields given, at the version read (body `version` or If-Match). */
export const targetPatchBody = targetBody.partial().extend({ version: z.number().int().positive().optional() });

export const targetProgressRow = z.object({
  /** Null for the national row. */
  region: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  /** Events held, hours held, or council-years covered (a council holding one in a year). */
  value: z.number(),
  /** What the value is compared with: the target value, or for councils per year the council-years due; null where no goal applies (a region's share of a national count). */
  goal: z.number().nullable(),
  percent: z.number().nullable(),
  /** For councils per year: the active councils (of the region, or all). */
  councils: z.number().int().nullable(),
});

export const target = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  scopeType: z.enum(TARGET_SCOPES),
  region: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  metric: z.enum(TARGET_METRICS),
  eventKind: z.enum(EVENT_KINDS),
  yearFrom: z.number().int(),
  yearTo: z.number().int(),
  targetValue: z.number(),
  version: z.number().int(),
  canEdit: z.boolean(),
  progress: z.object({ total: targetProgressRow, regions: z.array(targetProgressRow) }),
});
export const targetList = z.object({ items: z.array(target), canCreate: z.boolean() });
export const targetDeleteQuery = z.object({ version: z.coerce.number().int().positive().optional() });
