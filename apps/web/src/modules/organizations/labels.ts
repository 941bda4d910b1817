import type { COLLECTION_STATUSES, CONTACT_KINDS, ORGANIZATION_CSV_COLUMNS, ORGANIZATION_KINDS } from '@mosaico/contracts/organizations';

// Copies of the contract's lists, typed with the contract's own tuple types: TypeScript fails here if they
// drift, and the browser bundle does not need zod just for these constants.
export const ORGANIZATION_KIND_LIST: typeof ORGANIZATION_KINDS = [
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
];
export const COLLECTION_STATUS_LIST: typeof COLLECTION_STATUSES = ['contributing', 'identified', 'new', 'inactive'];
export const CONTACT_KIND_LIST: typeof CONTACT_KINDS = ['contact', 'meeting', 'agreement', 'other'];
export const CSV_COLUMNS: typeof ORGANIZATION_CSV_COLUMNS = [
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
];
