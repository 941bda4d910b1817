import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../ui/Field.tsx';
import { layoutYears, useLayoutYear } from './layout.ts';

/** Chooses the year of the territorial layout (e.g. 2023: Sardinia's five old provinces; 2026: the eight new ones). */
export function LayoutYearForm() {
  const { t } = useTranslation();
  const { year, currentYear } = useLayoutYear();
  const [, setParams] = useSearchParams();
  const [value, setValue] = useState(String(year));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(Number(value) === currentYear ? {} : { anno: value });
  };
  return (
    <form className="row g-2 align-items-end mb-3 layout-form" onSubmit={submit} aria-label={t('territories.layoutForm')}>
      <div className="col-auto">
        <SelectField
          id="layout-year"
          label={t('territories.layoutYear')}
          value={value}
          onChange={setValue}
          options={layoutYears(currentYear).map((y) => ({
            value: String(y),
            label: y === currentYear ? t('territories.layoutCurrent', { year: y }) : t('territories.layoutEndOf', { year: y }),
          }))}
          hint={t('territories.layoutHint')}
        />
      </div>
      <div className="col-auto mb-5">
        <button type="submit" className="btn btn-primary btn-sm">
          {t('territories.showLayout')}
        </button>
      </div>
    </form>
  );
}
