import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type TemplateDefinition, templateDefinition, type templateSave } from '@mosaico/contracts/reports';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, type FieldIssue, invalidFields, notFound } from '../../platform/http/errors.ts';
import { type Lang, translate } from '../../platform/http/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { indicators } from '../indicators/indicators.schema.ts';
import { assertCanManageTemplates, assertCanReadTemplates } from './reports.policy.ts';
import { reportTemplates, reportTemplateVersions } from './reports.schema.ts';

type TemplateSave = z.infer<typeof templateSave>;

export const DEFAULT_TEMPLATE_FILE = path.resolve(import.meta.dirname, '../../../../../data/reports/default-template.json');

/** Every indicator code a definition uses, with the field that names it. */
function indicatorRefs(def: TemplateDefinition): { code: string; field: string }[] {
  const refs: { code: string; field: string }[] = [];
  def.chapters.forEach((c, ci) => {
    c.blocks.forEach((b, bi) => {
      const at = `definition.chapters.${ci}.blocks.${bi}`;
      if (b.kind === 'key_figures') for (const [i, code] of b.indicators.entries()) refs.push({ code, field: `${at}.indicators.${i}` });
      if (b.kind === 'map') refs.push({ code: b.indicator, field: `${at}.indicator` });
      if (b.kind === 'table' || b.kind === 'chart') {
        const s = b.source;
        if (s.type === 'indicators') for (const [i, code] of s.indicators.entries()) refs.push({ code, field: `${at}.source.indicators.${i}` });
        if (s.type === 'compare') refs.push({ code: s.indicator, field: `${at}.source.indicator` });
      }
    });
  });
  return refs;
}

/**
 * The rules zod cannot see, all reported at once: chapter and block keys unique (narratives are kept by block
 * key), every indicator code known.
 */
export async function checkTemplateDefinition(db: DbOrTx, def: TemplateDefinition, lang: Lang): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const chapterKeys = new Set<string>();
  const blockKeys = new Set<string>();
  def.chapters.forEach((c, ci) => {
    if (chapterKeys.has(c.key)) issues.push({ field: `definition.chapters.${ci}.key`, code: 'report_template_duplicate_key', message: translate('report_template_duplicate_key', lang, { key: c.key }) });
    chapterKeys.add(c.key);
    c.blocks.forEach((b, bi) => {
      if (blockKeys.has(b.key)) issues.push({ field: `definition.chapters.${ci}.blocks.${bi}.key`, code: 'report_template_duplicate_key', message: translate('report_template_duplicate_key', lang, { key: b.key }) });
      blockKeys.add(b.key);
    });
  });
  const refs = indicatorRefs(def);
  const codes = [...new Set(refs.map((r) => r.code))];
  const known = new Set(codes.length ? (await db.select({ code: indicators.code }).from(indicators).where(inArray(indicators.code, codes))).map((r) => r.code) : []);
  for (const r of refs) {
    if (!known.has(r.code)) issues.push({ field: r.field, code: 'report_template_unknown_indicator', message: translate('report_template_unknown_indicator', lang, { code: r.code }) });
  }
  return issues;
}

function present(t: typeof reportTemplates.$inferSelect, v: typeof reportTemplateVersions.$inferSelect) {
  return {
    id: t.id,
    name: v.name,
    version: v.version,
    isDefault: t.isDefault,
    updatedAt: t.updatedAt.toISOString(),
    description: t.description ?? null,
    definition: v.definition,
  };
}

/** A template at a version (its current one by default), or 404. */
export async function loadTemplate(db: DbOrTx, id: number, version?: number) {
  const [t] = await db.select().from(reportTemplates).where(eq(reportTemplates.id, id));
  if (!t) return null;
  const [v] = await db
    .select()
    .from(reportTemplateVersions)
    .where(and(eq(reportTemplateVersions.templateId, id), eq(reportTemplateVersions.version, version ?? t.currentVersion)));
  return v ? present(t, v) : null;
}

/** The default template (the shipped one), current version. */
export async function loadDefaultTemplate(db: DbOrTx) {
  const [t] = await db.select({ id: reportTemplates.id }).from(reportTemplates).where(eq(reportTemplates.isDefault, true)).orderBy(asc(reportTemplates.id)).limit(1);
  return t ? loadTemplate(db, t.id) : null;
}

/** Templates for whoever works on reports. */
export async function listTemplates(ctx: Ctx) {
  assertCanReadTemplates(ctx.actor);
  const rows = await ctx.db
    .select({ t: reportTemplates, v: reportTemplateVersions })
    .from(reportTemplates)
    .innerJoin(reportTemplateVersions, and(eq(reportTemplateVersions.templateId, reportTemplates.id), eq(reportTemplateVersions.version, reportTemplates.currentVersion)))
    .orderBy(asc(reportTemplates.id));
  return rows.map(({ t, v }) => {
    const { description: _d, definition: _def, ...summary } = present(t, v);
    return summary;
  });
}

export async function getTemplate(ctx: Ctx, id: number) {
  assertCanReadTemplates(ctx.actor);
  const t = await loadTemplate(ctx.db, id);
  if (!t) throw notFound(`modello ${id}`);
  return t;
}

async function validated(ctx: Ctx, body: TemplateSave) {
  const issues = await checkTemplateDefinition(ctx.db, body.definition, ctx.lang);
  if (issues.length) throw invalidFields(issues);
}

/** Creates a template at version 1. National admins only. */
export async function createTemplate(ctx: Ctx, body: TemplateSave) {
  const actor = assertCanManageTemplates(ctx.actor);
  await validated(ctx, body);
  const id = await ctx.db.transaction(async (tx) => {
    const [t] = await tx
      .insert(reportTemplates)
      .values({ name: body.name, description: body.description ?? null })
      .returning({ id: reportTemplates.id });
    await tx.insert(reportTemplateVersions).values({ templateId: t.id, version: 1, name: body.name, definition: body.definition, createdBy: actor.id });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'report_template', entityId: t.id, after: { name: body.name, version: 1 } });
    return t.id;
  });
  return getTemplate(ctx, id);
}

/** Saves a template as a new frozen version; reports keep the version they were generated with. National admins only. */
export async function updateTemplate(ctx: Ctx, id: number, body: TemplateSave) {
  const actor = assertCanManageTemplates(ctx.actor);
  const [t] = await ctx.db.select().from(reportTemplates).where(eq(reportTemplates.id, id));
  if (!t) throw notFound(`modello ${id}`);
  await validated(ctx, body);
  await ctx.db.transaction(async (tx) => {
    // The row lock orders two concurrent saves: each gets its own version number.
    const [cur] = await tx.select({ v: reportTemplates.currentVersion }).from(reportTemplates).where(eq(reportTemplates.id, id)).for('update');
    const next = cur.v + 1;
    await tx.insert(reportTemplateVersions).values({ templateId: id, version: next, name: body.name, definition: body.definition, createdBy: actor.id });
    await tx
      .update(reportTemplates)
      .set({ name: body.name, description: body.description ?? null, currentVersion: next, updatedAt: new Date() })
      .where(eq(reportTemplates.id, id));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'report_template', entityId: id, before: { version: cur.v }, after: { name: body.name, version: next } });
  });
  return getTemplate(ctx, id);
}

/**
 * Seeds the shipped default template when no default exists (every start; a missing file is a broken
 * installation, so it throws). Returns the new template's id, or null when one was there.
 */
export async function seedDefaultTemplate(tx: DbOrTx, file = DEFAULT_TEMPLATE_FILE): Promise<number | null> {
  const [existing] = await tx.select({ id: reportTemplates.id }).from(reportTemplates).where(eq(reportTemplates.isDefault, true)).limit(1);
  if (existing) return null;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { name: unknown; description?: unknown; definition: unknown };
  const definition = templateDefinition.parse(raw.definition);
  const issues = await checkTemplateDefinition(tx, definition, 'it');
  if (issues.length) throw new AppError('invalid', 'validation_failed', {}, { issues });
  const name = raw.name as { it: string; en?: string };
  const [t] = await tx
    .insert(reportTemplates)
    .values({ name, description: (raw.description as { it: string } | undefined) ?? null, isDefault: true })
    .returning({ id: reportTemplates.id });
  await tx.insert(reportTemplateVersions).values({ templateId: t.id, version: 1, name, definition });
  return t.id;
}
