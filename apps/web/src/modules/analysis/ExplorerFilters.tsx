import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/Field.tsx';
import type { Indicator, IndicatorTheme } from '../indicators/api.ts';
import { GroupedSelect, indicatorGroups } from '../indicators/IndicatorSelect.tsx';
import type { ExplorerState, MapLevel } from './explorer-state.ts';

interface ExplorerFiltersProps {
  state: ExplorerState;
  indicators: Indicator[];
  themes: IndicatorTheme[];
  /** The years with data of the chosen indicator, latest first. */
  years: string[];
  onApply: (patch: Partial<ExplorerState>) => void;
}

/** Indicator, level and year: edited here, applied (and written to the address) with the button. */
export function ExplorerFilters({ state, indicators, themes, years, onApply }: ExplorerFiltersProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState({ indicator: state.indicator, level: state.level, year: state.year });
  // The address may change under the form (back button, a link): the form follows it.
  useEffect(() => setDraft({ indicator: state.indicator, level: state.level, year: state.year }), [state.indicator, state.level, state.year]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="row g-3 align-items-start filter-form" onSubmit={submit} aria-label={t('analysis.filters')}>
      <div className="col-12 col-lg-4">
        <GroupedSelect
          id="explorer-indicator"
          label={t('analysis.indicator')}
          value={draft.indicator}
          onChange={(indicator) => setDraft((d) => ({ ...d, indicator }))}
          groups={indicatorGroups(indicators, themes, i18n.language, t)}
        />
      </div>
      <div className="col-6 col-lg-3">
        <SelectField
          id="explorer-level"
          label={t('analysis.level')}
          value={draft.level}
          onChange={(level) => setDraft((d) => ({ ...d, level: level as MapLevel }))}
          options={[
            { value: 'province', label: t('analysis.levels.province') },
            { value: 'region', label: t('analysis.levels.region') },
          ]}
        />
      </div>
      <div className="col-6 col-lg-3">
        <SelectField
          id="explorer-year"
          label={t('analysis.year')}
          value={draft.year}
          onChange={(year) => setDraft((d) => ({ ...d, year }))}
          emptyLabel={t('analysis.latestYear')}
          options={[...new Set([...years, ...(draft.year ? [draft.year] : [])])].map((y) => ({ value: y, label: y }))}
        />
      </div>
      <div className="col-12 col-lg-2 mb-3 explorer-apply">
        <button type="submit" className="btn btn-primary">
          {t('analysis.show')}
        </button>
      </div>
    </form>
  );
}
