import type { QuestionResult } from '@mosaico/contracts/questionnaires';
import type { FormDefinition, Item, Option } from '@mosaico/form-engine/definition';

/**
 * One stored answer as the aggregation reads it; `by` names the respondent and `submittedAt` dates the answer — both
 * null for anonymous questionnaires, so no day can match an answer to an invitation used that day.
 */
export interface AnswerRow {
  values: Record<string, unknown>;
  submittedAt: Date | null;
  by: string | null;
}

const YES_NO: Option[] = [
  { code: 'yes', label: { it: 'Sì', en: 'Yes' } },
  { code: 'no', label: { it: 'No', en: 'No' } },
];
const NUMERIC = new Set(['integer', 'decimal', 'percentage']);
const TEXTUAL = new Set(['text', 'long_text', 'date']);

/** Every question of a definition in order (sections flattened), top-level items only. */
export const questionsOf = (def: FormDefinition): Item[] => def.sections.flatMap((s) => s.items);

/** The options a choice question offers (yes/no included). */
export const optionsOf = (item: Item): Option[] | null => (item.type === 'yes_no' ? YES_NO : item.type === 'single_choice' || item.type === 'multiple_choice' ? (item.choices ?? []) : null);

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const asNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/**
 * The figures of each question over the answers: per choice the count and the share of those who answered the
 * question (for a multiple choice, shares of respondents, which may add up to more than 100); for numbers mean,
 * median, range and the count of each value; open answers listed newest first.
 */
export function aggregateAnswers(def: FormDefinition, answers: AnswerRow[], lang: 'it' | 'en' = 'it'): QuestionResult[] {
  const label = (t: { it: string; en?: string }) => (lang === 'en' ? (t.en ?? t.it) : t.it);
  return questionsOf(def).map((item): QuestionResult => {
    const base = { code: item.code, label: label(item.label), type: item.type };
    const given = answers.filter((a) => a.values[item.code] !== undefined && a.values[item.code] !== null && a.values[item.code] !== '');
    const options = optionsOf(item);
    if (options) {
      const counts = new Map(options.map((o) => [o.code, 0]));
      for (const a of given) {
        const v = a.values[item.code];
        for (const code of Array.isArray(v) ? v : [v]) if (counts.has(String(code))) counts.set(String(code), (counts.get(String(code)) ?? 0) + 1);
      }
      return {
        kind: 'choice',
        ...base,
        answered: given.length,
        options: options.map((o) => {
          const n = counts.get(o.code) ?? 0;
          return { code: o.code, label: label(o.label), count: n, percent: given.length ? round1((100 * n) / given.length) : 0 };
        }),
      };
    }
    if (NUMERIC.has(item.type) && !item.disaggregation) {
      const nums = given.map((a) => asNumber(a.values[item.code])).filter((n): n is number => n !== null).sort((x, y) => x - y);
      const byValue = new Map<number, number>();
      for (const n of nums) byValue.set(n, (byValue.get(n) ?? 0) + 1);
      return {
        kind: 'number',
        ...base,
        answered: nums.length,
        mean: nums.length ? round2(nums.reduce((s, n) => s + n, 0) / nums.length) : null,
        median: median(nums),
        min: nums.length ? nums[0] : null,
        max: nums.length ? nums[nums.length - 1] : null,
        distribution: [...byValue.entries()].map(([value, count]) => ({ value, count })),
      };
    }
    if (TEXTUAL.has(item.type)) {
      const list = given
        .filter((a) => typeof a.values[item.code] === 'string')
        .sort((x, y) => (y.submittedAt?.getTime() ?? 0) - (x.submittedAt?.getTime() ?? 0))
        .map((a) => ({ text: String(a.values[item.code]), submittedAt: a.submittedAt?.toISOString() ?? null, by: a.by }));
      return { kind: 'text', ...base, answered: list.length, answers: list };
    }
    // Tables, repeats and disaggregated figures do not belong in a feedback questionnaire: counted, not summarised.
    const answered = answers.filter((a) => Object.keys(a.values).some((k) => k === item.code || k.startsWith(`${item.code}.`))).length;
    return { kind: 'other', ...base, answered };
  });
}

/** A value as a reader sees it in an export: choice labels, Sì/No, numbers and texts as they are. */
export function displayValue(item: Item, value: unknown, lang: 'it' | 'en' = 'it'): string | number | null {
  if (value === undefined || value === null || value === '') return null;
  const options = optionsOf(item);
  const label = (code: unknown) => {
    const o = options?.find((x) => x.code === String(code));
    return o ? (lang === 'en' ? (o.label.en ?? o.label.it) : o.label.it) : String(code);
  };
  if (options) return Array.isArray(value) ? value.map(label).join('; ') : label(value);
  if (NUMERIC.has(item.type)) return asNumber(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
