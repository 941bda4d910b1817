import type { ReviewLevel, SubmissionStatus } from '@mosaico/contracts/campaigns';
import { type CompiledForm, compileForm } from '@mosaico/form-engine/compile-form';
import type { FormDefinition } from '@mosaico/form-engine/definition';
import type { FormEvaluation } from '@mosaico/form-engine/evaluate-form';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/http/messages.ts';
import { councils } from '../councils/councils.schema.ts';
import { formVersions, forms } from '../forms/forms.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import type { SubmissionPlace } from './campaigns.policy.ts';
import { campaigns, submissionAssignments, submissions, submissionValues } from './campaigns.schema.ts';

/** Published versions never change, so each is compiled once per process. */
const compiledByVersion = new Map<number, CompiledForm>();

export function compiledFormOf(versionId: number, definition: unknown): CompiledForm {
  let compiled = compiledByVersion.get(versionId);
  if (!compiled) {
    compiled = compileForm(definition as FormDefinition);
    compiledByVersion.set(versionId, compiled);
  }
  return compiled;
}

/** The compiled form of a published version, reading its definition only on the first call of the process. */
export async function compiledFormFor(db: DbOrTx, versionId: number): Promise<CompiledForm> {
  const cached = compiledByVersion.get(versionId);
  if (cached) return cached;
  const [v] = await db.select({ definition: formVersions.definition }).from(formVersions).where(eq(formVersions.id, versionId));
  return compiledFormOf(versionId, v.definition);
}

/** A submission with everything its rules need: campaign, council, region, form, assignments. */
export interface LoadedSubmission extends SubmissionPlace {
  id: number;
  status: SubmissionStatus;
  reviewLevel: ReviewLevel | null;
  territoryId: number | null;
  revision: number;
  lastActivityAt: Date | null;
  campaign: { id: number; name: string; year: number; deadline: string; approvalLevels: ReviewLevel[] };
  council: { id: number; code: string; name: string };
  region: { id: number; name: string };
  formVersion: { id: number; formId: number; code: string; version: number };
  form: CompiledForm;
}

/** Loads a submission (locking its row when `forUpdate`, to serialise saves and transitions); 404 if none. */
export async function loadSubmission(db: DbOrTx, id: number, forUpdate = false): Promise<LoadedSubmission> {
  const base = db.select().from(submissions).where(eq(submissions.id, id));
  const [s] = forUpdate ? await base.for('update') : await base;
  if (!s) throw notFound(`compilazione ${id}`);
  const [row] = await db
    // The definition (about 190 KB for the CTI form) is read only when its compiled form is not cached yet.
    .select({
      campaign: campaigns,
      council: councils,
      region: territories,
      version: { id: formVersions.id, formId: formVersions.formId, version: formVersions.version },
      formCode: forms.code,
    })
    .from(campaigns)
    .innerJoin(formVersions, eq(formVersions.id, campaigns.formVersionId))
    .innerJoin(forms, eq(forms.id, formVersions.formId))
    .innerJoin(councils, eq(councils.id, s.councilId))
    .innerJoin(territories, eq(territories.id, councils.regionId))
    .where(eq(campaigns.id, s.campaignId));
  const assigned = await db.select().from(submissionAssignments).where(eq(submissionAssignments.submissionId, id));
  return {
    id: s.id,
    status: s.status,
    reviewLevel: s.reviewLevel,
    territoryId: s.territoryId,
    revision: s.revision,
    lastActivityAt: s.lastActivityAt,
    councilId: s.councilId,
    regionId: row.council.regionId,
    assignments: new Map(assigned.map((a) => [a.sectionCode, a.organizationId])),
    campaign: { id: row.campaign.id, name: row.campaign.name, year: row.campaign.year, deadline: row.campaign.deadline, approvalLevels: row.campaign.approvalLevels },
    council: { id: row.council.id, code: row.council.code, name: row.council.name },
    region: { id: row.region.id, name: row.region.name },
    formVersion: { id: row.version.id, formId: row.version.formId, code: row.formCode, version: row.version.version },
    form: await compiledFormFor(db, row.version.id),
  };
}

/** The stored values of a submission as the engine reads them: value key → value. */
export async function readValues(db: DbOrTx, submissionId: number, keys?: string[]): Promise<Record<string, unknown>> {
  const rows = await db
    .select({ key: submissionValues.valueKey, value: submissionValues.value })
    .from(submissionValues)
    .where(and(eq(submissionValues.submissionId, submissionId)));
  const wanted = keys ? new Set(keys) : null;
  return Object.fromEntries(rows.filter((r) => !wanted || wanted.has(r.key)).map((r) => [r.key, r.value]));
}

/** The item a value key belongs to (a cell's item, a repeat's code, a repeat row key's repeat), or null. */
export function itemOfKey(form: CompiledForm, key: string): { code: string; section: string; type: string; calculated: boolean } | null {
  const known = form.keys.get(key);
  if (known) return { code: known.item.code, section: known.item.section, type: known.cell?.type ?? known.item.item.type, calculated: !!known.item.calculate };
  const item = form.items.get(key.split('[')[0]);
  if (item && item.repeat === null) return { code: item.code, section: item.section, type: item.item.type, calculated: !!item.calculate };
  return null;
}

/** Error-level problems: every engine issue and every failed error rule. */
export const errorCountOf = (e: FormEvaluation) => e.issues.length + e.rules.filter((r) => r.severity === 'error' && r.status === 'failed').length;

/**
 * The engine's verdict in the request's language, limited to the sections a caller reads. Rules compare
 * values across sections, so a caller who reads only some sections does not see them.
 */
export function presentEvaluation(e: FormEvaluation, form: CompiledForm, lang: Lang, readable: 'all' | Set<string>) {
  const sees = (section: string | undefined) => readable === 'all' || (section !== undefined && readable.has(section));
  const bySection = Object.fromEntries(Object.entries(e.completeness.bySection).filter(([code]) => sees(code)));
  return {
    completeness: { bySection, overall: readable === 'all' ? e.completeness.overall : sumOf(Object.values(bySection)) },
    issues: e.issues
      .filter((i) => sees(itemOfKey(form, i.item)?.section))
      .map((i) => ({ item: i.item, code: i.code, severity: i.severity, message: i.message[lang] })),
    rules:
      readable === 'all'
        ? e.rules.map((r) => ({ rule: r.rule, severity: r.severity, status: r.status, left: r.left, right: r.right, message: r.message[lang] }))
        : [],
  };
}

const sumOf = (list: { filled: number; expected: number }[]) =>
  list.reduce((a, c) => ({ filled: a.filled + c.filled, expected: a.expected + c.expected }), { filled: 0, expected: 0 });
