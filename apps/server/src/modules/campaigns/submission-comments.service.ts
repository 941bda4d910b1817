import type { commentQuestionBody } from '@mosaico/contracts/submission-comments';
import { and, asc, eq, isNull, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { AppError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireActor } from '../auth/scope.ts';
import { users } from '../users/users.schema.ts';
import { accessOf, canReadSection } from './campaigns.policy.ts';
import { noticeQuestion, noticeReply } from './submission-comments.notices.ts';
import { assertCanDiscussSection, assertThreadsOpenForPosting, authorRoleOf, canPostOn, canResolveThread } from './submission-comments.policy.ts';
import { submissionComments } from './submission-comments.schema.ts';
import { type LoadedSubmission, loadSubmission } from './submission-loader.ts';

type Question = z.infer<typeof commentQuestionBody>;
type Row = typeof submissionComments.$inferSelect;
interface Named {
  c: Row;
  authorName: string | null;
  resolverName: string | null;
}

const UNKNOWN_ITEM = { it: 'Voce inesistente in questo modulo.', en: 'No such item in this form.' };
const KEY_NOT_OF_ITEM = { it: 'La cella indicata non appartiene a questa voce.', en: 'The cell given does not belong to this item.' };

const resolver = alias(users, 'resolver');

/** Comments of a submission with their authors' and resolvers' names, oldest first. */
function readComments(db: DbOrTx, submissionId: number, filter?: SQL): Promise<Named[]> {
  return db
    .select({ c: submissionComments, authorName: users.name, resolverName: resolver.name })
    .from(submissionComments)
    .leftJoin(users, eq(users.id, submissionComments.authorId))
    .leftJoin(resolver, eq(resolver.id, submissionComments.resolvedBy))
    .where(and(eq(submissionComments.submissionId, submissionId), filter))
    .orderBy(asc(submissionComments.createdAt), asc(submissionComments.id));
}

/** Rows grouped into threads: each question followed by its replies. */
function threadsOf(rows: Named[]): { root: Named; replies: Named[] }[] {
  const threads = new Map<number, { root: Named; replies: Named[] }>();
  for (const r of rows) if (r.c.threadId === null) threads.set(r.c.id, { root: r, replies: [] });
  for (const r of rows) if (r.c.threadId !== null) threads.get(r.c.threadId)?.replies.push(r);
  return [...threads.values()];
}

const authorOf = (r: Named) => (r.c.authorId !== null ? { id: r.c.authorId, name: r.authorName ?? '', role: r.c.authorRole ?? null } : null);
const statusOf = (root: Row) => (root.resolvedAt ? ('resolved' as const) : ('open' as const));

function threadBase(root: Named) {
  return {
    id: root.c.id,
    itemCode: root.c.itemCode,
    valueKey: root.c.valueKey,
    sectionCode: root.c.sectionCode,
    status: statusOf(root.c),
    resolvedAt: root.c.resolvedAt?.toISOString() ?? null,
    resolvedBy: root.c.resolvedBy !== null ? { id: root.c.resolvedBy, name: root.resolverName ?? '' } : null,
  };
}

function presentThread(actor: Actor, s: LoadedSubmission, t: { root: Named; replies: Named[] }) {
  const open = canPostOn(s);
  return {
    ...threadBase(t.root),
    messages: [t.root, ...t.replies].map((m) => ({ id: m.c.id, body: m.c.body, author: authorOf(m), createdAt: m.c.createdAt.toISOString() })),
    canReply: open && !t.root.c.resolvedAt,
    canResolve: open && canResolveThread(actor, s, t.root.c.authorId),
  };
}

/** Every thread a caller may read on a submission, with open/total counts by item and by section for badges. */
export async function listSubmissionComments(ctx: Ctx, id: number) {
  const s = await loadSubmission(ctx.db, id);
  const access = accessOf(ctx.actor, s);
  const threads = threadsOf(await readComments(ctx.db, id)).filter((t) => canReadSection(access, t.root.c.sectionCode));
  const byItem: Record<string, { threads: number; open: number }> = {};
  const bySection: Record<string, { threads: number; open: number }> = {};
  for (const { root } of threads) {
    const open = root.c.resolvedAt ? 0 : 1;
    for (const [map, key] of [
      [byItem, root.c.itemCode],
      [bySection, root.c.sectionCode],
    ] as const) {
      map[key] = { threads: (map[key]?.threads ?? 0) + 1, open: (map[key]?.open ?? 0) + open };
    }
  }
  return {
    canPost: canPostOn(s),
    counts: { byItem, bySection },
    threads: threads.map((t) => {
      const last = t.replies.at(-1) ?? t.root;
      return { ...threadBase(t.root), author: authorOf(t.root), createdAt: t.root.c.createdAt.toISOString(), lastMessageAt: last.c.createdAt.toISOString(), messageCount: 1 + t.replies.length };
    }),
  };
}

/** The threads of one item, with every message; 404 for an item the form lacks, 403 outside the caller's sections. */
export async function listItemComments(ctx: Ctx, id: number, itemCode: string) {
  const s = await loadSubmission(ctx.db, id);
  const item = s.form.items.get(itemCode);
  if (!item) {
    accessOf(ctx.actor, s);
    throw notFound(`voce ${itemCode}`);
  }
  assertCanDiscussSection(ctx.actor, s, item.section);
  const actor = requireActor(ctx.actor);
  const threads = threadsOf(await readComments(ctx.db, id, eq(submissionComments.itemCode, itemCode)));
  return { canPost: canPostOn(s), threads: threads.map((t) => presentThread(actor, s, t)) };
}

async function readThread(tx: Tx, actor: Actor, s: LoadedSubmission, threadId: number) {
  const rows = await readComments(tx, s.id, or(eq(submissionComments.id, threadId), eq(submissionComments.threadId, threadId)));
  const [thread] = threadsOf(rows);
  return presentThread(actor, s, thread);
}

/** The question that opens a thread, in this submission, or 404. */
async function findRoot(tx: Tx, s: LoadedSubmission, threadId: number): Promise<Row> {
  const [root] = await tx
    .select()
    .from(submissionComments)
    .where(and(eq(submissionComments.id, threadId), eq(submissionComments.submissionId, s.id), isNull(submissionComments.threadId)))
    .for('update');
  if (!root) throw notFound(`discussione ${threadId}`);
  return root;
}

const place = (s: LoadedSubmission, section: string) => ({ councilId: s.councilId, regionId: s.regionId, organizationId: s.assignments.get(section) ?? null });

/**
 * Opens a thread on an item (or one of its cells) with a question. Whoever reads the item's section; not on a
 * locked submission. Notifies the council's tutors (nearest first; else its referent); audited.
 */
export async function askQuestion(ctx: Ctx, id: number, q: Question) {
  const out = await ctx.db.transaction(async (tx) => {
    const s = await loadSubmission(tx, id, true);
    const actor = requireActor(ctx.actor);
    accessOf(actor, s);
    const item = s.form.items.get(q.itemCode);
    if (!item) throw invalidFields([{ field: 'itemCode', code: 'unknown_item', message: UNKNOWN_ITEM[ctx.lang] }]);
    const valueKey = q.valueKey === undefined || q.valueKey === q.itemCode ? null : q.valueKey;
    // Only the item's own cells (disaggregation, table): the rows of a repeat group are discussed on the group.
    if (valueKey !== null && s.form.keys.get(valueKey)?.item.code !== item.code) {
      throw invalidFields([{ field: 'valueKey', code: 'key_not_of_item', message: KEY_NOT_OF_ITEM[ctx.lang] }]);
    }
    assertCanDiscussSection(actor, s, item.section);
    assertThreadsOpenForPosting(s);
    const [root] = await tx
      .insert(submissionComments)
      .values({ submissionId: id, itemCode: item.code, valueKey, sectionCode: item.section, body: q.body, authorId: actor.id, authorRole: authorRoleOf(actor, s, item.section) })
      .returning();
    const notified = await noticeQuestion(tx, ctx, s, root);
    await recordAudit(tx, ctx, {
      action: 'comment_question',
      entityType: 'submission',
      entityId: id,
      after: { threadId: root.id, itemCode: item.code, valueKey, body: q.body, notified: notified.length },
      ...place(s, item.section),
    });
    return readThread(tx, actor, s, root.id);
  });
  await ctx.mailer.deliverPending(ctx.db);
  return out;
}

/** Adds a reply to an open thread. Whoever reads its section; not on a locked submission. Notifies the other participants; audited. */
export async function replyToThread(ctx: Ctx, id: number, threadId: number, body: string) {
  const out = await ctx.db.transaction(async (tx) => {
    const s = await loadSubmission(tx, id, true);
    const actor = requireActor(ctx.actor);
    accessOf(actor, s);
    const root = await findRoot(tx, s, threadId);
    assertCanDiscussSection(actor, s, root.sectionCode);
    assertThreadsOpenForPosting(s);
    if (root.resolvedAt) throw new AppError('conflict', 'comment_thread_resolved');
    const [reply] = await tx
      .insert(submissionComments)
      .values({
        submissionId: id,
        threadId: root.id,
        itemCode: root.itemCode,
        valueKey: root.valueKey,
        sectionCode: root.sectionCode,
        body,
        authorId: actor.id,
        authorRole: authorRoleOf(actor, s, root.sectionCode),
      })
      .returning();
    const notified = await noticeReply(tx, ctx, s, root, body);
    await recordAudit(tx, ctx, {
      action: 'comment_reply',
      entityType: 'submission',
      entityId: id,
      after: { threadId: root.id, commentId: reply.id, itemCode: root.itemCode, body, notified: notified.length },
      ...place(s, root.sectionCode),
    });
    return readThread(tx, actor, s, root.id);
  });
  await ctx.mailer.deliverPending(ctx.db);
  return out;
}

/**
 * Marks a thread resolved, or reopens it. The council's tutors, its referent, or the person who asked; not on a
 * locked submission. Setting the state it already has changes nothing and records nothing.
 */
export async function setThreadResolved(ctx: Ctx, id: number, threadId: number, resolved: boolean) {
  return ctx.db.transaction(async (tx) => {
    const s = await loadSubmission(tx, id, true);
    const actor = requireActor(ctx.actor);
    accessOf(actor, s);
    const root = await findRoot(tx, s, threadId);
    assertCanDiscussSection(actor, s, root.sectionCode);
    assertThreadsOpenForPosting(s);
    if (!canResolveThread(actor, s, root.authorId)) throw new AppError('forbidden', 'comment_resolve_forbidden');
    if (!!root.resolvedAt !== resolved) {
      await tx
        .update(submissionComments)
        .set(resolved ? { resolvedAt: new Date(), resolvedBy: actor.id } : { resolvedAt: null, resolvedBy: null })
        .where(eq(submissionComments.id, root.id));
      await recordAudit(tx, ctx, {
        action: resolved ? 'comment_resolve' : 'comment_reopen',
        entityType: 'submission',
        entityId: id,
        before: { threadId: root.id, status: statusOf(root) },
        after: { threadId: root.id, itemCode: root.itemCode, status: resolved ? 'resolved' : 'open' },
        ...place(s, root.sectionCode),
      });
    }
    return readThread(tx, actor, s, root.id);
  });
}
