import { EDITABLE_STATUSES } from '@mosaico/contracts/campaigns';
import type { BulkFormat, uploadProblem, uploadResult } from '@mosaico/contracts/submission-bulk';
import { evaluateForm } from '@mosaico/form-engine/evaluate-form';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/http/messages.ts';
import { escapeFormula, formatCsv, parseCsv, unescapeFormula } from '../organizations/csv-format.ts';
import { accessOf, canReadSection, canWriteSection } from './campaigns.policy.ts';
import { checkUploadRows, type PlannedUpload } from './submission-upload-rows.ts';
import { type LoadedSubmission, loadSubmission, presentEvaluation, readValues } from './submission-loader.ts';
import { allowedValues, cellOf, SHEET_COLUMNS, type SheetRow, sectionRows, typeName } from './submission-sheet.ts';
import { saveValues } from './submission-values.service.ts';
import { addSectionSheet, addSummarySheet, newWorkbook, readWorkbook, sectionSheetName, type UploadTable, workbookBuffer } from './submission-workbook.ts';

type UploadResult = z.infer<typeof uploadResult>;
type Problem = z.infer<typeof uploadProblem>;

/** A file to send back: its name, media type and bytes. */
export interface FileAnswer {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

const CONTENT_TYPES: Record<BulkFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const local = (t: { it: string; en?: string }, lang: Lang) => (lang === 'en' ? (t.en ?? t.it) : t.it);
const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-');

/** The section of a submission the caller may fill now, or 404 (no such section), 403 (not theirs), 409 (locked). */
function requireWritableSection(ctx: Ctx, s: LoadedSubmission, sectionCode: string) {
  const access = accessOf(ctx.actor, s);
  const section = s.form.definition.sections.find((x) => x.code === sectionCode);
  if (!section) throw notFound(`sezione ${sectionCode}`);
  if (!canWriteSection(access, sectionCode)) throw new AppError('forbidden', 'section_not_writable', { section: sectionCode });
  if (!EDITABLE_STATUSES.includes(s.status)) throw new AppError('conflict', 'submission_locked', { status: s.status });
  return { access, section };
}

/** One line per row, in the layout the upload reads back (CSV: options by code; formulas defused). */
function csvOf(rows: SheetRow[], lang: Lang): string {
  const text = (v: string | number | null, row?: SheetRow) =>
    v === null ? '' : typeof v === 'number' || (row && ['integer', 'decimal', 'percentage'].includes(row.type)) ? String(v) : escapeFormula(v);
  const lines = rows.map((r) => [
    r.key,
    r.section,
    r.itemCode,
    text(r.label),
    text(r.detail),
    typeName(r, lang),
    text(r.unit),
    text(allowedValues(r, lang)),
    text(cellOf(r, r.current, 'csv', lang), r),
    r.calculated ? '' : text(cellOf(r, r.current, 'csv', lang), r),
  ]);
  return formatCsv([[...SHEET_COLUMNS], ...lines]);
}

/**
 * A section's template to fill offline: every key the caller may write in it with its current value,
 * calculated items shown but not to fill. Whoever may write the section (referent, assigned providers).
 */
export async function sectionTemplate(ctx: Ctx, id: number, sectionCode: string, format: BulkFormat): Promise<FileAnswer> {
  const s = await loadSubmission(ctx.db, id);
  const { section } = requireWritableSection(ctx, s, sectionCode);
  const values = await readValues(ctx.db, id);
  const rows = sectionRows(s.form, sectionCode, values, evaluateForm(s.form, values).calculated, ctx.lang);
  const filename = `${ctx.lang === 'en' ? 'template' : 'modello'}-${safe(s.council.code)}-${s.campaign.year}-${safe(sectionCode)}.${format}`;
  if (format === 'csv') return { filename, contentType: CONTENT_TYPES.csv, body: csvOf(rows, ctx.lang) };
  const book = newWorkbook();
  addSectionSheet(book, sectionSheetName(sectionCode, local(section.title, ctx.lang)), rows, ctx.lang);
  return { filename, contentType: CONTENT_TYPES.xlsx, body: await workbookBuffer(book) };
}

/**
 * Every value the caller may read, one worksheet per section (the template's layout, so each sheet can be
 * uploaded again) after a summary sheet; as CSV, one row per key with its section. Whoever reads the submission.
 */
export async function exportSubmission(ctx: Ctx, id: number, format: BulkFormat): Promise<FileAnswer> {
  const s = await loadSubmission(ctx.db, id);
  const access = accessOf(ctx.actor, s);
  const values = await readValues(ctx.db, id);
  const evaluation = evaluateForm(s.form, values);
  const sections = s.form.definition.sections.filter((x) => canReadSection(access, x.code));
  const rowsOf = (code: string) => sectionRows(s.form, code, values, evaluation.calculated, ctx.lang, 0);
  const filename = `${ctx.lang === 'en' ? 'submission' : 'compilazione'}-${safe(s.council.code)}-${s.campaign.year}.${format}`;
  if (format === 'csv') return { filename, contentType: CONTENT_TYPES.csv, body: csvOf(sections.flatMap((x) => rowsOf(x.code)), ctx.lang) };

  const en = ctx.lang === 'en';
  const shown = presentEvaluation(evaluation, s.form, ctx.lang, access.read);
  const ratio = (c: { filled: number; expected: number }) => `${c.filled}/${c.expected} (${c.expected ? Math.round((c.filled / c.expected) * 100) : 100}%)`;
  const book = newWorkbook();
  addSummarySheet(book, en ? 'Summary' : 'Riepilogo', [
    [en ? 'Council' : 'Consiglio', s.council.name],
    [en ? 'Region' : 'Regione', s.region.name],
    [en ? 'Campaign' : 'Rilevazione', s.campaign.name],
    [en ? 'Reference year' : 'Anno di riferimento', s.campaign.year],
    [en ? 'Form' : 'Scheda', `${s.formVersion.code} v${s.formVersion.version}`],
    [en ? 'Status' : 'Stato', STATUS[s.status][ctx.lang]],
    [en ? 'Completeness' : 'Completezza', ratio(shown.completeness.overall)],
    [en ? 'Errors to fix' : 'Errori da correggere', shown.issues.length],
    [en ? 'Revision' : 'Revisione', s.revision],
    [en ? 'Exported on' : 'Esportata il', new Date().toISOString().replace('T', ' ').slice(0, 16)],
    [en ? 'Exported by' : 'Esportata da', ctx.actor?.name ?? ''],
    ...sections.map((x): [string, string] => [`${en ? 'Section' : 'Sezione'} ${local(x.title, ctx.lang)}`, ratio(shown.completeness.bySection[x.code] ?? { filled: 0, expected: 0 })]),
  ]);
  for (const x of sections) addSectionSheet(book, sectionSheetName(x.code, local(x.title, ctx.lang)), rowsOf(x.code), ctx.lang);
  return { filename, contentType: CONTENT_TYPES.xlsx, body: await workbookBuffer(book) };
}

const STATUS: Record<LoadedSubmission['status'], { it: string; en: string }> = {
  draft: { it: 'Bozza', en: 'Draft' },
  submitted: { it: 'Inviata', en: 'Submitted' },
  returned: { it: 'Restituita', en: 'Returned' },
  approved: { it: 'Approvata', en: 'Approved' },
  locked: { it: 'Bloccata', en: 'Locked' },
};

/** An upload's bytes and name. */
export interface UploadedFile {
  filename: string;
  content: Buffer;
}

/** Reads an uploaded XLSX or CSV into a table; the bytes decide (an XLSX is a zip), not the name. */
async function readTable(file: UploadedFile, sectionCode: string, lang: Lang): Promise<UploadTable> {
  const head = file.content.subarray(0, 4).toString('hex');
  if (head === '504b0304') return readWorkbook(file.content, sectionCode);
  if (head === 'd0cf11e0' || /\.(xls|ods|numbers)$/i.test(file.filename)) throw new AppError('invalid', 'upload_format');
  const sheet = parseCsv(file.content, lang);
  // CSV cells carry a defusing apostrophe before formula-like text; the workbook's cells do not.
  return { header: sheet.header, rows: sheet.rows.map((r) => ({ line: r.line, cells: r.cells.map(unescapeFormula) })) };
}

/**
 * Checks a filled template of one section against the submission and, unless `dryRun`, saves it through the
 * same save as the data-entry page (authority, history, revision, audit). Every row-level problem is listed
 * at once with its line and column: unknown keys, keys of another section, calculated items, bad numbers,
 * options not listed, values changed by someone else since the download, and every issue the form engine
 * raises. A dry run writes nothing; an upload with any problem writes nothing and answers 400 with them.
 * Whoever may write the section.
 */
export async function uploadSection(ctx: Ctx, id: number, sectionCode: string, load: () => Promise<UploadedFile | null>, dryRun: boolean): Promise<UploadResult> {
  const s = await loadSubmission(ctx.db, id);
  requireWritableSection(ctx, s, sectionCode);
  const file = await load();
  if (!file?.content.length) throw new AppError('invalid', 'upload_file_required');
  const table = await readTable(file, sectionCode, ctx.lang);
  const stored = await readValues(ctx.db, id);
  const plan = checkUploadRows(s.form, sectionCode, table, stored, ctx.lang);
  const result: UploadResult = { dryRun, section: sectionCode, total: plan.total, counts: plan.counts, problems: plan.problems, revision: s.revision };
  if (!plan.readable) return finish(result, dryRun);

  const hasBatch = Object.keys(plan.batch).length > 0;
  if (hasBatch && (dryRun || plan.problems.length)) {
    await engineCheck(ctx, id, s.revision, plan, result, true);
  } else if (hasBatch) {
    const saved = await engineCheck(ctx, id, s.revision, plan, result, false);
    if (saved) result.revision = saved.revision;
  }
  return finish(result, dryRun);
}

/** Runs the batch through saveValues (for real, or as a dry run), turning its value issues into row problems. */
async function engineCheck(ctx: Ctx, id: number, revision: number, plan: PlannedUpload, result: UploadResult, dryRun: boolean) {
  try {
    return await saveValues(ctx, id, plan.batch, revision, { dryRun });
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
    const issues = (err.details as { issues: { field: string; code: string; message: string }[] }).issues;
    for (const i of issues) {
      const at = plan.locate(i.field);
      plan.uncount(at.line);
      result.problems.push({ ...at, column: 'value', code: i.code, message: i.message });
    }
    result.problems.sort((a: Problem, b: Problem) => a.line - b.line);
    return null;
  }
}

function finish(result: UploadResult, dryRun: boolean): UploadResult {
  if (dryRun || !result.problems.length) return result;
  throw new AppError('invalid', 'upload_has_problems', { count: new Set(result.problems.map((p) => p.line)).size }, { problems: result.problems });
}
