import type { FormDefinition } from '@mosaico/form-engine/definition';
import { localToday, type Value } from '@mosaico/form-engine/values';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkValues, compileOrNull, type FormCheck, topCode } from './evaluation.ts';
import type { FormRuntime, ItemIssue, Scope } from './runtime.ts';

/**
 * What a respondent has typed, as the engine and the API take it: value key → raw value, and under a
 * repeat's code the array of its rows (each row: child code → raw value).
 */
export type EnteredValues = Record<string, unknown>;
type Row = Record<string, unknown>;

const ROW_KEY = /^([A-Za-z][A-Za-z0-9_]*)\[(\d+)\]\.(.+)$/;

/** A key inside a repetition is the engine's row key, `<repeat>[<index>].<key>`. */
function scoped(scope: Scope, key: string): string {
  return scope ? `${scope.repeat}[${scope.index}].${key}` : key;
}

export const VALUE_KEYS: FormRuntime['key'] = {
  item: (code, scope) => scoped(scope, code),
  cell: (code, row, column, scope) => scoped(scope, `${code}.${row}.${column}`),
  disaggregation: (code, options, scope) => scoped(scope, [code, ...options].join('.')),
};

function rowsOf(values: EnteredValues, repeat: string): Row[] {
  const rows = values[repeat];
  return Array.isArray(rows) ? (rows as Row[]) : [];
}

/**
 * What typing in a box "touches": the whole item (a disaggregation's or a table's cells are filled
 * together), or one row of a repeat.
 */
function touchUnit(key: string): string {
  const m = ROW_KEY.exec(key);
  return m ? `${m[1]}[${m[2]}]` : topCode(key);
}

function toValue(raw: unknown): Value {
  return raw === undefined ? null : (raw as Value);
}

export interface PreviewState {
  runtime: FormRuntime;
  /** The values as entered (starting from `initial`). */
  values: EnteredValues;
  check: FormCheck;
  /** The issues shown now, by value key (see `showAll`). */
  visible: Record<string, ItemIssue[]>;
  /** Shown errors by section code. */
  errorsBySection: Record<string, number>;
  /** Shows every issue, "required" ones included, as a submission would. */
  checkAll: () => void;
  checkedAll: boolean;
  reset: () => void;
  /**
   * Replaces some top-level values (value keys, or a repeat's code with its rows) without marking them touched:
   * values that come from elsewhere (another person's save, last year's figures). null empties a key.
   */
  mergeValues: (patch: EnteredValues) => void;
}

/**
 * The preview's values, kept in memory only, and the runtime the item renderers use: every change is
 * evaluated again by the shared engine (relevance, required, constraints, computed values, rules).
 * "Required" is said only for items the person has touched, until they ask to check the whole form.
 */
export function usePreviewRuntime(definition: FormDefinition, idPrefix: string, initial?: EnteredValues): PreviewState {
  const { i18n } = useTranslation();
  const [values, setValues] = useState<EnteredValues>(() => initial ?? {});
  const [formatErrors, setFormatErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [checkedAll, setCheckedAll] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const compiled = useMemo(() => compileOrNull(definition), [definition]);
  const check = useMemo(() => checkValues(compiled, values, lang, localToday()), [compiled, values, lang]);

  const visible = useMemo(() => {
    const out: Record<string, ItemIssue[]> = {};
    for (const [key, list] of Object.entries(check.issues)) {
      const shown = list.filter((i) => i.code !== 'required' || checkedAll || touched.has(touchUnit(key)));
      // Text that is not a number is said in the interface's words (it accepts a decimal comma).
      out[key] = formatErrors[key] ? shown.filter((i) => i.code !== 'type') : shown;
    }
    for (const [key, message] of Object.entries(formatErrors)) out[key] = [{ severity: 'error', message, code: 'type' }, ...(out[key] ?? [])];
    for (const key of Object.keys(out)) if (!out[key].length) delete out[key];
    return out;
  }, [check, checkedAll, touched, formatErrors]);

  const errorsBySection = useMemo(() => {
    const counts: Record<string, number> = {};
    for (const key of Object.keys(visible)) {
      const section = check.sectionOf(key);
      if (section) counts[section] = (counts[section] ?? 0) + 1;
    }
    return counts;
  }, [visible, check]);

  const setValue = useCallback((key: string, value: Value) => {
    const unit = touchUnit(key);
    setTouched((t) => (t.has(unit) ? t : new Set([...t, unit])));
    setValues((v) => {
      const m = ROW_KEY.exec(key);
      if (!m) return { ...v, [key]: value };
      const [, repeat, index, inner] = m;
      const rows = [...rowsOf(v, repeat)];
      rows[Number(index)] = { ...rows[Number(index)], [inner]: value };
      return { ...v, [repeat]: rows };
    });
  }, []);

  const setFormatError = useCallback((key: string, message: string | null) => {
    setFormatErrors((e) => {
      if ((e[key] ?? null) === message) return e;
      const next = { ...e };
      if (message) next[key] = message;
      else delete next[key];
      return next;
    });
  }, []);

  const runtime = useMemo<FormRuntime>(() => {
    const value = (key: string): Value => {
      if (key in check.computed) return check.computed[key];
      const m = ROW_KEY.exec(key);
      if (!m) return toValue(values[key]);
      return toValue(rowsOf(values, m[1])[Number(m[2])]?.[m[3]]);
    };
    return {
      idPrefix,
      definition,
      readOnly: false,
      key: VALUE_KEYS,
      value,
      setValue,
      setFormatError,
      isRelevant: (code, scope) => check.isRelevant(VALUE_KEYS.item(code, scope)),
      isRequired: (code, scope) => check.isRequired(VALUE_KEYS.item(code, scope)),
      issues: (key) => visible[key] ?? [],
      repeatCount: (code, scope) => (scope ? 0 : rowsOf(values, code).length),
      addRepetition: (code) => setValues((v) => ({ ...v, [code]: [...rowsOf(v, code), {}] })),
      removeRepetition: (code, index) => {
        setValues((v) => ({ ...v, [code]: rowsOf(v, code).filter((_, i) => i !== index) }));
        // The rows after the removed one move up: keys of this group's rows no longer mean the same row.
        const inGroup = (k: string) => k.startsWith(`${code}[`);
        setFormatErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !inGroup(k))));
        setTouched((t) => new Set([...t].filter((k) => !inGroup(k))));
      },
    };
  }, [values, check, visible, idPrefix, definition, setValue, setFormatError]);

  const reset = useCallback(() => {
    setValues({});
    setFormatErrors({});
    setTouched(new Set());
    setCheckedAll(false);
  }, []);
  const checkAll = useCallback(() => setCheckedAll(true), []);
  const mergeValues = useCallback((patch: EnteredValues) => {
    setValues((v) => {
      const next = { ...v };
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined) delete next[key];
        else next[key] = value;
      }
      return next;
    });
    // A number box with text that was not a number shows the new value instead, so its message goes too.
    setFormatErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  }, []);

  return { runtime, values, check, visible, errorsBySection, checkAll, checkedAll, reset, mergeValues };
}
