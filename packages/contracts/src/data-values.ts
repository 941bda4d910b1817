import { z } from 'zod';

/** What kind of figure a data element holds. */
export const DATA_VALUE_TYPES = ['number', 'percentage', 'boolean'] as const;
/** Where a data value comes from: a council's submission, or an import of official statistics. */
export const DATA_SOURCE_TYPES = ['submission', 'import'] as const;

const text = z.object({ it: z.string(), en: z.string().optional() });

export const dataElement = z.object({
  id: z.number().int(),
  code: z.string(),
  name: text,
  valueType: z.enum(DATA_VALUE_TYPES),
  unit: text.nullable(),
  categories: z.array(z.string()),
  formCode: z.string().nullable(),
  itemCode: z.string().nullable(),
});

export const dataElementQuery = z.object({
  q: z.string().trim().max(100).optional(),
  formCode: z.string().trim().max(64).optional(),
});

export const dataValueQuery = z.object({
  element: z.string().trim().min(1).max(200),
  period: z.string().trim().regex(/^\d{4}$/).optional(),
  councilId: z.coerce.number().int().positive().optional(),
  /** Only totals (no breakdown) unless asked. */
  breakdown: z.enum(['total', 'all']).default('total'),
});

export const dataValue = z.object({
  element: z.string(),
  dimensions: z.record(z.string(), z.string()),
  period: z.string(),
  territory: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  council: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  value: z.number(),
  source: z.object({ type: z.enum(DATA_SOURCE_TYPES), id: z.number().int() }),
  provisional: z.boolean(),
  updatedAt: z.string(),
});
