import { z } from 'zod';
import { optionalText } from './common.ts';

export const council = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  prefecture: z.string(),
  region: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  territories: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), level: z.string() })),
  email: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  organizationCount: z.number().int().optional(),
});

export const councilQuery = z.object({
  region: z.string().trim().max(10).optional(),
  q: z.string().trim().max(100).optional(),
});

export const councilPatch = z.object({
  name: z.string().trim().min(3).max(200).optional(),
  prefecture: z.string().trim().min(2).max(200).optional(),
  email: z.email().max(254).nullish().or(z.literal('').transform(() => null)),
  active: z.boolean().optional(),
  territoryCodes: z.array(z.string().trim().min(2).max(10)).min(1).optional(),
  version: z.number().int().positive().optional(),
});

export const councilCreate = z.object({
  code: z.string().trim().regex(/^[A-Z0-9-]{2,20}$/, 'Codice: lettere maiuscole, cifre e trattini (2–20).|Code: capital letters, digits and hyphens (2–20).'),
  name: z.string().trim().min(3).max(200),
  prefecture: z.string().trim().min(2).max(200),
  email: optionalText(254),
  territoryCodes: z.array(z.string().trim().min(2).max(10)).min(1),
});
