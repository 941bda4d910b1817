import type { WorkbookIssue } from '@mosaico/contracts/xlsform';
import type { FormDefinition } from '@mosaico/form-engine/definition';
import { validateDefinition } from '@mosaico/form-engine/validate-definition';
import type { Ctx } from '../../platform/context.ts';
import { AppError, type FieldIssue } from '../../platform/http/errors.ts';
import { type Lang, translate } from '../../platform/http/messages.ts';
import { authorize } from '../auth/scope.ts';
import { checkDefinition, getFormVersion, importForm } from './forms.service.ts';
import type { SourceMap } from './xlsform-locate.ts';
import { type WorkbookProblem, XLSFORM_HAS_ERRORS, XLSFORM_UNREADABLE, xm } from './xlsform-messages.ts';
import { readXlsform, sheetRank, type WorkbookRead } from './xlsform-read.ts';
import { UnreadableWorkbook } from './xlsform-sheets.ts';
import { writeXlsform } from './xlsform-write.ts';

const fieldOf = (p: { sheet: string | null; row: number | null; column: string | null; cell?: string }) =>
  p.sheet === null ? 'file' : p.cell ? `${p.sheet}!${p.cell}` : [p.sheet, p.row, p.column].filter((x) => x !== null).join('!');

function issueOf(p: WorkbookProblem, lang: Lang): WorkbookIssue {
  const { code, message, ...rest } = p;
  return { field: fieldOf(p), code, message: message[lang], ...rest };
}

/** The value at a definition path, to show the expression a fault is in. */
function valueAt(definition: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), definition);
}

/** Definition paths inside a check's message ("already defined at sections.0.items.1") said as sheet and row. */
function placePaths(message: string, sources: SourceMap, lang: Lang): string {
  return message.replace(/\b(?:sections|categories|categoryCombos|rules)(?:\.(?:\d+|[A-Za-z]+))+/g, (path) => {
    const at = sources.locate(path);
    return at?.row != null ? xm.inRows(at.row, at.sheet, lang) : path;
  });
}

/** The JSON import's checks (shape, then the engine's), as field issues at definition paths. */
function definitionIssues(definition: unknown, lang: Lang): FieldIssue[] {
  try {
    checkDefinition(definition, lang);
    return [];
  } catch (err) {
    const issues = err instanceof AppError ? (err.details as { issues?: FieldIssue[] } | undefined)?.issues : undefined;
    if (!issues) throw err;
    return issues;
  }
}

/**
 * The engine's checks even when the shape check failed: the JSON import stops at the shape, but an author
 * who left a label empty should still learn of a duplicate name or a bad expression in the same upload.
 * The reader gives the engine a definition of the right structure; should it still trip, those checks
 * are simply not added.
 */
function engineIssues(definition: unknown, lang: Lang): FieldIssue[] {
  try {
    return validateDefinition(definition as FormDefinition).map((p) => ({
      field: `definition.${p.path}`,
      code: p.code,
      message: p.message[lang],
      ...(p.position != null ? { position: p.position, length: p.length ?? 1 } : {}),
    }));
  } catch {
    return [];
  }
}

/**
 * Runs the definition checks on what the workbook says and points each problem at its cell. A problem on
 * a cell already reported (by the reader, or by an earlier check) or on a row read as a stand-in is left
 * out: the first message says it, better.
 */
function checkRead(read: WorkbookRead, lang: Lang): WorkbookIssue[] {
  const shape = definitionIssues(read.definition, lang);
  const engine = shape.length ? engineIssues(read.definition, lang) : [];
  const taken = new Set(read.problems.map((p) => `${p.sheet}|${p.row}|${p.column}`));
  const out: WorkbookIssue[] = [];
  for (const [pass, issues] of [shape, engine].entries()) {
    const seen = new Set(taken);
    for (const issue of issues) {
      const path = issue.field.replace(/^definition\.?/, '');
      const at = read.sources.locate(path) ?? { sheet: null, row: null, column: null };
      const key = `${at.sheet}|${at.row}|${at.column}`;
      if (at.sheet === read.surveySheet && at.row != null && read.standIns.has(at.row)) continue;
      if (seen.has(key)) continue;
      if (pass === 0) taken.add(key);
      const value = valueAt(read.definition, path);
      out.push({
        field: fieldOf(at),
        code: issue.code,
        message: placePaths(issue.message, read.sources, lang),
        ...at,
        path,
        ...(typeof value === 'string' && issue.position != null ? { expression: value, position: issue.position, length: issue.length ?? 1 } : {}),
      });
    }
  }
  return out;
}

/**
 * Imports an XLSForm workbook exactly as the JSON import does (a new form, or the next draft version of
 * the form with its form_id), after reporting every problem of the workbook at once by sheet, row and
 * column; nothing is written when there is any. National admins.
 */
export async function importFormXlsform(ctx: Ctx, load: () => Promise<Buffer | null>) {
  authorize(ctx.actor, ['national_admin'], {});
  const content = await load();
  if (!content) {
    throw new AppError('invalid', 'xlsform_file_required', {}, { issues: [{ field: 'file', code: 'required', message: translate('xlsform_file_required', ctx.lang) }] });
  }
  let read: WorkbookRead;
  try {
    read = await readXlsform(content);
  } catch (err) {
    if (!(err instanceof UnreadableWorkbook)) throw err;
    const reason = err.problem[ctx.lang];
    throw new AppError('invalid', XLSFORM_UNREADABLE, { reason }, { issues: [{ field: 'file', code: XLSFORM_UNREADABLE, message: reason, sheet: null, row: null, column: null }] });
  }
  const issues = read.problems.map((p) => issueOf(p, ctx.lang));
  if (!read.incomplete) issues.push(...checkRead(read, ctx.lang));
  if (issues.length) {
    issues.sort((a, b) => sheetRank(a.sheet) - sheetRank(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
    throw new AppError('invalid', XLSFORM_HAS_ERRORS, { count: issues.length }, { issues });
  }
  return importForm(ctx, read.definition);
}

/** A version as an XLSForm workbook, named `<code>-v<version>.xlsx`; whoever may read the version. */
export async function exportFormXlsform(ctx: Ctx, id: number, version: number) {
  const v = await getFormVersion(ctx, id, version);
  const content = await writeXlsform(v.definition, { version: v.version });
  return { filename: `${v.code}-v${v.version}.xlsx`, content };
}
