import { BATCH_STATUSES, REPORT_STATUSES, REPORT_TRANSITIONS, type ReportSnapshot, type TemplateDefinition } from '@mosaico/contracts/reports';
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { campaigns } from '../campaigns/campaigns.schema.ts';
import { councils } from '../councils/councils.schema.ts';
import { users } from '../users/users.schema.ts';

type Text = { it: string; en?: string };

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** A report template; its definitions live in frozen versions, `currentVersion` is the one new reports use. */
export const reportTemplates = pgTable('report_templates', {
  id: serial('id').primaryKey(),
  name: jsonb('name').$type<Text>().notNull(),
  description: jsonb('description').$type<Text>(),
  /** The shipped template, used when a report names none. */
  isDefault: boolean('is_default').notNull().default(false),
  currentVersion: integer('current_version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every save of a template: never changed afterwards, so a report version can always say what it was made from. */
export const reportTemplateVersions = pgTable(
  'report_template_versions',
  {
    templateId: integer('template_id')
      .notNull()
      .references(() => reportTemplates.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    name: jsonb('name').$type<Text>().notNull(),
    definition: jsonb('definition').$type<TemplateDefinition>().notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.version] })],
);

/** One report per council and year; `version` is the row's edit counter (ETag), `currentVersion` the snapshot shown. */
export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    councilId: integer('council_id')
      .notNull()
      .references(() => councils.id),
    year: integer('year').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    publishedVersion: integer('published_version'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    templateId: integer('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reports_council_year_uq').on(t.councilId, t.year), index('reports_status_idx').on(t.status, t.year)],
);

export const REPORT_VERSION_REASONS = ['generated', 'regenerated', 'restored'] as const;

/**
 * A frozen snapshot of the data plus the narrative as it stood: the current version's copy follows every
 * narrative save, so a version's copy is the text it had when it was superseded (or published).
 */
export const reportVersions = pgTable(
  'report_versions',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    n: integer('n').notNull(),
    snapshot: jsonb('snapshot').$type<ReportSnapshot>().notNull(),
    narratives: jsonb('narratives').$type<Record<string, string>>().notNull().default({}),
    reason: text('reason', { enum: REPORT_VERSION_REASONS }).notNull(),
    templateId: integer('template_id').notNull(),
    templateVersion: integer('template_version').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_versions_report_n_uq').on(t.reportId, t.n)],
);

/** The current text of each narrative block: owned by the report, kept across regenerations. */
export const reportNarratives = pgTable(
  'report_narratives',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    blockKey: text('block_key').notNull(),
    html: text('html').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.blockKey] })],
);

export const reportComments = pgTable(
  'report_comments',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    blockKey: text('block_key'),
    body: text('body').notNull(),
    authorId: integer('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_comments_report_idx').on(t.reportId)],
);

export const reportTransitions = pgTable(
  'report_transitions',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    transition: text('transition', { enum: REPORT_TRANSITIONS }).notNull(),
    fromStatus: text('from_status', { enum: REPORT_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: REPORT_STATUSES }).notNull(),
    note: text('note'),
    actorId: integer('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_transitions_report_idx').on(t.reportId)],
);

/**
 * Rendered files of a version, a cache: `docHash` is the hash of the document rendered (snapshot, narrative,
 * status line), so a narrative edit on the current version renders again while a published version is served
 * from here.
 */
export const reportRenditions = pgTable(
  'report_renditions',
  {
    versionId: integer('version_id')
      .notNull()
      .references(() => reportVersions.id, { onDelete: 'cascade' }),
    format: text('format', { enum: ['pdf', 'docx'] }).notNull(),
    docHash: text('doc_hash').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.format] })],
);

/** A batch generation of a campaign's reports; progress is counted from its items. */
export const reportBatches = pgTable('report_batches', {
  id: serial('id').primaryKey(),
  campaignId: integer('campaign_id')
    .notNull()
    .references(() => campaigns.id),
  year: integer('year').notNull(),
  templateId: integer('template_id').references(() => reportTemplates.id),
  status: text('status', { enum: BATCH_STATUSES }).notNull().default('queued'),
  /** The job running it holds the batch until `leaseUntil`, so a retried and a resumed job never run it twice. */
  runner: text('runner'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const reportBatchItems = pgTable(
  'report_batch_items',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => reportBatches.id, { onDelete: 'cascade' }),
    councilId: integer('council_id')
      .notNull()
      .references(() => councils.id),
    status: text('status', { enum: ['pending', 'done', 'failed'] }).notNull().default('pending'),
    reportId: integer('report_id').references(() => reports.id),
    /** The report version whose PDF the batch produced (for the ZIP). */
    versionId: integer('version_id').references(() => reportVersions.id),
    error: text('error'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.councilId] })],
);
