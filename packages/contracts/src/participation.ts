// The fixed vocabularies of participation — events and training, working groups, immigrant associations and
// questionnaires — free of zod so the web app can import them as values. Labels live in the web app's i18n.

/** What an event is. A course has several sessions and counts hours; the others are usually one day. */
export const EVENT_KINDS = [
  'training_day',
  'course',
  'regional_workshop',
  'interregional_workshop',
  'seeding_meeting',
  'stakeholder_meeting',
  'working_table_meeting',
  'council_plenary',
  'national_conference',
  'migration_day',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Whose event it is: one council, one region, several regions (interregional), or the nation. */
export const EVENT_SCOPES = ['council', 'region', 'regions', 'nation'] as const;
export type EventScope = (typeof EVENT_SCOPES)[number];

/** A draft is seen by its organisers only; a published event by its scope (and the public calendar). */
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;

export const EVENT_TOPICS = [
  'data_collection',
  'governance',
  'reception',
  'health',
  'mental_health',
  'school',
  'work',
  'housing',
  'social_services',
  'guardianship',
  'intercultural_mediation',
  'anti_discrimination',
  'communication',
  'other',
] as const;

export const TARGET_GROUPS = [
  'council_members',
  'public_officials',
  'social_workers',
  'health_workers',
  'teachers',
  'third_sector',
  'immigrant_associations',
  'unaccompanied_minors',
  'asylum_seekers',
  'women',
  'second_generations',
  'general_public',
] as const;

/** A registration holds a seat, waits for one (in order of registration) or was cancelled. */
export const REGISTRATION_STATUSES = ['registered', 'waiting', 'cancelled'] as const;

/** A member's role in a local working group (Gruppo di Lavoro Locale). */
export const WORKING_GROUP_ROLES = ['coordinator', 'member', 'facilitator', 'observer'] as const;

/** Where an association stands with its council: identified → contacted → met → taking part → inactive. */
export const ENGAGEMENT_STATUSES = ['identified', 'contacted', 'met', 'taking_part', 'inactive'] as const;

export const LEGAL_FORMS = [
  'unrecognised_association',
  'recognised_association',
  'aps',
  'odv',
  'ets',
  'cooperative',
  'foundation',
  'informal_group',
  'other',
] as const;

export const ASSOCIATION_SECTORS = [
  'culture',
  'religion',
  'language_teaching',
  'legal_advice',
  'work',
  'housing',
  'health',
  'women',
  'youth',
  'sport',
  'mediation',
  'advocacy',
  'other',
] as const;

/** What is on an association's dated log. */
export const ASSOCIATION_LOG_KINDS = ['status_change', 'contact', 'meeting', 'note'] as const;

export const JOIN_REQUEST_STATUSES = ['pending', 'accepted', 'rejected'] as const;

/** A questionnaire is written (draft), answered (open), then closed; its definition is frozen once open. */
export const QUESTIONNAIRE_STATUSES = ['draft', 'open', 'closed'] as const;
