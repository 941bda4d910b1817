import { z } from 'zod';
import { isoDate, optionalText, pageOf, pageQuery } from './common.ts';

export const ORGANIZATION_KINDS = [
  'prefecture',
  'region',
  'municipality',
  'district',
  'health_agency',
  'job_centre',
  'school_office',
  'police_headquarters',
  'inps',
  'union',
  'third_sector',
  'association',
  'university',
  'other',
] as const;
export const COLLECTION_STATUSES = ['contributing', 'identified', 'new', 'inactive'] as const;
export const CONTACT_KINDS = ['contact', 'meeting', 'agreement', 'other'] as const;

const url = z
  .string()
  .trim()
  .max(300)
  .regex(/^https?:\/\/[^\s]+\.[^\s]+$/, 'Indirizzo web non valido (deve iniziare con http:// o https://).|Invalid web address (must start with http:// or https://).')
  .nullish()
  .or(z.literal('').transform(() => null));
const email = z.email().max(254).nullish().or(z.literal('').transform(() => null));
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ./()-]{6,20}$/, 'Numero di telefono non valido.|Invalid phone number.')
  .nullish()
  .or(z.literal('').transform(() => null));
const taxCode = z
  .string()
  .trim()
  .regex(/^([0-9]{11}|[A-Za-z0-9]{16})$/, 'Codice fiscale o partita IVA non valido (11 cifre o 16 caratteri).|Invalid tax code (11 digits or 16 characters).')
  .nullish()
  .or(z.literal('').transform(() => null));

const fields = {
  name: z.string().trim().min(2).max(200),
  kind: z.enum(ORGANIZATION_KINDS),
  territoryCode: z.string().trim().min(2).max(10),
  councilId: z.number().int().positive().nullish(),
  collectionStatus: z.enum(COLLECTION_STATUSES).default('new'),
  taxCode,
  email,
  phone,
  website: url,
  address: optionalText(300),
  contactPerson: optionalText(200),
  notes: optionalText(4000),
};

export const organizationCreate = z.object(fields);
export const organizationPatch = z
  .object({ ...fields, collectionStatus: z.enum(COLLECTION_STATUSES) })
  .partial()
  .extend({ version: z.number().int().positive().optional() });

export const organization = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  territory: z.object({ id: z.number().int(), code: z.string(), name: z.string(), level: z.string() }),
  council: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  region: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  collectionStatus: z.enum(COLLECTION_STATUSES),
  taxCode: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  contactPerson: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const organizationQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  status: z.enum(COLLECTION_STATUSES).optional(),
  councilId: z.coerce.number().int().positive().optional(),
  region: z.string().trim().max(3).optional(),
  sort: z.enum(['name', '-name', 'updatedAt', '-updatedAt']).default('name'),
  ...pageQuery,
});

export const organizationPage = pageOf(organization);

export const contactCreate = z.object({
  date: isoDate,
  kind: z.enum(CONTACT_KINDS),
  summary: z.string().trim().min(3).max(2000),
});

export const contact = z.object({
  id: z.number().int(),
  date: z.string(),
  kind: z.enum(CONTACT_KINDS),
  summary: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const importRowError = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
export const importResult = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importRowError),
});

/** Columns of the organisations CSV, for import and export alike. */
export const ORGANIZATION_CSV_COLUMNS = [
  'id',
  'name',
  'kind',
  'territory_code',
  'council_code',
  'collection_status',
  'tax_code',
  'email',
  'phone',
  'website',
  'address',
  'contact_person',
  'notes',
] as const;
