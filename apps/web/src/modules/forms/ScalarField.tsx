import type { Item } from '@mosaico/form-engine/definition';
import { useTranslation } from 'react-i18next';
import { describedBy, hasError, ItemHelp, ItemIssues, RequiredMark } from './ItemParts.tsx';
import { NumberInput } from './NumberInput.tsx';
import { controlId, type Scope, useFormRuntime } from './runtime.ts';
import { useLocalNode } from './LocalText.tsx';
import { useLocalText } from './text.ts';

const NUMERIC = new Set(['integer', 'decimal', 'percentage']);

/** The unit shown after a number ("%" for percentages without one). */
export function useUnit() {
  const local = useLocalText();
  return (item: Pick<Item, 'type' | 'unit'>): string => (item.unit ? local(item.unit) : item.type === 'percentage' ? '%' : '');
}

/** integer, decimal, percentage (with their unit), text, long text and date items. */
export function ScalarField({ item, scope }: { item: Item; scope: Scope }) {
  const rt = useFormRuntime();
  const node = useLocalNode();
  const unitOf = useUnit();
  const key = rt.key.item(item.code, scope);
  const id = controlId(rt, key);
  const required = rt.isRequired(item.code, scope);
  const issues = rt.issues(key);
  const invalid = hasError(issues);
  const unit = unitOf(item);
  const numeric = NUMERIC.has(item.type);
  const described = describedBy(id, { hint: !!item.help, extra: numeric && !!unit, issues: issues.length > 0 });
  const value = rt.value(key);
  const text = typeof value === 'string' ? value : '';
  const common = {
    id,
    name: id,
    required,
    readOnly: rt.readOnly,
    'aria-labelledby': `${id}-label`,
    'aria-describedby': described,
    'aria-invalid': invalid ? true : undefined,
    className: `form-control${invalid ? ' is-invalid' : ''}`,
  } as const;

  return (
    <div className={`form-group form-item form-item-${item.type}`}>
      <label htmlFor={id} className="active">
        <span id={`${id}-label`}>{node(item.label)}</span>
        <RequiredMark required={required} />
      </label>
      {numeric ? (
        <div className="input-group number-group">
          <NumberInput id={id} valueKey={key} kind={item.type as 'integer'} required={required} invalid={invalid} labelledBy={`${id}-label`} describedBy={described} />
          {unit && (
            <span className="input-group-text" id={`${id}-extra`}>
              {unit}
            </span>
          )}
        </div>
      ) : item.type === 'long_text' ? (
        <textarea {...common} rows={5} value={text} onChange={(e) => rt.setValue(key, e.target.value)} />
      ) : (
        <input
          {...common}
          type={item.type === 'date' ? 'date' : 'text'}
          value={text}
          onChange={(e) => rt.setValue(key, e.target.value)}
          className={`${common.className}${item.type === 'date' ? ' date-input' : ''}`}
        />
      )}
      <ItemHelp id={id} item={item} />
      <ItemIssues id={id} issues={issues} />
    </div>
  );
}

/** A computed item: read-only, its formula in the hint. */
export function CalculatedField({ item, scope }: { item: Item; scope: Scope }) {
  const { t, i18n } = useTranslation();
  const rt = useFormRuntime();
  const node = useLocalNode();
  const unitOf = useUnit();
  const key = rt.key.item(item.code, scope);
  const id = controlId(rt, key);
  const issues = rt.issues(key);
  const value = rt.value(key);
  const unit = unitOf(item);
  const shown =
    value == null
      ? ''
      : typeof value === 'number'
        ? new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: 6 }).format(value)
        : Array.isArray(value)
          ? value.join(', ')
          : typeof value === 'boolean'
            ? t(value ? 'common.yes' : 'common.no')
            : value === 'yes' || value === 'no'
              ? t(value === 'yes' ? 'common.yes' : 'common.no')
              : value;
  return (
    <div className="form-group form-item form-item-calculated">
      <label htmlFor={id} className="active">
        <span id={`${id}-label`}>{node(item.label)}</span>
      </label>
      <div className="input-group number-group">
        <input
          id={id}
          name={id}
          type="text"
          readOnly
          className="form-control text-end calculated-value"
          value={shown}
          placeholder={t('forms.preview.notComputed')}
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy(id, { hint: !!item.help, extra: true, issues: issues.length > 0 })}
        />
        {unit && <span className="input-group-text">{unit}</span>}
      </div>
      <small id={`${id}-extra`} className="form-text d-block">
        {t('forms.preview.calculated')} <code className="expression">{item.calculate}</code>
        {unit && <span className="visually-hidden"> ({unit})</span>}
      </small>
      <ItemHelp id={id} item={item} />
      <ItemIssues id={id} issues={issues} />
    </div>
  );
}
