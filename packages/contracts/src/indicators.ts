import { z } from 'zod';

/**
 * Indicators: numerator / denominator × factor over data elements, computed at query time from `data_values`.
 *
 * Formula syntax (the forms' expression engine, in its "data" reference mode):
 * - `[istat.stranieri_residenti]`                 a data element (its total, '' breakdown)
 * - `[istat.stranieri_residenti | sesso=F]`       the same filtered by category option (several: `| a=x; b=y`)
 * - `{quota_stranieri}`                           another indicator's value (no cycles)
 * - `prev(<expression>)`                          the expression at the previous yearly period (for changes)
 * - numbers, + - * / and parentheses.
 *
 * Routes (all under /api/v1, signed-in users read; national admins define, regional coordinators define custom
 * indicators of their region):
 * - GET /indicator-themes → indicatorTheme[]
 * - GET /indicators?theme=&key=&q= → indicator[];  POST /indicators (indicatorCreate) → 201 indicator
 * - GET /indicators/:code → indicator;  PUT /indicators/:code (indicatorUpdate) → indicator
 * - POST /indicators/validate (formulaValidateBody) → formulaValidateResponse (always 200)
 * - GET /indicators/:code/values?level=&period=&territory=&format=json|csv|xlsx → indicatorValues
 *   (also /indicators/:code/values.csv and /values.xlsx)
 * - GET /indicators/profile?territory=&period= → profileResponse
 * - GET /analysis/pivot?measure=&level=&periods=&breakdown=&territory=&format= → pivotResponse
 *   (also /analysis/pivot.csv and /pivot.xlsx)
 * A save with faulty formulas answers 400 `invalid_formula` with details.issues = formulaIssue[] (every fault at once).
 */

export const THEME_KINDS = ['zaragoza', 'pni', 'custom'] as const;
/** How an indicator adds up from provinces to regions and the nation. */
export const INDICATOR_AGGREGATIONS = ['sum', 'ratio_of_sums', 'average', 'weighted_average', 'none'] as const;
/** stock: a yearly value is the year's last observation; flow: the sum of the year's observations. */
export const TIME_RULES = ['stock', 'flow'] as const;
export const INDICATOR_LEVELS = ['province', 'region', 'nation'] as const;
/** The formula fields of an indicator, as named in validation issues. */
export const FORMULA_FIELDS = ['numerator', 'denominator', 'weight'] as const;
/** Why an indicator value is null. */
export const VALUE_REASONS = ['no_data', 'no_denominator', 'zero_denominator', 'no_previous_period', 'not_stored'] as const;

const CODE = /^[a-z][a-z0-9_]{1,63}$/;
const codeMessage = 'Codice non valido: lettere minuscole, cifre e _, iniziando con una lettera.|Invalid code: lowercase letters, digits and _, starting with a letter.';

export const localizedText = z.object({ it: z.string().trim().min(1).max(300), en: z.string().trim().max(300).optional() });
const longText = z.object({ it: z.string().trim().max(4000), en: z.string().trim().max(4000).optional() });

export const indicatorTheme = z.object({
  code: z.string(),
  name: z.object({ it: z.string(), en: z.string().optional() }),
  kind: z.enum(THEME_KINDS),
  order: z.number().int(),
});

export const indicatorCode = z.string().trim().regex(CODE, codeMessage);

/** The fields an author sets (create). */
const indicatorFields = {
  name: localizedText,
  description: longText.nullish().transform((v) => v ?? null),
  themes: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
  numerator: z.string().trim().min(1).max(2000),
  denominator: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => (v ? v : null)),
  /** Multiplier applied to numerator / denominator, e.g. 100 for a percentage, 1000 for a rate per thousand. */
  factor: z.number().finite().positive().default(1),
  unit: z.object({ it: z.string().trim().max(60), en: z.string().trim().max(60).optional() }).nullish().transform((v) => v ?? null),
  decimals: z.number().int().min(0).max(6).default(1),
  aggregation: z.enum(INDICATOR_AGGREGATIONS).default('ratio_of_sums'),
  /** Only for weighted_average: the weight of each territory (e.g. its population). */
  weight: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => (v ? v : null)),
  timeRule: z.enum(TIME_RULES).default('stock'),
  /** Shown on council and region dashboards. */
  key: z.boolean().default(false),
};

export const indicatorCreate = z.object({
  code: indicatorCode,
  ...indicatorFields,
  /** A regional custom indicator (ISTAT code of the region); a regional coordinator's own region by default. */
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{2}$/, 'Indica il codice ISTAT della regione: due cifre, per esempio 03.|Give the ISTAT code of the region: two digits, e.g. 03.')
    .nullish()
    .transform((v) => v ?? null),
});
/** A full replacement of the author's fields, based on `version` (409 when someone saved in between). */
export const indicatorUpdate = z.object({ ...indicatorFields, version: z.number().int().positive() });

const who = z.object({ id: z.number().int(), name: z.string() }).nullable();

export const indicator = z.object({
  code: z.string(),
  name: z.object({ it: z.string(), en: z.string().optional() }),
  description: z.object({ it: z.string(), en: z.string().optional() }).nullable(),
  themes: z.array(z.string()),
  numerator: z.string(),
  denominator: z.string().nullable(),
  factor: z.number(),
  unit: z.object({ it: z.string(), en: z.string().optional() }).nullable(),
  decimals: z.number().int(),
  aggregation: z.enum(INDICATOR_AGGREGATIONS),
  weight: z.string().nullable(),
  timeRule: z.enum(TIME_RULES),
  key: z.boolean(),
  /** 'system' for the shipped starter set, 'custom' for those defined by users. */
  origin: z.enum(['system', 'custom']),
  /** For a regional custom indicator: the region (ISTAT code) whose users see and edit it; null = national. */
  regionCode: z.string().nullable(),
  /** The data elements and indicators its formulas refer to. */
  elements: z.array(z.string()),
  indicators: z.array(z.string()),
  createdBy: who,
  updatedBy: who,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const indicatorListQuery = z.object({
  theme: z.string().trim().max(64).optional(),
  key: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(100).optional(),
});

/** One fault of a formula, with where it is in the field's text (0-based, end exclusive). */
export const formulaIssue = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** Same as start / end − start, as every field issue of the API carries. */
  position: z.number().int(),
  length: z.number().int(),
});

/** Check formulas without saving. `code` (of the indicator being edited) lets the check find cycles through it. */
export const formulaValidateBody = z.object({
  code: z.string().trim().max(64).optional(),
  numerator: z.string().max(2000),
  denominator: z.string().max(2000).nullish(),
  weight: z.string().max(2000).nullish(),
});

export const formulaValidateResponse = z.object({
  valid: z.boolean(),
  issues: z.array(formulaIssue),
  elements: z.array(z.string()),
  indicators: z.array(z.string()),
});

export const territoryRef = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  level: z.enum(['nation', 'region', 'province', 'comune']),
});

const period = z
  .string()
  .trim()
  .regex(/^\d{4}$/, 'Periodo non valido: indica un anno di quattro cifre, per esempio 2023.|Invalid period: give a four-digit year, e.g. 2023.');

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;

export const indicatorValuesQuery = z.object({
  level: z.enum(INDICATOR_LEVELS).default('province'),
  /** A year; absent = every year with data. */
  period: period.optional(),
  /** Restrict to this territory (any of its codes) and, below it, to its territories of `level`. */
  territory: z.string().trim().min(1).max(20).optional(),
  format: z.enum(EXPORT_FORMATS).default('json'),
});

export const indicatorValue = z.object({
  territory: territoryRef,
  period: z.string(),
  /** numerator / denominator × factor, rounded to the indicator's decimals; null with `reason` when missing. */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reason: z.enum(VALUE_REASONS).nullable(),
  /** Some collected figure behind it is not yet approved (only shown on the council's side). */
  provisional: z.boolean(),
  /** Where the figures behind it come from. */
  sources: z.array(z.enum(['import', 'submission'])),
});
export const indicatorValues = z.array(indicatorValue);

export const profileQuery = z.object({
  /** A province or region, by any of its codes. */
  territory: z.string().trim().min(1).max(20),
  period: period.optional(),
});

export const profilePoint = z.object({
  period: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reason: z.enum(VALUE_REASONS).nullable(),
  provisional: z.boolean(),
  /** Difference from the previous period's value, and the same in percent of it (null without one). */
  change: z.number().nullable(),
  changePercent: z.number().nullable(),
});

export const indicatorSummary = indicator.pick({ code: true, name: true, unit: true, decimals: true, factor: true, themes: true, aggregation: true, timeRule: true });

export const profileResponse = z.object({
  territory: territoryRef,
  region: territoryRef.nullable(),
  nation: territoryRef,
  periods: z.array(z.string()),
  indicators: z.array(
    z.object({
      indicator: indicatorSummary,
      /** The territory, then its region (for a province), then Italy. */
      series: z.array(z.object({ territory: territoryRef, points: z.array(profilePoint) })),
    }),
  ),
});

/** `indicator:<code>` or `element:<data element code>`. */
export const pivotMeasure = z
  .string()
  .trim()
  .regex(/^(indicator|element):[A-Za-z0-9_.-]{1,200}$/, 'Misura non valida: indicator:<codice> oppure element:<codice>.|Invalid measure: indicator:<code> or element:<code>.');

export const pivotQuery = z.object({
  measure: pivotMeasure,
  level: z.enum(INDICATOR_LEVELS).default('province'),
  /** Comma-separated years; absent = all. */
  periods: z
    .string()
    .trim()
    .regex(/^\d{4}(,\d{4})*$/, 'Periodi non validi: anni separati da virgola, per esempio 2022,2023.|Invalid periods: comma-separated years, e.g. 2022,2023.')
    .optional(),
  /** A category of the data element (element measures only), e.g. sesso. */
  breakdown: z.string().trim().max(64).optional(),
  territory: z.string().trim().min(1).max(20).optional(),
  format: z.enum(EXPORT_FORMATS).default('json'),
});

export const pivotRow = z.object({
  territory: territoryRef,
  period: z.string(),
  /** The breakdown option, null for the total (or when no breakdown is asked). */
  option: z.string().nullable(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reason: z.enum(VALUE_REASONS).nullable(),
  provisional: z.boolean(),
});

export const pivotResponse = z.object({
  measure: z.object({ kind: z.enum(['indicator', 'element']), code: z.string(), name: z.object({ it: z.string(), en: z.string().optional() }) }),
  level: z.enum(INDICATOR_LEVELS),
  breakdown: z.string().nullable(),
  periods: z.array(z.string()),
  options: z.array(z.string()),
  rows: z.array(pivotRow),
});

export type Indicator = z.infer<typeof indicator>;
export type IndicatorValue = z.infer<typeof indicatorValue>;
export type FormulaIssue = z.infer<typeof formulaIssue>;
export type ProfileResponse = z.infer<typeof profileResponse>;
export type PivotResponse = z.infer<typeof pivotResponse>;
