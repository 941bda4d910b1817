import type { FormDefinition } from '@mosaico/form-engine/definition';
import { stringify } from 'csv-stringify/sync';
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import { assertCanKeep } from '../auth/place-policy.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { users } from '../users/users.schema.ts';
import { aggregateAnswers, type AnswerRow, displayValue, questionsOf } from './questionnaire-aggregate.ts';
import { loadQuestionnaireRow, type QuestionnaireRow } from './questionnaires.service.ts';
import { questionnaireInvitations, questionnaireResponses } from './questionnaires.schema.ts';

interface LoadedAnswer extends AnswerRow {
  id: number;
  organization: string | null;
}

/** A questionnaire whose results the caller may read: only those who keep it. */
async function loadKept(ctx: Ctx, id: number): Promise<QuestionnaireRow> {
  const q = await loadQuestionnaireRow(ctx.db, id);
  assertCanKeep(ctx.actor, q);
  return q;
}

/** The answers, oldest first, with who gave them and when — neither for an anonymous questionnaire. */
async function loadAnswers(ctx: Ctx, q: QuestionnaireRow): Promise<LoadedAnswer[]> {
  const rows = await ctx.db
    .select({ r: questionnaireResponses, userName: users.name, userEmail: users.email, orgName: organizations.name, invitationEmail: questionnaireInvitations.email })
    .from(questionnaireResponses)
    .leftJoin(users, eq(users.id, questionnaireResponses.userId))
    .leftJoin(organizations, eq(organizations.id, questionnaireResponses.organizationId))
    .leftJoin(questionnaireInvitations, eq(questionnaireInvitations.id, questionnaireResponses.invitationId))
    .where(eq(questionnaireResponses.questionnaireId, q.id))
    .orderBy(asc(questionnaireResponses.submittedAt), asc(questionnaireResponses.id));
  return rows.map((x) => ({
    id: x.r.id,
    values: x.r.values as Record<string, unknown>,
    submittedAt: q.anonymous ? null : x.r.submittedAt,
    by: q.anonymous ? null : (x.userName ?? x.invitationEmail ?? x.userEmail ?? null),
    organization: q.anonymous ? null : (x.orgName ?? null),
  }));
}

/** Per question: counts and shares of choices, numeric summaries, open answers; the response count and rate. Keepers only. */
export async function getQuestionnaireResults(ctx: Ctx, id: number) {
  const q = await loadKept(ctx, id);
  const answers = await loadAnswers(ctx, q);
  const invitations = await ctx.db.select({ answeredAt: questionnaireInvitations.answeredAt }).from(questionnaireInvitations).where(eq(questionnaireInvitations.questionnaireId, id));
  const answered = invitations.filter((i) => i.answeredAt).length;
  return {
    questionnaireId: q.id,
    title: q.title,
    anonymous: q.anonymous,
    responseCount: answers.length,
    invited: invitations.length,
    answeredInvitations: answered,
    rate: invitations.length ? answered / invitations.length : null,
    questions: aggregateAnswers(q.definition as FormDefinition, answers, ctx.lang),
  };
}

/** The export's table: a header of Italian labels (in the caller's language), then one row per answer. */
async function exportTable(ctx: Ctx, id: number) {
  const q = await loadKept(ctx, id);
  const def = q.definition as FormDefinition;
  const answers = await loadAnswers(ctx, q);
  const questions = questionsOf(def);
  const en = ctx.lang === 'en';
  const fixed = q.anonymous ? [en ? 'Answer' : 'Risposta'] : en ? ['Answer', 'Date'] : ['Risposta', 'Data'];
  const who = q.anonymous ? [] : en ? ['Respondent', 'Organisation'] : ['Risposta di', 'Organizzazione'];
  const header = [...fixed, ...who, ...questions.map((i) => (en ? (i.label.en ?? i.label.it) : i.label.it))];
  const rows = answers.map((a, n) => [
    n + 1,
    ...(a.submittedAt ? [a.submittedAt.toISOString().replace('T', ' ').slice(0, 16)] : []),
    ...(q.anonymous ? [] : [a.by ?? '', a.organization ?? '']),
    ...questions.map((i) => displayValue(i, a.values[i.code], ctx.lang) ?? ''),
  ]);
  const base = `questionario-${q.id}-risposte`;
  return { header, rows, base };
}

/** The answers as CSV (UTF-8 with BOM, for spreadsheets), one row per answer, one column per question. Keepers only. */
export async function exportResultsCsv(ctx: Ctx, id: number) {
  const { header, rows, base } = await exportTable(ctx, id);
  const text = stringify([header, ...rows]);
  return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', content: Buffer.from(`\uFEFF${text}`, 'utf8') };
}

/** The answers as an Excel workbook, one row per answer, one column per question. Keepers only. */
export async function exportResultsXlsx(ctx: Ctx, id: number) {
  const { header, rows, base } = await exportTable(ctx, id);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mosaico';
  const ws = wb.addWorksheet(ctx.lang === 'en' ? 'Answers' : 'Risposte', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = i < 2 ? 12 : 30;
    c.alignment = { wrapText: true, vertical: 'top' };
  });
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content };
}
