import type { CompiledForm, CompiledItem } from '@mosaico/form-engine/compile-form';
import { evaluateForm, type FormEvaluation } from '@mosaico/form-engine/evaluate-form';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { campaigns, submissions } from '../../campaigns/campaigns.schema.ts';
import { compiledFormFor, readValues } from '../../campaigns/submission-loader.ts';
import { formVersions, forms } from '../../forms/forms.schema.ts';
import type { SourceSpan } from './snapshot-sources.ts';
import { formatDate, formatNumber, type Lang, pick, say, WORDS } from './snapshot-text.ts';

/**
 * The council's monitoring submission for the report's year (read only), evaluated by the form engine so that
 * totals, calculated items and skip logic are as the form defines them. Without a submission the form of the
 * year's campaign (else the latest published one) still gives the labels of items and category options.
 */
export class FormData {
  private constructor(
    readonly form: CompiledForm | null,
    readonly submission: { id: number; status: string } | null,
    private readonly values: Record<string, unknown>,
    private readonly evaluation: FormEvaluation | null,
    private readonly title: string,
    private readonly councilName: string,
    readonly year: number,
    readonly lang: Lang,
  ) {}

  static async load(db: DbOrTx, opts: { councilId: number; councilName: string; year: number; lang: Lang }): Promise<FormData> {
    // The latest campaign of the year in which the council has a submission, whatever its status: a report is the
    // council's own document, so its figures count while still provisional (the source line says so).
    const [own] = await db
      .select({ id: submissions.id, status: submissions.status, versionId: campaigns.formVersionId })
      .from(submissions)
      .innerJoin(campaigns, eq(campaigns.id, submissions.campaignId))
      .where(and(eq(submissions.councilId, opts.councilId), eq(campaigns.year, opts.year)))
      .orderBy(desc(campaigns.id))
      .limit(1);
    let versionId = own?.versionId ?? null;
    if (versionId === null) {
      const [ofYear] = await db.select({ v: campaigns.formVersionId }).from(campaigns).where(eq(campaigns.year, opts.year)).orderBy(desc(campaigns.id)).limit(1);
      const [latest] = ofYear
        ? [ofYear]
        : await db.select({ v: formVersions.id }).from(formVersions).where(isNotNull(formVersions.publishedAt)).orderBy(desc(formVersions.publishedAt)).limit(1);
      versionId = latest?.v ?? null;
    }
    const form = versionId === null ? null : await compiledFormFor(db, versionId);
    const values = own ? await readValues(db, own.id) : {};
    const evaluation = form && own ? evaluateForm(form, values) : null;
    let title = 'Scheda di monitoraggio';
    if (versionId !== null) {
      const [f] = await db.select({ title: forms.title }).from(formVersions).innerJoin(forms, eq(forms.id, formVersions.formId)).where(eq(formVersions.id, versionId));
      if (f) title = pick(f.title as { it: string; en?: string }, opts.lang);
    }
    return new FormData(form, own ? { id: own.id, status: own.status } : null, values, evaluation, title, opts.councilName, opts.year, opts.lang);
  }

  /** The source line of the council's own submission ("Scheda di monitoraggio CTI 2023"), provisional until approved. */
  sourceRef(): SourceSpan {
    const provisional = this.submission && this.submission.status !== 'approved' ? ` (${say(WORDS.provisionalForm, this.lang)})` : '';
    return { name: `${this.title} ${this.year}${provisional}`, attribution: this.councilName, licence: null, url: null, first: String(this.year), last: String(this.year) };
  }

  item(code: string): CompiledItem | undefined {
    return this.form?.items.get(code);
  }

  /** Whether the item is shown by the form's skip logic (an unanswered condition counts as shown). */
  relevant(code: string): boolean {
    return this.evaluation?.relevant[code] !== false;
  }

  /** An item's figure: calculated, the total of its cells, or as entered; null when not filled or not numeric. */
  number(code: string): number | null {
    if (!this.evaluation || !this.relevant(code)) return null;
    const item = this.item(code);
    const raw = item?.calculate ? this.evaluation.calculated[code] : item?.cells.length ? (this.evaluation.totals[code] ?? this.values[code]) : this.values[code];
    return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
  }

  raw(key: string): unknown {
    return this.evaluation && this.relevant(key.split('.')[0]) ? this.values[key] : undefined;
  }

  /** The rows of a repeating group (e.g. the good practices), each by child code. */
  rows(code: string): Record<string, unknown>[] {
    const v = this.raw(code);
    return Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object') : [];
  }

  label(code: string): string {
    const item = this.item(code);
    return item ? pick(item.item.label, this.lang) : code;
  }

  /**
   * A non-numeric answer written out: choices by their labels, yes/no, dates; numbers formatted (for texts only:
   * tables keep numbers as numbers). Null when blank.
   */
  text(item: CompiledItem | { item: CompiledItem['item'] }, raw: unknown): string | null {
    const def = item.item;
    if (raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && !raw.length)) return null;
    const choice = (c: unknown) => pick(def.choices?.find((o) => o.code === c)?.label, this.lang) || String(c);
    if (def.type === 'multiple_choice' && Array.isArray(raw)) return raw.map(choice).join('; ');
    if (def.type === 'single_choice') return choice(raw);
    if (def.type === 'yes_no') return say(raw === 'yes' || raw === true ? WORDS.yes : WORDS.no, this.lang);
    if (def.type === 'date' && typeof raw === 'string') return formatDate(raw, this.lang);
    if (typeof raw === 'number') return formatNumber(raw, Number.isInteger(raw) ? 0 : 2, this.lang) + (def.unit ? ` ${pick(def.unit, this.lang)}` : '');
    return String(raw).trim() || null;
  }

  /** The label of a category option as the form names it (options matched regardless of case: Istat's M is the form's m). */
  optionLabel(category: string, option: string): string {
    const cat = this.form?.definition.categories?.find((c) => c.code === category);
    const o = cat?.options.find((x) => x.code.toLowerCase() === option.toLowerCase());
    if (o) return pick(o.label, this.lang);
    const words = option.replaceAll('_', ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  /** The options of a category in the form's order (youngest age band first), when the form defines it. */
  optionOrder(category: string): string[] {
    return this.form?.definition.categories?.find((c) => c.code === category)?.options.map((o) => o.code.toLowerCase()) ?? [];
  }
}
