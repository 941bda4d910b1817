import { z } from 'zod';
import { COLLECTION_STATUSES, CONTACT_KINDS, ORGANIZATION_KINDS } from './vocabulary.ts';
import { isoDate, optionalText, pageOf, pageQuery } from './common.ts';


/** The fields a data provider or association member may change on their own organisation. */
export const ORGANIZATION_CONTACT_FIELDS = ['email', 'phone', 'website', 'address', 'contactPerson'] as const;

// Pattern checks use refine, not regex: only custom issues carry their "italiano|english" message through.
const matching = (pattern: RegExp, message: string, max?: number) =>
  (max ? z.string().trim().max(max) : z.string().trim())
    .refine((v) => pattern.test(v), message)
    .nullish()
    .or(z.literal('').transform(() => null));

const url = matching(
  /^https?:\/\/[^\s]+\.[^\s]+$/,
  'Indirizzo web non valido (deve iniziare con http:// o https://).|Invalid web address (must start with http:// or https://).',
  300,
);
const email = z.email().max(254).nullish().or(z.literal('').transform(() => null));
const phone = matching(/^\+?[0-9 ./()-]{6,20}$/, 'Numero di telefono non valido.|Invalid phone number.');
const taxCode = matching(
  /^([0-9]{11}|[A-Za-z0-9]{16})$/,
  'Codice fiscale o partita IVA non valido (11 cifre o 16 caratteri).|Invalid tax code (11 digits or 16 characters).',
);

const fields = {
  name: z.string().trim().min(2).max(200),
  kind: z.enum(ORGANIZATION_KINDS),
  /** Any code of the territory: ISTAT (comune, province, region), car plate, ITTER107, or IT for the nation. */
  territoryCode: z.string().trim().min(2).max(10),
  /** Omitted or null: the council covering the territory (none for a region or the nation: a regional body). */
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

// Strict: a misspelt field is reported, not silently dropped.
export const organizationCreate = z.strictObject(fields);
export const organizationPatch = z
  .strictObject({ ...fields, collectionStatus: z.enum(COLLECTION_STATUSES) })
  .partial()
  .extend({ version: z.number().int().positive().optional() });

export const organization = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  territory: z.object({ id: z.number().int(), code: z.string(), name: z.string(), level: z.string() }),
  council: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  /** null only for a national body (territory IT). */
  region: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
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

const organizationFilters = {
  /** Matches name, tax code, e-mail or contact person. */
  q: z.string().trim().max(100).optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  status: z.enum(COLLECTION_STATUSES).optional(),
  councilId: z.coerce.number().int().positive().optional(),
  /** Any code of a region (ISTAT 03, ITTER107 ITC4...). */
  region: z.string().trim().max(5).optional(),
  sort: z.enum(['name', '-name', 'updatedAt', '-updatedAt']).default('name'),
};

export const organizationQuery = z.object({ ...organizationFilters, ...pageQuery });
export const organizationExportQuery = z.object(organizationFilters);

export const organizationPage = pageOf(organization);

/** DELETE: the version read, unless sent as If-Match. */
export const organizationDeleteQuery = z.object({ version: z.coerce.number().int().positive().optional() });

export const contactCreate = z.strictObject({
  date: isoDate,
  kind: z.enum(CONTACT_KINDS),
  summary: z.string().trim().min(3).max(2000),
});

export const contact = z.object({
  id: z.number().int(),
  organizationId: z.number().int(),
  date: z.string(),
  kind: z.enum(CONTACT_KINDS),
  summary: z.string(),
  /** Name of who recorded it (null when recorded from the command line or by a deleted user). */
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const contactList = z.object({ items: z.array(contact) });

export const importQuery = z.object({
  /** true (default): check the file and report, writing nothing. */
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export const importRowError = z.object({
  /** Line of the file (the header is line 1). */
  line: z.number().int(),
  /** CSV column name, e.g. territory_code. */
  field: z.string(),
  message: z.string(),
});
export const importResult = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importRowError),
});

