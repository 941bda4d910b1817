import { formDefinition } from '@mosaico/contracts/forms';
import type { FormDefinition, Item } from '@mosaico/form-engine/definition';
import { validateDefinition } from '@mosaico/form-engine/validate-definition';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, type FieldIssue, invalidFields, notFound, versionConflict } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/http/messages.ts';
import { toFieldIssues } from '../../platform/http/validation.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { authorize, hasNationRole, requireActor } from '../auth/scope.ts';
import { formVersions, forms } from './forms.schema.ts';

type VersionRow = typeof formVersions.$inferSelect;

const countItems = (items: Item[]): number => items.reduce((n, i) => n + 1 + (i.items ? countItems(i.items) : 0), 0);

/**
 * Checks a definition as a whole: its shape (zod), then what only the engine sees (references, cycles,
 * expression syntax with positions). Every problem is reported at once, under `definition.<path>`.
 */
export function checkDefinition(raw: unknown, lang: Lang): FormDefinition {
  const parsed = formDefinition.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw invalidFields(toFieldIssues(parsed.error.issues, lang, 'definition.'));
  const problems = validateDefinition(parsed.data as FormDefinition);
  if (problems.length) {
    const issues: FieldIssue[] = problems.map((p) => ({
      field: `definition.${p.path}`,
      code: p.code,
      message: (lang === 'en' ? (p.message.en ?? p.message.it) : p.message.it) as string,
      ...(p.position != null ? { position: p.position, length: p.length ?? 1 } : {}),
    }));
    throw invalidFields(issues);
  }
  return parsed.data as FormDefinition;
}

function presentVersion(code: string, v: VersionRow, withDefinition: true): ReturnType<typeof summary> & { formId: number; code: string; revision: number; definition: FormDefinition };
function presentVersion(code: string, v: VersionRow, withDefinition: false): ReturnType<typeof summary>;
function presentVersion(code: string, v: VersionRow, withDefinition: boolean) {
  const s = summary(v);
  return withDefinition ? { ...s, formId: v.formId, code, revision: v.revision, definition: v.definition as FormDefinition } : s;
}

function summary(v: VersionRow) {
  return {
    version: v.version,
    status: v.status,
    derivedFrom: v.derivedFrom,
    itemCount: v.itemCount,
    createdAt: v.createdAt.toISOString(),
    publishedAt: v.publishedAt?.toISOString() ?? null,
  };
}

/** Drafts are seen only by national admins; published versions by anyone signed in. */
const seesDrafts = (ctx: Ctx) => hasNationRole(ctx.actor, 'national_admin');

/** Lists forms with their versions; any signed-in user (drafts only for national admins). */
export async function listForms(ctx: Ctx) {
  requireActor(ctx.actor);
  const rows = await ctx.db.select().from(forms).orderBy(asc(forms.code));
  if (!rows.length) return [];
  const versions = await ctx.db
    .select()
    .from(formVersions)
    .where(inArray(formVersions.formId, rows.map((f) => f.id)))
    .orderBy(desc(formVersions.version));
  const drafts = seesDrafts(ctx);
  return rows
    .map((f) => ({
      id: f.id,
      code: f.code,
      title: f.title as FormDefinition['title'],
      versions: versions.filter((v) => v.formId === f.id && (drafts || v.status === 'published')).map(summary),
    }))
    .filter((f) => f.versions.length);
}

async function getFormRow(db: DbOrTx, id: number) {
  const [f] = await db.select().from(forms).where(eq(forms.id, id));
  if (!f) throw notFound(`modulo ${id}`);
  return f;
}

/** One version with its definition; drafts only for national admins. */
export async function getFormVersion(ctx: Ctx, id: number, version: number) {
  requireActor(ctx.actor);
  const f = await getFormRow(ctx.db, id);
  const [v] = await ctx.db.select().from(formVersions).where(and(eq(formVersions.formId, id), eq(formVersions.version, version)));
  if (!v || (v.status === 'draft' && !seesDrafts(ctx))) throw notFound(`versione ${version} del modulo ${f.code}`);
  return presentVersion(f.code, v, true);
}

/** Imports a definition: a new form (version 1), or a new draft version of the form with that code. National admins. */
export async function importForm(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, ['national_admin'], {});
  const definition = checkDefinition(raw, ctx.lang);
  return ctx.db.transaction((tx) => insertVersion(tx, ctx, definition, null));
}

async function insertVersion(tx: DbOrTx, ctx: Ctx, definition: FormDefinition, derivedFrom: number | null) {
  let [f] = await tx.select().from(forms).where(eq(forms.code, definition.code));
  if (!f) [f] = await tx.insert(forms).values({ code: definition.code, title: definition.title }).returning();
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${formVersions.version}), 0) + 1` })
    .from(formVersions)
    .where(eq(formVersions.formId, f.id));
  const [v] = await tx
    .insert(formVersions)
    .values({
      formId: f.id,
      version: Number(next),
      definition,
      itemCount: countItems(definition.sections.flatMap((s) => s.items)),
      derivedFrom,
      createdBy: ctx.actor?.id ?? null,
    })
    .returning();
  await recordAudit(tx, ctx, { action: 'create', entityType: 'form_version', entityId: v.id, after: { code: f.code, version: v.version, derivedFrom, itemCount: v.itemCount } });
  return presentVersion(f.code, v, true);
}

async function lockVersion(tx: DbOrTx, id: number, version: number) {
  const f = await getFormRow(tx, id);
  const [v] = await tx
    .select()
    .from(formVersions)
    .where(and(eq(formVersions.formId, id), eq(formVersions.version, version)))
    .for('update');
  if (!v) throw notFound(`versione ${version} del modulo ${f.code}`);
  return { f, v };
}

/** Replaces a draft's definition (same form code); published versions never change. National admins, revision-checked. */
export async function updateDraft(ctx: Ctx, id: number, version: number, raw: unknown, revision: number) {
  authorize(ctx.actor, ['national_admin'], {});
  const definition = checkDefinition(raw, ctx.lang);
  return ctx.db.transaction(async (tx) => {
    const { f, v } = await lockVersion(tx, id, version);
    if (v.status !== 'draft') throw new AppError('conflict', 'form_version_published', { version });
    if (definition.code !== f.code) throw new AppError('invalid', 'form_code_mismatch', { code: f.code });
    if (v.revision !== revision) throw versionConflict(v.revision);
    const [u] = await tx
      .update(formVersions)
      .set({ definition, itemCount: countItems(definition.sections.flatMap((s) => s.items)), revision: v.revision + 1 })
      .where(eq(formVersions.id, v.id))
      .returning();
    await recordAudit(tx, ctx, { action: 'update', entityType: 'form_version', entityId: v.id, before: { revision: v.revision, itemCount: v.itemCount }, after: { revision: u.revision, itemCount: u.itemCount } });
    return presentVersion(f.code, u, true);
  });
}

/** Publishes a draft; from then on it never changes. National admins. */
export async function publishVersion(ctx: Ctx, id: number, version: number) {
  authorize(ctx.actor, ['national_admin'], {});
  return ctx.db.transaction(async (tx) => {
    const { f, v } = await lockVersion(tx, id, version);
    if (v.status !== 'draft') throw new AppError('conflict', 'form_version_published', { version });
    const [u] = await tx.update(formVersions).set({ status: 'published', publishedAt: new Date() }).where(eq(formVersions.id, v.id)).returning();
    await tx.update(forms).set({ title: (u.definition as FormDefinition).title }).where(eq(forms.id, f.id));
    await recordAudit(tx, ctx, { action: 'publish', entityType: 'form_version', entityId: v.id, before: { status: 'draft' }, after: { code: f.code, version, status: 'published' } });
    return presentVersion(f.code, u, true);
  });
}

/** Starts a new draft from a published version. National admins. */
export async function deriveVersion(ctx: Ctx, id: number, from: number) {
  authorize(ctx.actor, ['national_admin'], {});
  return ctx.db.transaction(async (tx) => {
    const { v } = await lockVersion(tx, id, from);
    if (v.status !== 'published') throw new AppError('conflict', 'form_version_not_published', { version: from });
    return insertVersion(tx, ctx, v.definition as FormDefinition, from);
  });
}
