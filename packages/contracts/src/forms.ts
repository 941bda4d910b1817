import type { FormDefinition, Item } from '@mosaico/form-engine/definition';
import { z } from 'zod';

const code = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'Codice: lettere, cifre e trattini bassi, iniziando con una lettera.|Code: letters, digits and underscores, starting with a letter.');
const optionCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_+-]{0,63}$/, 'Codice di opzione: lettere, cifre, trattini.|Option code: letters, digits, hyphens.');
const text = z.object({ it: z.string().trim().min(1).max(4000), en: z.string().trim().max(4000).optional() });
const expression = z.string().trim().min(1).max(2000);
const option = z.object({ code: optionCode, label: text });

const itemType = z.enum(['integer', 'decimal', 'percentage', 'text', 'long_text', 'single_choice', 'multiple_choice', 'yes_no', 'date', 'table', 'repeat']);

const item: z.ZodType<Item> = z.lazy(() =>
  z.object({
    code,
    type: itemType,
    label: text,
    help: text.optional(),
    required: z.union([z.boolean(), expression]).optional(),
    relevant: expression.optional(),
    constraint: expression.optional(),
    constraintMessage: text.optional(),
    calculate: expression.optional(),
    unit: text.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    choices: z.array(option).min(1).optional(),
    disaggregation: code.optional(),
    rows: z.array(option).min(1).optional(),
    columns: z
      .array(z.object({ code: optionCode, label: text, type: z.enum(['integer', 'decimal', 'percentage', 'text', 'yes_no']) }))
      .min(1)
      .optional(),
    items: z.array(item).min(1).optional(),
    copyLastYear: z
      .boolean()
      .optional()
      .describe('Offer the value of the same council in the previous year’s campaign, to copy in (stable facts: structures, composition, referent).'),
  }),
);

/** A form definition as imported and stored; the engine then checks what a schema cannot (references, cycles). */
export const formDefinition = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'Codice del modulo: minuscole, cifre e trattini.|Form code: lower-case letters, digits and hyphens.'),
  title: text,
  description: text.optional(),
  categories: z.array(z.object({ code, label: text, options: z.array(option).min(1) })).default([]),
  categoryCombos: z.array(z.object({ code, label: text, categories: z.array(code).min(1) })).default([]),
  sections: z
    .array(z.object({ code, title: text, description: text.optional(), kind: z.enum(['quantitative', 'evaluative']), items: z.array(item).min(1) }))
    .min(1),
  rules: z
    .array(
      z.object({
        code,
        left: expression,
        operator: z.enum(['=', '!=', '<', '<=', '>', '>=']),
        right: expression,
        severity: z.enum(['error', 'warning']),
        message: text,
        missingValueStrategy: z.enum(['skip_if_any_missing', 'skip_if_all_missing', 'never_skip']).optional(),
      }),
    )
    .default([]),
}) satisfies z.ZodType<FormDefinition, unknown>;

export const FORM_VERSION_STATUSES = ['draft', 'published'] as const;

export const formVersionSummary = z.object({
  version: z.number().int(),
  status: z.enum(FORM_VERSION_STATUSES),
  derivedFrom: z.number().int().nullable(),
  itemCount: z.number().int(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});

export const form = z.object({
  id: z.number().int(),
  code: z.string(),
  title: text,
  versions: z.array(formVersionSummary),
});

export const formVersion = formVersionSummary.extend({
  formId: z.number().int(),
  code: z.string(),
  revision: z.number().int(),
  definition: formDefinition,
});

export const formCreateBody = z.object({ definition: z.unknown() });
export const formDraftBody = z.object({ definition: z.unknown(), revision: z.number().int().positive() });
export const formDeriveBody = z.object({ from: z.number().int().positive() });
export const formVersionParams = z.object({ id: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() });
