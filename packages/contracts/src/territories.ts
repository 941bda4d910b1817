import { z } from 'zod';
import { isoDate } from './common.ts';

export const TERRITORY_LEVELS = ['nation', 'region', 'province', 'comune'] as const;

export const territory = z.object({
  id: z.number().int(),
  code: z.string(),
  level: z.enum(TERRITORY_LEVELS),
  name: z.string(),
  nameAlt: z.string().nullable(),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  carPlate: z.string().nullable(),
  unitType: z.string().nullable(),
  nuts: z.string().nullable(),
  population: z.number().int().nullable(),
  populationYear: z.number().int().nullable(),
  areaKm2: z.number().nullable(),
  comuneCount: z.number().int().nullable(),
  isCapital: z.boolean(),
});

export const territoryDetail = territory.extend({
  ancestors: z.array(z.object({ code: z.string(), level: z.enum(TERRITORY_LEVELS), name: z.string() })),
  childCount: z.number().int(),
  aliases: z.array(z.object({ scheme: z.string(), code: z.string(), validFrom: z.string(), validTo: z.string().nullable() })),
  predecessors: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), effectiveDate: z.string() })),
  successors: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), effectiveDate: z.string() })),
  resolvedFrom: z.string().nullable(),
});

export const territoryQuery = z.object({
  level: z.enum(['region', 'province', 'comune']).optional(),
  parent: z.string().trim().max(20).optional(),
  at: isoDate.optional(),
  q: z.string().trim().max(100).optional(),
});

export const territoryCodeQuery = z.object({ at: isoDate.optional() });

export const boundaryQuery = z.object({
  level: z.enum(['region', 'province']).default('province'),
  at: isoDate.optional(),
  region: z.string().trim().max(10).optional(),
});
