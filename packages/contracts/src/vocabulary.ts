// The product's fixed vocabularies, free of zod so the web app can import them as values.

export const ROLES = [
  'national_admin',
  'regional_coordinator',
  'council_referent',
  'data_provider',
  'tutor',
  'association_member',
] as const;

export const SCOPE_TYPES = ['nation', 'region', 'council', 'organization'] as const;

/** Which scope types each role may be held in. */
export const ROLE_SCOPES: Record<(typeof ROLES)[number], readonly (typeof SCOPE_TYPES)[number][]> = {
  national_admin: ['nation'],
  regional_coordinator: ['region'],
  council_referent: ['council'],
  data_provider: ['organization'],
  tutor: ['nation', 'region', 'council'],
  association_member: ['organization'],
};

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

/**
 * Columns of the organisations CSV, for import and export alike. A row with an id updates that
 * organisation (columns left out of the file are kept); without one it creates, or updates the
 * organisation of the same name in the same council. council_code is like CTI-MI; empty = the council
 * covering the territory.
 */
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
