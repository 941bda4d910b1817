import { readFileSync } from 'node:fs';
import type { questionnaireCreateBody, questionnairePatchBody, questionnaireQuery } from '@mosaico/contracts/questionnaires';
import type { FormDefinition } from '@mosaico/form-engine/definition';
import { and, count, desc, eq, ilike, inArray, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, fieldError, requireVersion, versionConflict } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/http/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertCanKeep, canKeepPlace, canReadPlace, keeperReachOf, requireKeeper } from '../auth/place-policy.ts';
import { loadPlaceReadReach } from '../auth/place-reach.ts';
import { requireActor } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { events } from '../events/events.schema.ts';
import { checkDefinition } from '../forms/forms.service.ts';
import { territories } from '../territories/territories.schema.ts';
import { markOf } from './answer-marks.ts';
import { questionnaireAnswerMarks } from './questionnaire-marks.schema.ts';
import { checkEventPlace, type QuestionnaireScope, keptCondition, readableCondition, resolveQuestionnairePlace, scopeTypeOf } from './questionnaire-place.ts';
import { questionnaireInvitations, questionnaireResponses, questionnaires } from './questionnaires.schema.ts';

export type QuestionnaireRow = typeof questionnaires.$inferSelect;

const DEFAULT_URL = new URL('../../../../../data/questionnaires/feedback-default.json', import.meta.url);
let defaultDefinition: FormDefinition | null = null;

/** The default feedback questionnaire shipped in data/questionnaires (read once; a fresh copy each time). */
export function readDefaultDefinition(): FormDefinition {
  defaultDefinition ??= JSON.parse(readFileSync(DEFAULT_URL, 'utf8')) as FormDefinition;
  return structuredClone(defaultDefinition);
}

const placeOf = (r: QuestionnaireRow) => ({ regionId: r.regionId, councilId: r.councilId });
export const titleOf = (def: FormDefinition) => def.title.it;

/** Whether the caller has answered: their response (named questionnaires), their mark (anonymous ones) or their used invitation. */
async function answeredByCaller(db: DbOrTx, actor: Actor, rows: QuestionnaireRow[]): Promise<Set<number>> {
  const out = new Set<number>();
  if (actor.id == null || !rows.length) return out;
  const ids = rows.map((r) => r.id);
  const named = await db
    .selectDistinct({ id: questionnaireResponses.questionnaireId })
    .from(questionnaireResponses)
    .where(and(inArray(questionnaireResponses.questionnaireId, ids), eq(questionnaireResponses.userId, actor.id)));
  for (const r of named) out.add(r.id);
  const anonymous = rows.filter((r) => r.anonymous);
  if (anonymous.length) {
    const marks = await db
      .select({ id: questionnaireAnswerMarks.questionnaireId })
      .from(questionnaireAnswerMarks)
      .where(or(...anonymous.map((r) => and(eq(questionnaireAnswerMarks.questionnaireId, r.id), eq(questionnaireAnswerMarks.mark, markOf(r.id, actor.id as number))))));
    for (const r of marks) out.add(r.id);
  }
  const invited = await db
    .selectDistinct({ id: questionnaireInvitations.questionnaireId })
    .from(questionnaireInvitations)
    .where(and(inArray(questionnaireInvitations.questionnaireId, ids), eq(questionnaireInvitations.userId, actor.id), isNotNull(questionnaireInvitations.answeredAt)));
  for (const r of invited) out.add(r.id);
  return out;
}

/** Whether a questionnaire takes answers now: open, and its closing time not passed. */
export function isAnswerable(r: QuestionnaireRow, now = new Date()): boolean {
  return r.status === 'open' && (r.closesAt == null || r.closesAt.getTime() > now.getTime());
}

/** Why a questionnaire takes no answers now, as a 409 with its message. */
export function notAnswerable(q: QuestionnaireRow, lang: Lang = 'it'): AppError {
  if (q.status === 'draft') return new AppError('conflict', 'questionnaire_draft');
  if (q.status === 'closed') return new AppError('conflict', 'questionnaire_closed');
  const date = (q.closesAt as Date).toLocaleDateString(lang === 'en' ? 'en-GB' : 'it-IT', { timeZone: 'Europe/Rome' });
  return new AppError('conflict', 'questionnaire_expired', { date });
}

/** Questionnaires as the API shows them: places and event by name, answers received, what the caller may do. */
export async function presentQuestionnaires(db: DbOrTx, actor: Actor, rows: QuestionnaireRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const counts = new Map(
    (await db.select({ id: questionnaireResponses.questionnaireId, n: count() }).from(questionnaireResponses).where(inArray(questionnaireResponses.questionnaireId, ids)).groupBy(questionnaireResponses.questionnaireId)).map((c) => [c.id, c.n]),
  );
  const regionIds = [...new Set(rows.map((r) => r.regionId).filter((id): id is number => id != null))];
  const councilIds = [...new Set(rows.map((r) => r.councilId).filter((id): id is number => id != null))];
  const eventIds = [...new Set(rows.map((r) => r.eventId).filter((id): id is number => id != null))];
  const regions = new Map((regionIds.length ? await db.select({ id: territories.id, code: territories.code, name: territories.name }).from(territories).where(inArray(territories.id, regionIds)) : []).map((r) => [r.id, r]));
  const councilRefs = new Map((councilIds.length ? await db.select({ id: councils.id, code: councils.code, name: councils.name }).from(councils).where(inArray(councils.id, councilIds)) : []).map((c) => [c.id, c]));
  const eventRefs = new Map((eventIds.length ? await db.select({ id: events.id, title: events.title }).from(events).where(inArray(events.id, eventIds)) : []).map((e) => [e.id, e]));
  const answered = await answeredByCaller(db, actor, rows);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    scopeType: scopeTypeOf(r),
    region: r.regionId != null ? (regions.get(r.regionId) ?? null) : null,
    council: r.councilId != null ? (councilRefs.get(r.councilId) ?? null) : null,
    event: r.eventId != null ? (eventRefs.get(r.eventId) ?? null) : null,
    anonymous: r.anonymous,
    status: r.status,
    closesAt: r.closesAt?.toISOString() ?? null,
    definition: r.definition as FormDefinition,
    responseCount: counts.get(r.id) ?? 0,
    canManage: canKeepPlace(actor, r),
    canAnswer: isAnswerable(r) && !answered.has(r.id) && actor.id != null,
    answered: answered.has(r.id),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/**
 * Lists the questionnaires of the places the caller reads: drafts only to those who keep them. Any signed-in user.
 */
export async function listQuestionnaires(ctx: Ctx, q: z.infer<typeof questionnaireQuery>) {
  const actor = requireActor(ctx.actor);
  const reach = await loadPlaceReadReach(ctx, true);
  const t = questionnaires;
  const where: (SQL | undefined)[] = [readableCondition(reach)];
  if (q.eventId) where.push(eq(t.eventId, q.eventId));
  if (q.status) where.push(eq(t.status, q.status));
  if (q.scope === 'nation') where.push(isNull(t.regionId), isNull(t.councilId));
  if (q.scope === 'region') where.push(isNotNull(t.regionId), isNull(t.councilId));
  if (q.scope === 'council') where.push(isNotNull(t.councilId));
  if (q.q) where.push(ilike(t.title, likePattern(q.q)));
  // Drafts are the keepers' work in progress.
  const kept = keptCondition(keeperReachOf(actor));
  if (kept) where.push(or(ne(t.status, 'draft'), kept));
  const [{ total }] = await ctx.db.select({ total: count() }).from(t).where(and(...where));
  const page = await ctx.db
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(desc(t.updatedAt), desc(t.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const items = (await presentQuestionnaires(ctx.db, actor, page)).map(({ definition: _d, ...rest }) => rest);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function loadQuestionnaireRow(db: DbOrTx, id: number, lock = false): Promise<QuestionnaireRow> {
  const query = db.select().from(questionnaires).where(eq(questionnaires.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'questionnaire_not_found', { id });
  return row;
}

/** A questionnaire the caller reads: keepers always; others when it is not a draft and they read its place. */
export async function loadReadableQuestionnaire(ctx: Ctx, id: number): Promise<QuestionnaireRow> {
  const actor = requireActor(ctx.actor);
  const row = await loadQuestionnaireRow(ctx.db, id);
  if (canKeepPlace(actor, row)) return row;
  if (row.status === 'draft' || !canReadPlace(await loadPlaceReadReach(ctx, true), row)) throw new AppError('forbidden', 'forbidden');
  return row;
}

/** One questionnaire with its definition; whoever reads it. */
export async function getQuestionnaire(ctx: Ctx, id: number) {
  const row = await loadReadableQuestionnaire(ctx, id);
  return (await presentQuestionnaires(ctx.db, requireActor(ctx.actor), [row]))[0];
}

function checkClosesAt(ctx: Ctx, closesAt: string | null | undefined): Date | null | undefined {
  if (closesAt == null) return closesAt;
  const d = new Date(closesAt);
  if (d.getTime() <= Date.now()) throw fieldError(ctx.lang, 'questionnaire_closes_past', 'closesAt');
  return d;
}

/**
 * Creates a draft questionnaire from the default feedback questionnaire or a definition checked by the form
 * engine. Keepers of the place: national admins, regional coordinators, council referents and tutors.
 */
export async function createQuestionnaire(ctx: Ctx, body: z.infer<typeof questionnaireCreateBody>) {
  const actor = requireKeeper(ctx.actor);
  if (body.template && body.definition !== undefined) throw fieldError(ctx.lang, 'questionnaire_source_both', 'definition');
  if (!body.template && body.definition === undefined) throw fieldError(ctx.lang, 'questionnaire_source_required', 'template');
  const place = await resolveQuestionnairePlace(ctx, body.scopeType as QuestionnaireScope, body.scopeId);
  assertCanKeep(actor, place);
  const definition = body.template ? readDefaultDefinition() : checkDefinition(body.definition, ctx.lang);
  if (body.eventId != null) await checkEventPlace(ctx, body.eventId, place);
  const closesAt = checkClosesAt(ctx, body.closesAt);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(questionnaires)
      .values({
        title: body.title ?? titleOf(definition),
        description: body.description ?? definition.description?.it ?? null,
        ...place,
        eventId: body.eventId ?? null,
        definition,
        anonymous: body.anonymous,
        closesAt: closesAt ?? null,
        createdBy: actor.id,
      })
      .returning();
    const [after] = await presentQuestionnaires(tx, actor, [row]);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'questionnaire', entityId: row.id, after, ...placeOf(row) });
    return after;
  });
}

const TRANSITIONS: Record<string, string[]> = { draft: ['open'], open: ['closed'], closed: ['open'] };

/**
 * Changes a questionnaire at the version read: texts and closing date always; definition, anonymity and event
 * only while a draft; status draft → open → closed (and reopened). Whoever keeps it.
 */
export async function updateQuestionnaire(ctx: Ctx, id: number, body: z.infer<typeof questionnairePatchBody>) {
  const actor = requireKeeper(ctx.actor);
  const current = await loadQuestionnaireRow(ctx.db, id);
  assertCanKeep(actor, current);
  const frozen = current.status !== 'draft';
  if (frozen && (body.definition !== undefined || body.anonymous !== undefined || body.eventId !== undefined)) {
    throw new AppError('conflict', 'questionnaire_definition_frozen');
  }
  if (body.status && body.status !== current.status && !TRANSITIONS[current.status].includes(body.status)) {
    throw new AppError('conflict', 'questionnaire_bad_transition', { from: current.status, to: body.status });
  }
  const definition = body.definition !== undefined ? checkDefinition(body.definition, ctx.lang) : undefined;
  if (body.eventId != null) await checkEventPlace(ctx, body.eventId, current);
  const closesAt = checkClosesAt(ctx, body.closesAt);
  return ctx.db.transaction(async (tx) => {
    const row = await loadQuestionnaireRow(tx, id, true);
    if (row.version !== requireVersion(ctx.lang, body.version)) throw versionConflict(row.version);
    const [before] = await presentQuestionnaires(tx, actor, [row]);
    const [updated] = await tx
      .update(questionnaires)
      .set({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.description !== undefined ? { description: body.description || null } : {}),
        ...(definition ? { definition } : {}),
        ...(body.anonymous !== undefined ? { anonymous: body.anonymous } : {}),
        ...(body.eventId !== undefined ? { eventId: body.eventId } : {}),
        ...(closesAt !== undefined ? { closesAt } : {}),
        ...(body.status ? { status: body.status } : {}),
        version: sql`${questionnaires.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(questionnaires.id, id))
      .returning();
    const [after] = await presentQuestionnaires(tx, actor, [updated]);
    const action = body.status === 'open' && row.status !== 'open' ? 'open' : body.status === 'closed' && row.status !== 'closed' ? 'close' : 'update';
    await recordAudit(tx, ctx, { action, entityType: 'questionnaire', entityId: id, before, after, ...placeOf(row) });
    return after;
  });
}

/** Deletes a questionnaire that has no answers yet (one with answers is closed instead), at the version read; whoever keeps it. */
export async function deleteQuestionnaire(ctx: Ctx, id: number, version?: number) {
  const actor = requireKeeper(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const row = await loadQuestionnaireRow(tx, id, true);
    assertCanKeep(actor, row);
    if (row.version !== requireVersion(ctx.lang, version)) throw versionConflict(row.version);
    const [before] = await presentQuestionnaires(tx, actor, [row]);
    if (before.responseCount) throw new AppError('conflict', 'questionnaire_has_responses', { count: before.responseCount });
    await tx.delete(questionnaires).where(eq(questionnaires.id, id));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'questionnaire', entityId: id, before, ...placeOf(row) });
  });
}
