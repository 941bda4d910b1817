import { z } from 'zod';
import { isoDate, optionalText, pageOf, pageQuery } from './common.ts';

// The EU vocabularies DCAT-AP_IT asks for (publications.europa.eu authority tables), by their codes.
/** EU data themes (data-theme authority table). */
export const DATA_THEMES = ['AGRI', 'ECON', 'EDUC', 'ENER', 'ENVI', 'GOVE', 'HEAL', 'INTR', 'JUST', 'REGI', 'SOCI', 'TECH', 'TRAN'] as const;
/** EU frequencies (frequency authority table), the ones a territorial source has. */
export const FREQUENCIES = ['ANNUAL', 'SEMIANNUAL', 'QUARTERLY', 'MONTHLY', 'BIWEEKLY', 'WEEKLY', 'DAILY', 'IRREG', 'UNKNOWN'] as const;
/** EU access rights (access-right authority table). */
export const ACCESS_RIGHTS = ['PUBLIC', 'RESTRICTED', 'NON_PUBLIC'] as const;
/** Formats of a distribution, by their EU file-type code (API and DATABASE are not file types: kept as such). */
export const DATA_FORMATS = ['CSV', 'SDMX', 'XLSX', 'ODS', 'JSON', 'XML', 'PDF', 'HTML', 'API', 'DATABASE'] as const;
/** EU languages (language authority table) a source is published in. */
export const DATA_LANGUAGES = ['ITA', 'ENG', 'DEU', 'FRA', 'SLV'] as const;
/** Finest territorial level the figures are given at. */
export const DETAIL_LEVELS = ['nation', 'region', 'province', 'comune', 'sub_municipal', 'individual'] as const;
/** Whether the source answered when someone last tried it (recorded by people: the server never fetches URLs). */
export const REACHABILITY = ['reachable', 'unreachable', 'unknown'] as const;
/** Who keeps an entry: the nation, a region, or a council (councils survey their own territory). */
export const DATA_SOURCE_SCOPES = ['nation', 'region', 'council'] as const;

// Pattern checks use refine: only custom issues carry their "italiano|english" message through.
const url = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), 'Indirizzo web non valido (deve iniziare con http:// o https://).|Invalid web address (must start with http:// or https://).')
    .nullish()
    .or(z.literal('').transform(() => null));
const optionalUrl = url();
const ipaCode = z
  .string()
  .trim()
  .refine((v) => /^[A-Za-z0-9_]{2,20}$/.test(v), 'Codice IPA non valido (lettere, cifre e _, da 2 a 20).|Invalid IPA code (letters, digits and _, 2 to 20).')
  .nullish()
  .or(z.literal('').transform(() => null));
const optionalDate = isoDate.nullish().or(z.literal('').transform(() => null));
const text2 = (min: number, max: number) => z.strictObject({ it: z.string().trim().min(min).max(max), en: optionalText(max) });
const uniqueList = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max).transform((v) => [...new Set(v)] as z.infer<T>[]);

const fields = {
  /** Stable identifier: lower case letters, digits and dashes; the last segment of its dcat:Dataset IRI. */
  code: z
    .string()
    .trim()
    .min(3)
    .max(60)
    .refine((v) => /^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(v), 'Codice non valido: lettere minuscole, cifre e trattini.|Invalid code: lower-case letters, digits and dashes.'),
  title: text2(3, 300),
  description: text2(10, 4000),
  scopeType: z.enum(DATA_SOURCE_SCOPES),
  /** For a region-scope entry: any code of the region (ISTAT 03, ITTER107 ITC4...). */
  regionCode: optionalText(10),
  /** For a council-scope entry. */
  councilId: z.number().int().positive().nullish(),
  /** The publisher, when it is an organisation of the organisations module (its name is then taken from there). */
  publisherOrganizationId: z.number().int().positive().nullish(),
  publisherName: optionalText(300),
  publisherIpaCode: ipaCode,
  rightsHolderName: z.string().trim().min(2).max(300),
  rightsHolderIpaCode: ipaCode,
  /** What it measures, in a few lines. */
  content: optionalText(2000),
  themes: uniqueList(z.enum(DATA_THEMES), DATA_THEMES.length).refine((v) => v.length > 0, 'Scegli almeno un tema.|Choose at least one theme.'),
  keywords: uniqueList(z.string().trim().min(2).max(60), 20).default([]),
  /** Territory codes covered (IT for the nation, regions, provinces...). */
  spatial: uniqueList(z.string().trim().min(2).max(10), 200).default([]),
  detailLevel: z.enum(DETAIL_LEVELS).nullish(),
  temporalStart: optionalDate,
  temporalEnd: optionalDate,
  /** The periods available, as the source states them (e.g. "2019–2023, at 1 January"). */
  periods: optionalText(300),
  frequency: z.enum(FREQUENCIES),
  formats: uniqueList(z.enum(DATA_FORMATS), DATA_FORMATS.length).refine((v) => v.length > 0, 'Scegli almeno un formato.|Choose at least one format.'),
  licenseUri: optionalUrl,
  accessRights: z.enum(ACCESS_RIGHTS),
  accessConditions: optionalText(2000),
  contactName: optionalText(200),
  contactEmail: z.email().max(254).nullish().or(z.literal('').transform(() => null)),
  landingPage: optionalUrl,
  accessUrl: optionalUrl,
  reachability: z.enum(REACHABILITY).default('unknown'),
  reachabilityCheckedAt: optionalDate,
  reachabilityNote: optionalText(1000),
  issued: optionalDate,
  modified: optionalDate,
  languages: uniqueList(z.enum(DATA_LANGUAGES), DATA_LANGUAGES.length).default(['ITA']),
};

// Strict: a misspelt field is reported, not silently dropped.
export const dataSourceCreate = z.strictObject(fields);
/** PUT: the whole entry again, with the version read (or If-Match). */
export const dataSourceUpdate = z.strictObject({ ...fields, version: z.number().int().positive().optional() });

const ref = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const dataSource = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.object({ it: z.string(), en: z.string().nullable() }),
  description: z.object({ it: z.string(), en: z.string().nullable() }),
  scopeType: z.enum(DATA_SOURCE_SCOPES),
  region: ref.nullable(),
  council: ref.nullable(),
  publisher: z.object({ organizationId: z.number().int().nullable(), name: z.string(), ipaCode: z.string().nullable() }),
  rightsHolder: z.object({ name: z.string(), ipaCode: z.string().nullable() }),
  content: z.string().nullable(),
  themes: z.array(z.enum(DATA_THEMES)),
  keywords: z.array(z.string()),
  spatial: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  detailLevel: z.enum(DETAIL_LEVELS).nullable(),
  temporalStart: z.string().nullable(),
  temporalEnd: z.string().nullable(),
  periods: z.string().nullable(),
  frequency: z.enum(FREQUENCIES),
  formats: z.array(z.enum(DATA_FORMATS)),
  licenseUri: z.string().nullable(),
  accessRights: z.enum(ACCESS_RIGHTS),
  accessConditions: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  landingPage: z.string().nullable(),
  accessUrl: z.string().nullable(),
  reachability: z.enum(REACHABILITY),
  reachabilityCheckedAt: z.string().nullable(),
  reachabilityNote: z.string().nullable(),
  issued: z.string().nullable(),
  modified: z.string().nullable(),
  languages: z.array(z.enum(DATA_LANGUAGES)),
  /** Whether the caller may change or delete it. */
  canEdit: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const dataSourceQuery = z.object({
  /** Matches code, title, description, publisher, rights holder and keywords. */
  q: z.string().trim().max(100).optional(),
  theme: z.enum(DATA_THEMES).optional(),
  scope: z.enum(DATA_SOURCE_SCOPES).optional(),
  access: z.enum(ACCESS_RIGHTS).optional(),
  frequency: z.enum(FREQUENCIES).optional(),
  ...pageQuery,
});

export const dataSourcePage = pageOf(dataSource);

/** DELETE: the version read, unless sent as If-Match. */
export const dataSourceDeleteQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/** One import of a file that came from this source (the imports module keeps them). */
export const dataSourceImport = z.object({
  id: z.number().int(),
  kind: z.string(),
  fileName: z.string(),
  dataflow: z.string().nullable(),
  status: z.string(),
  counts: z.record(z.string(), z.number()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  rolledBackAt: z.string().nullable(),
});
export const dataSourceImportList = z.object({ items: z.array(dataSourceImport) });
