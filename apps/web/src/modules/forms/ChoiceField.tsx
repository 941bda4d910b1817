import type { Item, Option } from '@mosaico/form-engine/definition';
import { useTranslation } from 'react-i18next';
import { describedBy, hasError, ItemHelp, ItemIssues, RequiredText } from './ItemParts.tsx';
import { controlId, type Scope, useFormRuntime } from './runtime.ts';
import { useLocalNode } from './LocalText.tsx';

/** The options of yes/no items (in the interface language), with the values expressions compare against. */
export function useYesNo(): Option[] {
  const { t } = useTranslation();
  return [
    { code: 'yes', label: { it: t('common.yes'), en: t('common.yes') } },
    { code: 'no', label: { it: t('common.no'), en: t('common.no') } },
  ];
}

/**
 * Single choice and yes/no as radio buttons, multiple choice as checkboxes, in a fieldset named by the item;
 * "required" is said once, in the legend, rather than on every option.
 */
export function ChoiceField({ item, scope }: { item: Item; scope: Scope }) {
  const rt = useFormRuntime();
  const node = useLocalNode();
  const yesNo = useYesNo();
  const key = rt.key.item(item.code, scope);
  const id = controlId(rt, key);
  const required = rt.isRequired(item.code, scope);
  const issues = rt.issues(key);
  const invalid = hasError(issues);
  const multiple = item.type === 'multiple_choice';
  const options = item.type === 'yes_no' ? yesNo : (item.choices ?? []);
  const value = rt.value(key);
  const selected = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];

  const toggle = (code: string, checked: boolean) => {
    if (!multiple) return rt.setValue(key, code);
    const next = checked ? [...selected, code] : selected.filter((c) => c !== code);
    // Kept in the order of the options, so the value does not depend on the order of the clicks.
    rt.setValue(
      key,
      options.map((o) => o.code).filter((c) => next.includes(c)),
    );
  };

  return (
    <fieldset id={id} className={`form-item form-item-${item.type} mb-4`} aria-describedby={describedBy(id, { hint: !!item.help, issues: issues.length > 0 })}>
      <legend className="item-legend">
        {node(item.label)}
        <RequiredText required={required} />
      </legend>
      <div className={item.type === 'yes_no' ? 'd-flex gap-4' : undefined}>
        {options.map((o) => {
          const optionId = `${id}-${o.code.replace(/[^A-Za-z0-9_-]/g, '-')}`;
          return (
            <div key={o.code} className="form-check my-1">
              <input
                id={optionId}
                name={id}
                type={multiple ? 'checkbox' : 'radio'}
                value={o.code}
                checked={selected.includes(o.code)}
                disabled={rt.readOnly}
                aria-invalid={invalid ? true : undefined}
                onChange={(e) => toggle(o.code, e.target.checked)}
              />
              <label htmlFor={optionId}>{node(o.label)}</label>
            </div>
          );
        })}
      </div>
      <ItemHelp id={id} item={item} />
      <ItemIssues id={id} issues={issues} />
    </fieldset>
  );
}
