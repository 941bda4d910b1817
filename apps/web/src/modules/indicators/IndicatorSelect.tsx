import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorTheme } from './api.ts';
import { localized } from './text.ts';

export interface OptionGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** Indicators grouped by theme (Zaragoza areas, National Integration Plan lines, custom), in the themes' order. */
export function indicatorGroups(indicators: Indicator[], themes: IndicatorTheme[], lang: string, t: (k: string) => string): OptionGroup[] {
  const kinds = ['zaragoza', 'pni', 'custom'];
  const ordered = [...themes].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.order - b.order);
  const byName = (a: Indicator, b: Indicator) => localized(a.name, lang).localeCompare(localized(b.name, lang), lang);
  const groups: OptionGroup[] = ordered
    .map((th) => ({
      label: `${t(`indicators.themeKinds.${th.kind}`)} – ${localized(th.name, lang)}`,
      options: indicators
        .filter((i) => i.themes.includes(th.code))
        .sort(byName)
        .map((i) => ({ value: i.code, label: localized(i.name, lang) })),
    }))
    .filter((g) => g.options.length > 0);
  const known = new Set(themes.map((th) => th.code));
  const rest = indicators.filter((i) => !i.themes.some((c) => known.has(c))).sort(byName);
  if (rest.length) groups.push({ label: t('indicators.noTheme'), options: rest.map((i) => ({ value: i.code, label: localized(i.name, lang) })) });
  return groups;
}

interface GroupedSelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  groups: OptionGroup[];
  /** Options before the groups (e.g. an empty choice). */
  leading?: { value: string; label: string }[];
  required?: boolean;
  hint?: string;
}

/** A labelled select whose options are grouped (optgroup), in the markup of the app's SelectField. */
export function GroupedSelect({ id, label, value, onChange, groups, leading, required, hint }: GroupedSelectProps) {
  const { t } = useTranslation();
  return (
    <div className="form-group">
      <div className="select-wrapper">
        <label htmlFor={id}>
          {label}
          {required && (
            <span className="required-mark" aria-hidden="true">
              {' '}*
            </span>
          )}
        </label>
        <select id={id} name={id} value={value} required={required} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value)}>
          {!value && !leading?.length && <option value="">{t('indicators.choose')}</option>}
          {leading?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {hint && (
        <small id={`${id}-hint`} className="form-text d-block">
          {hint}
        </small>
      )}
    </div>
  );
}
