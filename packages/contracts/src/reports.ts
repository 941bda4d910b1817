import { z } from 'zod';
import { pageOf, pageQuery } from './common.ts';

/**
 * Provincial reports (monografie provinciali).
 *
 * A template (national admins; versioned: every save publishes a new frozen version) is a list of chapters, each a
 * list of block specs. Generating a report for a council and year resolves every generated block from the data
 * into a frozen `ReportSnapshot` (a report version). Narrative blocks are written by the council and tutors; their
 * current text belongs to the report (kept across regenerations) and each version stores a copy as it was.
 * Renderers (PDF, DOCX, the web's HTML view) only read a `ReportDocument` = snapshot + narrative: they never query.
 *
 * Routes (all under /api/v1):
 * - GET  /report-templates → reportTemplateSummary[];  GET /report-templates/:id → reportTemplate
 * - POST /report-templates (templateSave) → 201 reportTemplate;  PUT /report-templates/:id (templateSave) → new version
 * - GET  /reports?councilId=&year=&status=&page=&pageSize= → page of reportSummary (in the actor's reach)
 * - POST /reports (reportCreate) → 201 reportDetail (409 `report_exists` when the council has one for the year:
 *   regenerate it instead)
 * - GET  /reports/:id → reportDetail (current version's document, narrative, comments count, allowed transitions)
 * - POST /reports/:id/regenerate ({ templateId? }) → reportDetail (new version, narrative kept; draft only)
 * - PUT  /reports/:id/narratives/:blockKey (narrativeSave) → narrative (sanitised; 409 on a stale `version`)
 * - GET|POST /reports/:id/comments (commentCreate) → reportComment[] / 201 reportComment
 * - GET  /reports/:id/versions → reportVersionSummary[];  GET /reports/:id/versions/:n → reportDocument
 * - GET  /reports/:id/compare?from=&to= → versionComparison
 * - POST /reports/:id/versions/:n/restore → reportDetail (a new version copying version n's snapshot and narrative)
 * - POST /reports/:id/transitions (transitionRequest) → reportDetail
 * - GET  /reports/:id/pdf · /reports/:id/docx (current version; `?version=n` for another) → the file
 * - POST /reports/batches (batchCreate) → 202 reportBatch;  GET /reports/batches/:id → reportBatch (progress);
 *   GET /reports/batches/:id/zip → every PDF produced, one ZIP
 * - Public, no sign-in: GET /public/reports?region=&year= → publicReportSummary[];
 *   GET /public/reports/:id → reportDocument of the published version; /public/reports/:id/pdf and /docx.
 */

export const REPORT_STATUSES = ['draft', 'in_review', 'approved', 'published', 'withdrawn'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * submit: draft → in_review (council referent, tutor of the council)
 * return: in_review → draft, with a comment (tutor, regional coordinator, national admin)
 * approve: in_review → approved (national admin; tutor held in the nation)
 * publish: approved → published (national admin, council referent)
 * withdraw: published → withdrawn, with a reason (national admin, council referent)
 * reopen: approved | withdrawn → draft (national admin, council referent)
 */
export const REPORT_TRANSITIONS = ['submit', 'return', 'approve', 'publish', 'withdraw', 'reopen'] as const;
export type ReportTransition = (typeof REPORT_TRANSITIONS)[number];

/** Tags a narrative may hold after sanitising; attributes: a[href] (http, https, mailto only), th[scope], td/th[colspan|rowspan]. */
export const NARRATIVE_TAGS = ['h3', 'h4', 'p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'blockquote', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td'] as const;
export const NARRATIVE_MAX_CHARS = 100_000;

const text = z.object({ it: z.string().trim().min(1).max(300), en: z.string().trim().max(300).optional() });
const hint = z.object({ it: z.string().trim().max(2000), en: z.string().trim().max(2000).optional() });
const blockKey = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/);

// ---- Template: what a chapter asks for ----

export const CHART_KINDS = ['bar', 'line', 'stacked', 'pyramid'] as const;

/**
 * Where a table or chart takes its figures from:
 * - indicators: indicator codes (the council's province), over `years` yearly periods ending at the report's year
 * - element: one data element's values in the province, by the options of `category` (and `by` for stacked and
 *   pyramid: e.g. category `classe_eta`, by `sesso`); `years` > 1 gives a series
 * - compare: one indicator for every province of the council's region, the report's year
 * - form_items: items of the council's monitoring submission for the year (by item code)
 */
export const blockSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('indicators'), indicators: z.array(z.string()).min(1).max(12), years: z.number().int().min(1).max(15).default(1) }),
  z.object({ type: z.literal('element'), element: z.string(), category: z.string().optional(), by: z.string().optional(), years: z.number().int().min(1).max(15).default(1) }),
  z.object({ type: z.literal('compare'), indicator: z.string() }),
  z.object({ type: z.literal('form_items'), items: z.array(z.string()).min(1).max(40) }),
]);
export type BlockSource = z.infer<typeof blockSource>;

export const blockSpec = z.discriminatedUnion('kind', [
  /** Key figures: value, previous year and change, region and Italy. */
  z.object({ kind: z.literal('key_figures'), key: blockKey, title: text.optional(), indicators: z.array(z.string()).min(1).max(12) }),
  z.object({ kind: z.literal('table'), key: blockKey, title: text, source: blockSource }),
  z.object({ kind: z.literal('chart'), key: blockKey, title: text, chart: z.enum(CHART_KINDS), source: blockSource }),
  /** Choropleth of the provinces of the council's region, the council's province outlined. */
  z.object({ kind: z.literal('map'), key: blockKey, title: text, indicator: z.string() }),
  /** The evaluative section of the monitoring form (strengths, problems, priorities, proposals). */
  z.object({ kind: z.literal('evaluation'), key: blockKey, title: text.optional() }),
  z.object({ kind: z.literal('good_practices'), key: blockKey, title: text.optional() }),
  /** Council meetings, working groups, training days and Migration Day, from the monitoring form. */
  z.object({ kind: z.literal('activities'), key: blockKey, title: text.optional() }),
  /** Written by people; `hint` guides the author and is never printed. */
  z.object({ kind: z.literal('narrative'), key: blockKey, title: text.optional(), hint: hint.optional() }),
  /** Every source used in the report, with attribution, licence and the date of each figure. */
  z.object({ kind: z.literal('sources'), key: blockKey, title: text.optional() }),
]);
export type BlockSpec = z.infer<typeof blockSpec>;

export const chapterSpec = z.object({ key: blockKey, title: text, blocks: z.array(blockSpec).min(1).max(40) });
export const templateDefinition = z.object({ chapters: z.array(chapterSpec).min(1).max(30) });
export type TemplateDefinition = z.infer<typeof templateDefinition>;

export const templateSave = z.object({ name: text, description: hint.optional(), definition: templateDefinition });
export const reportTemplateSummary = z.object({
  id: z.number().int(),
  name: text,
  version: z.number().int(),
  isDefault: z.boolean(),
  updatedAt: z.string(),
});
export const reportTemplate = reportTemplateSummary.extend({ description: hint.nullable(), definition: templateDefinition });

// ---- Snapshot: what a generated block resolved to (frozen in a version) ----

/** A source line: who published the figure, under which licence, and the date the figure refers to. */
export const sourceRef = z.object({ name: z.string(), attribution: z.string().nullable(), licence: z.string().nullable(), url: z.string().nullable(), date: z.string().nullable() });
export type SourceRef = z.infer<typeof sourceRef>;

const num = z.number().nullable();
export const keyFigure = z.object({
  indicator: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  decimals: z.number().int(),
  period: z.string(),
  value: num,
  previous: num,
  /** value − previous, in the indicator's unit (percentage points for a share). */
  change: num,
  region: num,
  italy: num,
  provisional: z.boolean(),
  /** Why value is null (the indicators' VALUE_REASONS). */
  reason: z.string().nullable(),
});
export type KeyFigure = z.infer<typeof keyFigure>;

const resolvedBase = { key: z.string(), title: z.string().nullable(), sources: z.array(z.number().int()).default([]) };
export const tableColumn = z.object({ label: z.string(), numeric: z.boolean(), unit: z.string().nullable().default(null), decimals: z.number().int().default(0) });
export const resolvedBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('key_figures'), ...resolvedBase, items: z.array(keyFigure) }),
  /** rows[i][0] is the row header (a th scope=row); numbers stay numbers, formatted by the renderer. */
  z.object({ kind: z.literal('table'), ...resolvedBase, columns: z.array(tableColumn), rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))), note: z.string().nullable().default(null) }),
  z.object({
    kind: z.literal('chart'),
    ...resolvedBase,
    chart: z.enum(CHART_KINDS),
    /** x axis (bar, line, stacked) or age classes, youngest first (pyramid). */
    categories: z.array(z.string()),
    /** pyramid: exactly two series, male then female. */
    series: z.array(z.object({ name: z.string(), values: z.array(num) })),
    unit: z.string().nullable(),
    /** Alternative text describing the chart's message with its figures (PDF /Alt, DOCX alt, web figcaption). */
    alt: z.string(),
  }),
  z.object({
    kind: z.literal('map'),
    ...resolvedBase,
    indicator: z.string(),
    unit: z.string().nullable(),
    decimals: z.number().int(),
    period: z.string(),
    /** GeoJSON FeatureCollection (WGS84) of the region's provinces; properties.code = the province's ISTAT code. */
    geojson: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }),
    values: z.array(z.object({ code: z.string(), name: z.string(), value: num })),
    /** The council's province, outlined on the map. */
    focusCode: z.string(),
    alt: z.string(),
  }),
  /** Labelled texts (evaluation, good practices, activities): groups of label → text. */
  z.object({ kind: z.literal('texts'), ...resolvedBase, groups: z.array(z.object({ heading: z.string().nullable(), entries: z.array(z.object({ label: z.string(), text: z.string() })) })), empty: z.string().nullable() }),
  z.object({ kind: z.literal('narrative'), key: z.string(), title: z.string().nullable(), hint: z.string().nullable() }),
  z.object({ kind: z.literal('sources'), key: z.string(), title: z.string().nullable() }),
]);
export type ResolvedBlock = z.infer<typeof resolvedBlock>;

export const reportSnapshot = z.object({
  council: z.object({ id: z.number().int(), name: z.string(), provinceCode: z.string(), provinceName: z.string(), regionCode: z.string(), regionName: z.string() }),
  year: z.number().int(),
  template: z.object({ id: z.number().int(), version: z.number().int(), name: z.string() }),
  generatedAt: z.string(),
  /** The report's title and subtitle, as printed on the cover. */
  title: z.string(),
  subtitle: z.string(),
  chapters: z.array(z.object({ key: z.string(), title: z.string(), blocks: z.array(resolvedBlock) })),
  /** Referenced by index from blocks' `sources`. */
  sources: z.array(sourceRef),
});
export type ReportSnapshot = z.infer<typeof reportSnapshot>;

/** What renderers read: the snapshot plus the narrative (sanitised HTML by block key) and the status line. */
export const reportDocument = z.object({
  reportId: z.number().int(),
  version: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  /** When the printed version was published (null if not). */
  publishedAt: z.string().nullable(),
  lang: z.enum(['it', 'en']).default('it'),
  snapshot: reportSnapshot,
  narratives: z.record(z.string(), z.string()),
});
export type ReportDocument = z.infer<typeof reportDocument>;

// ---- Reports ----

export const reportCreate = z.object({ councilId: z.number().int().positive(), year: z.number().int().min(2000).max(2100), templateId: z.number().int().positive().optional() });
export const reportRegenerate = z.object({ templateId: z.number().int().positive().optional() });

export const reportSummary = z.object({
  id: z.number().int(),
  councilId: z.number().int(),
  councilName: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  version: z.number().int(),
  templateName: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export const reportListQuery = z.object({
  councilId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  ...pageQuery,
});
export const reportPage = pageOf(reportSummary);

export const narrative = z.object({ blockKey: z.string(), html: z.string(), version: z.number().int(), updatedAt: z.string().nullable(), updatedBy: z.string().nullable() });
export const narrativeSave = z.object({ html: z.string().max(NARRATIVE_MAX_CHARS), version: z.number().int().min(0) });

export const reportComment = z.object({ id: z.number().int(), blockKey: z.string().nullable(), body: z.string(), author: z.string(), createdAt: z.string() });
export const commentCreate = z.object({ blockKey: z.string().max(64).nullish(), body: z.string().trim().min(1).max(4000) });

export const transitionRequest = z.object({ transition: z.enum(REPORT_TRANSITIONS), note: z.string().trim().max(2000).optional() });
export const reportTransitionEntry = z.object({ transition: z.enum(REPORT_TRANSITIONS), fromStatus: z.enum(REPORT_STATUSES), toStatus: z.enum(REPORT_STATUSES), note: z.string().nullable(), actor: z.string(), at: z.string() });

export const reportDetail = reportSummary.extend({
  document: reportDocument,
  /** Narrative blocks with their edit version (for 409 on concurrent edits). */
  narratives: z.array(narrative),
  commentCount: z.number().int(),
  /** What the caller may do now. */
  transitions: z.array(z.enum(REPORT_TRANSITIONS)),
  canEdit: z.boolean(),
  history: z.array(reportTransitionEntry),
  /** The public URL path once published, e.g. /portale/monografie/12 */
  publicPath: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
});
export type ReportDetail = z.infer<typeof reportDetail>;

export const reportVersionSummary = z.object({ version: z.number().int(), createdAt: z.string(), createdBy: z.string(), reason: z.enum(['generated', 'regenerated', 'restored']), templateVersion: z.number().int(), current: z.boolean() });
export const versionComparison = z.object({
  from: z.number().int(),
  to: z.number().int(),
  /** Figures whose value differs, by block. */
  figures: z.array(z.object({ chapter: z.string(), block: z.string(), label: z.string(), before: z.union([z.string(), z.number(), z.null()]), after: z.union([z.string(), z.number(), z.null()]) })),
  /** Narrative blocks whose text differs (plain text of each side). */
  narratives: z.array(z.object({ blockKey: z.string(), title: z.string().nullable(), before: z.string(), after: z.string() })),
  /** Blocks present in one version only (a template change). */
  blocksAdded: z.array(z.string()),
  blocksRemoved: z.array(z.string()),
});

// ---- Batches ----

export const BATCH_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const batchCreate = z.object({
  /** Every council of the campaign, for the campaign's year. */
  campaignId: z.number().int().positive(),
  templateId: z.number().int().positive().optional(),
});
export const reportBatch = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  year: z.number().int(),
  status: z.enum(BATCH_STATUSES),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  items: z.array(z.object({ councilId: z.number().int(), councilName: z.string(), status: z.enum(['pending', 'done', 'failed']), reportId: z.number().int().nullable(), error: z.string().nullable() })),
});

export const publicReportSummary = z.object({ id: z.number().int(), councilName: z.string(), regionName: z.string(), year: z.number().int(), title: z.string(), publishedAt: z.string() });
