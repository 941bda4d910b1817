import type { DataSource, DataSourceInput } from './api.ts';

/** The form's state: text fields as strings, multiple choices as lists, comma-separated lists as text. */
export interface DataSourceValues {
  code: string;
  titleIt: string;
  titleEn: string;
  descriptionIt: string;
  descriptionEn: string;
  scopeType: string;
  regionCode: string;
  councilId: string;
  publisherOrganizationId: string;
  publisherName: string;
  publisherIpaCode: string;
  rightsHolderName: string;
  rightsHolderIpaCode: string;
  content: string;
  themes: string[];
  keywords: string;
  spatial: string;
  detailLevel: string;
  temporalStart: string;
  temporalEnd: string;
  periods: string;
  frequency: string;
  formats: string[];
  licenseUri: string;
  accessRights: string;
  accessConditions: string;
  contactName: string;
  contactEmail: string;
  landingPage: string;
  accessUrl: string;
  reachability: string;
  reachabilityCheckedAt: string;
  reachabilityNote: string;
  issued: string;
  modified: string;
  languages: string[];
}
export type TextKey = { [K in keyof DataSourceValues]: DataSourceValues[K] extends string ? K : never }[keyof DataSourceValues];
export type ListKey = 'themes' | 'formats' | 'languages';

export const EMPTY_DATA_SOURCE: DataSourceValues = {
  code: '',
  titleIt: '',
  titleEn: '',
  descriptionIt: '',
  descriptionEn: '',
  scopeType: '',
  regionCode: '',
  councilId: '',
  publisherOrganizationId: '',
  publisherName: '',
  publisherIpaCode: '',
  rightsHolderName: '',
  rightsHolderIpaCode: '',
  content: '',
  themes: [],
  keywords: '',
  spatial: '',
  detailLevel: '',
  temporalStart: '',
  temporalEnd: '',
  periods: '',
  frequency: '',
  formats: [],
  licenseUri: '',
  accessRights: 'PUBLIC',
  accessConditions: '',
  contactName: '',
  contactEmail: '',
  landingPage: '',
  accessUrl: '',
  reachability: 'unknown',
  reachabilityCheckedAt: '',
  reachabilityNote: '',
  issued: '',
  modified: '',
  languages: ['ITA'],
};

export function valuesOf(d: DataSource): DataSourceValues {
  return {
    code: d.code,
    titleIt: d.title.it,
    titleEn: d.title.en ?? '',
    descriptionIt: d.description.it,
    descriptionEn: d.description.en ?? '',
    scopeType: d.scopeType,
    regionCode: d.scopeType === 'region' && d.region ? d.region.code : '',
    councilId: d.council ? String(d.council.id) : '',
    publisherOrganizationId: d.publisher.organizationId ? String(d.publisher.organizationId) : '',
    publisherName: d.publisher.name,
    publisherIpaCode: d.publisher.ipaCode ?? '',
    rightsHolderName: d.rightsHolder.name,
    rightsHolderIpaCode: d.rightsHolder.ipaCode ?? '',
    content: d.content ?? '',
    themes: [...d.themes],
    keywords: d.keywords.join(', '),
    spatial: d.spatial.map((s) => s.code).join(', '),
    detailLevel: d.detailLevel ?? '',
    temporalStart: d.temporalStart ?? '',
    temporalEnd: d.temporalEnd ?? '',
    periods: d.periods ?? '',
    frequency: d.frequency,
    formats: [...d.formats],
    licenseUri: d.licenseUri ?? '',
    accessRights: d.accessRights,
    accessConditions: d.accessConditions ?? '',
    contactName: d.contactName ?? '',
    contactEmail: d.contactEmail ?? '',
    landingPage: d.landingPage ?? '',
    accessUrl: d.accessUrl ?? '',
    reachability: d.reachability,
    reachabilityCheckedAt: d.reachabilityCheckedAt ?? '',
    reachabilityNote: d.reachabilityNote ?? '',
    issued: d.issued ?? '',
    modified: d.modified ?? '',
    languages: [...d.languages],
  };
}

const listOf = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The request body: empty choices are left out, so the API answers "required" rather than "not allowed". */
export function bodyOf(v: DataSourceValues): DataSourceInput {
  const body: Record<string, unknown> = {
    code: v.code,
    title: { it: v.titleIt, en: v.titleEn },
    description: { it: v.descriptionIt, en: v.descriptionEn },
    scopeType: v.scopeType || undefined,
    regionCode: v.scopeType === 'region' ? v.regionCode : null,
    councilId: v.scopeType === 'council' && v.councilId ? Number(v.councilId) : null,
    publisherOrganizationId: v.publisherOrganizationId ? Number(v.publisherOrganizationId) : null,
    publisherName: v.publisherOrganizationId ? null : v.publisherName,
    publisherIpaCode: v.publisherIpaCode,
    rightsHolderName: v.rightsHolderName,
    rightsHolderIpaCode: v.rightsHolderIpaCode,
    content: v.content,
    themes: v.themes,
    keywords: listOf(v.keywords),
    spatial: listOf(v.spatial),
    detailLevel: v.detailLevel || null,
    temporalStart: v.temporalStart,
    temporalEnd: v.temporalEnd,
    periods: v.periods,
    frequency: v.frequency || undefined,
    formats: v.formats,
    licenseUri: v.licenseUri,
    accessRights: v.accessRights || undefined,
    accessConditions: v.accessConditions,
    contactName: v.contactName,
    contactEmail: v.contactEmail,
    landingPage: v.landingPage,
    accessUrl: v.accessUrl,
    reachability: v.reachability || undefined,
    reachabilityCheckedAt: v.reachabilityCheckedAt,
    reachabilityNote: v.reachabilityNote,
    issued: v.issued,
    modified: v.modified,
    languages: v.languages,
  };
  return body as DataSourceInput;
}

const NESTED: Record<string, keyof DataSourceValues> = {
  'title.it': 'titleIt',
  'title.en': 'titleEn',
  'description.it': 'descriptionIt',
  'description.en': 'descriptionEn',
};

/** The form field an API issue names: "title.it" → titleIt, "spatial.2" → spatial. */
export function fieldOf(apiField: string): string {
  return NESTED[apiField] ?? apiField.split('.')[0];
}
