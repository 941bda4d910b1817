import { type CompiledForm, compileForm, FormDefinitionError } from '@mosaico/form-engine/compile-form';
import type { FormDefinition } from '@mosaico/form-engine/definition';
import { type Completeness, evaluateForm } from '@mosaico/form-engine/evaluate-form';
import type { Message } from '@mosaico/form-engine/text';
import type { Value } from '@mosaico/form-engine/values';
import type { ItemIssue } from './runtime.ts';

/** A rule that does not hold on the values at hand (or that could not be evaluated). */
export interface RuleOutcome {
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

/** The engine's verdict on the values, in the shape the renderers read. */
export interface FormCheck {
  /** False when the definition itself cannot be compiled (then nothing is evaluated). */
  ok: boolean;
  isRelevant: (key: string) => boolean;
  isRequired: (key: string) => boolean;
  /** Issues by value key: item codes, cell keys, repeat row keys ('members[0].age'). */
  issues: Record<string, ItemIssue[]>;
  /** Computed values by key (calculated items, and disaggregated items' totals). */
  computed: Record<string, Value>;
  rules: RuleOutcome[];
  /** How many rules were not applied because the values they read are missing. */
  skippedRules: number;
  completeness: Record<string, Completeness>;
  /** The section a value key belongs to. */
  sectionOf: (key: string) => string | undefined;
}

/** The top-level item a value key belongs to: 'residents.F.0-17' and 'courses[0].hours' → 'residents', 'courses'. */
export function topCode(key: string): string {
  return key.split(/[.[]/)[0];
}

const text = (m: Message, lang: 'it' | 'en') => (lang === 'en' ? m.en : m.it);

/** Compiles a stored definition for evaluation; null when it cannot be (it was checked on import, so rarely). */
export function compileOrNull(definition: FormDefinition): CompiledForm | null {
  try {
    return compileForm(definition);
  } catch (err) {
    if (err instanceof FormDefinitionError) return null;
    throw err;
  }
}

/** Runs the shared engine on the values typed so far (value key → raw value; a repeat's code → its rows). */
export function checkValues(form: CompiledForm | null, values: Record<string, unknown>, lang: 'it' | 'en', today: string): FormCheck {
  if (!form) {
    return {
      ok: false,
      isRelevant: () => true,
      isRequired: () => false,
      issues: {},
      computed: {},
      rules: [],
      skippedRules: 0,
      completeness: {},
      sectionOf: () => undefined,
    };
  }
  const result = evaluateForm(form, values, { today });
  const ruleCodes = new Set(form.rules.map((r) => r.rule.code));
  const issues: Record<string, ItemIssue[]> = {};
  const rules: RuleOutcome[] = [];
  for (const issue of result.issues) {
    const message = text(issue.message, lang);
    if (ruleCodes.has(issue.item)) {
      rules.push({ code: issue.item, severity: 'error', message });
      continue;
    }
    const list = issues[issue.item] ?? [];
    list.push({ severity: issue.severity, message, code: issue.code });
    issues[issue.item] = list;
  }
  for (const r of result.rules) if (r.status === 'failed') rules.push({ code: r.rule, severity: r.severity, message: text(r.message, lang) });
  return {
    ok: true,
    isRelevant: (key) => result.relevant[key] ?? true,
    isRequired: (key) => result.required[key] === true,
    issues,
    computed: { ...result.calculated, ...Object.fromEntries(Object.entries(result.totals)) },
    rules,
    skippedRules: result.rules.filter((r) => r.status === 'skipped').length,
    completeness: result.completeness.bySection,
    sectionOf: (key) => form.items.get(topCode(key))?.section,
  };
}
