import { INDICATOR_AGGREGATIONS, TIME_RULES } from '@mosaico/contracts/indicators';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, RequiredNote, SelectField, TextField } from '../../ui/Field.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { type FormulaCheck, type FormulaIssue, type Indicator, type IndicatorInput, type IndicatorTheme, useValidateFormula } from './api.ts';
import { FormulaField } from './FormulaField.tsx';
import { localized } from './text.ts';

export interface IndicatorValues {
  code: string;
  nameIt: string;
  nameEn: string;
  descriptionIt: string;
  themes: string[];
  numerator: string;
  denominator: string;
  factor: string;
  unitIt: string;
  unitEn: string;
  decimals: string;
  aggregation: string;
  weight: string;
  timeRule: string;
  key: boolean;
}

export const EMPTY_INDICATOR: IndicatorValues = {
  code: '',
  nameIt: '',
  nameEn: '',
  descriptionIt: '',
  themes: [],
  numerator: '',
  denominator: '',
  factor: '1',
  unitIt: '',
  unitEn: '',
  decimals: '1',
  aggregation: 'ratio_of_sums',
  weight: '',
  timeRule: 'stock',
  key: false,
};

export function valuesOf(i: Indicator): IndicatorValues {
  return {
    code: i.code,
    nameIt: i.name.it,
    nameEn: i.name.en ?? '',
    descriptionIt: i.description?.it ?? '',
    themes: i.themes,
    numerator: i.numerator,
    denominator: i.denominator ?? '',
    factor: String(i.factor),
    unitIt: i.unit?.it ?? '',
    unitEn: i.unit?.en ?? '',
    decimals: String(i.decimals),
    aggregation: i.aggregation,
    weight: i.weight ?? '',
    timeRule: i.timeRule,
    key: i.key,
  };
}

/** Figures typed Italian-style ("1.000", "0,5") become numbers; what is not a number is sent as is, for the API to name. */
function numberOf(s: string): number | string {
  const t = s.trim().replace(/\./g, '').replace(',', '.');
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : s;
}

function bodyOf(v: IndicatorValues): IndicatorInput {
  return {
    code: v.code.trim(),
    name: { it: v.nameIt, ...(v.nameEn.trim() ? { en: v.nameEn } : {}) },
    description: v.descriptionIt.trim() ? { it: v.descriptionIt } : null,
    themes: v.themes,
    numerator: v.numerator,
    denominator: v.denominator.trim() || null,
    factor: numberOf(v.factor) as number,
    unit: v.unitIt.trim() ? { it: v.unitIt, ...(v.unitEn.trim() ? { en: v.unitEn } : {}) } : null,
    decimals: numberOf(v.decimals) as number,
    aggregation: v.aggregation as IndicatorInput['aggregation'],
    weight: v.aggregation === 'weighted_average' ? v.weight.trim() || null : null,
    timeRule: v.timeRule as IndicatorInput['timeRule'],
    key: v.key,
  };
}

// API field paths → form fields.
const FIELD_OF: Record<string, keyof IndicatorValues> = { 'name.it': 'nameIt', 'name.en': 'nameEn', 'description.it': 'descriptionIt', 'unit.it': 'unitIt', 'unit.en': 'unitEn' };
const FORMULA_FIELDS = ['numerator', 'denominator', 'weight'] as const;
type FormulaName = (typeof FORMULA_FIELDS)[number];

function formulaIssuesOf(err: unknown): FormulaIssue[] {
  if (!isApiError(err) || err.code !== 'invalid_formula') return [];
  const issues = (err.details as { issues?: FormulaIssue[] } | null)?.issues ?? [];
  return issues.filter((i) => typeof i.start === 'number');
}

interface IndicatorFormProps {
  initial: IndicatorValues;
  themes: IndicatorTheme[];
  /** Editing an existing indicator: its code is fixed. */
  editing?: boolean;
  onSubmit: (body: IndicatorInput) => Promise<void>;
  submitting: boolean;
  summaryExtra?: (err: unknown) => ReactNode;
}

/** An indicator's definition: names, formulas (checked with their faults shown at their position), rules and themes. */
export function IndicatorForm({ initial, themes, editing, onSubmit, submitting, summaryExtra }: IndicatorFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(initial);
  const [issues, setIssues] = useState<FormulaIssue[]>([]);
  const [check, setCheck] = useState<FormulaCheck | null>(null);
  const [lastError, setLastError] = useState<unknown>(null);
  const validate = useValidateFormula();
  const { errors, fromError, setLocal, clear } = useFormErrors({ fieldOf: (f) => FIELD_OF[f] ?? f.split('.')[0] });
  const set = (k: keyof IndicatorValues) => (v: string) => {
    setValues((s) => ({ ...s, [k]: v }));
    // A changed formula is no longer the one checked.
    if ((FORMULA_FIELDS as readonly string[]).includes(k)) {
      setIssues((list) => list.filter((i) => i.field !== k));
      setCheck(null);
    }
  };
  const labels: Record<string, string> = {
    code: t('indicators.fields.code'),
    nameIt: t('indicators.fields.nameIt'),
    nameEn: t('indicators.fields.nameEn'),
    descriptionIt: t('indicators.fields.description'),
    themes: t('indicators.fields.themes'),
    numerator: t('indicators.fields.numerator'),
    denominator: t('indicators.fields.denominator'),
    factor: t('indicators.fields.factor'),
    unitIt: t('indicators.fields.unitIt'),
    unitEn: t('indicators.fields.unitEn'),
    decimals: t('indicators.fields.decimals'),
    aggregation: t('indicators.fields.aggregation'),
    weight: t('indicators.fields.weight'),
    timeRule: t('indicators.fields.timeRule'),
    key: t('indicators.fields.key'),
  };
  const issuesOf = (field: FormulaName) => issues.filter((i) => i.field === field);
  /** Each formula's first fault, for the summary at the top. */
  const formulaSummary = (list: FormulaIssue[]) => Object.fromEntries(FORMULA_FIELDS.flatMap((f) => {
    const mine = list.filter((i) => i.field === f);
    return mine.length ? [[f, mine.map((i) => i.message).join(' ')]] : [];
  }));

  const runCheck = async () => {
    clear();
    setCheck(null);
    try {
      const res = await validate.mutateAsync({
        code: editing ? values.code : undefined,
        numerator: values.numerator,
        denominator: values.denominator.trim() || null,
        weight: values.aggregation === 'weighted_average' ? values.weight.trim() || null : null,
      });
      setIssues(res.issues);
      setCheck(res);
      if (!res.valid) setLocal(t('indicators.form.checkFailed'), formulaSummary(res.issues));
    } catch (err) {
      fromError(err);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setCheck(null);
    setLastError(null);
    try {
      await onSubmit(bodyOf(values));
    } catch (err) {
      setLastError(err);
      const found = formulaIssuesOf(err);
      setIssues(found);
      fromError(err, formulaSummary(found));
    }
  };

  const field = (k: keyof IndicatorValues) => ({ id: `indicator-${k}`, label: labels[k], value: String(values[k]), onChange: set(k), error: issuesOf(k as FormulaName).length ? undefined : errors.fields[k] });
  const kinds = ['zaragoza', 'pni', 'custom'];
  const sortedThemes = [...themes].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.order - b.order);

  return (
    <form id="indicator-form" noValidate onSubmit={submit}>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="indicator">
        {lastError ? summaryExtra?.(lastError) : null}
      </ErrorSummary>
      <fieldset className="form-fieldset mb-4">
        <legend className="h5 px-0">{t('indicators.form.identity')}</legend>
        <TextField {...field('code')} required disabled={editing} maxLength={64} autoComplete="off" hint={t('indicators.fields.codeHint')} />
        <TextField {...field('nameIt')} required maxLength={300} />
        <TextField {...field('nameEn')} maxLength={300} />
        <TextField {...field('descriptionIt')} multiline rows={3} maxLength={4000} />
      </fieldset>
      <fieldset className="form-fieldset mb-4">
        <legend className="h5 px-0">{t('indicators.form.formulas')}</legend>
        <p className="small mb-5">{t('indicators.form.syntax')}</p>
        <FormulaField {...field('numerator')} required hint={t('indicators.fields.numeratorHint')} issues={issuesOf('numerator')} />
        <FormulaField {...field('denominator')} hint={t('indicators.fields.denominatorHint')} issues={issuesOf('denominator')} />
        <TextField {...field('factor')} required inputMode="decimal" hint={t('indicators.fields.factorHint')} />
        <div className="d-flex flex-wrap align-items-center gap-3 mb-3">
          <button type="button" className="btn btn-outline-primary" onClick={runCheck} disabled={validate.isPending}>
            {t('indicators.form.check')}
          </button>
          <p className="mb-0" role="status" aria-live="polite">
            {check?.valid
              ? t('indicators.form.checkOk', {
                  elements: check.elements.join(', ') || '—',
                  indicators: check.indicators.join(', ') || '—',
                })
              : check
                ? t('indicators.form.checkIssues', { count: check.issues.length })
                : ''}
          </p>
        </div>
      </fieldset>
      <fieldset className="form-fieldset mb-4">
        <legend className="h5 px-0">{t('indicators.form.rules')}</legend>
        <div className="row">
          <div className="col-md-6">
            <TextField {...field('unitIt')} maxLength={60} hint={t('indicators.fields.unitHint')} />
          </div>
          <div className="col-md-6">
            <TextField {...field('unitEn')} maxLength={60} />
          </div>
        </div>
        <TextField {...field('decimals')} required type="number" min="0" max="6" inputMode="numeric" />
        <SelectField {...field('aggregation')} required options={INDICATOR_AGGREGATIONS.map((a) => ({ value: a, label: t(`indicators.aggregations.${a}`) }))} hint={t('indicators.fields.aggregationHint')} />
        {values.aggregation === 'weighted_average' && (
          <FormulaField {...field('weight')} required hint={t('indicators.fields.weightHint')} issues={issuesOf('weight')} />
        )}
        <SelectField {...field('timeRule')} required options={TIME_RULES.map((r) => ({ value: r, label: t(`indicators.timeRules.${r}`) }))} />
        <CheckboxField id="indicator-key" label={labels.key} checked={values.key} onChange={(key) => setValues((s) => ({ ...s, key }))} hint={t('indicators.fields.keyHint')} />
      </fieldset>
      <fieldset className="form-fieldset mb-4" id="indicator-themes" aria-describedby={errors.fields.themes ? 'indicator-themes-error' : undefined}>
        <legend className="h5 px-0">{labels.themes}</legend>
        {sortedThemes.map((th) => (
          <CheckboxField
            key={th.code}
            id={`indicator-theme-${th.code}`}
            label={`${t(`indicators.themeKinds.${th.kind}`)} – ${localized(th.name, i18n.language)}`}
            checked={values.themes.includes(th.code)}
            onChange={(on) => setValues((s) => ({ ...s, themes: on ? [...s.themes, th.code] : s.themes.filter((c) => c !== th.code) }))}
          />
        ))}
        {errors.fields.themes && (
          <div id="indicator-themes-error" className="invalid-feedback d-block field-error">
            {errors.fields.themes}
          </div>
        )}
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={submitting}>
        {submitting ? t('common.saving') : t('common.save')}
      </button>
    </form>
  );
}
