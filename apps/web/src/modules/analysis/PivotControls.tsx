import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField } from '../../ui/Field.tsx';
import type { DataElement, Indicator, IndicatorLevel, IndicatorTheme } from '../indicators/api.ts';
import { GroupedSelect, indicatorGroups } from '../indicators/IndicatorSelect.tsx';
import { localized } from '../indicators/text.ts';
import type { PivotState } from './pivot-state.ts';

interface PivotControlsProps {
  state: PivotState;
  indicators: Indicator[];
  themes: IndicatorTheme[];
  elements: DataElement[];
  regions: { code: string; name: string }[];
  /** The years the chosen measure has, oldest first. */
  years: string[];
  onApply: (s: PivotState) => void;
}

/** What the pivot shows: measure, level, years, breakdown, region and which dimension runs down the rows. */
export function PivotControls({ state, indicators, themes, elements, regions, years, onApply }: PivotControlsProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(state);
  useEffect(() => setDraft(state), [state]);
  const set = <K extends keyof PivotState>(k: K) => (v: PivotState[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const element = draft.measure.startsWith('element:') ? elements.find((e) => `element:${e.code}` === draft.measure) : undefined;
  const groups = [
    ...indicatorGroups(indicators, themes, i18n.language, t).map((g) => ({ ...g, options: g.options.map((o) => ({ ...o, value: `indicator:${o.value}` })) })),
    {
      label: t('analysis.pivot.elements'),
      options: [...elements].sort((a, b) => a.code.localeCompare(b.code)).map((e) => ({ value: `element:${e.code}`, label: localized(e.name, i18n.language) === e.code ? e.code : `${localized(e.name, i18n.language)} (${e.code})` })),
    },
  ].filter((g) => g.options.length);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filter-form mb-4" onSubmit={submit} aria-label={t('analysis.pivot.controls')}>
      <div className="row g-3 align-items-start">
        <div className="col-12 col-lg-6">
          <GroupedSelect id="pivot-measure" label={t('analysis.pivot.measure')} value={draft.measure} onChange={set('measure')} groups={groups} />
        </div>
        <div className="col-6 col-lg-3">
          <SelectField
            id="pivot-level"
            label={t('analysis.level')}
            value={draft.level}
            onChange={(v) => set('level')(v as IndicatorLevel)}
            options={(['province', 'region', 'nation'] as const).map((l) => ({ value: l, label: t(`analysis.levels.${l}`) }))}
          />
        </div>
        <div className="col-6 col-lg-3">
          <SelectField
            id="pivot-rows"
            label={t('analysis.pivot.rows')}
            value={draft.rows}
            onChange={(v) => set('rows')(v as PivotState['rows'])}
            options={[
              { value: 'territories', label: t('analysis.pivot.rowsTerritories') },
              { value: 'periods', label: t('analysis.pivot.rowsPeriods') },
            ]}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <SelectField
            id="pivot-territory"
            label={t('analysis.pivot.region')}
            value={draft.level === 'nation' ? '' : draft.territory}
            onChange={set('territory')}
            disabled={draft.level === 'nation'}
            emptyLabel={t('analysis.pivot.allItaly')}
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
          />
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <SelectField
            id="pivot-breakdown"
            label={t('analysis.pivot.breakdown')}
            value={element ? draft.breakdown : ''}
            onChange={set('breakdown')}
            disabled={!element?.categories.length}
            hint={element ? undefined : t('analysis.pivot.breakdownHint')}
            emptyLabel={t('analysis.pivot.noBreakdown')}
            options={(element?.categories ?? []).map((c) => ({ value: c, label: c }))}
          />
        </div>
      </div>
      {years.length > 0 && (
        <fieldset className="mt-3">
          <legend className="h6">{t('analysis.pivot.years')}</legend>
          <p className="small mb-1">{t('analysis.pivot.yearsHint')}</p>
          <div className="d-flex flex-wrap gap-3">
            {years.map((y) => (
              <CheckboxField
                key={y}
                id={`pivot-year-${y}`}
                className="my-0"
                label={y}
                checked={draft.periods.includes(y)}
                onChange={(on) => set('periods')(on ? [...draft.periods, y] : draft.periods.filter((p) => p !== y))}
              />
            ))}
          </div>
        </fieldset>
      )}
      <button type="submit" className="btn btn-primary mt-3">
        {t('analysis.show')}
      </button>
    </form>
  );
}
