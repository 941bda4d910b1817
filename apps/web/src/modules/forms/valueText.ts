import type { FormDefinition, Item } from '@mosaico/form-engine/definition';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { topCode } from './evaluation.ts';
import { formatNumber } from './numbers.ts';
import { useLocalText } from './text.ts';

/** Every item of a definition by code, repeat children included. */
export function itemsByCode(definition: FormDefinition): Map<string, Item> {
  const items = new Map<string, Item>();
  const add = (list: Item[]) => {
    for (const i of list) {
      items.set(i.code, i);
      if (i.items) add(i.items);
    }
  };
  for (const s of definition.sections) add(s.items);
  return items;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * A stored value as a person reads it (history, last year's value): choices by their label, yes/no in words,
 * numbers and dates in the interface's locale, a repeat as its number of rows; "(vuoto)" for no value.
 */
export function useValueText(definition: FormDefinition) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const local = useLocalText();
  const items = useMemo(() => itemsByCode(definition), [definition]);
  return useCallback(
    (key: string, value: unknown): string => {
      if (blank(value)) return t('dataEntry.value.empty');
      const item = items.get(topCode(key));
      const [, ...path] = key.split('.');
      const type = item?.type === 'table' ? item.columns?.find((c) => c.code === path[1])?.type : item?.type;
      if (type === 'repeat' && Array.isArray(value)) return t('dataEntry.value.rows', { count: value.length });
      if (typeof value === 'number') return `${formatNumber(value, i18n.language)}${type === 'percentage' ? ' %' : ''}`;
      if (type === 'yes_no' && (value === 'yes' || value === 'no')) return t(value === 'yes' ? 'common.yes' : 'common.no');
      if (type === 'date' && typeof value === 'string') return f.date(value);
      const label = (code: unknown) => {
        const option = item?.choices?.find((c) => c.code === code);
        return option ? local(option.label) : String(code);
      };
      if (type === 'single_choice') return label(value);
      if (Array.isArray(value)) return value.map(label).join(', ');
      return typeof value === 'string' ? value : JSON.stringify(value);
    },
    [items, t, i18n.language, f, local],
  );
}
